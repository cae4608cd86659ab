/**
 * First pass over a document: sections, numbers, placeholders and keyword hits. Everything later
 * works on these and on the normalised text; no later stage re-reads the raw text with its own rules
 * for what a number or a header is, and the labels that the keyword scan covers are read only at
 * its hits (one scan of the text instead of one per label).
 */
import type { Doc } from './text';
import { isBlank, lineText, rangeOf } from './text';
import type { Section, SectionKind, Span } from './types';
import { memoByString } from './memo';
import { headerKind, isHeaderFirstWord, isKnownHeader, startsWithHeader } from './reading/headers';
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
// Sections.

/** Labels that, with text after their colon, are fields of a report rather than headers. */
const FIELD_LABELS =
  /^(?:tbs(?: value| score| l1-l4)?|bmi|age|sex|dob|mrn|name|date|t[- ]?scores?|z[- ]?scores?|mof|hip|risk model|model|cpt|bmd|height|weight|accession|patient|provider|signed)$/;

interface HeaderHit {
  title: string;
  kind: SectionKind;
  start: number;
  end: number;
  inline: string;
  inlineStart?: number;
}

function letterStats(s: string): { letters: number; lower: number; nonSpace: number } {
  let letters = 0;
  let lower = 0;
  let nonSpace = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) nonSpace++;
    if (c >= 97 && c <= 122) {
      letters++;
      lower++;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return { letters, lower, nonSpace };
}

const LABEL_CHARS = /^[A-Za-z][A-Za-z0-9 /&(),'+.-]*$/;

/**
 * Cheap test that rules out most lines before the real one: a header starts with "#", is all
 * capitals up to its colon (or end), or is short enough to be a known mixed-case header.
 */
function mayBeHeader(doc: Doc, line: number): boolean {
  const { start, end } = doc.lines[line];
  if (end - start > 200 || end === start) return false;
  const text = doc.text;
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === 35) return true; // '#'
  // Skip a list number: "6. ".
  let j = i;
  while (j < end && j - i < 3 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41)) {
    j++;
    while (j < end && text.charCodeAt(j) === 32) j++;
  } else j = i;
  const numbered = j > i;
  const first = text.charCodeAt(j);
  const capital = first >= 65 && first <= 90;
  if (first >= 97 && first <= 122) return false; // a line that starts in lower case
  // "Patient: ...", "The ...": mixed case from the first word on, so only a known header word will do.
  const second = text.charCodeAt(j + 1);
  if (capital && second >= 97 && second <= 122 && !knownFirstWord(doc.norm, j, end)) return false;
  let letters = 0;
  let lower = false;
  for (let k = j; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) return !lower || (capital && k - j <= 40 && !numbered && knownFirstWord(doc.norm, j, k)); // ':' ends the label
    if (c >= 97 && c <= 122) {
      lower = true;
      if (!capital || k - j > 40) return false;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return lower ? capital && end - j <= 40 && knownFirstWord(doc.norm, j, end) : letters >= 4;
}

/** Is the word at `from` one that a mixed-case header can start with (vocabulary)? */
function knownFirstWord(norm: string, from: number, to: number): boolean {
  const c = norm.charCodeAt(from);
  if (c < 97 || c > 122) return false;
  let w = from;
  while (w < to && norm.charCodeAt(w) >= 97 && norm.charCodeAt(w) <= 122) w++;
  return isHeaderFirstWord(norm.slice(from, w));
}

function headerOf(doc: Doc, line: number): HeaderHit | null {
  if (!mayBeHeader(doc, line)) return null;
  const l = doc.lines[line];
  const shape = headerShape(lineText(doc, line));
  if (!shape) return null;
  return {
    title: shape.title,
    kind: shape.kind,
    start: l.start + shape.start,
    end: l.start + shape.end,
    inline: shape.inline,
    inlineStart: shape.inlineStart === undefined ? undefined : l.start + shape.inlineStart,
  };
}

/**
 * What a line that may be a header is, with offsets relative to the line's start. A pure function
 * of the line's text: templates repeat their header lines, and a draft being typed keeps them, so
 * the answer is memoised (bounded).
 */
const headerShape: (raw: string) => HeaderHit | null = memoByString(computeHeaderShape, 2000, 200);

function computeHeaderShape(raw: string): HeaderHit | null {
  const h = readHeader(raw);
  return h ? { ...h, kind: headerKind(h.title.toLowerCase()) } : null;
}

function readHeader(raw: string): Omit<HeaderHit, 'kind'> | null {
  if (raw.includes('tbs-report-disable')) return null;
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (!body) return null;
  // Markdown header.
  const md = body.charCodeAt(0) === 35 ? /^#{1,6}[ \t]+/.exec(body) : null;
  if (md) {
    let titleEnd = body.length;
    // Closing hashes and blanks trimmed by a loop (a `[ \t#]+$` replace is quadratic on a long run).
    while (titleEnd > md[0].length && /[ \t#]/.test(body[titleEnd - 1])) titleEnd--;
    const title = body.slice(md[0].length, titleEnd).replace(/:$/, '').trim();
    if (!title) return null;
    const s = lead + md[0].length;
    return { title, start: s, end: s + title.length, inline: '' };
  }
  const c0 = body.charCodeAt(0);
  const numbered = c0 >= 48 && c0 <= 57 ? /^\d{1,2}[.)][ \t]*/.exec(body) : null;
  const numLen = numbered ? numbered[0].length : 0;
  const colon = body.indexOf(':');
  if (colon > 0) {
    const label = body.slice(numLen, colon).trim();
    if (label.length < 2 || label.length > 60 || !LABEL_CHARS.test(label)) return null;
    const lower = label.toLowerCase();
    const labelNorm = /\s\s|\t|\*/.test(lower) ? lower.replace(/\s+/g, ' ').replace(/\*+/g, '') : lower;
    // Mixed case: only a known header name ("Impression:", "Fracture risk (FRAX adjusted for TBS):").
    if (lower !== label && !/^[^a-z]*$/.test(label)) {
      const first = /^[a-z]+/.exec(lower);
      if (!first || !isHeaderFirstWord(first[0])) return null;
      const inline = body.slice(colon + 1).trim();
      if (numbered || !(isKnownHeader(labelNorm) || (inline === '' && startsWithHeader(labelNorm)))) return null;
      const s = lead + body.indexOf(label, numLen);
      const inlineStart = inline
        ? lead + colon + 1 + (body.length - colon - 1 - body.slice(colon + 1).trimStart().length)
        : undefined;
      return { title: label, start: s, end: s + label.length, inline, inlineStart };
    }
    const inline = body.slice(colon + 1).trim();
    if (inline && FIELD_LABELS.test(labelNorm)) return null;
    const st = letterStats(label);
    const allCaps = st.lower === 0 && st.letters >= 3;
    const words = labelNorm.split(' ').length;
    const header =
      isKnownHeader(labelNorm) ||
      (inline === '' && startsWithHeader(labelNorm)) ||
      (allCaps && (inline === '' || (words >= 2 && !/\d/.test(label))));
    if (!header) return null;
    if (numbered && !allCaps) return null;
    const s = lead + body.indexOf(label, numLen);
    const inlineStart = inline
      ? lead + colon + 1 + (body.length - colon - 1 - body.slice(colon + 1).trimStart().length)
      : undefined;
    return { title: label, start: s, end: s + label.length, inline, inlineStart };
  }
  // An all-caps line without a colon: "6. TRABECULAR BONE SCORE", "FINDINGS".
  const rest = body.slice(numLen);
  const st = letterStats(rest);
  if (
    st.lower === 0 &&
    st.letters >= 4 &&
    st.letters * 2 >= st.nonSpace &&
    rest.length <= 80 &&
    !/\d[.,]\d/.test(rest) &&
    /[A-Z]{3}/.test(rest)
  ) {
    const s = lead + numLen;
    return { title: rest, start: s, end: s + rest.length, inline: '' };
  }
  // A mixed-case known header alone on its line: "Impression", "Findings".
  if (isKnownHeader(rest.toLowerCase())) {
    const s = lead + numLen;
    return { title: rest, start: s, end: s + rest.length, inline: '' };
  }
  return null;
}

export function findSections(doc: Doc): Section[] {
  const sections: Section[] = [];
  const n = doc.lines.length;
  for (let i = 0; i < n; i++) {
    const h = headerOf(doc, i);
    if (!h) continue;
    if (sections.length)
      sections[sections.length - 1].endLine = lastContentLine(doc, sections[sections.length - 1].headerLine, i - 1);
    sections.push({
      title: h.title,
      kind: h.kind,
      headerLine: i,
      headerRange: rangeOf(doc, { start: h.start, end: h.end }),
      bodyStartLine: i + 1,
      endLine: i,
      inlineText: h.inline,
      inlineStart: h.inlineStart ?? doc.lines[i].end,
    });
  }
  if (sections.length)
    sections[sections.length - 1].endLine = lastContentLine(doc, sections[sections.length - 1].headerLine, n - 1);
  return sections;
}

/** The last non-blank line in [from, to], or `from` when all are blank. */
function lastContentLine(doc: Doc, from: number, to: number): number {
  for (let i = to; i > from; i--) if (!isBlank(doc, i)) return i;
  return from;
}
