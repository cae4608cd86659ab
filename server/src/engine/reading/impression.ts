/**
 * Where the impression is. A section whose header the vocabulary calls an impression
 * (`vocab/sections.ts`: "Impression", "Impression and recommendation", "Assessment", "Conclusion",
 * "Opinion", "Comment", "Summary", ...) and that holds something besides a signing line; else an
 * inline lead-in inside a paragraph ("... Impression: osteopenia.", "Imp: osteopenia.", "In summary,
 * ..."), or a dictated header followed straight by a stated class ("Impression osteopenia with ...").
 */
import type { Ctx } from '../context';
import { sectionOfThisStudy } from './history';
import { range } from '../context';
import type { Located } from '../types';
import { codedTail } from './layout';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { GAP, NEWLINE, PUNCT, punctAt, tokenAt, WORD } from './tokens';

/** The kind bit of section headers. */
const HEADER_BIT = kindBit('header');

/** Does the line start with a signing label ("Electronically signed by", "Dictated by", "/s/")? */
function signingLine(ctx: Ctx, line: number): boolean {
  const { tokens: t, hits } = ctx.reading;
  let k = tokenAt(t, ctx.doc.lines[line].start);
  while (k < t.n && (t.kind[k] === GAP || (t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) !== 47))) k++;
  if (k >= t.n || t.kind[k] === NEWLINE) return false;
  // "/s/ Jane Roe"
  if (t.kind[k] === PUNCT && k + 2 < t.n && t.kind[k + 1] === WORD && t.norm.startsWith('s/', t.start[k + 1]))
    return true;
  const h = hits.at[k];
  if (h < 0) return false;
  const role = conceptOf(hits.concepts[h], 'role');
  return (role !== undefined && !role.excluded) || conceptOf(hits.concepts[h], 'courtesy') !== undefined;
}

export function readImpression(ctx: Ctx): Located | null {
  for (const s of ctx.sections) {
    if (s.kind !== 'impression' || !sectionOfThisStudy(ctx, s)) continue;
    let hasContent = s.inlineText.length > 0;
    for (let i = s.bodyStartLine; !hasContent && i <= s.endLine; i++)
      if (!ctx.blankLine[i] && !signingLine(ctx, i)) hasContent = true;
    if (!hasContent) continue;
    const span = { start: ctx.doc.lines[s.headerLine].start, end: ctx.doc.lines[s.endLine].end };
    return { span, range: range(ctx, span) };
  }
  // Inline: an impression header at a line's start or after a sentence, then ":" or "-" and text;
  // a lead-in ("In summary,") then ",".
  const { tokens: t, hits, sentence } = ctx.reading;
  const kinds = hitKinds(hits);
  for (let h = 0; h < hits.n; h++) {
    // The kind bits first: a concept search only for a hit that may be a header.
    if (!(kinds[h] & HEADER_BIT)) continue;
    const header = conceptOf(hits.concepts[h], 'header');
    if (!header || header.kind !== 'impression') continue;
    const s = hits.start[h];
    const e = hits.end[h];
    if (t.start[s] >= ctx.priorFrom) break;
    // It opens its sentence (or its line).
    let p = s - 1;
    while (p >= 0 && (t.kind[p] === GAP || (t.kind[p] === PUNCT && '#*-•>'.includes(t.norm[t.start[p]])))) p--;
    // "IMP^Impression^L||...": an HL7 component opens, its coding system and field separators follow.
    const coded = punctIs(ctx, s - 1, 94) && codedTail(t, e) >= 0;
    const opens =
      coded ||
      p < 0 ||
      t.kind[p] === NEWLINE ||
      sentence[p] !== sentence[s] ||
      punctIs(ctx, p, 46) ||
      punctIs(ctx, p, 59);
    if (!opens || e >= t.n) continue;
    if (coded) {
      // The value field follows.
    } else if (t.kind[e] === PUNCT) {
      const c = t.norm.charCodeAt(t.start[e]);
      // "IMP. osteoporosis", "Concl. osteopenia": the point of an abbreviated header.
      const abbreviated = c === 46 && e === s + 1 && t.end[s] - t.start[s] <= ABBREVIATION_MAX;
      if (c !== 58 && c !== 45 && c !== 44 && !abbreviated) continue;
    } else if (!(header.lead && t.kind[e] === WORD)) {
      // A lead-in opens its statement without a comma too ("In summary he has ..."). Dictated without a colon: "Impression osteopenia ...", the header then a stated class.
      const n = t.kind[e] === GAP ? e + 1 : e;
      const hn = n < t.n ? hits.at[n] : -1;
      if (hn < 0 || hits.start[hn] !== n || !conceptOf(hits.concepts[hn], 'who')) continue;
    }
    // Text follows on the line.
    let k = e + 1;
    while (k < t.n && t.kind[k] === GAP) k++;
    if (k >= t.n || t.kind[k] === NEWLINE) continue;
    // Over the line breaks that read.ts softened (a hard-wrapped "... impression" / "osteopenia, ...").
    let line = t.line[s];
    const lines = ctx.doc.lines;
    for (let b = tokenAt(t, lines[line].end); line + 1 < lines.length; b = tokenAt(t, lines[line].end)) {
      if (b >= t.n || t.kind[b] !== GAP || t.start[b] !== lines[line].end) break;
      line++;
    }
    const span = { start: t.start[s], end: lines[line].end };
    return { span, range: range(ctx, span) };
  }
  return null;
}

/** Longest abbreviated header word ("dx", "imp", "impr", "concl"). */
const ABBREVIATION_MAX = 5;

function punctIs(ctx: Ctx, k: number, ch: number): boolean {
  return punctAt(ctx.reading.tokens, k) === ch;
}
