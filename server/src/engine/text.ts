/**
 * The document as the engine sees it: the original text, a same-length normalised copy (lower case,
 * every dash and minus as "-", every space-like character as " ", full-width forms as ASCII, and
 * pasted HTML markup, "&nbsp;" and lone underscores ("TBS_L1L4", "_signed by:_") as spaces), and a
 * line table that turns offsets into LSP positions. Offsets into `norm` are offsets into the
 * original text.
 */
import { DICTATED_PUNCTUATION, DICTATION_CUES } from './reading/vocab/dictation';
import type { Position, Range, Span } from './types';

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** Offset just past the line break (== end on the last line). */
  next: number;
}

export interface Doc {
  text: string;
  norm: string;
  lines: Line[];
  /** The line break the document mostly uses, for inserted text. */
  eol: string;
}

// Dashes and minus signs that reports use for a minus or a range: hyphen variants, figure dash,
// en dash, em dash, minus sign, small and full-width hyphen-minus.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
// Space-like characters: no-break, en/em and other fixed spaces, narrow no-break, ideographic,
// zero-width no-break (BOM). Tabs stay tabs: they separate table columns.
const SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
// NUL and other C0 controls except tab, line feed and carriage return.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters lower-case to two code units; keep those as they are so that offsets stay
  // aligned. U+0130 (capital I with dot) is the one in practice: lower-case around it.
  const parts = text.split('\u0130').map((part) => part.toLowerCase());
  const joined = parts.join('\u0130');
  if (joined.length === text.length) return joined;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

// Full-width ASCII forms ("１．２３８", "：", "％"): each becomes its ASCII character.
const FULLWIDTH = /[\uff01-\uff5e]/g;
// Any character that one of these rewrites (global: a scan stops at each in turn).
const SPECIAL = new RegExp(
  `[${DASHES.source.slice(1, -1)}${SPACES.source.slice(1, -1)}${CONTROLS.source.slice(1, -1)}${FULLWIDTH.source.slice(1, -1)}]`,
  'g',
);
// Spaces and controls both become a space.
const BLANKS = new RegExp(`[${SPACES.source.slice(1, -1)}${CONTROLS.source.slice(1, -1)}]`, 'g');
// Markup of pasted HTML ("<p>", "</b>", "<td class=x>"), never a template's "<name>" slot.
const HTML_TAG =
  /<\/?(?:p|br|b|i|u|em|strong|div|span|table|tr|td|th|tbody|thead|tfoot|ol|ul|li|h[1-6]|hr|font|sup|sub|small|pre|code|a|img|section|article|header|footer|html|body|head|title|style|meta|center|blockquote|caption|col|colgroup)(?=[\s/>])[^<>\n\r]{0,200}>/g;
const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp);/g;
// A lone underscore joins words ("TBS_L1L4") or marks emphasis ("_signed by:_"); runs stay.
const LONE_UNDERSCORE = /(?<!_)_(?!_)/g;

const blank = (m: string): string => ' '.repeat(m.length);

/**
 * More special characters than this (2000, or one in 256): the three native replaces beat a scan
 * that stops at each.
 */
const MAX_SPECIAL_STOPS = 2000;

/** What a special character becomes: its ASCII form (full width), "-" (a dash) or " " (a blank). */
function specialOf(c: number): string {
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  DASHES.lastIndex = 0;
  return DASHES.test(String.fromCharCode(c)) ? '-' : ' ';
}

/**
 * The three rewrites of special characters (full-width forms, dashes, blanks) in one pass that
 * stops only at them; the classes do not overlap (a full-width form becomes printable ASCII), so
 * this is the same as applying them one after the other. Null when there are too many to stop at.
 */
function rewriteSpecials(norm: string, first: number): string | null {
  let out = '';
  let last = 0;
  let stops = 0;
  const maxStops = Math.max(MAX_SPECIAL_STOPS, norm.length >> 8);
  SPECIAL.lastIndex = first;
  for (let m = SPECIAL.exec(norm); m !== null; m = SPECIAL.exec(norm)) {
    if (++stops > maxStops) return null;
    const at = m.index;
    out += norm.slice(last, at) + specialOf(norm.charCodeAt(at));
    last = at + 1;
  }
  return out + norm.slice(last);
}

/**
 * A character outside printable ASCII, tab and line breaks: every special character is one, and a
 * class of three ranges scans faster than the special characters' own.
 */
const NOT_PLAIN = /[^\t\n\r -~]/;

export function normalise(text: string): string {
  let norm = lowerSameLength(text);
  // Most reports hold none of these characters, and most others a few.
  const plain = norm.search(NOT_PLAIN);
  let first = -1;
  if (plain >= 0) {
    SPECIAL.lastIndex = plain;
    first = SPECIAL.exec(norm)?.index ?? -1;
  }
  if (first >= 0) {
    const rewritten = rewriteSpecials(norm, first);
    if (rewritten !== null) norm = rewritten;
    else {
      // Replacing with a constant string runs natively.
      norm = norm.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      norm = norm.replace(DASHES, '-').replace(BLANKS, ' ');
    }
  }
  // "<", "&" and "_" are rare in reports: a cheap test first.
  if (norm.includes('<')) norm = norm.replace(HTML_TAG, blank);
  if (norm.includes('&')) norm = norm.replace(SPACE_ENTITY, blank);
  if (norm.includes('_')) norm = norm.replace(LONE_UNDERSCORE, ' ');
  if (mayBeDictated(norm)) norm = dictatedPunctuation(norm);
  return norm;
}

/**
 * A cue word (vocab/dictation.ts DICTATION_CUES) after a space: a text without any is no dictation
 * transcript. One alternation of literal words scans faster than a search per word for a pattern that
 * starts with a space (each stops at every space of the text).
 */
const DICTATED_CUE = new RegExp(` (?:${DICTATION_CUES.join('|')})`);

function mayBeDictated(norm: string): boolean {
  return DICTATED_CUE.test(norm);
}

// A dictated punctuation word: after a blank or a line's start, before a blank or a line's end.
const DICTATED = new RegExp(`(^|[ \\t])(${DICTATED_PUNCTUATION.map(([w]) => w).join('|')})(?=[ \\t\\r\\n]|$)`, 'gm');
// A typed mark that ends a sentence or a clause (not a decimal point or comma).
const TYPED_MARK = /[.:,;](?=[ \t\r\n]|$)/g;
const MARK_OF = new Map(DICTATED_PUNCTUATION);

/**
 * In a dictation transcript, where spoken punctuation words outnumber the typed marks (two at
 * least), each word becomes its mark followed by NULs (the tokeniser skips them): the text keeps its
 * length and offsets. A report that merely mentions "a period of two years" is left alone.
 */
function dictatedPunctuation(norm: string): string {
  let spoken = 0;
  DICTATED.lastIndex = 0;
  while (DICTATED.exec(norm) !== null) spoken++;
  if (spoken < 2) return norm;
  // The typed marks are counted only until they match the spoken words (no array of matches).
  let typed = 0;
  TYPED_MARK.lastIndex = 0;
  while (typed < spoken && TYPED_MARK.exec(norm) !== null) typed++;
  if (typed >= spoken) return norm;
  return norm.replace(DICTATED, (_m, pre: string, w: string) => pre + MARK_OF.get(w) + '\0'.repeat(w.length - 1));
}

export function makeDoc(text: string): Doc {
  const lines: Line[] = [];
  let start = 0;
  let crlf = 0;
  let lf = 0;
  const n = text.length;
  // "\r\n", "\r" and "\n" breaks: two searches, each for one character, run natively (with no
  // "\r" in the text the first finds nothing once and only the second goes on).
  let cr = text.indexOf('\r');
  let nl = text.indexOf('\n');
  while (cr >= 0 || nl >= 0) {
    let end: number;
    let next: number;
    if (cr >= 0 && (nl < 0 || cr < nl)) {
      end = cr;
      if (nl === cr + 1) {
        next = cr + 2;
        crlf++;
        nl = text.indexOf('\n', next);
      } else next = cr + 1;
      cr = text.indexOf('\r', next);
    } else {
      end = nl;
      next = nl + 1;
      lf++;
      nl = text.indexOf('\n', next);
    }
    lines.push({ start, end, next });
    start = next;
  }
  lines.push({ start, end: n, next: n });
  const norm = normalise(text);
  return { text, norm, lines, eol: crlf > lf ? '\r\n' : '\n' };
}

/** Index of the line that holds `offset` (binary search). */
// The line found last, per document: readers ask for nearby offsets one after another, so the
// line before, at or after it answers most lookups without a binary search.
let hintLines: Line[] | null = null;
let hintLine = 0;

export function lineOf(doc: Doc, offset: number): number {
  const lines = doc.lines;
  const last = lines.length - 1;
  if (hintLines === lines) {
    const h = hintLine;
    if (lines[h].start <= offset) {
      if (h === last || lines[h + 1].start > offset) return h;
      if (h + 1 === last || lines[h + 2].start > offset) return (hintLine = h + 1);
    } else if (h > 0 && lines[h - 1].start <= offset) return (hintLine = h - 1);
  }
  hintLines = lines;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  hintLine = lo;
  return lo;
}

export function positionAt(doc: Doc, offset: number): Position {
  const o = Math.max(0, Math.min(offset, doc.text.length));
  const line = lineOf(doc, o);
  const l = doc.lines[line];
  return { line, character: Math.min(o, l.end) - l.start };
}

export function rangeOf(doc: Doc, span: Span): Range {
  return { start: positionAt(doc, span.start), end: positionAt(doc, span.end) };
}

export function offsetAt(doc: Doc, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= doc.lines.length) return doc.text.length;
  const l = doc.lines[pos.line];
  return Math.min(l.start + Math.max(0, pos.character), l.end);
}

export function lineText(doc: Doc, line: number): string {
  const l = doc.lines[line];
  return doc.text.slice(l.start, l.end);
}

export function lineNorm(doc: Doc, line: number): string {
  const l = doc.lines[line];
  return doc.norm.slice(l.start, l.end);
}

/** Range covering the text of a line without its leading and trailing spaces. */
export function lineContentRange(doc: Doc, line: number): Range {
  const l = doc.lines[line];
  const t = doc.norm.slice(l.start, l.end);
  const lead = t.length - t.trimStart().length;
  const trail = t.length - t.trimEnd().length;
  const s = l.start + lead;
  const e = Math.max(s, l.end - trail);
  return rangeOf(doc, { start: s, end: e });
}

export function isBlank(doc: Doc, line: number): boolean {
  const l = doc.lines[line];
  for (let i = l.start; i < l.end; i++) {
    const c = doc.norm.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
