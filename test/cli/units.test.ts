/**
 * The CLI's pure parts, in-process: globs, argument parsing, the progress bar, HTML escaping, and
 * the string assembly of JSON / SARIF documents (which must equal plain JSON.stringify).
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { compileGlob, matchDir, matchFile, matchInclude } from '../../server/src/cli/glob';
import { parseArgs, parseSize, UsageError } from '../../server/src/cli/args';
import { createProgress, renderBar } from '../../server/src/cli/progress';
import { axisTicks, esc, ruleChart } from '../../server/src/cli/formatHtml';
import { assembleJson, jsonSummary } from '../../server/src/cli/formatJson';
import { assembleSarif } from '../../server/src/cli/formatSarif';
import { processInput, renderOutcome } from '../../server/src/cli/render';
import { checkText } from '../../server/src/cli/check';
import { summarize } from '../../server/src/cli/summary';
import { decodeReport } from '../../server/src/cli/read';
import { batchSizeFor, checkAll, decideJobs, PARALLEL_MIN_INPUTS } from '../../server/src/cli/pool';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { CLEAN, NO_PROVIDER, ROOT, WITH_ERROR, tmpDir, write } from './helpers';

test('globs: *, **, ?, [..], {..}, anchoring as in .gitignore, case-insensitive', () => {
  const m = (p: string, rel: string) => matchFile(compileGlob(p), rel, rel);
  assert.ok(m('*.txt', 'a/b/c.TXT'));
  assert.ok(!m('*.txt', 'a/b/c.txt.bak'));
  assert.ok(m('*.report.txt', 'x/y.report.txt'));
  assert.ok(m('drafts', 'a/drafts/c.txt'), 'a bare name matches a directory on the way');
  assert.ok(!m('drafts', 'a/drafts-old/c.txt'));
  assert.ok(m('a/*.txt', 'a/c.txt'));
  assert.ok(!m('a/*.txt', 'b/a/c.txt'), 'a middle slash anchors to the walked directory');
  assert.ok(m('**/a/*.txt', 'b/a/c.txt'));
  assert.ok(m('a/**', 'a/b/c/d.txt'));
  assert.ok(m('a/**/d.txt', 'a/d.txt'));
  assert.ok(m('a/**/d.txt', 'a/b/c/d.txt'));
  assert.ok(m('r?.txt', 'r1.txt') && !m('r?.txt', 'r10.txt'));
  assert.ok(m('r[0-4].txt', 'r3.txt') && !m('r[0-4].txt', 'r7.txt') && m('r[!0-4].txt', 'r7.txt'));
  assert.ok(m('*.{md,txt}', 'x.md') && m('*.{md,txt}', 'x.txt') && !m('*.{md,txt}', 'x.rtf'));
  assert.ok(m('{a,b/{c,d}}/*.txt', 'b/d/x.txt'));
  assert.ok(m('\\*.txt', '*.txt') && !m('\\*.txt', 'a.txt'));
  assert.ok(m('./a/*.txt', 'a/x.txt'));
  assert.ok(m('/a/*.txt', 'a/x.txt'), 'a leading slash anchors');
  assert.ok(matchDir(compileGlob('drafts/'), 'x/drafts', '/tmp/x/drafts'));
  assert.ok(!matchInclude(compileGlob('*.txt'), 'a.txt/b.md', 'a.txt/b.md'), 'include looks at the base name');
  assert.throws(() => compileGlob('  '));
  assert.ok(m('[unclosed', '[unclosed') && m('{open', '{open'));
});

test('argument parsing: values inline or separate, short forms, -- ends options', () => {
  const o = parseArgs([
    'check',
    '-fjson',
    '-j2',
    '--include=*.rpt',
    '--exclude',
    'x',
    '-q',
    '--',
    '--weird-name.txt',
    '-',
  ]);
  assert.ok(typeof o === 'object');
  assert.equal(o.format, 'json');
  assert.equal(o.jobs, 2);
  assert.deepEqual(o.include, ['*.rpt']);
  assert.deepEqual(o.exclude, ['x']);
  assert.equal(o.quiet, true);
  assert.deepEqual(o.operands, ['--weird-name.txt', '-']);
  assert.equal(parseArgs(['--version']), 'version');
  assert.equal(parseArgs(['check', '-h']), 'help');
  assert.throws(() => parseArgs(['check', '--quiet=yes', 'a']), UsageError);
  const env = parseArgs(['check', 'a'], { TBS_REPORT_JOBS: '4' });
  assert.ok(typeof env === 'object' && env.jobs === 4);
  assert.equal(parseSize('512'), 512);
  assert.equal(parseSize('2K'), 2048);
  assert.equal(parseSize('1.5 MB'), 1572864);
  assert.throws(() => parseSize('0'), UsageError);
});

test('parallelism: small batches in-process, large ones on all cores; explicit --jobs wins', () => {
  assert.equal(decideJobs('auto', PARALLEL_MIN_INPUTS - 1), 1);
  assert.ok(decideJobs('auto', 10_000) >= 1);
  assert.equal(decideJobs(4, 10), 4);
  assert.equal(decideJobs(4, 2), 2, 'never more threads than inputs');
  assert.equal(decideJobs(1, 10_000), 1);
  assert.equal(batchSizeFor(10_000, 2), 200);
  assert.equal(batchSizeFor(20, 4), 8);
});

test('progress bar: only on a TTY, only after the delay, erased at the end', () => {
  const writes: string[] = [];
  let now = 0;
  const tty = { isTTY: true, columns: 100, write: (s: string) => writes.push(s) };
  const p = createProgress(tty, true, 300, 100, () => now);
  p.update(10, 100);
  assert.deepEqual(writes, [], 'not before the delay');
  now = 400;
  p.update(50, 100);
  assert.equal(writes.length, 1);
  assert.match(writes[0], /^\rtbs-report \[#+-+\] {2}50% 50\/100 files \d+\/s\x1b\[K$/);
  now = 450;
  p.update(60, 100);
  assert.equal(writes.length, 1, 'throttled');
  p.update(100, 100);
  assert.equal(writes.length, 2, 'the last update is always drawn');
  p.stop();
  assert.equal(writes[2], '\r\x1b[K');
  const piped: string[] = [];
  const q = createProgress({ isTTY: false, write: (s: string) => piped.push(s) }, true, 0, 0, () => 1000);
  q.update(1, 2);
  q.stop();
  assert.deepEqual(piped, [], 'never on a pipe');
  assert.ok(renderBar(5, 10, 30, 0).length <= 29, 'fits a narrow terminal');
});

test('HTML escaping covers markup, quotes, controls and lone surrogates; the chart escapes rule ids', () => {
  assert.equal(
    esc(`<a href="x" onclick='y'>&amp;</a>`),
    '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
  );
  assert.equal(esc('a\u0000b\u0007c\td\ne'), 'a\ufffdb\ufffdc\td\ne');
  assert.equal(esc('x\ud800y'), 'x\ufffdy');
  assert.equal(esc('😀'), '😀');
  const svg = ruleChart([{ id: '<x>', total: 2, bySeverity: { error: 1, warning: 1, information: 0, hint: 0 } }]);
  assert.ok(svg.includes('&lt;x&gt;') && !svg.includes('<x>'));
  assert.deepEqual(axisTicks(3), [0, 1, 2, 3]);
  assert.deepEqual(axisTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(axisTicks(1084), [0, 500, 1000, 1500]);
  assert.deepEqual(axisTicks(1), [0, 1]);
});

test('JSON and SARIF assembled from per-file parts equal JSON.stringify of the whole document', () => {
  const settings = DEFAULT_SETTINGS;
  const outcomes = [
    checkText('a.txt', CLEAN, { settings, maxBytes: 1e6, withLines: false }),
    checkText('b "q".txt', WITH_ERROR, { settings, maxBytes: 1e6, withLines: false }),
    checkText('c.txt', NO_PROVIDER, { settings, maxBytes: 1e6, withLines: false }),
  ];
  const errors = [{ path: 'gone.txt', error: 'no such file or directory' }];
  const briefs = outcomes.map((o) =>
    renderOutcome(o, false, { format: 'json', quiet: false, color: false, cwd: '/work' }),
  );
  const summary = summarize([...briefs, { error: 'x' }], null);
  const json = assembleJson(
    briefs.map((b) => b.part),
    errors,
    summary,
  );
  const doc = { schemaVersion: 1, files: outcomes.map((o) => o.report), errors, summary: jsonSummary(summary) };
  assert.deepEqual(JSON.parse(json), doc);
  // two-space indentation, each file and error entry on one line
  const expected = [
    '{',
    '  "schemaVersion": 1,',
    '  "files": [',
    ...doc.files.map((f, i) => `    ${JSON.stringify(f)}${i < doc.files.length - 1 ? ',' : ''}`),
    '  ],',
    '  "errors": [',
    `    ${JSON.stringify(errors[0])}`,
    '  ],',
    `  "summary": ${JSON.stringify(doc.summary, null, 2).replace(/\n/g, '\n  ')}`,
    '}',
    '',
  ].join('\n');
  assert.equal(json, expected);
  assert.equal(
    assembleJson([], [], summarize([], null)),
    `${JSON.stringify({ schemaVersion: 1, files: [], errors: [], summary: jsonSummary(summarize([], null)) }, null, 2)}\n`,
  );

  const sb = outcomes.map((o) =>
    renderOutcome(o, false, { format: 'sarif', quiet: false, color: false, cwd: '/work' }),
  );
  const sarif = assembleSarif(
    sb.map((b) => b.part),
    errors,
    { version: '1.0.0', ruleDocsBase: null, cwd: '/work', exitCode: 2 },
    new Set(),
  );
  const parsed = JSON.parse(sarif);
  assert.equal(
    sarif.split('\n').filter((l) => l.startsWith('        {"ruleId":')).length,
    parsed.runs[0].results.length,
    'one line per result',
  );
  assert.equal(
    parsed.runs[0].results.length,
    outcomes.reduce((a, o) => a + (o.report?.diagnostics.length ?? 0), 0),
  );
  assert.equal(parsed.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'b%20%22q%22.txt');
});

test('decoding: BOMs, UTF-16, Windows-1252 fallback, binary detection', () => {
  assert.deepEqual(decodeReport(Buffer.from('\uFEFFTBS 1.262', 'utf8')), { text: 'TBS 1.262' });
  assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('TBS', 'utf16le').swap16()])), {
    text: 'TBS',
  });
  assert.deepEqual(decodeReport(Buffer.from([0x54, 0x42, 0x53, 0xe9])), { text: 'TBSé' });
  assert.ok('error' in decodeReport(Buffer.from([0x41, 0, 0x42])));
  assert.deepEqual(decodeReport(Buffer.alloc(0)), { text: '' });
});

test('a worker that fails or dies hands its batches back: every input is still checked, in order', async () => {
  const dir = tmpDir('pool');
  const inputs = Array.from({ length: 60 }, (_, i) => {
    const f = write(dir, `r${String(i).padStart(2, '0')}.txt`, i % 2 ? CLEAN : NO_PROVIDER);
    return { path: f, fsPath: f };
  });
  const check = { settings: DEFAULT_SETTINGS, maxBytes: 1e6, withLines: false };
  const render = { format: 'text' as const, quiet: false, color: false, cwd: dir };
  const expected = inputs.map((i) => processInput(i, check, render));
  // A worker thread loads JavaScript: the render module, bundled from its TypeScript source.
  const renderJs = JSON.stringify(path.join(dir, 'render.js'));
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'server/src/cli/render.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: path.join(dir, 'render.js'),
    logLevel: 'silent',
  });
  const scripts = {
    // throws while starting
    broken: write(dir, 'broken.js', "throw new Error('no worker today');"),
    // answers one batch, then exits in the middle of the next
    flaky: write(
      dir,
      'flaky.js',
      `const { parentPort, workerData } = require('node:worker_threads');
       const { processInput } = require(${renderJs});
       let n = 0;
       parentPort.on('message', (req) => {
         if (++n > 1) process.exit(3);
         parentPort.postMessage({ id: req.id, briefs: req.inputs.map((i) => processInput(i, workerData.check, workerData.render)) });
       });`,
    ),
  };
  for (const [name, workerScript] of Object.entries(scripts)) {
    const stats = { threads: 0, batchSize: 0, checkedBy: [] as number[], failedWorkers: 0 };
    const briefs = await checkAll(inputs, { jobs: 3, check, render, workerScript, stats });
    assert.deepEqual(briefs, expected, `${name}: same result as in-process`);
    assert.equal(stats.failedWorkers, 2, `${name}: both workers failed`);
    assert.equal(
      stats.checkedBy.reduce((a, b) => a + b, 0),
      60,
    );
  }
});
