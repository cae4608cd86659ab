#!/usr/bin/env node
// Profiling and output-equality helper for speed work (not part of `npm run bench`).
//   node bench/profile.mjs golden OUT.json   -> writes a digest of every file's analysis and tokens
//   node bench/profile.mjs time [reps]        -> CPU time per pass over all fixture files and for 1 MB
//   node --cpu-prof --cpu-prof-dir=DIR bench/profile.mjs loop [reps] [1mb]  -> a profile to summarise
//   node bench/profile.mjs summary DIR/x.cpuprofile  -> self time by function
import { buildSync } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { HOSTILE } from './inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, arg1, arg2] = process.argv.slice(2);

if (mode === 'summary') {
  const p = JSON.parse(readFileSync(arg1, 'utf8'));
  const self = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = p.timeDeltas;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + dt[i]);
    total += dt[i];
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(arg2 ?? 40));
  for (const [k, v] of rows)
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  process.exit(0);
}

const out = process.env.PROFILE_KEEP ? '/tmp/speed-eng-keep.js' : '/tmp/speed-eng-' + process.pid + '.js';
// PROFILE_ENGINE=/other/worktree measures another checkout's engine on the same inputs (A/B).
const engRoot = process.env.PROFILE_ENGINE ?? root;
const entry = '/tmp/speed-entry-' + process.pid + '.ts';
writeFileSync(
  entry,
  ['analyze', 'text', 'reading/tokens', 'context', 'settings', 'reading/sections', 'reading/placeholders']
    .concat(['reading/trie', 'reading/read'])
    .map((m, i) => `export * as m${i} from '${join(engRoot, 'server/src/engine', m)}';`)
    .join('\n'),
);
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
const mods = createRequire(import.meta.url)(out);
const eng = { analyze: mods.m0.analyze, makeDoc: mods.m1.makeDoc, tokenise: mods.m2.tokenise };
// The reading pipeline alone, as `npm run bench` measures it (scripts/bench.mjs readPipeline).
const readPipeline = (text) => mods.m3.makeCtx(mods.m1.makeDoc(text), mods.m4.DEFAULT_SETTINGS);
// The same as analyze runs it: the document's buffer handed back at the end, for the next document
// (context.ts releaseCtx; an engine without it measures as readPipeline).
const releaseCtx = mods.m3.releaseCtx ?? (() => {});
const readPipelineReleased = (text) => releaseCtx(readPipeline(text));

function files() {
  const dirs = ['test/fixtures/reports', 'test/fixtures/realworld', '../shared/corpus'];
  const all = [];
  for (const d of dirs) {
    const dir = join(root, d);
    if (!existsSync(dir)) continue;
    const walk = (p) => {
      for (const e of readdirSync(p, { withFileTypes: true })) {
        const q = join(p, e.name);
        if (e.isDirectory()) walk(q);
        // The shared corpus is named from the checkouts' parent, so that goldens of two worktrees compare.
        else if (/.(txt|md|radreport)$/.test(e.name))
          all.push([relative(d.startsWith('..') ? join(root, '..') : root, q), readFileSync(q, 'utf8')]);
      }
    };
    walk(dir);
  }
  return all.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
const texts = files();
const mb = () => {
  let s = '';
  for (let i = 0; s.length < 1 << 20; i++) s += texts[i % texts.length][1] + '\n';
  return s.slice(0, 1 << 20);
};

if (mode === 'golden') {
  const inputs = [...texts];
  inputs.push(['1mb', mb()]);
  for (const [name, f] of Object.entries(HOSTILE)) inputs.push([name, f(20000)]);
  inputs.push([
    'crlf',
    texts
      .slice(0, 20)
      .map((t) => t[1])
      .join('\r\n')
      .replace(/\n/g, '\r\n'),
  ]);
  inputs.push([
    'unicode',
    '\ufeffTBS\u00a01\u00b7262 T\u2011score \u22121\u00b79 \uff11\uff0e\uff12 \u0130stanbul &nbsp; <b>x</b> a_b',
  ]);
  const digest = {};
  for (const [name, text] of inputs) {
    const a = eng.analyze(text);
    const d = eng.makeDoc(text);
    const t = eng.tokenise(d.norm);
    const tok = [
      t.n,
      ...['kind', 'start', 'end', 'unitEnd', 'flags', 'unit', 'value', 'line'].map((k) =>
        Array.from(t[k].subarray(0, t.n)),
      ),
    ];
    const j = JSON.stringify({ a, lines: d.lines, norm: d.norm, eol: d.eol, tok });
    digest[name] = createHash('sha1').update(j).digest('hex');
  }
  writeFileSync(arg1, JSON.stringify(digest, null, 1));
  console.log(`${Object.keys(digest).length} inputs digested -> ${arg1}`);
  process.exit(0);
}

const reps = Number(arg1 ?? 20);
const big = mb();
if (mode === 'time') {
  for (let w = 0; w < 3; w++) for (const [, t] of texts) eng.analyze(t);
  const per = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    for (const [, t] of texts) eng.analyze(t);
    const c = process.cpuUsage(c0);
    per.push((c.user + c.system) / 1000 / texts.length);
  }
  const one = [];
  for (const [, t] of texts) {
    for (let w = 0; w < 3; w++) eng.analyze(t);
    const s = process.hrtime.bigint();
    for (let w = 0; w < 5; w++) eng.analyze(t);
    one.push(Number(process.hrtime.bigint() - s) / 5e6);
  }
  one.sort((a, b) => a - b);
  const mbs = [];
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    eng.analyze(big);
    const c = process.cpuUsage(c0);
    mbs.push((c.user + c.system) / 1000);
  }
  per.sort((a, b) => a - b);
  mbs.sort((a, b) => a - b);
  console.log(
    `files ${texts.length}: mean CPU/file ${per[per.length >> 1].toFixed(3)} ms (median of ${reps} passes); per-file median wall ${one[one.length >> 1].toFixed(3)} ms; 1 MB CPU median ${mbs[2].toFixed(1)} ms (min ${mbs[0].toFixed(1)})`,
  );
  process.exit(0);
}
if (mode === 'loop') {
  if (arg2 === '1mb') for (let r = 0; r < reps; r++) eng.analyze(big);
  else for (let r = 0; r < reps; r++) for (const [, t] of texts) eng.analyze(t);
}
if (mode === 'pipeloop') {
  // As `loop`, for the reading pipeline alone (a profile of makeDoc + makeCtx).
  if (arg2 === '1mb') for (let r = 0; r < reps; r++) readPipeline(big);
  else for (let r = 0; r < reps; r++) for (const [, t] of texts) readPipeline(t);
}
if (mode === 'pipestages') {
  // Time per pipeline stage, summed over the fixture reports (`reps` passes, median) and on 1 MB.
  const fx = texts.filter(([n]) => n.startsWith('test/fixtures/reports/'));
  const [, text, tok, ctxm, settings, secm, phm, triem, readm] = Array.from({ length: 9 }, (_, i) => mods['m' + i]);
  const trie = readm.trieFor(settings.DEFAULT_SETTINGS.labels);
  const stagesOf = (inputs, reps) => {
    const acc = {};
    // Wall time (hrtime): per-call CPU time from getrusage is too coarse for a 1 KB report.
    const add = (k, f) => {
      const t0 = process.hrtime.bigint();
      const r = f();
      acc[k] = (acc[k] ?? 0) + Number(process.hrtime.bigint() - t0) / 1000;
      return r;
    };
    const runs = [];
    for (let r = 0; r < reps; r++) {
      for (const k of Object.keys(acc)) acc[k] = 0;
      for (const t of inputs) {
        const d = add('makeDoc', () => text.makeDoc(t));
        add('sections', () => secm.findSections(d));
        const ph = add('placeholders', () => phm.findPlaceholders(d));
        const tk = add('tokenise', () => tok.tokenise(d.norm, ph));
        const hits = add('match', () => triem.match(trie, tk));
        add('read(all)', () => readm.read(d.norm, ph, trie, { text: d.text }));
        add('makeCtx(all)', () => ctxm.makeCtx(d, settings.DEFAULT_SETTINGS));
        void hits;
      }
      runs.push({ ...acc });
    }
    const out = {};
    for (const k of Object.keys(runs[0])) {
      const xs = runs.map((x) => x[k]).sort((a, b) => a - b);
      out[k] = xs[xs.length >> 1] / inputs.length;
    }
    return out;
  };
  for (let w = 0; w < 3; w++)
    stagesOf(
      fx.map((x) => x[1]),
      1,
    );
  const a = stagesOf(
    fx.map((x) => x[1]),
    reps,
  );
  console.log(
    'fixtures (us per file): ' +
      Object.entries(a)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', '),
  );
  const b = stagesOf([big], 5);
  console.log(
    '1 MB (ms): ' +
      Object.entries(b)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join(', '),
  );
}
if (mode === 'pipe') {
  // The reading pipeline alone: per-file median wall time over the fixture reports (as the bench
  // worker measures it), mean CPU per file, and CPU for 1 MB (medians); first as `npm run bench`
  // runs it (each document's buffer left to the collector), then as analyze runs it (released).
  const fx = texts.filter(([n]) => n.startsWith('test/fixtures/reports/') && !n.endsWith('.json'));
  for (const [label, pipeline] of [
    ['pipeline', readPipeline],
    ['pipeline, buffer released as analyze does', readPipelineReleased],
  ]) {
    for (let w = 0; w < 5; w++) for (const [, t] of fx) pipeline(t);
    const per = [];
    const one = [];
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      for (const [, t] of fx) {
        const s = process.hrtime.bigint();
        pipeline(t);
        one.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      const c = process.cpuUsage(c0);
      per.push((c.user + c.system) / 1000 / fx.length);
    }
    const mbs = [];
    for (let r = 0; r < 7; r++) {
      const c0 = process.cpuUsage();
      pipeline(big);
      const c = process.cpuUsage(c0);
      mbs.push((c.user + c.system) / 1000);
    }
    for (const a of [per, one, mbs]) a.sort((x, y) => x - y);
    console.log(
      `${label}: fixtures ${fx.length}: per-file median wall ${(one[one.length >> 1] * 1000).toFixed(1)} us, mean CPU/file ${(per[per.length >> 1] * 1000).toFixed(1)} us; 1 MB CPU median ${mbs[3].toFixed(1)} ms (min ${mbs[0].toFixed(1)})`,
    );
  }
}
if (mode === 'stages') {
  // CPU per stage on the 1 MB text: makeDoc, tokenise, whole analyze (medians of `reps`).
  const stage = (f) => {
    const xs = [];
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      xs.push((c.user + c.system) / 1000);
    }
    xs.sort((a, b) => a - b);
    return xs[xs.length >> 1].toFixed(1);
  };
  const d = eng.makeDoc(big);
  console.log(
    `1 MB: makeDoc ${stage(() => eng.makeDoc(big))} ms, tokenise ${stage(() => eng.tokenise(d.norm))} ms, analyze ${stage(() => eng.analyze(big))} ms`,
  );
}
if (mode === 'inclusive') {
  // Inclusive time of the functions whose names are given (comma-separated) in a profile.
  const p = JSON.parse(readFileSync(arg1, 'utf8'));
  const names = new Set(arg2.split(','));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    total += p.timeDeltas[i];
    const seen = new Set();
    for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame.functionName;
      if (names.has(f) && !seen.has(f)) {
        seen.add(f);
        incl.set(f, (incl.get(f) ?? 0) + p.timeDeltas[i]);
      }
    }
  }
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
if (mode === 'cold') {
  // CPU of the first passes over the files in a fresh process (what a CLI run pays).
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    for (const [, t] of texts) eng.analyze(t);
    const c = process.cpuUsage(c0);
    console.log(`pass ${r + 1}: ${((c.user + c.system) / 1000 / texts.length).toFixed(3)} ms/file`);
  }
}
