/** Values from an earlier study ("prior TBS 1.301", "compared with 2022") are not this report's. */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { lineOf } from '../text';

const HISTORY = spaced(/\b(?:(?:prior|previous|earlier|last|baseline)(?: dxa| study| exam| scan| tbs| t-score| bmd| value| result| measurement| frax| risk| fracture risk| probabilit)|previously|baseline:|prior:|compared (?:with|to)|versus|vs\.?|in (?:19|20)\d\d|on \d\d?\/\d\d?\/\d{2,4}|(?:diagnosed|dx|noted|documented|measured|found)(?: [a-z]+){0,3} (?:\d\d?\/)?(?:19|20)\d\d)(?![a-z])/);

/**
 * True when the clause before `offset` (since the last ".", ";" or line start) speaks of the past:
 * "prior", "compared with", "in 2022", "diagnosed 03/2023 (T-score -2.6)".
 */
export function isHistorical(ctx: Ctx, offset: number): boolean {
  const l = ctx.doc.lines[lineOf(ctx.doc, offset)];
  let i = offset - 1;
  const limit = Math.max(l.start, offset - 120);
  while (i >= limit) {
    const c = ctx.doc.norm[i];
    if (c === ';' || (c === '.' && !/\d/.test(ctx.doc.norm[i + 1] ?? ''))) break;
    i--;
  }
  const clause = ctx.doc.norm.slice(i + 1, offset);
  return HISTORY.test(clause);
}
