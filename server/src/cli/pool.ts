/**
 * Checking many inputs on all cores. The main thread and (jobs - 1) worker threads take batches of
 * inputs from one queue; a worker is the CLI bundle itself started with workerData (the bundle is
 * one file), reads its files itself and sends back one message per batch. Results are stored by
 * input index, so the output order is the input order whatever the parallelism. A worker that dies
 * hands its batches back to the queue; the run still completes.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from './check';
import type { Input } from './inputs';
import type { Brief, RenderOptions } from './render';
import { processInput } from './render';

/** Below this many inputs a run stays in-process unless --jobs says otherwise. */
export const PARALLEL_MIN_INPUTS = 1000;
/** Batches in flight per worker, so that a worker never waits for the main thread. */
const IN_FLIGHT = 3;
/** The smallest batch: a run of inputs the queue keeps together. */
const MIN_BATCH = 8;
/** A batch takes at most 1/(threads x this) of what is left in the queue. */
const GUIDED_SHARE = 4;

export interface WorkerInit {
  tbsReportWorker: 1;
  check: CheckOptions;
  render: RenderOptions;
}

interface BatchRequest {
  id: number;
  inputs: Input[];
}

interface BatchResult {
  id: number;
  briefs: Brief[];
}

export function availableCores(): number {
  const f = (os as unknown as { availableParallelism?: () => number }).availableParallelism;
  return Math.max(1, f ? f() : os.cpus().length);
}

/** How many threads (main included) to use: explicit --jobs wins; "auto" uses all cores for large batches. */
export function decideJobs(requested: number | 'auto', inputs: number): number {
  if (requested !== 'auto') return Math.max(1, Math.min(requested, Math.max(1, inputs)));
  if (inputs < PARALLEL_MIN_INPUTS) return 1;
  return availableCores();
}

export function batchSizeFor(inputs: number, jobs: number): number {
  return Math.max(8, Math.min(200, Math.ceil(inputs / (jobs * 8))));
}

/** True when this thread was started as a checking worker. */
export function isCheckWorker(): boolean {
  return parentPort !== null && !!workerData && (workerData as Partial<WorkerInit>).tbsReportWorker === 1;
}

/** The worker's side: check each batch it is sent, answer with one message per batch. */
export function runCheckWorker(): void {
  const { check, render } = workerData as WorkerInit;
  const port = parentPort;
  if (!port) return;
  port.on('message', (req: BatchRequest) => {
    const briefs = req.inputs.map((i) => processInput(i, check, render));
    const res: BatchResult = { id: req.id, briefs };
    port.postMessage(res);
  });
}

export interface RunOptions {
  jobs: number;
  check: CheckOptions;
  render: RenderOptions;
  /** The script a worker runs: the CLI entry (dist/cli.js in the bundle). */
  workerScript: string;
  onProgress?: (done: number, total: number) => void;
  /** Filled in with how the work was shared: inputs checked per thread (index 0 = main thread). */
  stats?: PoolStats;
}

export interface PoolStats {
  threads: number;
  batchSize: number;
  /** Inputs checked by each thread; [0] is the main thread. */
  checkedBy: number[];
  /** Workers that failed (their batches were checked again elsewhere). */
  failedWorkers: number;
}

function serial(inputs: Input[], ro: RunOptions): Brief[] {
  const out: Brief[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    out[i] = processInput(inputs[i], ro.check, ro.render);
    if (ro.onProgress && (i & 31) === 31) ro.onProgress(i + 1, inputs.length);
  }
  ro.onProgress?.(inputs.length, inputs.length);
  if (ro.stats)
    Object.assign(ro.stats, { threads: 1, batchSize: inputs.length, checkedBy: [inputs.length], failedWorkers: 0 });
  return out;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkAll(inputs: Input[], ro: RunOptions): Promise<Brief[]> {
  const jobs = ro.jobs;
  if (jobs <= 1 || inputs.length === 0) return serial(inputs, ro);

  const total = inputs.length;
  const out: Brief[] = new Array(total);
  // The queue holds runs of MIN_BATCH inputs; a thread takes several at once, fewer as the queue
  // empties (guided scheduling), so that no thread is left with a long batch while the others idle.
  const size = batchSizeFor(total, jobs);
  const queue: Array<[number, number]> = [];
  for (let s = 0; s < total; s += MIN_BATCH) queue.push([s, Math.min(total, s + MIN_BATCH)]);
  let queued = total;
  let done = 0;
  const report = () => ro.onProgress?.(done, total);
  const checkedBy: number[] = [0];
  let failedWorkers = 0;

  // Inputs that only the main thread can read (standard input) are never sent to a worker.
  const mainOnly = (b: [number, number]) => {
    for (let i = b[0]; i < b[1]; i++) if (inputs[i].fsPath === null && inputs[i].error === undefined) return true;
    return false;
  };

  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const complete = (b: [number, number], briefs: Brief[]) => {
    for (let i = 0; i < briefs.length; i++) out[b[0] + i] = briefs[i];
    done += b[1] - b[0];
    report();
    if (done === total) finish();
  };

  interface Slot {
    worker: Worker;
    inFlight: Map<number, [number, number]>;
    alive: boolean;
  }
  const slots: Slot[] = [];
  let nextId = 0;
  /** Takes the next batch a thread may check: consecutive runs, up to the guided batch size. */
  const take = (forWorker: boolean): [number, number] | undefined => {
    const idx = forWorker ? queue.findIndex((b) => !mainOnly(b)) : 0;
    if (idx < 0 || idx >= queue.length) return undefined;
    const want = Math.max(MIN_BATCH, Math.min(size, Math.ceil(queued / (jobs * GUIDED_SHARE))));
    let n = 1;
    let end = queue[idx][1];
    while (
      idx + n < queue.length &&
      queue[idx + n][0] === end &&
      end - queue[idx][0] < want &&
      !(forWorker && mainOnly(queue[idx + n]))
    ) {
      end = queue[idx + n][1];
      n++;
    }
    const b: [number, number] = [queue[idx][0], end];
    queue.splice(idx, n);
    queued -= end - b[0];
    return b;
  };
  const feed = (slot: Slot) => {
    while (slot.alive && slot.inFlight.size < IN_FLIGHT) {
      const b = take(true);
      if (!b) return;
      const id = nextId++;
      slot.inFlight.set(id, b);
      const req: BatchRequest = { id, inputs: inputs.slice(b[0], b[1]) };
      slot.worker.postMessage(req);
    }
  };
  const fail = (slot: Slot) => {
    if (!slot.alive) return;
    slot.alive = false;
    failedWorkers++;
    // Hand its unfinished batches back; the main thread (or another worker) checks them.
    for (const b of slot.inFlight.values()) {
      queue.unshift(b);
      queued += b[1] - b[0];
    }
    slot.inFlight.clear();
    for (const s of slots) feed(s);
    wake();
  };
  let wake: () => void = () => {};

  const init: WorkerInit = { tbsReportWorker: 1, check: ro.check, render: ro.render };
  for (let w = 0; w < jobs - 1; w++) {
    let worker: Worker;
    try {
      worker = new Worker(ro.workerScript, { workerData: init, stdout: false, stderr: false });
    } catch {
      break; // no worker threads available: the main thread does it all
    }
    const slot: Slot = { worker, inFlight: new Map(), alive: true };
    slots.push(slot);
    const slotIndex = slots.length;
    checkedBy.push(0);
    worker.on('message', (res: BatchResult) => {
      const b = slot.inFlight.get(res.id);
      if (!b) return;
      slot.inFlight.delete(res.id);
      complete(b, res.briefs);
      checkedBy[slotIndex] += b[1] - b[0];
      feed(slot);
    });
    worker.on('error', () => fail(slot));
    worker.on('exit', () => fail(slot));
    feed(slot);
  }

  // The main thread works through the queue too, yielding between batches to hear the workers.
  for (;;) {
    const b = take(false);
    if (b) {
      const briefs: Brief[] = [];
      for (let i = b[0]; i < b[1]; i++) briefs.push(processInput(inputs[i], ro.check, ro.render));
      complete(b, briefs);
      checkedBy[0] += b[1] - b[0];
      await tick();
      continue;
    }
    if (done === total) break;
    // Nothing left to take: wait until a worker finishes or fails (and hands batches back).
    await new Promise<void>((resolve) => {
      wake = resolve;
      void allDone.then(resolve);
    });
    wake = () => {};
  }
  await allDone;
  if (ro.stats) Object.assign(ro.stats, { threads: slots.length + 1, batchSize: size, checkedBy, failedWorkers });
  await Promise.all(
    slots.map((s) => {
      s.alive = false;
      return s.worker.terminate().catch(() => 0);
    }),
  );
  return out;
}
