/**
 * The public JSON contract (schemaVersion 1):
 *   { "schemaVersion": 1, "files": [FileReport...], "errors": [{ "path", "error" }...], "summary": {...} }
 * `files` and `errors` are in input order; ranges are LSP ranges (0-based line, UTF-16 character).
 * Keys may be added in later versions; none is removed or changes meaning without a new schemaVersion.
 */
import type { FileError, Outcome } from './report';
import type { Summary } from './summary';

export function jsonSummary(s: Summary) {
  return {
    filesChecked: s.filesChecked,
    filesClean: s.filesClean,
    filesWithFindings: s.filesWithFindings,
    unreadable: s.unreadable,
    findings: s.findings,
    bySeverity: s.bySeverity,
    byRule: Object.fromEntries(s.byRule.map((r) => [r.id, r.total])),
    maxWarnings: s.maxWarnings,
    tooManyWarnings: s.tooManyWarnings,
  };
}

export function formatJson(outcomes: Outcome[], summary: Summary): string {
  const files = [];
  const errors: FileError[] = [];
  for (const o of outcomes) {
    if (o.report) files.push(o.report);
    else errors.push({ path: o.path, error: o.error ?? 'not checked' });
  }
  return `${JSON.stringify({ schemaVersion: 1, files, errors, summary: jsonSummary(summary) }, null, 2)}\n`;
}
