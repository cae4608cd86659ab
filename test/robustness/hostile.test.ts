/**
 * Hostile documents, through the engine, the CLI (dist/cli.js) and the server (dist/server.js):
 * empty, whitespace only, 10 MB, NUL bytes, invalid UTF-8, only CRLF or only CR line endings, BOM,
 * mixed scripts, right-to-left text, extremely long lines, thousands of sections; the server's
 * maxFileSize notice; and costs that must grow no faster than the size of the text.
 */
import { beforeAll, test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import type { Analysis } from '../../server/src/engine';
import { startServer } from '../protocol/lspClient';
import { assertRangesInside, hostileInputs, ROOT } from './check';
import { generateLargeDocument, generateReport, generateReports } from './reportGen';

const REPORT = generateReport(7, { style: 'lakeview', defectRate: 0 });
const CLI = path.join(ROOT, 'dist', 'cli.js');

function timed(text: string): { a: Analysis; ms: number } {
  const t = performance.now();
  const a = analyze(text);
  return { a, ms: performance.now() - t };
}

const HOSTILE_DOCS: Array<[string, () => string, number]> = [
  // name, text, time limit (ms; generous: this is a robustness test, `npm run bench` measures speed)
  ['empty', () => '', 200],
  ['whitespace only', () => ' \t \n\n   \r\n\t\u00a0\u3000 \n', 200],
  ['NUL bytes', () => REPORT.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\u0000' : m)), 500],
  ['only CRLF line endings', () => REPORT.replace(/\r?\n/g, '\r\n'), 500],
  ['only CR line endings', () => REPORT.replace(/\r?\n/g, '\r'), 500],
  ['BOM', () => `\ufeff${REPORT}`, 500],
  ['BOM then CR', () => `\ufeff\r${REPORT.replace(/\r?\n/g, '\r')}`, 500],
  [
    'mixed line endings',
    () =>
      REPORT.split('\n')
        .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
        .join(''),
    500,
  ],
  [
    'mixed scripts',
    () =>
      REPORT.replace(/Patient: /, 'Patient: 王秀英 Ωμέγα Дмитрий ').replace(
        /IMPRESSION:/,
        'IMPRESSION: 骨粗鬆症 остеопороз',
      ),
    500,
  ],
  [
    'right-to-left text',
    () =>
      `\u202eTBS 1.262\u202c\n${REPORT.replace(/INDICATION: /, 'INDICATION: \u0647\u0634\u0627\u0634\u0629 \u05e2\u05e6\u05de\u05d5\u05ea \u200f')}\u2067\u05e9\u05dc\u05d5\u05dd\u2069`,
    500,
  ],
  ['combining marks and emoji', () => REPORT.replace(/e/g, 'e\u0301').replace(/TBS/g, 'TBS🦴'), 500],
  ['lone surrogates', () => REPORT.replace(/a/g, '\ud800').replace(/o/g, '\udc00'), 500],
  ['U+0130 (lower-cases to two code units)', () => REPORT.replace(/i/g, '\u0130'), 500],
  ['one 1 MB line', () => REPORT.replace(/\r?\n/g, ' ').repeat(Math.ceil((1 << 20) / REPORT.length)), 2000],
  ['one 5 MB line', () => 'TBS 1.262 T-score -2.5 FRAX MOF 17% hip 2.9% '.repeat(120_000), 10000],
  [
    'thousands of sections',
    () =>
      Array.from(
        { length: 5000 },
        (_, i) => `SECTION ${i}:\nTBS ${(1 + (i % 500) / 1000).toFixed(3)}\nIMPRESSION:\n${i}. text`,
      ).join('\n'),
    5000,
  ],
  ['10 MB document', () => generateLargeDocument(10 * 1024 * 1024, 3), 20000],
];

// The limits are hang guards for each input's own cost: the engine's one-time start-up (compiling the
// vocabulary's trie, the first JIT) is paid here, not by whichever input happens to run first.
beforeAll(() => {
  analyze(generateReport(1));
});

for (const [name, make, limit] of HOSTILE_DOCS) {
  test(`engine: ${name}: no throw, ranges inside, same output twice, under ${limit} ms`, () => {
    const text = make();
    const first = timed(text);
    assertRangesInside(text, first.a);
    assert.ok(first.ms < limit, `${name}: ${first.ms.toFixed(0)} ms (limit ${limit} ms)`);
    if (text.length < 2_000_000) assert.equal(JSON.stringify(analyze(text)), JSON.stringify(first.a), 'deterministic');
  });
}

test('engine: report text run together on one line costs linearly (1 MB / 256 KB < 8; linear is 4)', () => {
  // Many labels on one line, with and without wide gaps between them: every per-label look back
  // must stay bounded (a look back to the line's start once made this quadratic).
  const reports = generateReports(400, 11).map((r) => r.replace(/\r?\n/g, ' '));
  const line = (size: number) => {
    let out = '';
    for (let i = 0; out.length < size; i++) out += `${reports[i % reports.length]} `;
    return out.slice(0, size);
  };
  const small = line(256 * 1024);
  const large = line(1024 * 1024);
  analyze(small);
  analyze(large);
  const best = (t: string, n: number) => Math.min(...Array.from({ length: n }, () => timed(t).ms));
  let ts = best(small, 3);
  let tl = best(large, 3);
  if (tl > 20 && tl / Math.max(ts, 0.5) > 8) {
    ts = best(small, 7);
    tl = best(large, 7);
  }
  assert.ok(tl <= 20 || tl / Math.max(ts, 0.5) <= 8, `${ts.toFixed(1)} ms -> ${tl.toFixed(1)} ms`);
});

test('engine: no hostile input costs super-linearly (time at 400 KB / time at 100 KB < 10; linear is 4)', async () => {
  const inputs = await hostileInputs();
  const slow: string[] = [];
  analyze(REPORT);
  for (const [name, make] of Object.entries(inputs)) {
    const small = make(100 * 1024);
    const large = make(400 * 1024);
    analyze(large); // warm-up
    const best = (t: string, n: number) => Math.min(...Array.from({ length: n }, () => timed(t).ms));
    // Below 20 ms everything is noise; quadratic growth would make the large input 16x slower.
    // A garbage collection can land in any run: a suspect is measured again, longer, before it counts.
    const suspect = (ts: number, tl: number) => tl > 20 && tl / Math.max(ts, 0.5) > 10;
    let ts = best(small, 3);
    let tl = best(large, 3);
    if (suspect(ts, tl)) {
      ts = best(small, 7);
      tl = best(large, 7);
    }
    if (suspect(ts, tl)) slow.push(`${name}: ${ts.toFixed(1)} ms -> ${tl.toFixed(1)} ms`);
  }
  assert.deepEqual(slow, [], 'super-linear growth');
});

// ------------------------------------------------------------------------------------------ CLI

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tbs-robust-'));
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  let json: {
    files: Array<{ path: string; diagnostics: unknown[] }>;
    errors: Array<{ path: string; error: string }>;
  } | null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = null;
  }
  return { ...r, json };
}

test('CLI: a binary file gives a clear per-file error; the other files are still checked', () => {
  const dir = tmpDir();
  try {
    fs.writeFileSync(
      path.join(dir, 'image.radreport'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    );
    fs.writeFileSync(path.join(dir, 'good.radreport'), REPORT);
    const r = cli(['check', '--format', 'json', 'image.radreport', 'good.radreport'], dir);
    assert.equal(r.status, 2, 'a file that could not be checked exits 2');
    assert.ok(r.json, `JSON output: ${r.stdout.slice(0, 300)} ${r.stderr}`);
    assert.deepEqual(
      r.json.files.map((f) => f.path),
      ['good.radreport'],
    );
    assert.equal(r.json.errors.length, 1);
    assert.equal(r.json.errors[0].path, 'image.radreport');
    assert.match(r.json.errors[0].error, /binary/i);
    assert.match(r.stderr, /image\.radreport.*binary/i, 'standard error names the file and says why');
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: a text file with some invalid UTF-8 bytes is still checked', () => {
  const dir = tmpDir();
  try {
    const good = Buffer.from(REPORT, 'utf8');
    const at = good.indexOf('IMPRESSION');
    fs.writeFileSync(
      path.join(dir, 'latin.radreport'),
      Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]), good.subarray(at)]),
    );
    const r = cli(['check', '--format', 'json', 'latin.radreport'], dir);
    assert.ok(r.json, `JSON output: ${r.stdout.slice(0, 300)} ${r.stderr}`);
    assert.deepEqual(r.json.errors, []);
    assert.deepEqual(
      r.json.files.map((f) => f.path),
      ['latin.radreport'],
    );
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: empty, whitespace-only, CR-only, BOM and NUL-free control-character files', () => {
  const dir = tmpDir();
  try {
    const files: Record<string, string | Buffer> = {
      'empty.radreport': '',
      'blank.radreport': ' \n\t\n',
      'cr.radreport': REPORT.replace(/\n/g, '\r'),
      'bom.radreport': `\ufeff${REPORT}`,
      'utf16.radreport': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]),
    };
    for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
    const r = cli(['check', '--format', 'json', ...Object.keys(files)], dir);
    assert.ok(r.json, `JSON output: ${r.stdout.slice(0, 300)} ${r.stderr}`);
    assert.deepEqual(r.json.errors, [], 'every file is checked');
    assert.equal(r.json.files.length, Object.keys(files).length);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ------------------------------------------------------------------------------------------ server

test('server: hostile documents get diagnostics inside the document, and the server stays up', async () => {
  const c = await startServer();
  try {
    const docs = HOSTILE_DOCS.filter(([, , limit]) => limit <= 2000).map(([name, make]) => [name, make()] as const);
    for (let i = 0; i < docs.length; i++) {
      const [name, text] = docs[i];
      const uri = `file:///tmp/hostile-${i}.radreport`;
      const wait = c.diagnostics(uri, () => true, 10_000);
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'radiology-report', version: 1, text },
      });
      const p = await wait;
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of p.diagnostics) {
        for (const pos of [d.range.start, d.range.end])
          assert.ok(
            pos.line < lines.length && pos.character <= lines[pos.line].length,
            `${name}: diagnostic ${d.code} at ${JSON.stringify(pos)} is outside the document`,
          );
      }
    }
    assert.equal(c.proc.exitCode, null, 'server still running');
  } finally {
    await c.close();
  }
});

test('server: a file over maxFileSize (default 2 MB) is skipped with one message, said once', async () => {
  const c = await startServer();
  try {
    const big = generateLargeDocument(2.5 * 1024 * 1024, 5);
    const uri = 'file:///tmp/huge-report.radreport';
    const first = c.diagnostics(uri, () => true, 20_000);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'radiology-report', version: 1, text: big },
    });
    assert.deepEqual((await first).diagnostics, [], 'a skipped file has no diagnostics');
    await c.waitNotification<{ message: string }>(
      'window/showMessage',
      (m) => /skipped/i.test(m.message) && m.message.includes('huge-report'),
      10_000,
    );
    // Two more versions, still too large: no second message.
    for (const v of [2, 3]) {
      const w = c.diagnostics(uri, (p) => p.version === v, 20_000);
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      await w;
    }
    // A small document in between proves the server has handled everything sent before it.
    const small = 'file:///tmp/small.radreport';
    const ws = c.diagnostics(small, () => true, 10_000);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: small, languageId: 'radiology-report', version: 1, text: REPORT },
    });
    assert.ok((await ws).diagnostics.length >= 0);
    const about = c.notifications('window/showMessage').filter((m) => JSON.stringify(m).includes('huge-report'));
    assert.equal(about.length, 1, `one message about the skipped file, got ${JSON.stringify(about)}`);
  } finally {
    await c.close();
  }
});

test('server: maxFileSize from initializationOptions applies, and a file that shrinks below it is checked again', async () => {
  const c = await startServer({ initializationOptions: { debounceMs: 0, maxFileSize: 4096 } });
  try {
    const uri = 'file:///tmp/limit.radreport';
    const text = generateReport(11, { minBytes: 5000, maxBytes: 6000, style: 'lakeview', defectRate: 1 });
    const first = c.diagnostics(uri, () => true, 10_000);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'radiology-report', version: 1, text },
    });
    assert.deepEqual((await first).diagnostics, []);
    await c.waitNotification<{ message: string }>(
      'window/showMessage',
      (m) => m.message.includes('limit.radreport'),
      10_000,
    );
    const shrunk = c.diagnostics(uri, (p) => p.version === 2, 10_000);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'TBS 1.262\n' }],
    });
    assert.ok((await shrunk).diagnostics.length > 0, 'checked once it is small enough');
  } finally {
    await c.close();
  }
});
