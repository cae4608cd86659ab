#!/usr/bin/env node
// `npm run bench [-- --quick] [--only engine,hostile,server,cli,size] [--no-build] [--no-package] [--strict]
//                  [--server-node-options="--max-semi-space-size=4"]]`
//
// Measures the engine, the language server over stdio, the CLI and the bundle sizes against the
// targets of the performance issue, and beside each figure the same work done by markdownlint
// (library API for in-process rows, markdownlint-cli2 for process rows) as a ratio
// ours / markdownlint, so a reader sees what checking a report costs next to a linter people
// already run. Every figure is printed with its target and PASS or MISS, and all of them are
// written to bench/results/latest.json (gitignored).
//
// Times are wall-clock medians (and p99 where the target asks for it) over repeated runs on this
// machine; each in-process measurement runs in a fresh worker process (bench/worker.mjs).
// --quick runs fewer repeats (figures are noisier) and fewer server edits; --strict exits 1 on a MISS.

import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { HOSTILE, HOSTILE_SIZE, SCALING_SIZES, SEED, median, percentile } from '../bench/inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const QUICK = flag('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only'));
const ONLY = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',')
  : ['engine', 'hostile', 'server', 'cli', 'size'];
const want = (area) => ONLY.includes(area);
// --server-node-options="--max-semi-space-size=4": Node/V8 flags for the spawned server (as the VS Code
// client would pass in execArgv), given to it through NODE_OPTIONS.
// By default the server runs with the flags the VS Code client gives it (SERVER_NODE_FLAGS in
// server/src/protocol.ts, read from the source so there is one list).
const serverOptsArg = argv.find((a) => a.startsWith('--server-node-options='));
const clientFlags = (
  /SERVER_NODE_FLAGS = \[([^\]]*)\]/.exec(
    fs.readFileSync(new URL('../server/src/protocol.ts', import.meta.url), 'utf8'),
  )?.[1] ?? ''
)
  .split(',')
  .map((s) => s.trim().replace(/^'|'$/g, ''))
  .filter(Boolean)
  .join(' ');
const SERVER_NODE_OPTIONS = serverOptsArg ? serverOptsArg.slice('--server-node-options='.length) : clientFlags;

const CFG = QUICK
  ? {
      typical: { count: 200, rounds: 10, warm: 3, mdlRounds: 1 },
      large: { runs: 5, mdlRuns: 1 },
      hostile: { runs: 3, mdlTimeoutMs: 3000 },
      longline: { runs: 3 },
      activation: { runs: 3 },
      latency: { edits: 200 },
      rss: { docs: 10, edits: 1000 },
      cli: { files: 10000, runs: 1, mdlTimeoutMs: 120000 },
    }
  : {
      typical: { count: 500, rounds: 20, warm: 5, mdlRounds: 2 },
      large: { runs: 11, mdlRuns: 3 },
      hostile: { runs: 5, mdlTimeoutMs: 15000 },
      longline: { runs: 5 },
      activation: { runs: 10 },
      latency: { edits: 1000 },
      rss: { docs: 10, edits: 5000 },
      cli: { files: 10000, runs: 3, mdlTimeoutMs: 300000 },
    };

const KB = 1024;
const MB = 1024 * 1024;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'tbs-bench-'));
// markdownlint-cli2 (and the markdownlint library it depends on) from the project's node_modules, or
// from BENCH_MARKDOWNLINT_DIR (a folder whose node_modules holds them) while it is no devDependency.
const MDL_HOME = [ROOT, process.env.BENCH_MARKDOWNLINT_DIR]
  .filter(Boolean)
  .find(
    (d) =>
      fs.existsSync(path.join(d, 'node_modules', 'markdownlint-cli2', 'package.json')) &&
      fs.existsSync(path.join(d, 'node_modules', 'markdownlint', 'package.json')),
  );
const HAVE_MDL = MDL_HOME !== undefined;
const MDL_MODULES = HAVE_MDL ? path.join(MDL_HOME, 'node_modules') : '';
const MDL_CLI = path.join(MDL_MODULES, 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const MDL_VERSION = HAVE_MDL
  ? JSON.parse(fs.readFileSync(path.join(MDL_MODULES, 'markdownlint-cli2', 'package.json'), 'utf8')).version
  : null;

// ------------------------------------------------------------------------------------ results

const rows = [];
const details = {};
const ms = (v) =>
  v == null || Number.isNaN(v)
    ? 'n/a'
    : v < 1
      ? `${v.toFixed(3)} ms`
      : v < 100
        ? `${v.toFixed(1)} ms`
        : v < 10000
          ? `${Math.round(v)} ms`
          : `${(v / 1000).toFixed(1)} s`;
const mb = (kb) => (kb == null || Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);
const kbytes = (b) => (b == null ? 'n/a' : b >= MB ? `${(b / MB).toFixed(2)} MB` : `${(b / KB).toFixed(0)} KB`);

/**
 * One printed figure. `value` and `target` are numbers in `unit`; `cmp` is markdownlint's figure
 * for the same work ({ value, what, timedOut }) or null when there is nothing to compare.
 */
function row(area, figure, value, unit, target, op, cmp, note, forceMiss = false) {
  const pass =
    !forceMiss && (value == null || Number.isNaN(value) ? false : op === '<=' ? value <= target : value >= target);
  const fmt0 =
    unit === 'ms'
      ? ms
      : unit === 'kB-rss'
        ? mb
        : unit === 'bytes'
          ? kbytes
          : unit === 'x'
            ? (v) => (v == null ? 'n/a' : `${v.toFixed(2)}x`)
            : (v) => String(v);
  const fmt = (v) => (v === Infinity ? 'none' : fmt0(v));
  let ratio = null;
  if (cmp && cmp.value != null && value != null && cmp.value > 0) ratio = value / cmp.value;
  const r = {
    area,
    figure,
    value: value ?? null,
    unit: unit === 'kB-rss' ? 'KiB' : unit,
    display: fmt(value),
    target: target === Infinity ? 'none' : `${op} ${fmt(target)}`,
    targetValue: target,
    result: pass ? 'PASS' : 'MISS',
    markdownlint: cmp
      ? {
          value: cmp.value ?? null,
          display: cmp.timedOut ? `> ${fmt(cmp.value)} (stopped)` : cmp.value == null ? 'n/a' : fmt(cmp.value),
          what: cmp.what,
          timedOut: !!cmp.timedOut,
        }
      : null,
    ratio: ratio == null ? null : Number(ratio.toPrecision(3)),
    ratioDisplay:
      ratio == null ? '' : `${cmp.timedOut ? '< ' : ''}${ratio < 0.01 ? ratio.toExponential(1) : ratio.toFixed(2)}x`,
    note: note ?? undefined,
  };
  rows.push(r);
  printRow(r);
  return r;
}

const W = [8, 50, 12, 13, 6, 34, 9];
function pad(s, w) {
  s = String(s);
  return s.length >= w ? `${s} ` : s + ' '.repeat(w - s.length);
}
function printHeader() {
  console.log(
    pad('AREA', W[0]) +
      pad('FIGURE', W[1]) +
      pad('VALUE', W[2]) +
      pad('TARGET', W[3]) +
      pad('', W[4]) +
      pad('MARKDOWNLINT, SAME WORK', W[5]) +
      pad('OURS/MDL', W[6]),
  );
}
function printRow(r) {
  const cmp = r.markdownlint ? `${r.markdownlint.display} ${r.markdownlint.what}` : '';
  console.log(
    pad(r.area, W[0]) +
      pad(r.figure, W[1]) +
      pad(r.display, W[2]) +
      pad(r.target, W[3]) +
      pad(r.result, W[4]) +
      pad(cmp, W[5]) +
      pad(r.ratioDisplay, W[6]) +
      (r.note ? ` ${r.note}` : ''),
  );
}
function say(s) {
  console.log(`         ${s}`);
}

// ------------------------------------------------------------------------------------ helpers

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * MB, ...opts });
  if (r.status !== 0 && !opts.allowFail)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return r;
}

/** Runs bench/worker.mjs; resolves { result } or { timedOut } or { error }. */
function worker(impl, task, args, timeoutMs = 600000) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bench', 'worker.mjs'), BUNDLE, impl, task, ...args.map(String)],
      {
        env: { ...process.env, BENCH_MARKDOWNLINT_MODULES: MDL_MODULES },
        timeout: timeoutMs,
        maxBuffer: 64 * MB,
        killSignal: 'SIGKILL',
      },
      (err, stdout, stderr) => {
        if (err && err.killed) return resolve({ timedOut: true });
        if (err) return resolve({ error: `${err.message}\n${stderr}`.slice(0, 2000) });
        try {
          resolve({ result: JSON.parse(stdout.trim().split('\n').pop()) });
        } catch (e) {
          resolve({ error: `bad worker output: ${stdout.slice(0, 500)}` });
        }
      },
    );
  });
}

/** Wall time of a process from spawn to exit; stdout and stderr are read and dropped. */
function timeProcess(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = 0;
    let err = '';
    p.stdout.on('data', (d) => (out += d.length));
    p.stderr.on('data', (d) => {
      if (err.length < 4000) err += d.toString();
    });
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => ((timedOut = true), p.kill('SIGKILL')), opts.timeoutMs) : null;
    p.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        code,
        signal,
        stdoutBytes: out,
        stderr: err,
        timedOut,
      });
    });
  });
}

function rssOf(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const get = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
  return { rss: get('VmRSS'), hwm: get('VmHWM') };
}

const sleep = (t) => new Promise((r) => setTimeout(r, t));

// ------------------------------------------------------------------------------------ build

console.log(
  `tbs-report-assistant bench (${QUICK ? 'quick' : 'full'}): node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
);
const LOAD_START = os.loadavg();
if (LOAD_START[0] > os.cpus().length * 0.75)
  console.log(
    `WARNING: load average ${LOAD_START.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores: other processes compete for the CPU and the times below are inflated.`,
  );
if (!HAVE_MDL)
  console.log(
    'markdownlint-cli2 is not installed (devDependency markdownlint-cli2@0.22.1, or set BENCH_MARKDOWNLINT_DIR): the comparison columns stay empty.',
  );
else console.log(`markdownlint-cli2 ${MDL_VERSION} from ${MDL_MODULES}`);

if (!flag('--no-build')) {
  const t = Date.now();
  run(process.execPath, ['esbuild.mjs']);
  console.log(`built dist/ in ${Date.now() - t} ms`);
}

// The engine (minified, as in dist/) with the report generator and the protocol-test client.
const esbuild = require('esbuild');
const BUNDLE = path.join(TMP, 'bench-bundle.cjs');
esbuild.buildSync({
  stdin: {
    contents: [
      "export { analyze } from './server/src/engine/analyze';",
      "import { makeCtx, releaseCtx } from './server/src/engine/context';",
      "import { makeDoc } from './server/src/engine/text';",
      "import { DEFAULT_SETTINGS } from './server/src/engine/settings';",
      // As analyze() runs it: the document's buffer is handed back for the next document.
      'export const readPipeline = (text) => releaseCtx(makeCtx(makeDoc(text), DEFAULT_SETTINGS));',
      "export { generateReport, generateReports, generateLargeDocument } from './test/robustness/reportGen';",
      "export { startServer } from './test/protocol/lspClient';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
    sourcefile: 'bench-entry.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: true,
  outfile: BUNDLE,
  logLevel: 'warning',
  // lspClient finds dist/server.js relative to its own folder, test/protocol.
  define: { __dirname: JSON.stringify(path.join(ROOT, 'test', 'protocol')) },
});
const lib = require(BUNDLE);
console.log('');
printHeader();

// ------------------------------------------------------------------------------------ engine

if (want('engine')) {
  const t = CFG.typical;
  const ours = await worker('engine', 'typical', [t.count, t.rounds, t.warm]);
  const theirs = HAVE_MDL ? await worker('markdownlint', 'typical', [t.count, t.mdlRounds, 1]) : null;
  const o = ours.result ?? {};
  const m = theirs?.result;
  details.typical = { ours: o, markdownlint: m ?? theirs };
  const what = '(lint() sync)';
  row(
    'engine',
    `typical report (${t.count} x ${(o.meanBytes / KB).toFixed(1)} KB avg), median`,
    o.median,
    'ms',
    0.1,
    '<=',
    m && { value: m.median, what },
  );
  row('engine', `typical report, p99 (${o.samples} runs)`, o.p99, 'ms', 0.5, '<=', m && { value: m.p99, what });

  // The issue's figure: the median over the fixture reports; and the reading pipeline alone (no
  // readers, no rules), so that what is left when the old readers go is in view.
  const fixturesDir = path.join(ROOT, 'test', 'fixtures', 'reports');
  const fx = (await worker('engine', 'fixtures', [fixturesDir, t.rounds, t.warm])).result ?? {};
  details.fixtures = fx;
  row(
    'engine',
    `fixture reports (${fx.reports} x ${(fx.meanBytes / KB).toFixed(1)} KB avg), median`,
    fx.median,
    'ms',
    0.1,
    '<=',
    null,
  );
  const pf = (await worker('pipeline', 'fixtures', [fixturesDir, t.rounds, t.warm])).result ?? {};
  details.pipelineFixtures = pf;
  row(
    'engine',
    'fixture reports, reading pipeline alone, median',
    pf.median,
    'ms',
    Infinity,
    '<=',
    null,
    '(no target of its own)',
  );

  const l = CFG.large;
  const one = await worker('engine', 'large', [MB, l.runs]);
  const two = await worker('engine', 'large', [2 * MB, l.runs]);
  const p1 = await worker('pipeline', 'large', [MB, l.runs]);
  details.pipelineLarge = p1.result;
  const m1 = HAVE_MDL ? await worker('markdownlint', 'large', [MB, l.mdlRuns]) : null;
  const m2 = HAVE_MDL ? await worker('markdownlint', 'large', [2 * MB, l.mdlRuns]) : null;
  details.large = { ours1: one.result, ours2: two.result, mdl1: m1?.result, mdl2: m2?.result };
  const o1 = one.result?.median;
  const o2 = two.result?.median;
  row(
    'engine',
    `1 MB document (${one.result?.lines} lines), median of ${l.runs}`,
    o1,
    'ms',
    50,
    '<=',
    m1?.result && { value: m1.result.median, what },
  );
  row(
    'engine',
    '2 MB document, median',
    o2,
    'ms',
    Infinity,
    '<=',
    m2?.result && { value: m2.result.median, what },
    '(no target of its own)',
  );
  const mr = m1?.result && m2?.result ? { value: m2.result.median / m1.result.median, what: '(2 MB / 1 MB)' } : null;
  row('engine', 'linear cost: 2 MB time / 1 MB time', o2 / o1, 'x', 2.3, '<=', mr);
  row(
    'engine',
    '1 MB document, reading pipeline alone, median',
    p1.result?.median,
    'ms',
    Infinity,
    '<=',
    null,
    '(no target of its own)',
  );
}

// ------------------------------------------------------------------------------------ hostile

if (want('hostile')) {
  const h = CFG.hostile;
  const names = Object.keys(HOSTILE);
  const sizes = [...new Set([HOSTILE_SIZE, ...SCALING_SIZES])].sort((a, b) => a - b);
  const ours = await worker('engine', 'hostile', ['all', sizes.join(','), h.runs]);
  if (ours.error) console.log(`hostile worker failed: ${ours.error}`);
  const res = ours.result?.results ?? {};
  details.hostile = { sizes, ours: res, markdownlint: {} };
  const superLinear = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    let cmp = null;
    if (HAVE_MDL) {
      const m = await worker('markdownlint', 'hostile', [i, HOSTILE_SIZE, 1], h.mdlTimeoutMs);
      details.hostile.markdownlint[name] =
        m.result?.results?.[name]?.[HOSTILE_SIZE] ?? (m.timedOut ? `> ${h.mdlTimeoutMs} ms` : m.error);
      cmp = m.timedOut
        ? { value: h.mdlTimeoutMs, what: '', timedOut: true }
        : m.result
          ? { value: m.result.results[name][HOSTILE_SIZE], what: '' }
          : null;
    }
    const t = res[name] ?? {};
    // Growth from the smallest to the largest size, as a power of the size: 1 is linear, 2 quadratic.
    const lo = t[sizes[0]];
    const hi = t[sizes[sizes.length - 1]];
    const exponent = lo > 0 && hi > 0 ? Math.log(hi / lo) / Math.log(sizes[sizes.length - 1] / sizes[0]) : NaN;
    // Tiny times are noise: only a growth that also costs something counts as super-linear.
    const isSuper = exponent > 1.4 && hi > 5;
    if (isSuper) superLinear.push(`${name} (x${exponent.toFixed(2)})`);
    row(
      'hostile',
      `100 KB: ${name}`,
      t[HOSTILE_SIZE],
      'ms',
      50,
      '<=',
      cmp,
      `growth n^${Number.isNaN(exponent) ? '?' : exponent.toFixed(2)}${isSuper ? ' SUPER-LINEAR' : ''}`,
    );
  }
  // The worst hostile case beside the typical report (issue 14).
  {
    let worst = null;
    for (const name of names) {
      const v = res[name]?.[HOSTILE_SIZE];
      if (typeof v === 'number' && (worst === null || v > worst.v)) worst = { name, v };
    }
    const typicalMs = details.typical?.ours?.median;
    if (worst)
      row(
        'hostile',
        `worst hostile case at ${HOSTILE_SIZE / KB} KB: ${worst.name}`,
        worst.v,
        'ms',
        50,
        '<=',
        null,
        `(typical report: ${ms(typicalMs)})`,
      );
  }
  const ll = await worker('engine', 'longline', [CFG.longline.runs]);
  let llc = null;
  if (HAVE_MDL) {
    const m = await worker('markdownlint', 'longline', [1], h.mdlTimeoutMs);
    llc = m.timedOut
      ? { value: h.mdlTimeoutMs, what: '', timedOut: true }
      : m.result
        ? { value: m.result.median, what: '' }
        : null;
  }
  details.hostile.longLine = ll.result ?? ll;
  row('hostile', 'one 1 MB line (report text, no line breaks)', ll.result?.median, 'ms', 50, '<=', llc);
  details.hostile.superLinear = superLinear;
  row(
    'hostile',
    `inputs whose cost grows super-linearly (${sizes.map((s) => s / KB).join('/')} KB)`,
    superLinear.length,
    'count',
    0,
    '<=',
    null,
    superLinear.join('; '),
  );
}

// ------------------------------------------------------------------------------------ server

if (want('server')) {
  const savedNodeOptions = process.env.NODE_OPTIONS;
  if (SERVER_NODE_OPTIONS) {
    process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} ${SERVER_NODE_OPTIONS}`.trim();
    say(`(server started with NODE_OPTIONS=${process.env.NODE_OPTIONS})`);
  }
  const reports = lib.generateReports(50, SEED);
  const sized = reports.map((r) => [r, Buffer.byteLength(r)]).sort((a, b) => a[1] - b[1]);
  const typical = sized[sized.length >> 1][0];
  const opts = { initializationOptions: { debounceMs: 0 } };
  details.server = {};

  // Activation proxy: spawn + initialize + didOpen -> first publishDiagnostics.
  const act = [];
  const actInit = [];
  for (let k = 0; k < CFG.activation.runs; k++) {
    const t0 = performance.now();
    const c = await lib.startServer(opts);
    const tInit = performance.now();
    const uri = `file:///bench/activation-${k}.radreport`;
    const wait = c.diagnostics(uri, () => true, 10000);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'radiology-report', version: 1, text: typical },
    });
    await wait;
    act.push(performance.now() - t0);
    actInit.push(tInit - t0);
    await c.close();
  }
  let actCmp = null;
  if (HAVE_MDL) {
    const dir = path.join(TMP, 'one');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'report.radreport'), typical);
    const times = [];
    for (let k = 0; k < Math.min(3, CFG.activation.runs); k++)
      times.push((await timeProcess(process.execPath, [MDL_CLI, 'report.radreport'], { cwd: dir })).ms);
    actCmp = { value: median(times), what: '(cli start+lint 1 file)' };
  }
  details.server.activation = { firstDiagnostics: act, initialized: actInit };
  row(
    'server',
    `start+initialize+didOpen -> 1st diagnostics (x${act.length})`,
    median(act),
    'ms',
    500,
    '<=',
    actCmp,
    `(proxy for activation; initialize alone ${ms(median(actInit))})`,
  );

  // didChange -> publishDiagnostics, one-character edits typed into the impression.
  {
    const c = await lib.startServer(opts);
    const uri = 'file:///bench/latency.radreport';
    const first = c.diagnostics(uri, () => true, 10000);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'radiology-report', version: 1, text: typical },
    });
    await first;
    const lines = typical.split(/\r?\n/);
    const line = Math.max(0, lines.findIndex((l) => /^IMPRESSION|^## Impression/i.test(l)) + 1);
    const lat = [];
    let version = 1;
    let text;
    for (let i = 0; i < CFG.latency.edits; i++) {
      version++;
      const v = version;
      const ch = Math.min(lines[line].length, 3);
      const change =
        i % 2 === 0
          ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'x' }
          : { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' };
      const wait = c.diagnostics(uri, (p) => p.version === v, 10000);
      const t0 = performance.now();
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [change],
      });
      await wait;
      lat.push(performance.now() - t0);
    }
    text = typical;
    await c.close();
    let cmp = null;
    if (HAVE_MDL) {
      const m = await worker('markdownlint', 'typical', [50, 4, 2]);
      if (m.result) cmp = { value: m.result.median, what: '(lint() in-process)' };
    }
    details.server.latency = {
      edits: lat.length,
      median: median(lat),
      p99: percentile(lat, 99),
      bytes: Buffer.byteLength(text),
    };
    row(
      'server',
      `didChange -> publishDiagnostics, median (${lat.length} edits)`,
      median(lat),
      'ms',
      5,
      '<=',
      cmp,
      `(p99 ${ms(percentile(lat, 99))}, ${(Buffer.byteLength(typical) / KB).toFixed(1)} KB report, debounceMs 0)`,
    );
  }

  // Resident memory: DOCS documents, EDITS edits, close; twice, to see growth after closing.
  {
    const { docs, edits } = CFG.rss;
    const c = await lib.startServer(opts);
    const pid = c.proc.pid;
    await sleep(200);
    const afterInit = rssOf(pid);
    const cycles = [];
    for (let cycle = 1; cycle <= 2; cycle++) {
      const uris = [];
      const texts = [];
      const versions = [];
      const waits = [];
      for (let d = 0; d < docs; d++) {
        const uri = `file:///bench/rss-${cycle}-${d}.radreport`;
        uris.push(uri);
        texts.push(reports[d]);
        versions.push(1);
        waits.push(c.diagnostics(uri, () => true, 10000));
        await c.conn.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'radiology-report', version: 1, text: reports[d] },
        });
      }
      await Promise.all(waits);
      const afterOpen = rssOf(pid);
      for (let i = 0; i < edits; i++) {
        const d = i % docs;
        const v = ++versions[d];
        const lines = texts[d].split(/\r?\n/);
        const line = (i * 7) % lines.length;
        const ch = Math.min(lines[line].length, 2);
        const change =
          Math.floor(i / docs) % 2 === 0
            ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'x' }
            : { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'y' };
        const wait = c.diagnostics(uris[d], (p) => p.version === v, 10000);
        await c.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri: uris[d], version: v },
          contentChanges: [change],
        });
        await wait;
      }
      const afterEdits = rssOf(pid);
      const closed = uris.map((u) =>
        c.diagnostics(u, (p) => p.diagnostics.length === 0 && p.version === undefined, 10000).catch(() => null),
      );
      for (const u of uris) await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      await Promise.all(closed);
      await sleep(1000);
      const afterClose = rssOf(pid);
      cycles.push({ afterOpen, afterEdits, afterClose });
    }
    await c.close();
    details.server.rss = { docs, edits, afterInit, cycles };
    let cmp = null;
    if (HAVE_MDL) {
      const m = await worker('markdownlint', 'rss', [docs, edits]);
      if (m.result) cmp = { value: m.result.afterEdits, what: '(lint() process, same edits)' };
    }
    const peak = Math.max(...cycles.map((x) => x.afterEdits.rss));
    row(
      'server',
      `RSS after ${docs} open documents + ${edits} edits`,
      peak,
      'kB-rss',
      80 * 1024,
      '<=',
      cmp,
      `(VmHWM ${mb(Math.max(...cycles.map((x) => x.afterEdits.hwm)))}; idle after initialize ${mb(afterInit.rss)}, after opening ${mb(cycles[0].afterOpen.rss)})`,
    );
    const growth = cycles[1].afterClose.rss - cycles[0].afterClose.rss;
    if (SERVER_NODE_OPTIONS) {
      if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = savedNodeOptions;
    }
    row(
      'server',
      'RSS growth: 2nd open/edit/close cycle vs 1st',
      growth,
      'kB-rss',
      5 * 1024,
      '<=',
      null,
      `(after close: ${mb(cycles[0].afterClose.rss)} then ${mb(cycles[1].afterClose.rss)}; after edits ${mb(cycles[0].afterEdits.rss)} / ${mb(cycles[1].afterEdits.rss)})`,
    );
  }
}

// ------------------------------------------------------------------------------------ cli

if (want('cli')) {
  const n = CFG.cli.files;
  const dir = path.join(TMP, 'reports');
  fs.mkdirSync(dir, { recursive: true });
  const names = [];
  const tg = Date.now();
  for (let i = 0; i < n; i++) {
    const name = `r${String(i).padStart(5, '0')}.radreport`;
    fs.writeFileSync(path.join(dir, name), lib.generateReport(SEED + i * 7919));
    names.push(name);
  }
  say(`(generated ${n} reports in ${Date.now() - tg} ms into ${dir})`);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  // Does the CLI take a directory yet?
  const probe = run(process.execPath, [cli, 'check', '--format', 'json', dir], { allowFail: true });
  let mode = 'dir';
  try {
    const j = JSON.parse(probe.stdout);
    if (!j.files || j.files.length < n) mode = 'files';
  } catch {
    mode = 'files';
  }
  const argsFor = () => (mode === 'dir' ? [[cli, 'check', dir]] : [[cli, 'check', ...names]]);
  const times = [];
  let last = null;
  for (let k = 0; k < CFG.cli.runs; k++) {
    let total = 0;
    for (const args of argsFor()) {
      last = await timeProcess(process.execPath, args, { cwd: dir });
      total += last.ms;
    }
    times.push(total);
  }
  let cmp = null;
  if (HAVE_MDL) {
    const m = await timeProcess(process.execPath, [MDL_CLI, '*.radreport'], {
      cwd: dir,
      timeoutMs: CFG.cli.mdlTimeoutMs,
    });
    cmp = {
      value: m.timedOut ? CFG.cli.mdlTimeoutMs : m.ms,
      what: '(markdownlint-cli2 *.radreport)',
      timedOut: m.timedOut,
    };
    details.cliMarkdownlint = { ms: m.ms, code: m.code, timedOut: m.timedOut };
  }
  details.cli = {
    mode,
    files: n,
    runs: times,
    exitCode: last?.code,
    stdoutBytes: last?.stdoutBytes,
    stderr: last?.stderr?.slice(0, 500),
  };
  const how = mode === 'dir' ? 'check DIR' : 'check FILE... (no directory input yet)';
  row(
    'cli',
    `${n} typical reports, ${how}`,
    median(times),
    'ms',
    3000,
    '<=',
    cmp,
    `(exit ${last?.code}, process start included${CFG.cli.runs > 1 ? `, median of ${CFG.cli.runs}` : ''})`,
  );
  if (mode === 'dir') {
    // The same batch on one thread: what the worker threads gain (no target; the unit tests check
    // only that parallel output equals serial output, never the time).
    const serial = [];
    for (let k = 0; k < CFG.cli.runs; k++)
      serial.push((await timeProcess(process.execPath, [cli, 'check', '--jobs', '1', dir], { cwd: dir })).ms);
    details.cliSerial = { files: n, runs: serial };
    row(
      'cli',
      `${n} typical reports, check DIR --jobs 1 (serial)`,
      median(serial),
      'ms',
      Infinity,
      '<=',
      null,
      '(process start included)',
    );
  }
}

// ------------------------------------------------------------------------------------ size

if (want('size')) {
  const server = fs.statSync('dist/server.js').size;
  const client = fs.statSync('dist/client.js').size;
  let mdlBundle = null;
  if (HAVE_MDL) {
    const r = await esbuild.build({
      entryPoints: [MDL_CLI],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    mdlBundle = r.outputFiles[0].contents.length;
  }
  const cmp = mdlBundle ? { value: mdlBundle, what: '(cli2 bundled+minified)' } : null;
  row('size', 'dist/server.js (minified)', server, 'bytes', 500 * KB, '<=', cmp);
  row('size', 'dist/client.js (minified)', client, 'bytes', 500 * KB, '<=', cmp);
  const vsix = path.join(ROOT, 'tbs-report-assistant.vsix');
  let vsixNote = '';
  let packageFailed = false;
  if (!flag('--no-package')) {
    const r = run('npm', ['run', 'package'], { allowFail: true });
    if (r.status !== 0) {
      packageFailed = true;
      const why =
        `${r.stderr}\n${r.stdout}`.split('\n').find((l) => /ERROR/.test(l)) ??
        (r.stderr || r.stdout).trim().split('\n').pop();
      vsixNote = `(npm run package FAILED, size of the stale .vsix shown: ${why.trim().slice(0, 160)})`;
    }
  } else vsixNote = '(existing .vsix, --no-package)';
  const vsixSize = fs.existsSync(vsix) ? fs.statSync(vsix).size : null;
  let installed = null;
  if (HAVE_MDL) {
    // markdownlint-cli2 as npm installs it: its package and every dependency, on disk.
    const seen = new Set();
    const walk = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      let pj;
      try {
        pj = JSON.parse(fs.readFileSync(path.join(MDL_MODULES, name, 'package.json'), 'utf8'));
      } catch {
        return;
      }
      for (const d of Object.keys(pj.dependencies ?? {})) walk(d);
    };
    walk('markdownlint-cli2');
    const du = (p) => {
      let s = 0;
      for (const e of fs.readdirSync(p, { withFileTypes: true })) {
        const f = path.join(p, e.name);
        s += e.isDirectory() ? du(f) : fs.statSync(f).size;
      }
      return s;
    };
    installed = [...seen].reduce(
      (a, name) => a + (fs.existsSync(path.join(MDL_MODULES, name)) ? du(path.join(MDL_MODULES, name)) : 0),
      0,
    );
  }
  row(
    'size',
    'tbs-report-assistant.vsix',
    vsixSize,
    'bytes',
    1.5 * MB,
    '<=',
    installed ? { value: installed, what: '(cli2 installed on disk)' } : null,
    vsixNote,
    packageFailed,
  );
  details.size = { server, client, vsix: vsixSize, markdownlintBundle: mdlBundle, markdownlintInstalled: installed };
}

// ------------------------------------------------------------------------------------ report

const misses = rows.filter((r) => r.result === 'MISS');
const LOAD_END = os.loadavg();
console.log('');
console.log(
  `load average at start ${LOAD_START.map((l) => l.toFixed(1)).join(' ')}, at end ${LOAD_END.map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`,
);
console.log(
  `${rows.length} figures, ${rows.length - misses.length} PASS, ${misses.length} MISS${misses.length ? `: ${misses.map((r) => `${r.area}: ${r.figure}`).join('; ')}` : ''}`,
);
console.log("OURS/MDL is our figure divided by markdownlint's for the same work (below 1: we cost less).");
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
const out = {
  date: new Date().toISOString(),
  mode: QUICK ? 'quick' : 'full',
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverage: { start: LOAD_START, end: LOAD_END },
  markdownlint: MDL_VERSION ? { cli2: MDL_VERSION, from: MDL_MODULES } : null,
  config: CFG,
  serverNodeOptions: SERVER_NODE_OPTIONS || null,
  rows,
  details,
};
fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote bench/results/latest.json');
fs.rmSync(TMP, { recursive: true, force: true });
if (flag('--strict') && misses.length) process.exit(1);
