/**
 * Checking one input: read, analyse, translate to the public report. Used alike by the main thread
 * and by the worker threads, so a parallel run cannot differ from a serial one.
 */
import { analyze } from '../engine/analyze';
import { checklistApplies, isPlainNotePath } from '../engine/drafting';
import type { EngineSettings } from '../engine/settings';
import type { Input } from './inputs';
import { readReport, readStdin } from './read';
import type { Outcome } from './report';
import { fileReport } from './report';

export interface CheckOptions {
  /** Resolved settings (`resolveSettings`), the same for every input of a run. */
  settings: EngineSettings;
  maxBytes: number;
  /** Keep the text of each finding's line (the HTML page shows it). */
  withLines: boolean;
}

/** Longest line excerpt kept for the HTML page. */
export const MAX_LINE_EXCERPT = 240;

export function checkText(path: string, text: string, opts: CheckOptions): Outcome {
  let report;
  try {
    // The CLI shows no fix: the insertions of missing elements are not planned (the same findings).
    // The settings were resolved once for the run (main.ts loadSettings).
    const a = analyze(text, opts.settings, { insertionFixes: false, settingsResolved: true });
    report = fileReport(path, a);
    // The editor's gate (engine/drafting.ts): a .txt/.md note is audited only when it reads as a TBS report.
    if (isPlainNotePath(path) && !checklistApplies(text, a)) report = { ...report, diagnostics: [] };
  } catch (e) {
    // An engine bug must not end the run: the file is reported as not checked.
    return { path, error: `internal error while checking (${(e as Error).message}); please report this` };
  }
  if (!opts.withLines || !report.diagnostics.length) return { path, report };
  const all = text.split(/\r\n|\r|\n/);
  const lines = report.diagnostics.map((d) => {
    const l = all[d.range.start.line] ?? '';
    return l.length > MAX_LINE_EXCERPT ? `${l.slice(0, MAX_LINE_EXCERPT)}…` : l;
  });
  return { path, report, lines };
}

export function checkInput(input: Input, opts: CheckOptions): Outcome {
  if (input.error !== undefined) return { path: input.path, error: input.error };
  const read = input.fsPath === null ? readStdin(opts.maxBytes) : readReport(input.fsPath, opts.maxBytes);
  if ('error' in read) return { path: input.path, error: read.error };
  return checkText(input.path, read.text, opts);
}
