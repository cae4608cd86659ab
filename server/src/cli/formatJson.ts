/**
 * The public JSON contract (schemaVersion 1):
 *   { "schemaVersion": 1, "files": [FileReport...], "errors": [{ "path", "error" }...], "summary": {...} }
 * `files` and `errors` are in input order; ranges are LSP ranges (0-based line, UTF-16 character).
 * Keys may be added in later versions; none is removed or changes meaning without a new schemaVersion.
 * Layout: two-space indentation, each entry of "files" and "errors" on one line.
 */
import type { FileError } from './report';
import { spliceItems } from './jsonText';
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

const FILES = '@@tbs-report:files@@';
const ERRORS = '@@tbs-report:errors@@';

/**
 * The document: pretty-printed (two-space indent), except that each entry of "files" and "errors"
 * is one line. `fileParts` are the checked files' entries, already serialised (see render.ts).
 */
export function assembleJson(fileParts: string[], errors: FileError[], summary: Summary): string {
  const doc = {
    schemaVersion: 1,
    files: fileParts.length ? [FILES] : [],
    errors: errors.length ? [ERRORS] : [],
    summary: jsonSummary(summary),
  };
  let text = JSON.stringify(doc, null, 2);
  text = spliceItems(text, FILES, fileParts);
  text = spliceItems(
    text,
    ERRORS,
    errors.map((e) => JSON.stringify(e)),
  );
  return `${text}\n`;
}
