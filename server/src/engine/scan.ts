/**
 * The old readers' first pass: numbers as Num objects and keyword hits (only the old readers use
 * them; Ctx makes them on first use). Sections and placeholders are read by the pipeline
 * (reading/sections.ts, reading/placeholders.ts) and re-exported here for old importers.
 */
import type { Doc } from './text';
import type { Span } from './types';
import type { Tokens } from './reading/tokens';
import { DECIMAL, NUMBER, RANGE_START, SIGNED, tokenAt, tokenise } from './reading/tokens';

export interface Num extends Span {
  value: number;
  /** Text as written (original characters). */
  text: string;
  /** True when a sign was written. */
  signed: boolean;
  /** True when a decimal separator was written. */
  decimal: boolean;
  /** Text right after the number in the normalised document, up to 12 characters. */
  after: string;
}

/**
 * The numbers of [start, end): the tokeniser's NUMBER tokens (reading/tokens.ts), which read a
 * number whole (sign, decimal point, comma or mid-dot) or refuse it.
 */
export function numbersIn(doc: Doc, start: number, end: number): Num[] {
  return numbersOf(doc, tokenise(doc.norm), start, end);
}

/** The NUMBER tokens of `t` that lie in [start, end), as numbers. */
export function numbersOf(doc: Doc, t: Tokens, start = 0, end = doc.norm.length): Num[] {
  const out: Num[] = [];
  const s = doc.norm;
  for (let i = tokenAt(t, start); i < t.n && t.start[i] < end; i++) {
    // The first end of an interval ("1.5" of "in 1.5 to 2 years") is no value for any reader.
    if (t.kind[i] !== NUMBER || t.end[i] > end || t.flags[i] & RANGE_START) continue;
    const e = t.end[i];
    out.push({
      start: t.start[i],
      end: e,
      value: t.value[i],
      text: doc.text.slice(t.start[i], e),
      signed: (t.flags[i] & SIGNED) !== 0,
      decimal: (t.flags[i] & DECIMAL) !== 0,
      after: s.slice(e, Math.min(e + 12, s.length)),
    });
  }
  return out;
}

/** Units that mark a number as something other than a score. */
export const UNIT_AFTER =
  /^[ -]?(?:g\/cm|g\/cm2|g\/cm²|mg\b|kg\b|cm\b|mm\b|%|percent|years?\b|y\b|yrs?\b|yo\b|days?\b|months?\b|units?\b|lbs?\b|in\b|m2|kg\/m)/;

// ---------------------------------------------------------------------------------------------
// Keywords.

/**
 * Where several patterns can start, found in one scan instead of one scan each: the TBS label
 * ("tbs", "trabecular bone score"), the T-score label ("t-score", "t: -1.2", "t -1.2"), the measure
 * words of a table header ("t-score", "z score", "tbs", "bmd"), risk model names ("frax", "garvan",
 * "qfracture", "caroc"), "bmi", the DXA CPT codes ("770.."), the words of a risk-table header
 * ("unadjusted", "without tbs", "conventional"), "tbs-report-disable" comments, the "tool" of
 * "fracture risk assessment tool" and the banner of a pasted "prior report". Every match of each of those patterns starts at one of the hits
 * (a unit test checks this against each pattern's own scan of the whole text); each reader runs its
 * pattern only there. The scan goes on one character after each hit, so no hit hides another.
 */
const KEYWORD =
  /[tz](?:bs|[- ]?score|rabecular|ool|(?= ?[=:] ?[-+]?\d| [-+]\d))|bm[di]|frax|garvan|q-?fracture|c(?:aroc|onventional)|770|without tbs|unadjusted|p(?:rior|revious) report/g;

export function findKeywords(doc: Doc): Span[] {
  const out: Span[] = [];
  KEYWORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEYWORD.exec(doc.norm)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length });
    KEYWORD.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * The matches of `sticky` (a pattern with the "y" flag) that start at the given offsets, in order
 * and without overlap: what a global scan with the same pattern finds, when every match of the
 * pattern starts at one of the offsets and with one of `firstChars`. At most `limit` of them.
 */
export function execAt(
  text: string,
  starts: readonly Span[],
  sticky: RegExp,
  firstChars: string,
  limit = Infinity,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (const { start } of starts) {
    // A cheap test first: the pattern's matches start with one of these characters.
    if (start < lastEnd || !firstChars.includes(text[start])) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    lastEnd = start + Math.max(1, m[0].length);
    out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}

/** execAt's matches as spans. */
export function matchesAt(
  text: string,
  starts: readonly Span[],
  sticky: RegExp,
  firstChars: string,
  limit = Infinity,
): Span[] {
  return execAt(text, starts, sticky, firstChars, limit).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------------------------------------
// Placeholders: template leftovers (read in reading/placeholders.ts, with no regular expression).

export { findPlaceholders, MAX_PLACEHOLDERS } from './reading/placeholders';

// ---------------------------------------------------------------------------------------------
// Sections (read in reading/sections.ts, with no regular expression).

export { findSections } from './reading/sections';
