// One measurement in a fresh process, so that the engine and markdownlint each start cold and
// neither's garbage or JIT state weighs on the other. Started by scripts/bench.mjs:
//
//   node bench/worker.mjs BUNDLE IMPL TASK [ARGS...]
//
// BUNDLE  the esbuild bundle of the engine and the report generator (made by scripts/bench.mjs)
// IMPL    engine | pipeline (the reading pipeline alone) | markdownlint
// TASK    typical COUNT ROUNDS WARM | fixtures DIR ROUNDS WARM | large BYTES RUNS | hostile all|INDEX SIZE,SIZE.. RUNS
//         | longline RUNS
//         | rss DOCS EDITS
//
// Prints one JSON object on stdout. Times are milliseconds of wall time around one call.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOSTILE, SEED, median, oneLongLine, percentile } from './inputs.mjs';

const [bundlePath, impl, task, ...args] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const gen = require(bundlePath);

let check;
if (impl === 'engine') {
  check = (text) => gen.analyze(text);
} else if (impl === 'pipeline') {
  // The reading pipeline alone (document, sections, placeholders, tokens, vocabulary, context): what
  // is left of the engine's cost before the readers and rules run.
  check = (text) => gen.readPipeline(text);
} else if (impl === 'markdownlint') {
  // The orchestrator says where markdownlint is installed (the project's or another node_modules).
  const from = process.env.BENCH_MARKDOWNLINT_MODULES
    ? createRequire(path.join(process.env.BENCH_MARKDOWNLINT_MODULES, 'bench.js'))
    : require;
  const { lint } = await import(pathToFileURL(from.resolve('markdownlint/sync')).href);
  check = (text) => lint({ strings: { report: text } });
} else {
  throw new Error(`unknown implementation ${impl}`);
}

function time(fn) {
  const s = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - s) / 1e6;
}

function rssKb() {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : NaN;
}

const out = { impl, task };
switch (task) {
  case 'typical': {
    const [count, rounds, warm] = args.map(Number);
    const reports = gen.generateReports(count, SEED);
    for (let w = 0; w < warm; w++) for (const r of reports) check(r);
    const samples = [];
    for (let k = 0; k < rounds; k++) for (const r of reports) samples.push(time(() => check(r)));
    Object.assign(out, {
      reports: count,
      samples: samples.length,
      meanBytes: Math.round(reports.reduce((a, r) => a + Buffer.byteLength(r), 0) / count),
      median: median(samples),
      p99: percentile(samples, 99),
      max: Math.max(...samples),
    });
    break;
  }
  case 'fixtures': {
    // fixtures DIR ROUNDS WARM: every fixture report (the "median over the fixture reports").
    const [dir, roundsS, warmS] = args;
    const reports = readdirSync(dir)
      .filter((f) => !f.endsWith('.json'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    for (let w = 0; w < Number(warmS); w++) for (const r of reports) check(r);
    const samples = [];
    for (let k = 0; k < Number(roundsS); k++) for (const r of reports) samples.push(time(() => check(r)));
    Object.assign(out, {
      reports: reports.length,
      samples: samples.length,
      meanBytes: Math.round(reports.reduce((a, r) => a + Buffer.byteLength(r), 0) / reports.length),
      median: median(samples),
      p99: percentile(samples, 99),
    });
    break;
  }
  case 'large': {
    const [bytes, runs] = args.map(Number);
    const text = gen.generateLargeDocument(bytes, SEED);
    // Warm the code paths as an editor session would have: on typical reports, then once on the text.
    for (const r of gen.generateReports(100, SEED)) check(r);
    check(text);
    const samples = [];
    for (let k = 0; k < runs; k++) samples.push(time(() => check(text)));
    Object.assign(out, {
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
      median: median(samples),
      min: Math.min(...samples),
      samples,
    });
    break;
  }
  case 'hostile': {
    // hostile WHICH SIZES RUNS: WHICH is "all" or an index into HOSTILE; SIZES is a comma list.
    const [which, sizesS, runsS] = args;
    const names = Object.keys(HOSTILE);
    const chosen = which === 'all' ? names : [names[Number(which)]];
    const sizes = sizesS.split(',').map(Number);
    check(gen.generateReport(SEED));
    const results = {};
    for (const name of chosen) {
      results[name] = {};
      check(HOSTILE[name](Math.max(...sizes))); // warm-up, so that the smallest size is not the cold one
      for (const size of sizes) {
        const text = HOSTILE[name](size);
        const samples = [];
        for (let k = 0; k < Number(runsS); k++) samples.push(time(() => check(text)));
        results[name][size] = median(samples);
      }
    }
    out.results = results;
    break;
  }
  case 'longline': {
    const [runs] = args.map(Number);
    const text = oneLongLine(gen.generateReports(50, SEED));
    check(gen.generateReport(SEED));
    const samples = [];
    for (let k = 0; k < runs; k++) samples.push(time(() => check(text)));
    Object.assign(out, { chars: text.length, median: median(samples), samples });
    break;
  }
  case 'rss': {
    // What the server holds, done in-process: DOCS open texts, EDITS single-character edits, each
    // followed by a check of the edited text. Reports resident memory like the server row.
    const [docs, edits] = args.map(Number);
    const texts = gen.generateReports(docs, SEED);
    const before = rssKb();
    for (let i = 0; i < edits; i++) {
      const d = i % docs;
      const t = texts[d];
      const at = t.length >> 1;
      texts[d] = i % 2 ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + 'x' + t.slice(at);
      check(texts[d]);
    }
    const afterEdits = rssKb();
    texts.length = 0;
    await new Promise((r) => setTimeout(r, 200));
    Object.assign(out, { before, afterEdits, afterClose: rssKb() });
    break;
  }
  default:
    throw new Error(`unknown task ${task}`);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
