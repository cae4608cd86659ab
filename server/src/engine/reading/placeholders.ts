/**
 * Template leftovers, found in one left-to-right pass over the characters (no regular expression):
 * "___", "[ ]", "[...]", a bracketed field that names what goes there ("[TBS]", "[tbs value]";
 * words in `vocab/placeholders.ts`), "***" (not a line of asterisks: a Markdown rule), "{{tbs}}",
 * "<name>", "&lt;name&gt;", the x's of an example value ("1.xxx"), and capital X's in the original
 * text ("XX/XX/XXXX", "XXX XXX XXXX" as one field; not the karyotype "46,XX"). Less what is no slot
 * (`notSlots.ts`): redacted identifiers ("DNI: 11.xxx.xxx") and bracketed headings.
 */
import type { Doc } from '../text';
import type { Span } from '../types';
import { withoutNonSlots } from './notSlots';
import { PLACEHOLDER_WORDS } from './vocab/placeholders';

/** Placeholders read per document (each becomes a diagnostic; more than this is not a draft). */
export const MAX_PLACEHOLDERS = 1000;

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** JavaScript's \s. */
const isSpaceCode = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
/** JavaScript's \w. */
const isWordCode = (c: number) => isLower(c) || (c >= 65 && c <= 90) || isDigitCode(c) || c === 95;

/**
 * Marks that fill a slot left to be typed: "[***]", "[---]", "[???]", "[###]", "[xxx]", "[. . .]".
 * Two or more of them (one "*" is a footnote, one "x" a ticked box); "…" counts as three.
 */
const FILL_MARKS: readonly number[] = [42, 45, 46, 63, 35, 120, 95];

/** "[ ]", "[]", "[...]", "[…]", "[***]", "[ ??? ]": the end of the field, or -1. */
function emptyField(s: string, i: number): number {
  let k = i + 1;
  let marks = 0;
  const limit = Math.min(s.length, i + 1 + 24);
  for (; k < limit; k++) {
    const c = s.charCodeAt(k);
    if (c === 32) continue;
    if (c === 0x2026) marks += 3;
    else if (FILL_MARKS.includes(c)) marks++;
    else break;
  }
  return s.charCodeAt(k) === 93 && (marks === 0 || marks >= 2) ? k + 1 : -1;
}

/** "[tbs value]": letters, spaces, "_" and "/" around a placeholder word (at most 20 either side). */
function namedField(s: string, i: number): number {
  let k = i + 1;
  const limit = Math.min(s.length, i + 1 + 20 + 11 + 20 + 1);
  while (k < limit) {
    const c = s.charCodeAt(k);
    if (isLower(c) || c === 32 || c === 95 || c === 47) k++;
    else break;
  }
  if (s.charCodeAt(k) !== 93) return -1;
  // The field's text (at most 51 characters): each word is searched in it, never past its "]".
  const field = s.slice(i + 1, k);
  const len = field.length;
  for (const w of PLACEHOLDER_WORDS) {
    // An occurrence of the word with at most 20 characters before it and 20 after it.
    for (let at = field.indexOf(w); at >= 0 && at <= 20; at = field.indexOf(w, at + 1))
      if (len - (at + w.length) <= 20) return k + 1;
  }
  return -1;
}

/** A line that holds only the asterisks is a Markdown thematic break, not a placeholder. */
function thematicBreak(s: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--;
  if (i >= 0 && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) return false;
  let j = end;
  while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  return j >= s.length || s.charCodeAt(j) === 10 || s.charCodeAt(j) === 13;
}

/** The placeholder starting at `i` of the normalised text: its end, or -1. */
function placeholderAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  switch (c) {
    case 95: {
      // "___"
      let k = i;
      while (s.charCodeAt(k) === 95) k++;
      return k - i >= 3 ? k : -1;
    }
    case 91: {
      // "[ ]", "[...]", "[tbs value]"
      const e = emptyField(s, i);
      return e >= 0 ? e : namedField(s, i);
    }
    case 42: {
      // "***", after a space or a line's start, before a space, a stop or the end.
      if (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) return -1;
      let k = i;
      while (s.charCodeAt(k) === 42) k++;
      if (k - i < 3) return -1;
      const n = s.charCodeAt(k);
      return k >= s.length || isSpaceCode(n) || n === 46 || n === 44 || n === 59 || n === 58 || n === 41 || n === 93
        ? k
        : -1;
    }
    case 123: {
      // "{{tbs}}"
      if (s.charCodeAt(i + 1) !== 123) return -1;
      for (let k = i + 2; k <= i + 2 + 60 && k < s.length; k++) {
        const d = s.charCodeAt(k);
        if (d === 125) return s.charCodeAt(k + 1) === 125 ? k + 2 : -1;
        if (d === 123 || d === 10 || d === 13) return -1;
      }
      return -1;
    }
    case 60: {
      // "<name>"
      if (!isLower(s.charCodeAt(i + 1))) return -1;
      for (let k = i + 2; k <= i + 2 + 40 && k < s.length; k++) {
        const d = s.charCodeAt(k);
        if (d === 62) return k + 1;
        if (d === 60 || d === 10 || d === 13) return -1;
      }
      return -1;
    }
    case 38: {
      // "&lt;name&gt;"
      if (!s.startsWith('&lt;', i) || !isLower(s.charCodeAt(i + 4))) return -1;
      for (let k = i + 5; k <= i + 5 + 40 && k < s.length; k++) {
        const d = s.charCodeAt(k);
        if (d === 38) return s.startsWith('&gt;', k) ? k + 4 : -1;
        if (d === 60 || d === 62 || d === 10 || d === 13) return -1;
      }
      return -1;
    }
    case 120: {
      // "1.xxx": the x's after a digit and a point.
      if (i < 2 || s.charCodeAt(i - 1) !== 46 || !isDigitCode(s.charCodeAt(i - 2))) return -1;
      let k = i;
      while (s.charCodeAt(k) === 120) k++;
      return k - i >= 2 && !isLower(s.charCodeAt(k)) ? k : -1;
    }
    default:
      return -1;
  }
}

/** "XX", "XX/XX/XXXX" in the original text at `i` (capital X's): its end, or -1. */
function capitalXAt(text: string, i: number): number {
  if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return -1;
  // Not a karyotype: "46,XX".
  if (i > 1 && text.charCodeAt(i - 1) === 44 && isDigitCode(text.charCodeAt(i - 2))) return -1;
  let k = i;
  while (text.charCodeAt(k) === 88) k++;
  if (k - i < 2) return -1;
  let best = isWordCode(text.charCodeAt(k)) ? -1 : k;
  // Groups "/XX", ".XX", ":XX", "-XX": the longest run of them that ends at a word's end.
  for (;;) {
    const sep = text.charCodeAt(k);
    if (!(sep === 47 || sep === 46 || sep === 58 || sep === 45) || text.charCodeAt(k + 1) !== 88) break;
    k++;
    while (text.charCodeAt(k) === 88) k++;
    if (!isWordCode(text.charCodeAt(k))) best = k;
  }
  return best;
}

/**
 * What a placeholder of the normalised text can start with, as strings searched natively: a
 * position where none of them stands starts no placeholder (`placeholderAt` is -1 there), so the
 * scan visits only these positions ("x" of "1.xxx" is the second character of its pattern).
 */
const CUES: ReadonlyArray<readonly [string, number]> = [
  ['___', 0],
  ['[', 0],
  ['***', 0],
  ['{{', 0],
  ['<', 0],
  ['&lt;', 0],
  ['.xx', 1],
];

/** The placeholders of the normalised text, left to right, each scan resuming after a placeholder. */
function scanPlaceholders(s: string, out: Span[]): void {
  // The next position of each cue at or after the scan (-1: none left).
  const next = CUES.map(([cue, skip]) => {
    const at = s.indexOf(cue);
    return at < 0 ? -1 : at + skip;
  });
  let i = 0;
  while (out.length < MAX_PLACEHOLDERS) {
    // The nearest cue at or after i.
    let best = -1;
    for (let q = 0; q < next.length; q++) {
      let at = next[q];
      if (at < 0) continue;
      if (at < i) {
        const [cue, skip] = CUES[q];
        const found = s.indexOf(cue, i - skip);
        at = next[q] = found < 0 ? -1 : found + skip;
        if (at < 0) continue;
      }
      if (best < 0 || at < best) best = at;
    }
    if (best < 0) return;
    i = best;
    const e = placeholderAt(s, i);
    if (e < 0) {
      i++;
      continue;
    }
    if (!(s.charCodeAt(i) === 42 && thematicBreak(s, i, e))) out.push({ start: i, end: e });
    i = e;
  }
}

export function findPlaceholders(doc: Doc): Span[] {
  const out: Span[] = [];
  const s = doc.norm;
  // Cheap tests first: most finished reports hold no placeholder character at all.
  const maybe =
    s.includes('___') ||
    s.includes('[') ||
    s.includes('***') ||
    s.includes('{{') ||
    s.includes('<') ||
    s.includes('&lt;') ||
    s.includes('xx');
  if (!maybe && !doc.text.includes('XX')) return out;
  if (maybe) scanPlaceholders(s, out);
  const text = doc.text;
  for (let i = text.indexOf('XX'); i >= 0 && out.length < 2 * MAX_PLACEHOLDERS;) {
    // The run of X's this "XX" belongs to starts where the X's start.
    let r = i;
    while (r > 0 && text.charCodeAt(r - 1) === 88) r--;
    const e = r === i ? capitalXAt(text, i) : -1;
    if (e > 0) {
      out.push({ start: i, end: e });
      i = text.indexOf('XX', e);
    } else {
      let k = i;
      while (text.charCodeAt(k) === 88) k++;
      i = text.indexOf('XX', k);
    }
  }
  out.sort((a, b) => a.start - b.start);
  // "XXX XXX XXXX": one field's placeholder written in groups is one placeholder.
  const merged: Span[] = [];
  for (const span of out) {
    const last = merged[merged.length - 1];
    if (
      last &&
      span.start === last.end + 1 &&
      s.charCodeAt(last.end) === 32 &&
      s.charCodeAt(last.start) === 120 &&
      s.charCodeAt(span.start) === 120
    )
      last.end = span.end;
    else merged.push(span);
  }
  // Redacted identifiers ("DNI: 11.xxx.xxx") and bracketed headings are no slots (notSlots.ts).
  return withoutNonSlots(s, merged);
}
