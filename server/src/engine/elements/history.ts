/** Values from an earlier study ("prior TBS 1.301", "compared with 2022") are not this report's. */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { sectionOf } from '../context';
import { lineOf } from '../text';

const HISTORY = spaced(
  /\b(?:(?:prior|previous|earlier|last|baseline)(?: dxa| study| exam| scan| tbs| t-score| bmd| value| result| measurement| frax| risk| fracture risk| probabilit)|previously|baseline:|prior:|compared (?:with|to)|versus|vs\.?|in (?:19|20)\d\d|on \d\d?\/\d\d?\/\d{2,4})(?![a-z])/,
);
/** "diagnosed 03/2023 (T-score -2.6)": tested only when the clause holds a year. */
const DATED_FINDING = spaced(
  /\b(?:diagnosed|dx|noted|documented|measured|found)(?: [a-z]+){0,3} (?:\d\d?\/)?(?:19|20)\d\d(?![a-z])/,
);
const YEAR = /(?:19|20)\d\d/;
const CURRENT = spaced(/\b(?:now|current(?:ly)?|today|this (?:study|exam|scan)|present(?:ly)?)\b/);

/**
 * True when the clause before `offset` (since the last ".", ";" or line start) speaks of the past
 * ("prior", "compared with", "in 2022", "diagnosed 03/2023 (T-score -2.6)"), or the offset lies in
 * a pasted earlier report.
 */
export function isHistorical(ctx: Ctx, offset: number): boolean {
  if (offset >= ctx.priorFrom) return true; // in a pasted earlier report
  const l = ctx.doc.lines[lineOf(ctx.doc, offset)];
  let i = offset - 1;
  const limit = Math.max(l.start, offset - 120);
  const norm = ctx.doc.norm;
  while (i >= limit) {
    const c = norm.charCodeAt(i);
    if (c === 59) break; // ";"
    if (c === 46) {
      // "." ends the clause unless a digit follows ("1.23").
      const d = norm.charCodeAt(i + 1);
      if (!(d >= 48 && d <= 57)) break;
    }
    i--;
  }
  const clause = ctx.doc.norm.slice(i + 1, offset);
  if (HISTORY.test(clause) || (YEAR.test(clause) && DATED_FINDING.test(clause))) return true;
  // "COMPARISON: 10/02/2024 DXA (TBS 1.262 at that time)": the comparison header's own line tells
  // of the earlier study, unless the clause speaks of this one.
  const section = sectionOf(ctx, offset);
  return (
    section !== null &&
    section.kind === 'comparison' &&
    lineOf(ctx.doc, offset) === section.headerLine &&
    !CURRENT.test(clause)
  );
}
