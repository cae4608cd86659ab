/**
 * Per-file rendering, done in the thread that checked the file: each file becomes a `Brief`, its
 * part of the report already in the output format plus the little the summary needs. Threads
 * exchange strings rather than object trees, which keeps a 10,000-file run cheap, and a serial run
 * goes through exactly the same functions, so it cannot differ from a parallel one.
 */
import type { Severity } from '../engine/types';
import type { Format } from './args';
import type { CheckOptions } from './check';
import { checkInput } from './check';
import { sarifResult } from './formatSarif';
import { textLines } from './formatText';
import type { Input } from './inputs';
import type { Outcome } from './report';
import { dropMinor } from './summary';

export interface RenderOptions {
  format: Format;
  /** --quiet: information and hint findings are left out. */
  quiet: boolean;
  color: boolean;
  /** Directory SARIF paths are relative to. */
  cwd: string;
}

export interface Brief {
  path: string;
  /** Why the file could not be checked. */
  error?: string;
  /** Code and severity of each reported finding, in order. */
  findings?: Array<[string, Severity]>;
  /**
   * The file's part of the report: text lines, a JSON "files" entry (one line), SARIF results (one
   * line each, newline-separated),
   * or for html the Outcome as JSON when it has findings (the page needs the whole run before it
   * can rank files).
   */
  part: string;
}

export function renderOutcome(o: Outcome, isStdin: boolean, ro: RenderOptions): Brief {
  if (!o.report) return { path: o.path, error: o.error ?? 'not checked', part: '' };
  const out = ro.quiet ? dropMinor([o])[0] : o;
  const report = out.report!;
  const findings = report.diagnostics.map((d): [string, Severity] => [d.code, d.severity]);
  let part: string;
  switch (ro.format) {
    case 'json':
      part = JSON.stringify(report);
      break;
    case 'sarif':
      part = report.diagnostics.map((d) => JSON.stringify(sarifResult(out.path, d, ro.cwd, isStdin))).join('\n');
      break;
    case 'html':
      // the page only lists files with findings; a clean file is just counted
      part = report.diagnostics.length ? JSON.stringify(out) : '';
      break;
    default:
      part = textLines(out, ro.color);
  }
  return { path: o.path, findings, part };
}

export function processInput(input: Input, check: CheckOptions, ro: RenderOptions): Brief {
  return renderOutcome(checkInput(input, check), input.fsPath === null && input.error === undefined, ro);
}
