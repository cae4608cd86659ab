/**
 * A progress bar on standard error, for long runs on a terminal only: it appears once a run has
 * taken longer than `delayMs`, redraws at most every `intervalMs`, and is erased before the report
 * is written, so neither a pipe nor a terminal ever keeps a trace of it.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar (if it was drawn). */
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

export function renderBar(done: number, total: number, columns: number, elapsedMs: number): string {
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const count = `${done}/${total} files`;
  const rate = elapsedMs > 0 ? ` ${Math.round((done * 1000) / elapsedMs)}/s` : '';
  const tail = ` ${String(pct).padStart(3)}% ${count}${rate}`;
  const width = Math.max(10, Math.min(40, columns - tail.length - 14));
  const filled = total ? Math.round((done / total) * width) : width;
  return `tbs-report [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`.slice(0, Math.max(20, columns - 1));
}

export function createProgress(
  stream: ProgressStream,
  enabled: boolean,
  delayMs = 300,
  intervalMs = 100,
  now: () => number = Date.now,
): Progress {
  if (!enabled || !stream.isTTY) return NONE;
  const start = now();
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < delayMs || (t - last < intervalMs && done < total)) return;
      last = t;
      drawn = true;
      const cols = stream.columns && stream.columns >= 40 ? stream.columns : 80;
      stream.write(`\r${renderBar(done, total, cols, t - start)}\x1b[K`);
    },
    stop() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
