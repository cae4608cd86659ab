/**
 * The shared state of one analysis: the document, its sections, every number and placeholder,
 * and small helpers the element extractors use to read "a label, some filler words, then a value".
 */
import type { Doc } from './text';
import { isBlank, lineOf, rangeOf } from './text';
import type { Num } from './scan';
import { findKeywords, numbersOf } from './scan';
import { findSections } from './reading/sections';
import { findPlaceholders } from './reading/placeholders';
import type { Reading } from './reading/read';
import { read, trieFor } from './reading/read';
import { SITE_WORDS } from './lexicon';
import type { Range, Section, Span } from './types';
import type { EngineSettings } from './settings';

/**
 * How many mentions of one kind the engine reads per document. Real reports hold a handful; the cap
 * keeps hostile input (100 KB of "TBS TBS ...") linear with a small constant.
 */
export const MAX_MENTIONS = 1000;

export interface Ctx {
  doc: Doc;
  settings: EngineSettings;
  sections: Section[];
  /** Section index for each line (-1 before the first header). */
  sectionOfLine: Int32Array;
  /** Lines that are section headers. */
  headerLine: Uint8Array;
  /** For a header line with text after its colon, where that text starts (else -1). */
  headerInline: Map<number, number>;
  blankLine: Uint8Array;
  /** Lines that begin a list item ("1.", "-", "*", "•") (old readers; made on first use). */
  readonly listLine: Uint8Array;
  /** Lines that belong to a parsed table (header or row). */
  tableLine: Uint8Array;
  /** Numbers that belong to an earlier study's column (or a change column) of a comparison table. */
  priorNumbers: Set<number>;
  placeholders: Span[];
  /** The numbers as Num objects (old readers; made on first use). */
  readonly nums: Num[];
  /** (Old readers; made on first use.) Where the TBS label, the T-score label, measure words, model names, BMI and codes can start (see findKeywords). */
  readonly keywords: Span[];
  /** Where a pasted earlier report begins ("===== PRIOR REPORT (09/14/2023) ====="); Infinity if none. */
  priorFrom: number;
  /** Tokens, vocabulary hits, sentences and context of the document (reading/read.ts). */
  reading: Reading;
}

/**
 * The context of one analysis. The pipeline's fields (document, sections, lines, placeholders,
 * reading) are made at once; the old readers' fields (`keywords`, `nums`, `listLine`) only when a
 * reader first asks for them, so that nothing of the old layer runs once its readers are gone.
 */
class Context implements Ctx {
  doc: Doc;
  settings: EngineSettings;
  sections: Section[];
  sectionOfLine: Int32Array;
  headerLine: Uint8Array;
  headerInline: Map<number, number>;
  blankLine: Uint8Array;
  tableLine: Uint8Array;
  priorNumbers = new Set<number>();
  placeholders: Span[];
  priorFrom: number;
  reading: Reading;
  private _keywords: Span[] | null = null;
  private _nums: Num[] | null = null;
  private _listLine: Uint8Array | null = null;

  constructor(doc: Doc, settings: EngineSettings) {
    const n = doc.lines.length;
    this.doc = doc;
    this.settings = settings;
    const sections = findSections(doc);
    const sectionOfLine = new Int32Array(n).fill(-1);
    const headerLine = new Uint8Array(n);
    const headerInline = new Map<number, number>();
    sections.forEach((s, idx) => {
      headerLine[s.headerLine] = 1;
      if (s.inlineText) headerInline.set(s.headerLine, s.inlineStart);
      const next = idx + 1 < sections.length ? sections[idx + 1].headerLine : n;
      for (let i = s.headerLine; i < next; i++) sectionOfLine[i] = idx;
    });
    this.sections = sections;
    this.sectionOfLine = sectionOfLine;
    this.headerLine = headerLine;
    this.headerInline = headerInline;
    const blankLine = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (isBlank(doc, i)) blankLine[i] = 1;
    this.blankLine = blankLine;
    this.tableLine = new Uint8Array(n);
    this.placeholders = findPlaceholders(doc);
    this.reading = read(doc.norm, this.placeholders, trieFor(settings.labels), {
      headerLines: headerLine,
      text: doc.text,
    });
    this.priorFrom = pastedPriorReport(doc);
  }

  /** Where the old readers' label patterns can start (see findKeywords); made on first use. */
  get keywords(): Span[] {
    return (this._keywords ??= findKeywords(this.doc));
  }

  /** The tokens' numbers as the old readers' Num objects; made on first use. */
  get nums(): Num[] {
    return (this._nums ??= numbersOf(this.doc, this.reading.tokens));
  }

  /** Lines that begin a list item ("1.", "-", "*", "•"); made on first use. */
  get listLine(): Uint8Array {
    return (this._listLine ??= listLines(this.doc, this.blankLine));
  }
}

export function makeCtx(doc: Doc, settings: EngineSettings): Ctx {
  return new Context(doc, settings);
}

function listLines(doc: Doc, blankLine: Uint8Array): Uint8Array {
  const n = doc.lines.length;
  const listLine = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (blankLine[i]) continue;
    const l = doc.lines[i];
    let j = l.start;
    while (j < l.end && (doc.norm.charCodeAt(j) === 32 || doc.norm.charCodeAt(j) === 9)) j++;
    const c = doc.norm[j];
    if (c === '-' || c === '*' || c === '\u2022') listLine[i] = doc.norm[j + 1] === ' ' ? 1 : 0;
    else if (c >= '0' && c <= '9') {
      let k = j;
      while (k < l.end && k - j < 3 && doc.norm[k] >= '0' && doc.norm[k] <= '9') k++;
      if ((doc.norm[k] === '.' || doc.norm[k] === ')') && (doc.norm[k + 1] === ' ' || k + 1 >= l.end)) listLine[i] = 1;
    }
  }
  return listLine;
}

/** A banner line that opens a pasted earlier report: the words stand first on their line. */
const PRIOR_BANNER = /^[^a-z0-9]*(?:copy of (?:the )?)?(?:prior|previous) report\b/;

/** Where a pasted earlier report begins: everything from its banner line on is history. */
function pastedPriorReport(doc: Doc): number {
  let best = Infinity;
  for (const words of ['prior report', 'previous report']) {
    // Native searches for the two phrases; a banner is checked only where one stands.
    for (let at = doc.norm.indexOf(words); at >= 0 && at < best; at = doc.norm.indexOf(words, at + 1)) {
      const l = doc.lines[lineOf(doc, at)];
      if (l.end - l.start > 120 || !PRIOR_BANNER.test(doc.norm.slice(l.start, l.end))) continue;
      // A banner, not a sentence ("Prior report reviewed."): in capitals, or set off by rules or "#".
      const raw = doc.text.slice(l.start, l.end);
      if (!/[a-z]/.test(raw) || /={3,}|-{3,}|\*{3,}|_{3,}|^\s*#/.test(raw)) {
        best = l.start;
        break;
      }
    }
  }
  return best;
}

/** The number that starts at `offset`, if any (a number starts with a digit or a sign). */
export function numStartingAt(ctx: Ctx, offset: number): Num | undefined {
  const c = ctx.doc.norm.charCodeAt(offset);
  // A digit, a sign, or the "m" / "n" of a dictated sign ("minus 2.1", "negative 1.6").
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 109 || c === 110
    ? startingAt(ctx.nums, offset)
    : undefined;
}

/** The placeholder that starts at `offset`, if any (most finished reports hold none). */
export function placeholderStartingAt(ctx: Ctx, offset: number): Span | undefined {
  return ctx.placeholders.length ? startingAt(ctx.placeholders, offset) : undefined;
}

/** The numbers that lie wholly inside [start, end), in order. */
export function numbersBetween(ctx: Ctx, start: number, end: number): Num[] {
  const nums = ctx.nums;
  const out: Num[] = [];
  for (let i = firstFrom(nums, start); i < nums.length && nums[i].start < end; i++)
    if (nums[i].end <= end) out.push(nums[i]);
  return out;
}

/** The last span of a list sorted by start that starts at `offset`. */
function startingAt<T extends Span>(sorted: readonly T[], offset: number): T | undefined {
  const after = firstFrom(sorted, offset + 1);
  return after > 0 && sorted[after - 1].start === offset ? sorted[after - 1] : undefined;
}

/** Index of the first span of a list sorted by start that starts at or after `offset` (binary search). */
function firstFrom(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function range(ctx: Ctx, span: Span): Range {
  return rangeOf(ctx.doc, span);
}

export function sectionOf(ctx: Ctx, offset: number): Section | null {
  const idx = ctx.sectionOfLine[lineOf(ctx.doc, offset)];
  return idx >= 0 ? ctx.sections[idx] : null;
}

export type Found =
  | { type: 'number'; num: Num; end: number }
  | { type: 'placeholder'; span: Span; end: number }
  | { type: 'none'; end: number };

/** Words that name the TBS or densitometry software. */
const SOFTWARE_NAMES = ['insight', 'version', 'software', 'apex', 'encore', 'medimaps'];
/** The software's or scanner's name: the number after it is a version ("TBS iNsight 3.1: 1.274"). */
const SOFTWARE_WORDS: ReadonlySet<string> = new Set([...SOFTWARE_NAMES, 'v']);
/** A date: "12.03.2024", "2024-03-12", "12/03/24". */
const DATE_AT = /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)/y;

/** A parenthetical that names the software or scanner: its numbers are versions ("(TBS iNsight 4.0)"). */
const SOFTWARE = new RegExp(`${SOFTWARE_NAMES.join('|')}|\\bv\\d|hologic|lunar|prodigy|horizon|discovery|idxa`);

const PUNCT = new Set([':', '=', '(', ')', '[', ']', '|', ',', '-', '#', '*', '>', '~', ';', '"']);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 47 || c === 39 || c > 0xbf;
}

/**
 * Walks from `from` to the end of its line over filler words and punctuation, and returns the
 * first number or placeholder it meets; stops at the first word that is not a filler.
 */
export function valueAfter(ctx: Ctx, from: number, fillers: ReadonlySet<string>, maxSteps = 10): Found {
  const { norm } = ctx.doc;
  let line = lineOf(ctx.doc, from);
  let lineEnd = ctx.doc.lines[line].end;
  let i = from;
  let steps = 0;
  // A hard-wrapped line may put the value first on the next: "Left femoral neck T-score\n -2.9".
  let wrapped = false;
  let afterSoftware = false;
  while (steps <= maxSteps) {
    if (i >= lineEnd) {
      const next = line + 1;
      if (
        wrapped ||
        next >= ctx.doc.lines.length ||
        ctx.blankLine[next] ||
        ctx.headerLine[next] ||
        ctx.tableLine[line] ||
        ctx.tableLine[next]
      )
        break;
      wrapped = true;
      line = next;
      i = ctx.doc.lines[line].start;
      lineEnd = ctx.doc.lines[line].end;
      continue;
    }
    const c = norm.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const ph = placeholderStartingAt(ctx, i);
    if (ph) return { type: 'placeholder', span: ph, end: ph.end };
    const num = numStartingAt(ctx, i);
    // "TBS iNsight 3.1: 1.274": a version number after the software's name is read past.
    if (num && afterSoftware && !num.signed) {
      afterSoftware = false;
      i = num.end;
      steps++;
      continue;
    }
    if (num && ctx.priorNumbers.has(num.start)) {
      // An earlier study's column: read past it to this study's value.
      i = num.end;
      while (i < lineEnd && norm[i] === '%') i++;
      steps++;
      continue;
    }
    // "1.xxx": a template's example value, its digits typed but not the rest.
    if (num && ctx.placeholders.length && (norm.charCodeAt(num.end) === 46 || norm.charCodeAt(num.end) === 44)) {
      const rest = placeholderStartingAt(ctx, num.end + 1);
      if (rest) return { type: 'placeholder', span: rest, end: rest.end };
    }
    // On the next line only a written decimal counts ("2. Osteopenia" is a list number).
    if (num) return wrapped && !num.decimal ? { type: 'none', end: i } : { type: 'number', num, end: num.end };
    const ch = norm[i];
    // "measured on 12.03.2024": a date is read past.
    if (!num && c >= 48 && c <= 57) {
      DATE_AT.lastIndex = i;
      const date = DATE_AT.exec(norm);
      if (date) {
        i += date[0].length;
        steps++;
        continue;
      }
    }
    // Dot leaders between a label and its value: "TBS (L1-L4) ........ 1.322".
    if (ch === '.' && norm[i + 1] === '.') {
      while (i < lineEnd && norm[i] === '.') i++;
      steps++;
      continue;
    }
    // "- 1.3" with a spaced minus, after a label, is a negative value.
    if (ch === '-') {
      const neg = negatedAfter(ctx, i, i + 1, lineEnd);
      if (neg) return neg;
    }
    if (ch === '(') {
      // A short parenthetical that holds no number ("(L1-L4, TBS iNsight v3.1)") is skipped whole.
      // The search stops at the line's end (and 60 characters): never a walk to the document's end.
      let close = -1;
      for (let k = i + 1, stop = Math.min(lineEnd, i + 61); k < stop; k++)
        if (norm.charCodeAt(k) === 41) {
          close = k;
          break;
        }
      if (
        close > i &&
        close < lineEnd &&
        close - i <= 60 &&
        (!hasValueIn(ctx, i, close) || SOFTWARE.test(norm.slice(i, close)))
      ) {
        i = close + 1;
        steps++;
        continue;
      }
    }
    if (PUNCT.has(ch)) {
      i++;
      steps++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < lineEnd && isWordChar(norm.charCodeAt(j))) j++;
      let word = norm.slice(i, j);
      // A trailing hyphen or slash belongs to punctuation ("score-").
      while (word.length > 1 && (word.endsWith('-') || word.endsWith('/'))) {
        word = word.slice(0, -1);
        j--;
      }
      // Dictated signs: "T-score of minus 1.8", "negative 2.0".
      if (word === 'minus' || word === 'negative') {
        const neg = negatedAfter(ctx, i, j, lineEnd);
        if (neg) return neg;
      }
      if (SOFTWARE_WORDS.has(word)) {
        afterSoftware = true;
        i = j;
        steps++;
        continue;
      }
      // "v3.1", "v4.0.2": a version is read past whole.
      if (/^v\d+$/.test(word)) {
        while (
          j + 1 < lineEnd &&
          norm.charCodeAt(j) === 46 &&
          norm.charCodeAt(j + 1) >= 48 &&
          norm.charCodeAt(j + 1) <= 57
        ) {
          j += 2;
          while (j < lineEnd && norm.charCodeAt(j) >= 48 && norm.charCodeAt(j) <= 57) j++;
        }
        afterSoftware = false;
        i = j;
        steps++;
        continue;
      }
      // After a line break, a site or level word starts a row of its own ("Region  TBS" / "L1  1.232").
      if (!fillers.has(word) || (wrapped && (SITE_WORDS.has(word) || /^l\d/.test(word))))
        return { type: 'none', end: i };
      i = j;
      steps++;
      continue;
    }
    return { type: 'none', end: i };
  }
  return { type: 'none', end: i };
}

/** The unsigned number right after a written sign at [signStart, signEnd), as a negative value. */
function negatedAfter(ctx: Ctx, signStart: number, signEnd: number, lineEnd: number): Found | null {
  let k = signEnd;
  while (k < lineEnd && (ctx.doc.norm.charCodeAt(k) === 32 || ctx.doc.norm.charCodeAt(k) === 9)) k++;
  const num = numStartingAt(ctx, k);
  if (!num || num.signed || k === signEnd) return null;
  const text = ctx.doc.text.slice(signStart, num.end);
  return { type: 'number', num: { ...num, start: signStart, value: -num.value, signed: true, text }, end: num.end };
}

function hasValueIn(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (numStartingAt(ctx, k) || placeholderStartingAt(ctx, k)) return true;
  return false;
}

/** The words just before `offset` on its line, lower-cased, up to `max` characters. */
export function textBefore(ctx: Ctx, offset: number, max = 40): string {
  const l = ctx.doc.lines[lineOf(ctx.doc, offset)];
  return ctx.doc.norm.slice(Math.max(l.start, offset - max), offset);
}

const MAX_SENTENCE = 400;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Start offset of the sentence holding `offset`: after the last ". " (not a decimal point), or the
 * start of a line that follows a blank line, a header, or that begins a list item.
 */
export function sentenceStart(ctx: Ctx, offset: number): number {
  const { norm, lines } = ctx.doc;
  let line = lineOf(ctx.doc, offset);
  let i = offset - 1;
  const limit = Math.max(0, offset - MAX_SENTENCE);
  for (;;) {
    // On a header line, the sentence can only begin in the text after the colon.
    const inlineAt = ctx.headerLine[line] ? ctx.headerInline.get(line) : undefined;
    const ls = inlineAt !== undefined && inlineAt <= i + 1 ? inlineAt : lines[line].start;
    for (; i >= ls && i >= limit; i--) {
      const c = norm.charCodeAt(i);
      if ((c === 46 || c === 33 || c === 63) && (i + 1 >= norm.length || isSpace(norm.charCodeAt(i + 1)))) {
        const prev = norm.charCodeAt(i - 1);
        // Dot leaders and ellipses ("fracture ...... 6.2%") do not end sentences.
        if (c === 46 && prev === 46) continue;
        // "Dr." and single initials do not end sentences.
        if (c === 46 && prev >= 97 && prev <= 122 && (i < 2 || /[\s(]/.test(norm[i - 2]))) continue;
        return i + 1;
      }
    }
    if (i < limit) return limit;
    if (ctx.headerLine[line]) return ls;
    if (line === 0 || ctx.listLine[line]) return ls;
    const prev = line - 1;
    if (ctx.blankLine[prev] || ctx.tableLine[prev] || (ctx.headerLine[prev] && !ctx.headerInline.has(prev))) return ls;
    line = prev;
    i = lines[line].end - 1;
  }
}

/** End offset (exclusive) of the sentence holding `offset`. */
export function sentenceEnd(ctx: Ctx, offset: number): number {
  const { norm, lines } = ctx.doc;
  let line = lineOf(ctx.doc, offset);
  let i = offset;
  const limit = Math.min(norm.length, offset + MAX_SENTENCE);
  for (;;) {
    const le = lines[line].end;
    for (; i < le && i < limit; i++) {
      const c = norm.charCodeAt(i);
      if (
        (c === 46 || c === 33 || c === 63) &&
        (i + 1 >= norm.length || isSpace(norm.charCodeAt(i + 1))) &&
        norm.charCodeAt(i - 1) !== 46
      )
        return i + 1;
    }
    if (i >= limit) return limit;
    const next = line + 1;
    if (
      next >= lines.length ||
      ctx.blankLine[next] ||
      ctx.headerLine[next] ||
      ctx.listLine[next] ||
      ctx.tableLine[next]
    )
      return le;
    line = next;
    i = lines[line].start;
  }
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The last match of `re` in `s` (a global copy of `re` is made once and reused). */
export function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  let g = GLOBAL.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    GLOBAL.set(re, g);
  }
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = g.exec(s)) !== null) {
    last = m;
    if (m[0].length === 0) g.lastIndex++;
  }
  return last;
}

/** Literal, case-insensitive occurrences of user-given words (never treated as patterns). */
export function literalHits(ctx: Ctx, words: readonly string[] | undefined): Span[] {
  const out: Span[] = [];
  if (!words) return out;
  const norm = ctx.doc.norm;
  for (const w of words) {
    const needle = w.toLowerCase();
    if (!needle) continue;
    let i = norm.indexOf(needle);
    while (i >= 0) {
      const before = i > 0 ? norm.charCodeAt(i - 1) : 32;
      const after = i + needle.length < norm.length ? norm.charCodeAt(i + needle.length) : 32;
      if (!isAlnum(before) && !isAlnum(after)) out.push({ start: i, end: i + needle.length });
      i = norm.indexOf(needle, i + needle.length);
    }
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
