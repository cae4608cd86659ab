/**
 * Scaling suite (issue 14): every hostile class, new and old, at 10 KB, 100 KB and 1 MB, through the
 * engine's public entry points only (`analyze()`, and `completionsAt()` for completion at the end of
 * a line), so it judges whatever engine stands.
 *
 * A class fails when
 * - its time (the engine's own work: garbage-collection pauses are left out, as the collector's cost
 *   can grow faster than the live data without any super-linear path in the engine) grows more than GROWTH (15) times per tenfold size (linear is 10, quadratic 100; where
 *   the benign baseline itself grows more than tenfold, from memory effects at these sizes, the limit
 *   is 1.5 times the baseline's growth), or
 * - 1 MB takes over 1 s (the whole run, collector included), or
 * - one measurement runs past HANG_MS (the worker thread is ended: a quadratic path can take minutes).
 *
 * Robust against a loaded machine (2 cores shared by many processes):
 * - times are medians of a few runs;
 * - the smaller size's time is floored at half a benign baseline's time for that size (typical
 *   reports, measured in the same run), so that a cheap class's noise at 10 KB cannot fake growth;
 * - each size is run once untimed before it is measured (10 KB and 100 KB);
 * - the 1 s budget stretches to BENIGN_FACTOR times the benign 1 MB document's time when the machine
 *   is so loaded that this is more (a typical 1 MB document takes well under 1/6 s on an idle core);
 * - a class that fails is measured again (with fresh baselines), up to JUDGEMENTS times in all, and
 *   passes if one judgement passes: noise can make a linear class look slow, but no noise makes a
 *   quadratic one look linear.
 * A quadratic path still fails: its growth is about 100 per tenfold size, whatever the load.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Reply, Request } from './worker';

const SIZES = [10_000, 100_000, 1_000_000] as const;
const RUNS: Record<number, number> = { 10_000: 7, 100_000: 5, 1_000_000: 3 };
const GROWTH = 15;
const BUDGET_MS = 1000;
const BENIGN_FACTOR = 6;
const HANG_MS = 20_000;
const FLOOR_MS = 1;
const JUDGEMENTS = 3;

/**
 * Classes whose growth is reported but does not fail the run, each with what was measured. Keep this
 * short: an entry is a finding for the engine, not a pass.
 */
const KNOWN: Record<string, string> = {};

// The worker: engine, generators and the bench's hostile inputs in one bundle.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tbs-scaling-'));
const bundle = path.join(dir, 'worker.cjs');
buildSync({
  entryPoints: [path.join(__dirname, 'worker.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'silent',
});
const names = (createRequire(__filename)(bundle) as { classNames(): string[] }).classNames();
const BENIGN_DOC = 'benign: typical reports';
const BENIGN_LINE = 'benign: completion after report text';

let worker: Worker | null = null;
function start(): Worker {
  worker ??= new Worker(bundle);
  return worker;
}

/** Times (ms) of `runs` runs of class `name` at `size`, or an error / 'hang'. */
function measure(name: string, size: number, runs: number): Promise<Reply> {
  const w = start();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      w.removeAllListeners('message');
      void w.terminate();
      worker = null;
      resolve({ name, size, error: `hang: still running after ${HANG_MS / 1000} s` });
    }, HANG_MS);
    w.once('message', (r: Reply) => {
      clearTimeout(timer);
      resolve(r);
    });
    w.postMessage({ name, size, runs } satisfies Request);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median time (ms) of the engine's own work (garbage-collection pauses left out) and of the whole run. */
async function medianOf(name: string, size: number, runs = RUNS[size]): Promise<{ work: number; total: number }> {
  const r = await measure(name, size, runs);
  if (r.error) throw new Error(`${name} at ${size / 1000} KB: ${r.error}`);
  return { work: median(r.work as number[]), total: median(r.times as number[]) };
}

afterAll(async () => {
  await worker?.terminate();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Verdict {
  ok: boolean;
  why: string;
}

/** Benign baselines by name and size, measured once and again before a class's second judgement. */
const baselines = new Map<string, { work: number; total: number }>();
async function baseline(name: string, size: number, fresh: boolean): Promise<{ work: number; total: number }> {
  const key = `${name}@${size}`;
  if (fresh || !baselines.has(key)) baselines.set(key, await medianOf(name, size));
  return baselines.get(key) as { work: number; total: number };
}

const kb = (size: number) => `${size / 1000} KB`;

/** One judgement of a class against its baseline, sizes in order; stops at the first failure. */
async function judge(name: string, benign: string, fresh: boolean): Promise<Verdict> {
  const t: number[] = [];
  const base: number[] = [];
  let total = 0;
  let baseTotal = 0;
  for (const [k, size] of SIZES.entries()) {
    const b = await baseline(benign, size, fresh);
    base[k] = b.work;
    baseTotal = b.total;
    const r = await measure(name, size, RUNS[size]);
    if (r.error) return { ok: false, why: `${kb(size)}: ${r.error}` };
    t[k] = median(r.work as number[]);
    total = median(r.times as number[]);
    if (k > 0) {
      // Linear growth on this machine at these sizes: tenfold, or the benign text's growth when
      // memory effects make that more (a 10 KB text stays in the caches, 100 KB does not).
      const linear = Math.max(10, base[k] / Math.max(base[k - 1], FLOOR_MS));
      const limit = (GROWTH / 10) * linear;
      const growth = t[k] / Math.max(t[k - 1], base[k - 1] / 2, FLOOR_MS);
      if (growth > limit)
        return {
          ok: false,
          why: `time grows ${growth.toFixed(1)}x from ${kb(SIZES[k - 1])} to ${kb(size)}, limit ${limit.toFixed(1)}x (${t[k - 1].toFixed(1)} -> ${t[k].toFixed(1)} ms; benign ${base[k - 1].toFixed(1)} -> ${base[k].toFixed(1)} ms; collector pauses left out)`,
        };
    }
  }
  // The budget counts the whole run, collector included.
  const budget = Math.max(BUDGET_MS, BENIGN_FACTOR * baseTotal);
  if (total > budget)
    return {
      ok: false,
      why: `1 MB takes ${total.toFixed(0)} ms (budget ${budget.toFixed(0)} ms; benign 1 MB ${baseTotal.toFixed(0)} ms)`,
    };
  return {
    ok: true,
    why: `${t.map((x, k) => `${kb(SIZES[k])} ${x.toFixed(1)} ms`).join(', ')}; 1 MB with collector ${total.toFixed(0)} ms`,
  };
}

describe('scaling: every hostile class at 10 KB, 100 KB and 1 MB', () => {
  for (const name of names) {
    if (name.startsWith('benign')) continue;
    const benign = name.startsWith('completion') ? BENIGN_LINE : BENIGN_DOC;
    test(name, { timeout: 9 * HANG_MS + 60_000 }, async () => {
      let v = await judge(name, benign, false);
      // Measured again, with fresh baselines (a garbage collection or another process can land in
      // any run); a hang is not retried.
      for (let k = 1; k < JUDGEMENTS && !v.ok && !v.why.includes('hang'); k++) v = await judge(name, benign, true);
      if (!v.ok && KNOWN[name]) {
        console.warn(`KNOWN super-linear class (not failing the run): ${name}: ${v.why}. ${KNOWN[name]}`);
        return;
      }
      expect(v.ok, `${name}: ${v.why} (load average ${os.loadavg()[0].toFixed(1)})`).toBe(true);
    });
  }
});
