/**
 * What the placeholder scan finds that is no template slot:
 * - a REDACTED identifier: masking x's mixed with digits in one identifier-shaped field
 *   ("11.xxx.xxx", "00XXXX12", "XX/XX/1951", "485 XXX XXXX"), or masks after an identifier label
 *   (`vocab/placeholders.ts` IDENTIFIER_LABELS: "MRN: XXXXXXX"). An example value shaped like a
 *   number ("1.xxx", "XX.X", "-2.X") or a lone "XX" where a value goes stays a slot;
 * - a bracketed HEADING: a field alone on its line, with a line under it, holding no instruction word
 *   (INSTRUCTION_WORDS: "[insert TBS]", "[TBS value]" stay slots), in a document that writes its
 *   headings in brackets (another bracketed line that is no slot) or with its rows indented under it;
 * - the asterisks that rule off a banner at both ends of its line ("*** PREVIOUS STUDY ***").
 * Linear: each test looks at the span's own line and its neighbours only (the sibling search is one
 * pass over the "[" of the text, done only when a heading candidate is found).
 */
import type { Span } from '../types';
import { IDENTIFIER_LABELS, INSTRUCTION_WORDS } from './vocab/placeholders';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isMask = (c: number) => c === 120; // "x" (the normalised text is lower case)
const isSep = (c: number) => c === 46 || c === 47 || c === 45; // . / -
const isFieldChar = (c: number) => isDigit(c) || isMask(c) || isSep(c);
/** A letter or digit (any non-ASCII character counts as a letter). */
const isWordish = (c: number) => (c >= 97 && c <= 122) || isDigit(c) || c > 127;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/** The identifier-shaped field around [start, end): digits, x's and separators, single spaces between groups of digits and x's. */
function field(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  // An identifier is short: the field is looked for within 40 characters either side.
  const lo = Math.max(0, start - 40);
  const hi = Math.min(s.length, end + 40);
  for (;;) {
    while (a > lo && isFieldChar(s.charCodeAt(a - 1))) a--;
    // A group of digits and x's one space before joins the field ("485 xxx xxxx").
    let g = a - 1;
    if (s.charCodeAt(g) !== 32) break;
    while (g > lo && (isDigit(s.charCodeAt(g - 1)) || isMask(s.charCodeAt(g - 1)))) g--;
    if (g === a - 1 || (g > 0 && isWordish(s.charCodeAt(g - 1)))) break;
    a = g;
  }
  for (;;) {
    while (b < hi && isFieldChar(s.charCodeAt(b))) b++;
    let g = b + 1;
    if (s.charCodeAt(b) !== 32) break;
    while (g < hi && (isDigit(s.charCodeAt(g)) || isMask(s.charCodeAt(g)))) g++;
    if (g === b + 1 || (g < s.length && isWordish(s.charCodeAt(g)))) break;
    b = g;
  }
  // Trailing separators (a full stop) are not part of it.
  while (b > a && isSep(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** A field shaped like a number: a sign, at most 3 characters, a decimal point, at most 3 more. */
function numberShaped(s: string, a: number, b: number): boolean {
  let i = a;
  if (s.charCodeAt(i) === 45) i++;
  let whole = 0;
  while (i < b && (isDigit(s.charCodeAt(i)) || isMask(s.charCodeAt(i)))) {
    i++;
    whole++;
  }
  if (i === b) return whole <= 3;
  if (s.charCodeAt(i) !== 46 && s.charCodeAt(i) !== 44) return false;
  i++;
  let frac = 0;
  while (i < b && (isDigit(s.charCodeAt(i)) || isMask(s.charCodeAt(i)))) {
    i++;
    frac++;
  }
  return i === b && whole <= 3 && frac <= 3;
}

/** An identifier label ends before `a` (after ":", "#", "." or spaces). */
function labelBefore(s: string, a: number): boolean {
  let i = a;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c === 32 || c === 9 || c === 58 || c === 35 || c === 46 || c === 61) i--;
    else break;
  }
  for (const label of IDENTIFIER_LABELS) {
    const from = i - label.length;
    if (from < 0 || !s.startsWith(label, from)) continue;
    if (from === 0 || !isWordish(s.charCodeAt(from - 1))) return true;
  }
  return false;
}

/** Masking x's that redact an identifier, not a slot to fill. */
export function isRedaction(norm: string, span: Span): boolean {
  if (!isMask(norm.charCodeAt(span.start))) return false;
  const [a, b] = field(norm, span.start, span.end);
  // Part of a word ("box-xx")? Then not an identifier field.
  if ((a > 0 && isWordish(norm.charCodeAt(a - 1))) || (b < norm.length && isWordish(norm.charCodeAt(b)))) return false;
  let digits = 0;
  let masks = 0;
  for (let i = a; i < b; i++) {
    const c = norm.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isMask(c)) masks++;
  }
  if (digits > 0 && masks > 0 && digits + masks >= 5 && !numberShaped(norm, a, b)) return true;
  return labelBefore(norm, a);
}

/** The line around offset `i`: [start, end) without its line break. */
function lineAt(s: string, i: number): [number, number] {
  const start = s.lastIndexOf('\n', i - 1) + 1;
  let end = s.indexOf('\n', i);
  if (end < 0) end = s.length;
  return [start, end];
}

const blankFrom = (s: string, a: number, b: number) => {
  for (let i = a; i < b; i++) if (!isBlank(s.charCodeAt(i))) return false;
  return true;
};

/** A bracketed text "[...]" alone on its line at `open`: the offset past its "]", or -1. */
function bracketLine(s: string, open: number): number {
  for (let i = open - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 10) break;
    if (!isBlank(c)) return -1;
  }
  let close = open + 1;
  for (; close < s.length; close++) {
    const c = s.charCodeAt(close);
    if (c === 93) break;
    if (c === 10 || c === 91) return -1;
  }
  if (close >= s.length) return -1;
  for (let i = close + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) break;
    if (!isBlank(c)) return -1;
  }
  return close + 1;
}

/** Indentation width of the line starting at `ls`. */
function indent(s: string, ls: number): number {
  let i = ls;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i - ls;
}

/** A bracketed field alone on its line, with no instruction word and a line under it: maybe a heading. */
function headingCandidate(norm: string, span: Span): boolean {
  if (norm.charCodeAt(span.start) !== 91 || bracketLine(norm, span.start) !== span.end) return false;
  const text = norm.slice(span.start + 1, span.end - 1);
  let letters = 0;
  for (let i = 0; i < text.length; i++) if (isWordish(text.charCodeAt(i))) letters++;
  if (!letters) return false;
  for (const w of INSTRUCTION_WORDS) if (text.includes(w)) return false;
  // A line under it.
  const le = lineAt(norm, span.start)[1];
  if (le >= norm.length) return false;
  const [ns, ne] = lineAt(norm, le + 1);
  return !blankFrom(norm, ns, ne);
}

/** Whether the line under the bracketed line at `span` is indented more than it. */
function rowsIndentedUnder(norm: string, span: Span): boolean {
  const [ls, le] = lineAt(norm, span.start);
  return indent(norm, le + 1) > indent(norm, ls);
}

/** Another bracketed line of the document that is no slot: the document writes its headings in brackets. */
function bracketedHeadings(norm: string, spans: readonly Span[]): boolean {
  const slotStarts = new Set(spans.map((p) => p.start));
  for (let i = norm.indexOf('['); i >= 0; i = norm.indexOf('[', i + 1)) {
    if (slotStarts.has(i)) continue;
    if (bracketLine(norm, i) > i + 2) return true;
  }
  return false;
}

/**
 * Asterisks that rule off a banner or a heading at both ends of its line ("*** PREVIOUS STUDY
 * 12.01.2021 ***", "***** IMPRESSION *****"): decoration, not a slot. "TBS ***" stays a slot.
 */
function ruledOff(norm: string, span: Span): boolean {
  if (norm.charCodeAt(span.start) !== 42) return false;
  const [ls, le] = lineAt(norm, span.start);
  let a = ls;
  while (a < le && isBlank(norm.charCodeAt(a))) a++;
  let b = le;
  while (b > a && isBlank(norm.charCodeAt(b - 1))) b--;
  if (norm.charCodeAt(a) !== 42 || norm.charCodeAt(b - 1) !== 42) return false;
  // Runs of 3+ asterisks at both ends, a letter between them.
  let i = a;
  while (i < b && norm.charCodeAt(i) === 42) i++;
  let j = b;
  while (j > i && norm.charCodeAt(j - 1) === 42) j--;
  if (i - a < 3 || b - j < 3) return false;
  for (let k = i; k < j; k++) {
    const c = norm.charCodeAt(k);
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

/** The placeholders less the redactions, the bracketed headings and the asterisks of a ruled line. */
export function withoutNonSlots(norm: string, spans: Span[]): Span[] {
  let out: Span[] | undefined;
  // Computed once, when a heading candidate is found.
  let siblings: boolean | undefined;
  for (let k = 0; k < spans.length; k++) {
    const p = spans[k];
    const heading =
      headingCandidate(norm, p) && (rowsIndentedUnder(norm, p) || (siblings ??= bracketedHeadings(norm, spans)));
    if (heading || isRedaction(norm, p) || ruledOff(norm, p)) {
      if (!out) out = spans.slice(0, k);
    } else if (out) out.push(p);
  }
  return out ?? spans;
}
