/**
 * The scaling suite's measuring worker (bundled with esbuild by scaling.test.ts and run in a worker
 * thread, so that a class that hangs is ended by terminating the thread). It builds the text
 * (untimed) and times the engine on it (wall time, and wall time less garbage-collection pauses),
 * black box: `analyze()` for documents, `completionsAt()` for
 * completion at the end of a line.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { analyze, completionsAt } from '../../server/src/engine';
import { generateLargeDocument, generateReports } from '../robustness/reportGen';
// @ts-expect-error: plain JavaScript module (shared with `npm run bench`), bundled by esbuild.
import { HOSTILE } from '../../bench/inputs.mjs';
import type { AttackClass } from './generators';
import { COMPLETION, ISSUE_14, reportShapes } from './generators';

export interface Request {
  name: string;
  size: number;
  runs: number;
}
export interface Reply {
  name: string;
  size: number;
  /** Wall time of each run, garbage-collection pauses included (ms). */
  times?: number[];
  /** The same runs without their garbage-collection pauses: the engine's own work (ms). */
  work?: number[];
  error?: string;
}

const typical = (n: number) => generateLargeDocument(n, 3).slice(0, n);
const reportLines = generateReports(40, 11).map((r) => r.replace(/\r?\n|\r/g, ' '));
const typicalLine = (n: number) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `${reportLines[i % reportLines.length]} `;
  return s.slice(0, n);
};

// A full garbage collection before each timed run, so that no run pays for the garbage of the one
// (or the class) before it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// Garbage-collection pauses, to tell the engine's own work from the collector's: a collector's cost
// can grow faster than the live data (more objects copied per collection), which is not a path in
// the engine and depends on heap settings.
const pauses: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push(e);
}).observe({ entryTypes: ['gc'] });
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Run = (text: string) => unknown;
const classes = new Map<string, { make: (n: number) => string; run: Run }>();
const doc: Run = (t) => analyze(t);
const line: Run = (t) => completionsAt(t);
classes.set('benign: typical reports', { make: typical, run: doc });
classes.set('benign: completion after report text', { make: typicalLine, run: line });
for (const c of [...ISSUE_14, ...reportShapes(typical)]) classes.set(c.name, { make: c.make, run: doc });
for (const [name, make] of Object.entries(HOSTILE as Record<string, (n: number) => string>))
  classes.set(`bench: ${name}`, { make, run: doc });
for (const c of COMPLETION as AttackClass[]) classes.set(c.name, { make: c.make, run: line });

if (parentPort) {
  const port = parentPort;
  port.on('message', async (req: Request | 'names') => {
    if (req === 'names') {
      port.postMessage([...classes.keys()]);
      return;
    }
    const c = classes.get(req.name);
    if (!c) {
      port.postMessage({ name: req.name, size: req.size, error: 'unknown class' } satisfies Reply);
      return;
    }
    try {
      const text = c.make(req.size);
      const times: number[] = [];
      const work: number[] = [];
      // One untimed run first (it compiles the paths this text takes), except for the largest.
      if (req.size <= 100_000) c.run(text);
      for (let k = 0; k < req.runs; k++) {
        gc();
        await tick();
        pauses.length = 0;
        const t0 = performance.now();
        c.run(text);
        const t1 = performance.now();
        await tick();
        await tick();
        let paused = 0;
        for (const p of pauses) if (p.startTime >= t0 && p.startTime < t1) paused += p.duration;
        times.push(t1 - t0);
        work.push(Math.max(0, t1 - t0 - paused));
      }
      port.postMessage({ name: req.name, size: req.size, times, work } satisfies Reply);
    } catch (e) {
      port.postMessage({ name: req.name, size: req.size, error: String((e as Error)?.stack ?? e) } satisfies Reply);
    }
  });
}

/** Every class the worker measures, benign baselines first. */
export function classNames(): string[] {
  return [...classes.keys()];
}
