/**
 * Legends, footnotes and prior-study paragraphs, recognised by shape rather than by sentence:
 * - a legend entry: a class word whose clause holds only bounds (a number under a threshold cue,
 *   "-2.5 or lower", "<= -2.5") or ranges ("-1.0 to -2.5", "1.230-1.310"), never a plain result;
 * - a legend line: a line led by a threshold cue and a colon ("Least significant change (95%): ...",
 *   "Reference ranges: ..."): every value on it is the legend's;
 * - a comparison paragraph: the text of a COMPARISON section's header line and the lines that follow
 *   it up to a blank line or a header ("COMPARISON: DXA dated 06/10/2023. At that time ...").
 */
import type { Ctx } from '../context';
import { THRESHOLD } from './concepts';
import { NEWLINE, NUMBER, PUNCT, tokenAt, UNIT_NONE, WORD } from './tokens';

/** The largest magnitude a T-score bound of a WHO legend takes (the classes' cut-offs are -1 and -2.5). */
const T_SCALE = 5;

/** Words that join the two ends of a range: "-1.0 to -2.5", "1.230 - 1.310". */
function rangeJoin(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[k] === PUNCT) {
    const c = t.norm.charCodeAt(t.start[k]);
    return c === 45 || c === 0x2013;
  }
  if (t.kind[k] !== WORD) return false;
  const len = t.end[k] - t.start[k];
  return (len === 2 && t.norm.startsWith('to', t.start[k])) || (len === 7 && t.norm.startsWith('through', t.start[k]));
}

/** Is the number at k one end of a range ("-1.0 to -2.5")? */
function rangeEnd(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  if (k + 2 < t.n && rangeJoin(ctx, k + 1) && t.kind[k + 2] === NUMBER) return true;
  return k >= 2 && rangeJoin(ctx, k - 1) && t.kind[k - 2] === NUMBER;
}

/**
 * Is the class word at token s a legend's entry: its clause (on its line) holds at least one bound
 * or range on the T-score scale and no plain value ("Osteoporosis: T-score -2.5 and below", "osteopenia -1.0 to -2.5";
 * not "Osteoporosis (T-score -2.8, below the -2.5 threshold)")?
 */
export function legendEntry(ctx: Ctx, s: number): boolean {
  const { tokens: t, clause, context } = ctx.reading;
  const c = clause[s];
  let bounds = 0;
  const visit = (k: number): boolean => {
    // A WHO bound is a bare number ("-2.5"); a percentage or a density is neither bound nor class value.
    if (t.kind[k] !== NUMBER || t.unit[k] !== UNIT_NONE) return true;
    // A number off the T-score scale is a population's age or a year ("osteopenia (WHO, men aged 50
    // and over)", "(WHO 1994)"): neither a bound nor the class's value.
    if (Math.abs(t.value[k]) > T_SCALE) return true;
    if (context[k] & THRESHOLD || rangeEnd(ctx, k)) bounds++;
    else return false;
    return true;
  };
  // On its line, and over the line breaks read.ts softened (a hard-wrapped sentence: "Lowest T-score
  // -1.9 at" / "the right femoral neck: osteopenia (WHO, men aged 50 and over)" is no legend).
  for (let k = s - 1, steps = 0; k >= 0 && steps < 24 && clause[k] === c && t.kind[k] !== NEWLINE; k--, steps++)
    if (!visit(k)) return false;
  for (let k = s + 1, steps = 0; k < t.n && steps < 24 && clause[k] === c && t.kind[k] !== NEWLINE; k++, steps++)
    if (!visit(k)) return false;
  return bounds > 0;
}

/**
 * Is token k after the colon of a line whose lead (the words before that colon) holds a threshold cue
 * ("Least significant change (95%): ...", "Precision (LSC) at this site: ...", "Reference ranges: ...")?
 */
export function onLegendLine(ctx: Ctx, k: number): boolean {
  const { tokens: t, context } = ctx.reading;
  const line = t.line[k];
  let cue = false;
  for (let i = tokenAt(t, ctx.doc.lines[line].start), steps = 0; i < k && steps < 16; i++, steps++) {
    if (t.kind[i] === PUNCT && t.norm.charCodeAt(t.start[i]) === 58) return cue;
    if (t.kind[i] === WORD && context[i] & THRESHOLD) cue = true;
  }
  return false;
}

/**
 * Is token k in a COMPARISON header's own text ("COMPARISON: DXA dated 06/10/2023. At that time ...")
 * or a hard-wrapped continuation of it (the line before ends in no full stop)? A table or the lines
 * under a bare "COMPARISON:" header are read by their own rules.
 */
export function inComparison(ctx: Ctx, k: number): boolean {
  const line = ctx.reading.tokens.line[k];
  const idx = ctx.sectionOfLine[line];
  if (idx < 0) return false;
  const section = ctx.sections[idx];
  if (section.kind !== 'comparison' || !section.inlineText) return false;
  // A hard-wrapped paragraph is a few lines; the walk stays bounded (linear per document).
  if (line - section.headerLine > 4) return false;
  const { lines, norm } = ctx.doc;
  for (let l = section.headerLine + 1; l <= line; l++) {
    if (ctx.blankLine[l] || ctx.tableLine[l]) return false;
    const prev = norm.slice(lines[l - 1].start, lines[l - 1].end).trimEnd();
    if (prev.endsWith('.') || prev.endsWith(':')) return false;
  }
  return true;
}
