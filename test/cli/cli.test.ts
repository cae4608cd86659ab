/**
 * The command line as a user meets it: inputs (files, directories, "-"), options, formats, exit codes.
 * Every test spawns the bundled CLI (dist/cli.js).
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CLEAN,
  CLI,
  INFO_ONLY,
  NO_PROVIDER,
  ROOT,
  WITH_ERROR,
  cleanEnv,
  ensureBuilt,
  parseJson,
  runCli,
  tmpDir,
  write,
} from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

test('--help and --version print to stdout and exit 0', () => {
  for (const flag of ['--help', '-h']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: tbs-report check \[options\]/);
    for (const opt of [
      '--format',
      '--output',
      '--quiet',
      '--max-warnings',
      '--include',
      '--exclude',
      '--profile',
      '--config',
      '--jobs',
      '--stdin-filename',
      '--max-file-size',
      '--rule-docs-base',
      '--no-progress',
    ]) {
      assert.ok(r.stdout.includes(opt), `help mentions ${opt}`);
    }
    assert.equal(r.stderr, '');
  }
  assert.equal(runCli(['check', '--help']).status, 0);
  const v = runCli(['--version']);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `tbs-report ${pkg.version}\n`);
});

test('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /no command given/],
    [['lint', 'x.txt'], /unknown command "lint"; did you mean "tbs-report check lint"/],
    [['check'], /no files given/],
    [['check', '--format', 'xml', 'a.txt'], /--format must be one of text, json, sarif, html/],
    [['check', '--bogus', 'a.txt'], /unknown option --bogus/],
    [['check', '--max-warnings', 'many', 'a.txt'], /--max-warnings must be a whole number/],
    [['check', '--max-file-size', 'big', 'a.txt'], /--max-file-size must be a size/],
    [['check', '--jobs', '0.5', 'a.txt'], /--jobs must be "auto" or a number/],
    [['check', '--profile', '77080', 'a.txt'], /invalid settings: profile must be one of 77091, 77089, 77092/],
    [['check', '--config', 'does-not-exist.json', 'a.txt'], /cannot read config does-not-exist.json: no such file/],
    [['check', '--rule-docs-base', 'docs/', 'a.txt'], /--rule-docs-base must be an absolute URL/],
    [['check', '--output'], /--output needs a value/],
  ];
  for (const [args, re] of cases) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')} exits 2`);
    assert.match(r.stderr, re, args.join(' '));
    assert.match(r.stderr, /Run "tbs-report --help" for usage/);
    assert.equal(r.stdout, '');
  }
  const r = runCli(['check', 'x'], { env: { TBS_REPORT_JOBS: 'lots' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /TBS_REPORT_JOBS must be/);
});

test('a bad config file is a usage error; a good one is applied', () => {
  const dir = tmpDir('config');
  const report = write(dir, 'r.txt', NO_PROVIDER);
  write(dir, 'bad.json', '{ "severity": ');
  write(dir, 'invalid.json', JSON.stringify({ thresholds: 'newest' }));
  write(dir, 'off.json', JSON.stringify({ severity: { 'missing-provider': 'off' } }));
  write(dir, 'info.json', `\uFEFF${JSON.stringify({ severity: { 'missing-provider': 'information' } })}`);
  assert.match(runCli(['check', '--config', path.join(dir, 'bad.json'), report]).stderr, /is not valid JSON/);
  assert.match(
    runCli(['check', '--config', path.join(dir, 'invalid.json'), report]).stderr,
    /thresholds must be one of/,
  );
  const off = runCli(['check', '-c', path.join(dir, 'off.json'), report]);
  assert.equal(off.status, 0, off.stdout);
  const info = runCli(['check', `--config=${path.join(dir, 'info.json')}`, '--format=json', report]);
  assert.equal(info.status, 0);
  assert.equal(parseJson(info).files[0].diagnostics[0].severity, 'information');
});

test('exit codes: 0 clean or information only, 1 warnings or errors, 2 unreadable wins', () => {
  const dir = tmpDir('exit');
  const clean = write(dir, 'clean.txt', CLEAN);
  const info = write(dir, 'info.txt', INFO_ONLY);
  const warn = write(dir, 'warn.txt', NO_PROVIDER);
  const err = write(dir, 'err.txt', WITH_ERROR);
  assert.equal(runCli(['check', clean]).status, 0);
  assert.equal(runCli(['check', clean, info]).status, 0);
  assert.equal(runCli(['check', clean, warn]).status, 1);
  assert.equal(runCli(['check', err]).status, 1);
  assert.equal(runCli(['check', err, path.join(dir, 'missing.txt')]).status, 2);
  assert.equal(runCli(['check', clean, path.join(dir, 'missing.txt')]).status, 2);
});

test('--max-warnings N: exit 1 only above N warnings (errors always fail); -1 means no limit', () => {
  const dir = tmpDir('maxw');
  const w1 = write(dir, 'w1.txt', NO_PROVIDER);
  const w2 = write(dir, 'w2.txt', NO_PROVIDER);
  const err = write(dir, 'err.txt', WITH_ERROR);
  assert.equal(runCli(['check', '--max-warnings', '2', w1, w2]).status, 0);
  assert.equal(runCli(['check', '--max-warnings', '1', w1]).status, 0);
  const over = runCli(['check', '--max-warnings', '1', w1, w2]);
  assert.equal(over.status, 1);
  assert.match(over.stdout, /Too many warnings: 2 \(maximum 1, --max-warnings\)\./);
  assert.equal(runCli(['check', '--max-warnings', '0', w1]).status, 1);
  assert.equal(runCli(['check', '--max-warnings', '-1', w1, w2]).status, 0);
  assert.equal(runCli(['check', '--max-warnings', '10', err]).status, 1, 'errors fail whatever the warning limit');
  const j = parseJson(runCli(['check', '--max-warnings=1', '-f', 'json', w1, w2]));
  assert.equal(j.summary.maxWarnings, 1);
  assert.equal(j.summary.tooManyWarnings, true);
});

test('text format: path:line:col lines in input order, then a summary with counts per rule', () => {
  const dir = tmpDir('text');
  const b = write(dir, 'b.txt', WITH_ERROR);
  const a = write(dir, 'a.txt', NO_PROVIDER);
  const c = write(dir, 'c.txt', CLEAN);
  const r = runCli(['check', b, a, c]);
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], `${b}:1:1: warning: ${lines[0].split(': warning: ')[1]}`);
  assert.match(lines[0], /\[missing-provider\]$/);
  assert.match(
    lines[1],
    new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:11: error: TBS 12\\.62 .*\\[tbs-value-implausible\\]$`),
  );
  assert.match(lines[2], /a\.txt:1:1: warning: .*\[missing-provider\]$/);
  assert.equal(lines[3], '');
  assert.equal(lines[4], '3 files checked: 1 clean, 2 with findings.');
  assert.equal(lines[5], '3 findings: 1 error, 2 warnings.');
  assert.equal(lines[6], 'Findings per rule:');
  assert.match(lines[7], /^ {2}missing-provider +2$/);
  assert.match(lines[8], /^ {2}tbs-value-implausible +1$/);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when piped');
  const colored = runCli(['check', '--color', a]);
  assert.match(colored.stdout, /\x1b\[33mwarning\x1b\[0m/);
});

test('--quiet: errors and warnings only, no summary; information still never fails the run', () => {
  const dir = tmpDir('quiet');
  const info = write(dir, 'info.txt', INFO_ONLY);
  const warn = write(dir, 'warn.txt', NO_PROVIDER);
  const clean = write(dir, 'clean.txt', CLEAN);
  const r = runCli(['check', '-q', info, clean]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '', 'nothing to say');
  const w = runCli(['check', '--quiet', info, warn]);
  assert.equal(w.status, 1);
  assert.equal(w.stdout.trim().split('\n').length, 1);
  assert.match(w.stdout, /warn\.txt:1:1: warning: .*\[missing-provider\]/);
  const j = parseJson(runCli(['check', '-q', '-f', 'json', info, warn]));
  assert.deepEqual(
    j.files.map((f) => f.diagnostics.map((d) => d.code)),
    [[], ['missing-provider']],
  );
  assert.equal(j.summary.bySeverity.information, 0);
  const full = parseJson(runCli(['check', '-f', 'json', info]));
  assert.deepEqual(
    full.files[0].diagnostics.map((d) => d.code),
    ['age-outside-validated-range'],
  );
});

test('json format keeps the public contract and adds errors and summary', () => {
  const dir = tmpDir('json');
  const f = write(dir, 'r.radreport', WITH_ERROR);
  const r = runCli(['check', '--format', 'json', f, path.join(dir, 'nope.txt')]);
  assert.equal(r.status, 2);
  const j = parseJson(r);
  assert.deepEqual(Object.keys(j), ['schemaVersion', 'files', 'errors', 'summary']);
  assert.equal(j.schemaVersion, 1);
  assert.equal(j.files.length, 1);
  const file = j.files[0];
  assert.deepEqual(Object.keys(file), ['path', 'profile', 'elements', 'diagnostics']);
  assert.equal(file.path, f);
  assert.equal(file.profile, '77091');
  assert.deepEqual(Object.keys(file.elements), ['tbs', 'tScores', 'riskModel', 'risks', 'riskCategories', 'provider']);
  const el = file.elements as {
    tbs: { value: number; range: unknown };
    tScores: Array<{ value: number; site: string }>;
    riskModel: { name: string };
    risks: Array<{ kind: string; value: number; adjusted: boolean }>;
    provider: unknown;
  };
  assert.equal(el.tbs.value, 12.62);
  assert.deepEqual(el.tbs.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 15 } });
  assert.deepEqual([...new Set(el.tScores.map((t) => t.value))], [-1.6, -2.1]);
  assert.equal(el.riskModel.name, 'FRAX');
  assert.deepEqual(
    el.risks.slice(0, 2).map((x) => [x.kind, x.value, x.adjusted]),
    [
      ['mof', 17, true],
      ['hip', 2.9, true],
    ],
  );
  assert.equal(el.provider, null);
  for (const d of file.diagnostics) assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
  assert.deepEqual(j.errors, [{ path: path.join(dir, 'nope.txt'), error: 'no such file or directory' }]);
  assert.deepEqual(j.summary, {
    filesChecked: 1,
    filesClean: 0,
    filesWithFindings: 1,
    unreadable: 1,
    findings: 2,
    bySeverity: { error: 1, warning: 1, information: 0, hint: 0 },
    byRule: { 'missing-provider': 1, 'tbs-value-implausible': 1 },
    maxWarnings: null,
    tooManyWarnings: true,
  });
  // Layout: two-space indentation, one line per file and per error (greppable, compact for big runs).
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '{');
  assert.equal(lines[1], '  "schemaVersion": 1,');
  assert.equal(lines[2], '  "files": [');
  assert.equal(lines[3], `    ${JSON.stringify(j.files[0])}`);
  assert.equal(lines[4], '  ],');
  assert.equal(lines[5], '  "errors": [');
  assert.equal(lines[6], `    ${JSON.stringify(j.errors[0])}`);
  assert.equal(lines[7], '  ],');
  assert.ok(r.stdout.endsWith(`  "summary": ${JSON.stringify(j.summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`));
});

test('--profile selects the default profile; a report naming its code overrides it', () => {
  const dir = tmpDir('profile');
  const f = write(dir, 'r.txt', CLEAN.replace(' (CPT 77080, 77091)', ''));
  const j = parseJson(runCli(['check', '-f', 'json', '--profile', '77092', f]));
  assert.equal(j.files[0].profile, '77092');
  const named = write(dir, 'n.txt', CLEAN);
  assert.equal(parseJson(runCli(['check', '-f', 'json', '--profile', '77092', named])).files[0].profile, '77091');
});

test('standard input: "-" is read once, named <stdin> or --stdin-filename', () => {
  const r = runCli(['check', '-f', 'json', '-'], { input: NO_PROVIDER });
  assert.equal(r.status, 1);
  const j = parseJson(r);
  assert.equal(j.files.length, 1);
  assert.equal(j.files[0].path, '<stdin>');
  assert.equal(j.files[0].diagnostics[0].code, 'missing-provider');
  const named = runCli(['check', '--stdin-filename', 'ward7/today.radreport', '-', '-'], { input: CLEAN });
  assert.equal(named.status, 0);
  assert.match(named.stdout, /^1 file checked: 1 clean/);
  const empty = runCli(['check', '-'], { input: '' });
  assert.equal(empty.status, 1, 'an empty report lacks everything');
  const dir = tmpDir('stdin');
  const mixed = parseJson(runCli(['check', '-f', 'json', write(dir, 'a.txt', CLEAN), '-'], { input: WITH_ERROR }));
  assert.deepEqual(
    mixed.files.map((f) => path.basename(f.path)),
    ['a.txt', '<stdin>'],
  );
  const big = runCli(['check', '--max-file-size', '100', '-'], { input: CLEAN });
  assert.equal(big.status, 2);
  assert.match(big.stderr, /<stdin>: standard input is too large/);
});

test('directories are walked recursively in sorted order, with the default include list', () => {
  const dir = tmpDir('walk');
  write(dir, 'b.txt', NO_PROVIDER);
  write(dir, 'a.radreport', NO_PROVIDER);
  write(dir, 'sub/z.report.txt', NO_PROVIDER);
  write(dir, 'sub/deeper/y.md', NO_PROVIDER);
  write(dir, 'sub/deeper/notes.docx', NO_PROVIDER);
  write(dir, 'image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  write(dir, '.hidden/secret.txt', NO_PROVIDER);
  write(dir, 'node_modules/pkg/readme.md', NO_PROVIDER);
  write(dir, 'UPPER.TXT', NO_PROVIDER);
  const j = parseJson(runCli(['check', '-f', 'json', dir]));
  assert.deepEqual(
    j.files.map((f) => path.relative(dir, f.path)),
    ['UPPER.TXT', 'a.radreport', 'b.txt', 'sub/deeper/y.md', 'sub/z.report.txt'],
  );
  // relative directory arguments give relative paths
  const rel = parseJson(runCli(['check', '-f', 'json', '.'], { cwd: path.join(dir, 'sub') }));
  assert.deepEqual(
    rel.files.map((f) => f.path),
    ['deeper/y.md', 'z.report.txt'],
  );
  // a file named twice (directly and through its directory) is checked once, where it first appears
  const twice = parseJson(runCli(['check', '-f', 'json', path.join(dir, 'b.txt'), dir]));
  assert.deepEqual(
    twice.files.map((f) => path.relative(dir, f.path)),
    ['b.txt', 'UPPER.TXT', 'a.radreport', 'sub/deeper/y.md', 'sub/z.report.txt'],
  );
});

test('--include replaces the default list; --exclude prunes files and directories, also named files', () => {
  const dir = tmpDir('globs');
  write(dir, 'keep/a.radreport', NO_PROVIDER);
  write(dir, 'keep/b.txt', NO_PROVIDER);
  write(dir, 'keep/c.rpt', NO_PROVIDER);
  write(dir, 'drafts/d.radreport', NO_PROVIDER);
  write(dir, 'keep/drafts/e.radreport', NO_PROVIDER);
  write(dir, 'archive/2023/f.radreport', NO_PROVIDER);
  const rels = (args: string[]) =>
    parseJson(runCli(['check', '-f', 'json', ...args, dir])).files.map((f) => path.relative(dir, f.path));
  assert.deepEqual(rels(['--include', '*.rpt']), ['keep/c.rpt']);
  assert.deepEqual(rels(['--include', '*.{rpt,radreport}']), [
    'archive/2023/f.radreport',
    'drafts/d.radreport',
    'keep/a.radreport',
    'keep/c.rpt',
    'keep/drafts/e.radreport',
  ]);
  assert.deepEqual(rels(['--exclude', 'drafts']), ['archive/2023/f.radreport', 'keep/a.radreport', 'keep/b.txt']);
  assert.deepEqual(rels(['--exclude', 'drafts/**']), [
    'archive/2023/f.radreport',
    'keep/a.radreport',
    'keep/b.txt',
    'keep/drafts/e.radreport',
  ]);
  assert.deepEqual(rels(['--exclude', '**/drafts/', '--exclude', 'archive/20[0-2]?']), [
    'keep/a.radreport',
    'keep/b.txt',
  ]);
  // as in .gitignore, "keep/*" also matches the directory keep/drafts, so nothing below keep/ is left
  assert.deepEqual(rels(['--include', '*.radreport', '--exclude', 'keep/*']), [
    'archive/2023/f.radreport',
    'drafts/d.radreport',
  ]);
  assert.deepEqual(rels(['--include', '*.radreport', '--exclude', 'keep/*.radreport']), [
    'archive/2023/f.radreport',
    'drafts/d.radreport',
    'keep/drafts/e.radreport',
  ]);
  const none = runCli(['check', '--exclude', '*.txt', '--exclude', '?.radreport', dir]);
  assert.equal(none.status, 2);
  assert.match(
    none.stderr,
    /no file matched \*\.radreport, \*\.report\.txt, \*\.txt, \*\.md outside --exclude \*\.txt, \?\.radreport/,
  );
  // a file named on the command line is checked whatever its name, unless excluded
  const named = path.join(dir, 'keep/c.rpt');
  assert.equal(parseJson(runCli(['check', '-f', 'json', named])).files.length, 1);
  const ex = runCli(['check', '--exclude', '*.rpt', named]);
  assert.equal(ex.status, 2);
  assert.match(ex.stderr, /no report files to check/);
});

test('a directory without reports is noted; no input at all is exit 2', () => {
  const dir = tmpDir('empty');
  write(dir, 'x.pdf', 'not a report');
  const r = runCli(['check', dir]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no file matched \*\.radreport, \*\.report\.txt, \*\.txt, \*\.md/);
  assert.match(r.stderr, /no report files to check/);
  const other = write(tmpDir('empty2'), 'r.txt', CLEAN);
  const ok = runCli(['check', dir, other]);
  assert.equal(ok.status, 0, 'an empty directory next to a report is not an error');
  assert.equal(runCli(['check', '-q', dir, other]).stderr, '', '--quiet drops the note');
});

test('--output writes the report to a file and nothing to stdout', () => {
  const dir = tmpDir('output');
  const f = write(dir, 'r.txt', NO_PROVIDER);
  for (const format of ['text', 'json', 'sarif', 'html']) {
    const out = path.join(dir, `out.${format}`);
    const r = runCli(['check', '-f', format, '-o', out, f]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '', 'no summary on a non-terminal stderr');
    const text = fs.readFileSync(out, 'utf8');
    assert.ok(text.length > 100);
    if (format === 'json' || format === 'sarif') JSON.parse(text);
    if (format === 'html') assert.match(text, /^<!DOCTYPE html>/);
  }
  const bad = runCli(['check', '-o', path.join(dir, 'no/such/dir/out.txt'), f]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /cannot write .*out\.txt: ENOENT/);
  // the output file of an earlier run, inside the checked directory, is not checked
  for (let run = 0; run < 2; run++)
    assert.equal(runCli(['check', '-f', 'json', '-o', 'audit.txt', '.'], { cwd: dir }).status, 1);
  assert.deepEqual(
    JSON.parse(fs.readFileSync(path.join(dir, 'audit.txt'), 'utf8')).files.map((x: { path: string }) => x.path),
    ['r.txt'],
  );
  const dash = runCli(['check', '-o', '-', f]);
  assert.match(dash.stdout, /missing-provider/, '-o - is standard output');
});

test('--jobs and TBS_REPORT_JOBS choose the threads; small batches stay in-process', () => {
  const dir = tmpDir('jobs');
  for (let i = 0; i < 40; i++) write(dir, `r${String(i).padStart(2, '0')}.txt`, i % 3 ? CLEAN : NO_PROVIDER);
  const stats = (r: { stderr: string }) => /threads=(\d+) batch=(\d+) checkedBy=([\d,]+)/.exec(r.stderr);
  const auto = runCli(['check', '-f', 'json', dir], { env: { TBS_REPORT_STATS: '1' } });
  assert.equal(stats(auto)?.[1], '1', 'a small batch is checked in-process');
  const forced = runCli(['check', '-f', 'json', '-j', '3', dir], { env: { TBS_REPORT_STATS: '1' } });
  assert.equal(stats(forced)?.[1], '3');
  assert.equal(forced.stdout, auto.stdout, 'same output with 3 threads');
  const env = runCli(['check', '-f', 'json', dir], { env: { TBS_REPORT_STATS: '1', TBS_REPORT_JOBS: '2' } });
  assert.equal(stats(env)?.[1], '2');
  assert.equal(env.stdout, auto.stdout);
  const flagWins = runCli(['check', '-j', '1', dir], { env: { TBS_REPORT_STATS: '1', TBS_REPORT_JOBS: '2' } });
  assert.equal(stats(flagWins)?.[1], '1');
});

test('a closed pipe ends the run quietly', () => {
  ensureBuilt();
  const dir = tmpDir('pipe');
  for (let i = 0; i < 400; i++) write(dir, `r${i}.txt`, WITH_ERROR);
  const r = spawnSync(
    'bash',
    ['-c', `node ${JSON.stringify(CLI)} check ${JSON.stringify(dir)} | head -1; echo "status=\${PIPESTATUS[0]}"`],
    { encoding: 'utf8', env: cleanEnv() },
  );
  assert.match(r.stdout, /status=[01]\n$/);
  assert.doesNotMatch(r.stderr, /EPIPE|Error:/);
});

// script(1) is part of util-linux (essential on Debian), so this never skips on CI.
test.skipIf(!fs.existsSync('/usr/bin/script'))(
  'on a terminal: a progress bar on stderr for long runs, erased; stdout keeps only the report (needs util-linux script(1))',
  { timeout: 120_000 },
  () => {
    ensureBuilt();
    const dir = tmpDir('tty');
    for (let i = 0; i < 1500; i++) write(dir, `r${String(i).padStart(4, '0')}.txt`, i % 2 ? CLEAN : NO_PROVIDER);
    const out = path.join(tmpDir('tty-out'), 'stdout.txt');
    // script(1) gives the CLI a terminal as stderr (and stdin); stdout goes to a file.
    const cmd = `node ${JSON.stringify(CLI)} check -j 1 ${JSON.stringify(dir)} > ${JSON.stringify(out)}`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      encoding: 'utf8',
      env: cleanEnv({ TBS_REPORT_PROGRESS_DELAY: '0' }),
      timeout: 60_000,
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const terminal = r.stdout;
    assert.match(terminal, /tbs-report \[[#-]+\] +\d+% \d+\/1500 files/, 'the bar was drawn');
    assert.match(terminal, /\r\x1b\[K/, 'and erased');
    const report = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(report, /\x1b|\r/, 'stdout holds no progress and no colour');
    assert.match(report, /1500 files checked: 750 clean, 750 with findings\./);
    const quiet = spawnSync('script', ['-qec', `${cmd.replace(' check ', ' check -q ')}`, '/dev/null'], {
      encoding: 'utf8',
      env: cleanEnv({ TBS_REPORT_PROGRESS_DELAY: '0' }),
      timeout: 60_000,
    });
    assert.doesNotMatch(quiet.stdout, /files/, '--quiet: no progress bar');
  },
);
