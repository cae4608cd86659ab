/**
 * The tokeniser: one left-to-right pass over the normalised text (`text.ts`) that yields words,
 * numbers (sign, decimal point, decimal comma or UK mid-dot, attached unit), punctuation,
 * placeholders, line breaks and column gaps, as flat typed arrays with offsets into the text.
 *
 * No regular expression and no per-character allocation: a word or a number allocates nothing here
 * (its text is sliced only when a reader asks for it). A number is read whole or refused: "-1·9" is
 * -1.9, never -1; "12.5.3", "04/22" and "15:41" are refused (kind REFUSED), so nothing can read a
 * part of them as a value.
 */

import { SPOKEN_DIGITS, SPOKEN_POINT, SPOKEN_TEENS, SPOKEN_TENS } from './vocab/numbers';

/** Token kinds. */
export const WORD = 1;
export const NUMBER = 2;
export const PUNCT = 3;
export const PLACEHOLDER = 4;
export const NEWLINE = 5;
/** A column gap: two or more spaces, a tab, a pipe, box-drawing characters or a ruled line ("+---+"). */
export const GAP = 6;
/** Digits that are not a number of their own: part of a date, a time, a version, a range of digits. */
export const REFUSED = 7;

/** Number flags. */
export const SIGNED = 1;
export const DECIMAL = 2;
/** The sign was dictated: "negative 1.6", "minus 2.1". */
export const DICTATED = 4;
/** A pipe or a box-drawing character (a drawn table's cell wall), on a GAP token. */
export const WALL = 8;
/**
 * A number of an interval or a duration: "2 years", "every 24 months", and both ends of a range
 * that ends in a time unit ("in 1.5 to 2 years", "after 18-24 months"). Never a value of an element.
 */
export const INTERVAL = 16;
/** The first end of such a range ("1.5" of "1.5 to 2 years"): it has no unit of its own. */
export const RANGE_START = 32;

/** Units attached to a number. */
export const UNIT_NONE = 0;
export const UNIT_PERCENT = 1;
export const UNIT_G_CM2 = 2;
export const UNIT_KG_M2 = 3;
/** Another unit follows (mg, kg, cm, ...): the number is not a score. */
export const UNIT_OTHER = 4;
/** A time unit follows (years, months, weeks, days, ...): a duration, an interval or an age. */
export const UNIT_TIME = 5;

export interface Tokens {
  /** The normalised text the offsets point into. */
  norm: string;
  /** Number of tokens. */
  n: number;
  kind: Uint8Array;
  start: Int32Array;
  /** End of the token itself (for a number: of its digits, without the unit). */
  end: Int32Array;
  /** For a number: end including an attached unit ("17 %"); else equal to `end`. */
  unitEnd: Int32Array;
  flags: Uint8Array;
  unit: Uint8Array;
  /** For a number: its value. */
  value: Float64Array;
  /** Zero-based line of the token. */
  line: Int32Array;
  /**
   * For a word: FNV-1a (32 bits) of its characters, made as the word is read, so that the trie
   * looks a word up without reading it again (absent on a view made by hand: the trie hashes then).
   */
  hash?: Int32Array;
  /**
   * For each token, its key id in the vocabulary trie `keysOf` (-1: no key), looked up as the
   * tokeniser reads a word (its characters are at hand then); -2: not looked up (any token but a
   * word, or no trie given). The trie's match takes these instead of looking the words up again.
   */
  key?: Int32Array;
  /** The trie whose key ids `key` holds. */
  keysOf?: KeyTable;
}

/** What the tokeniser needs of the vocabulary trie (trie.ts `Trie`) to look a word's key up. */
export interface KeyTable {
  /** The longest key, in characters. */
  maxKey: number;
  /** Open addressing by the key's FNV-1a hash: key id + 1, 0 empty. */
  keyTable: Int32Array;
  keyStrings: string[];
}

/** Spans the tokeniser reads as one placeholder each (sorted by start, not overlapping). */
export interface SpanLike {
  start: number;
  end: number;
}

/** Bytes per token: value (8), start, end, unitEnd, line, hash, key (4 each), kind, flags, unit (1 each). */
export const TOKEN_BYTES = 8 + 24 + 3;

/** FNV-1a: offset basis and prime (the trie's key hash). */
export const FNV_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * Tokens the tokeniser makes room for at first in a text of `len` characters: one per three
 * characters. A text with more grows its arrays, and then its reading needs buffers of its own (two
 * more allocations and a copy); reports hold one token per 4.2 characters at the median and below
 * one per three only rarely (dense tables), so one per four made half of them grow.
 */
export function tokenCapacity(len: number): number {
  return Math.floor(len / 3) + 16;
}

class Builder {
  n = 0;
  cap: number;
  kind!: Uint8Array;
  start!: Int32Array;
  end!: Int32Array;
  unitEnd!: Int32Array;
  flags!: Uint8Array;
  unit!: Uint8Array;
  value!: Float64Array;
  line!: Int32Array;
  hash!: Int32Array;
  key!: Int32Array;
  constructor(cap: number, arena?: ArrayBuffer, offset = 0) {
    this.cap = Math.max(16, cap);
    this.alloc(this.cap, arena, offset);
  }
  /**
   * All ten arrays are views of one buffer: one allocation per document, not eight (none when the
   * caller's `arena` has room for `cap` tokens at `offset`, a multiple of 8).
   */
  private alloc(cap: number, arena?: ArrayBuffer, offset = 0): void {
    const buf = arena ?? new ArrayBuffer(cap * TOKEN_BYTES);
    let at = arena ? offset : 0;
    this.value = new Float64Array(buf, at, cap);
    at += 8 * cap;
    this.start = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.end = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.unitEnd = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.line = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.hash = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.key = new Int32Array(buf, at, cap);
    at += 4 * cap;
    this.kind = new Uint8Array(buf, at, cap);
    at += cap;
    this.flags = new Uint8Array(buf, at, cap);
    at += cap;
    this.unit = new Uint8Array(buf, at, cap);
  }
  private grow(): void {
    const { kind, start, end, unitEnd, flags, unit, value, line, hash, key } = this;
    this.cap *= 2;
    this.alloc(this.cap);
    this.kind.set(kind);
    this.start.set(start);
    this.end.set(end);
    this.unitEnd.set(unitEnd);
    this.flags.set(flags);
    this.unit.set(unit);
    this.value.set(value);
    this.line.set(line);
    this.hash.set(hash);
    this.key.set(key);
  }
  push(kind: number, start: number, end: number, line: number): number {
    if (this.n >= this.cap) this.grow();
    const i = this.n++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.unitEnd[i] = end;
    // A fresh buffer is zero: flags, unit and value stay zero but on a number, and only a word or a
    // punctuation mark (flags, unit and value zero) is taken back, for the number that sets them.
    this.line[i] = line;
    this.key[i] = -2;
    return i;
  }
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Character classes, one byte per UTF-16 code unit: one table load instead of a chain of ranges. */
const C_LETTER = 1;
const C_DIGIT = 2;
const C_BOX = 4;
const CLASS = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 48; c <= 57; c++) t[c] = C_DIGIT;
  for (let c = 97; c <= 122; c++) t[c] = C_LETTER;
  for (let c = 65; c <= 90; c++) t[c] = C_LETTER;
  for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) t[c] = C_LETTER;
  for (let c = 0x370; c < 0x2000; c++) t[c] = C_LETTER;
  for (let c = 0x2500; c <= 0x257f; c++) t[c] = C_BOX;
  return t;
})();

/** Letters: ASCII lower case (the text is lower-cased), Latin-1 and Latin Extended, Greek and beyond. */
export function isLetter(c: number): boolean {
  return CLASS[c] === C_LETTER;
}

function isBox(c: number): boolean {
  return CLASS[c] === C_BOX;
}

/** A decimal separator: point, comma or the UK mid-dot (U+00B7). */
function isDecimalSep(c: number): boolean {
  return c === 46 || c === 44 || c === 0xb7;
}

const POW10 = [1, 10, 100, 1000, 10000];

/** Words that, right before a number, dictate its sign. */
function dictatedSign(norm: string, s: number, e: number): boolean {
  const len = e - s;
  return (len === 5 && norm.startsWith('minus', s)) || (len === 8 && norm.startsWith('negative', s));
}

/** Units that, after a number (and an optional space), mark it as something other than a score. */
const TIME_UNITS = [
  'years',
  'year',
  'yrs',
  'yr',
  'yo',
  'y',
  'days',
  'day',
  'months',
  'month',
  'mos',
  'mo',
  'weeks',
  'week',
  'wks',
  'wk',
];

const OTHER_UNITS = [
  'mg',
  'kg',
  'cm',
  'mm',
  'units',
  'unit',
  'lbs',
  'lb',
  'in',
  'm2',
  'ml',
  'ng',
  'nmol',
  'mmol',
  'iu',
  'mcg',
  'µg',
];

/** The longest time or other unit, in characters. */
const MAX_UNIT = 6;

/**
 * The shapes of the time and other units (length * 32 + the low 5 bits of the first character): a
 * word of no such shape is none of them, with no comparison.
 */
const UNIT_SHAPES = (() => {
  const t = new Uint8Array((MAX_UNIT + 1) * 32);
  for (const u of [...TIME_UNITS, ...OTHER_UNITS]) t[u.length * 32 + (u.charCodeAt(0) & 31)] = 1;
  return t;
})();

/** End of the unit `unitAfter` found (a module variable: no object per number). */
let unitEndAt = 0;

/**
 * A number at the end of a line of wrapped prose (the line and the unit would not have fit in this
 * many columns together, and the line has no column gap): its unit may stand first on the next line
 * ("a probability of 28" / "percent", "0.702" / "g/cm²").
 */
const WRAP_WIDTH = 60;

/** Where the unit starts after a line break that ends wrapped prose at `e`, or -1. */
function wrappedUnitStart(norm: string, e: number, len: number): number {
  let k = e;
  if (norm.charCodeAt(k) === 13) k++;
  if (norm.charCodeAt(k) !== 10) return -1;
  k++;
  while (k < len && norm.charCodeAt(k) === 32) k++;
  let s = e;
  for (let steps = 0; s > 0 && norm.charCodeAt(s - 1) !== 10; s--, steps++) {
    if (steps > 200 || (norm.charCodeAt(s - 1) === 32 && norm.charCodeAt(s - 2) === 32) || norm.charCodeAt(s - 1) === 9)
      return -1;
  }
  return e - s + 8 > WRAP_WIDTH ? k : -1;
}

function unitAfter(norm: string, e: number, len: number): number {
  let k = e;
  unitEndAt = e;
  // One space (a no-break space is a space in the normalised text) or a hyphen ("10-year").
  if (k < len && (norm.charCodeAt(k) === 32 || norm.charCodeAt(k) === 45)) k++;
  else if (k < len && (norm.charCodeAt(k) === 10 || norm.charCodeAt(k) === 13)) {
    // A percent or a density unit after a wrap; never a time or another unit ("12" / "months").
    const w = wrappedUnitStart(norm, e, len);
    if (w < 0) return UNIT_NONE;
    const u = unitAfter(norm, w, len);
    return u === UNIT_PERCENT || u === UNIT_G_CM2 || u === UNIT_KG_M2 ? u : UNIT_NONE;
  }
  const c = norm.charCodeAt(k);
  unitEndAt = e;
  if (c === 37) {
    // %
    unitEndAt = k + 1;
    return UNIT_PERCENT;
  }
  if (CLASS[c] !== C_LETTER) return UNIT_NONE;
  if (c === 112) {
    // "percent", "per cent", "pct"
    if (norm.startsWith('percent', k) && !isLetter(norm.charCodeAt(k + 7))) {
      unitEndAt = k + 7;
      return UNIT_PERCENT;
    }
    if (norm.startsWith('per cent', k) && !isLetter(norm.charCodeAt(k + 8))) {
      unitEndAt = k + 8;
      return UNIT_PERCENT;
    }
    if (norm.startsWith('pct', k) && !isLetter(norm.charCodeAt(k + 3))) {
      unitEndAt = k + 3;
      return UNIT_PERCENT;
    }
  } else if ((c === 103 && norm.startsWith('g/cm', k)) || (c === 107 && norm.startsWith('kg/m', k))) {
    let u = k + 4;
    const d = norm.charCodeAt(u);
    if (d === 50 || d === 0xb2) u++;
    unitEndAt = u;
    return c === 103 ? UNIT_G_CM2 : UNIT_KG_M2;
  }
  let w = k;
  while (w < len && CLASS[norm.charCodeAt(w)] & (C_LETTER | C_DIGIT)) w++;
  const wl = w - k;
  // (Most words after a number are no unit: one table load rules them out.)
  if (wl > MAX_UNIT || UNIT_SHAPES[wl * 32 + (c & 31)] === 0) return UNIT_NONE;
  for (const u of TIME_UNITS) if (u.length === wl && norm.startsWith(u, k)) return UNIT_TIME;
  for (const u of OTHER_UNITS)
    if (u.length === wl && norm.startsWith(u, k)) return inchesOrPreposition(norm, u, w, len);
  return UNIT_NONE;
}

/**
 * "in" after a number is inches only where no word follows it ("64 in, 150 lb", "5 ft 4 in"): with
 * a word or a number after it, it is the preposition ("TBS 1.301 in L1-L4", "-2.5 in the spine").
 */
function inchesOrPreposition(norm: string, u: string, w: number, len: number): number {
  if (u !== 'in') return UNIT_OTHER;
  const k = w < len && norm.charCodeAt(w) === 32 ? w + 1 : w;
  return k > w && k < len && CLASS[norm.charCodeAt(k)] & (C_LETTER | C_DIGIT) ? UNIT_NONE : UNIT_OTHER;
}

/**
 * Tokenises `norm` (the normalised text; lower case, every dash a "-"). `placeholders` are spans
 * (sorted, from the placeholder finder) that become one PLACEHOLDER token each. `arena`, when given,
 * holds `tokenCapacity(norm.length) * TOKEN_BYTES` bytes at `offset` (a multiple of 8) for the token
 * arrays, so that a caller can make one buffer for all of a document's arrays.
 */
export function tokenise(
  norm: string,
  placeholders: readonly SpanLike[] = [],
  arena?: ArrayBuffer,
  offset = 0,
  keys?: KeyTable,
): Tokens {
  const len = norm.length;
  // Room for one token per three characters: sized once, so that a text is rarely copied as it grows.
  const b = new Builder(tokenCapacity(len), arena, offset);
  let line = 0;
  let ph = 0;
  let lineHasToken = false;
  let i = 0;
  // Where the next placeholder starts: before it, no token needs to look at the placeholders.
  let phStart = placeholders.length ? placeholders[0].start : len;
  // The first word that may start a spoken number (its hash passes the filter), or -1: the pass
  // for spoken numbers starts there, and a text without any skips it.
  let firstSpoken = -1;
  while (i < len) {
    if (i >= phStart) {
      while (ph < placeholders.length && placeholders[ph].end <= i) ph++;
      phStart = ph < placeholders.length ? placeholders[ph].start : len;
      if (phStart === i) {
        const p = placeholders[ph];
        b.push(PLACEHOLDER, p.start, p.end, line);
        lineHasToken = true;
        // A placeholder never spans a line break in practice; count any to keep lines right.
        for (let k = p.start; k < p.end; k++) if (norm.charCodeAt(k) === 10) line++;
        i = p.end;
        ph++;
        phStart = ph < placeholders.length ? placeholders[ph].start : len;
        continue;
      }
    }
    const c = norm.charCodeAt(i);
    // A word first: most tokens are words (the tests below are exclusive, so their order is free).
    if (isLetter(c)) {
      let k = i + 1;
      let digits = false;
      // The word's hash, over every character it takes (FNV-1a, as the trie's keys).
      let h = Math.imul(FNV_BASIS ^ c, FNV_PRIME);
      // The character that ends the word (-1: the text's end).
      let stop = -1;
      for (;;) {
        if (k >= len) break;
        const d = norm.charCodeAt(k);
        const cl = CLASS[d];
        if (cl === C_LETTER) {
          h = Math.imul(h ^ d, FNV_PRIME);
          k++;
        } else if (cl === C_DIGIT) {
          digits = true;
          h = Math.imul(h ^ d, FNV_PRIME);
          k++;
        } else if ((d === 39 || d === 0x2019) && isLetter(norm.charCodeAt(k + 1))) {
          h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ norm.charCodeAt(k + 1), FNV_PRIME);
          k += 2;
        }
        // "v3.1", "4.0.2": a version is one word.
        else if (digits && d === 46 && isDigit(norm.charCodeAt(k + 1)) && isDigit(norm.charCodeAt(k - 1))) {
          h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ norm.charCodeAt(k + 1), FNV_PRIME);
          k += 2;
        } else {
          stop = d;
          break;
        }
      }
      // "ward's": the possessive belongs to the word.
      if (stop === 39 && norm.charCodeAt(k + 1) === 115 && !isLetter(norm.charCodeAt(k + 2))) {
        h = Math.imul(Math.imul(h ^ 39, FNV_PRIME) ^ 115, FNV_PRIME);
        k += 2;
      }
      // (push first: it may grow the arrays.)
      const w = b.push(WORD, i, k, line);
      b.hash[w] = h;
      // The word's key in the trie, while its characters are at hand (trie.ts matches by key ids).
      if (keys !== undefined) b.key[w] = wordKey(keys, norm, i, k, h);
      if (firstSpoken < 0 && SPOKEN_HASHES[spokenSlot(h)] === 1) firstSpoken = w;
      lineHasToken = true;
      i = k;
      continue;
    }
    // NULs fill the rest of a dictated punctuation word (text.ts): nothing.
    if (c === 0) {
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      const next = c === 13 && norm.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      b.push(NEWLINE, i, next, line);
      line++;
      lineHasToken = false;
      i = next;
      continue;
    }
    if (c === 32 || c === 9) {
      let k = i + 1;
      let tab = c === 9;
      while (k < len) {
        const d = norm.charCodeAt(k);
        if (d === 32) k++;
        else if (d === 9) {
          tab = true;
          k++;
        } else break;
      }
      // (Most runs are one space between words: no gap, no look at the end of the line.)
      if (lineHasToken && (tab || k - i >= 2)) {
        const atEnd = k >= len || norm.charCodeAt(k) === 10 || norm.charCodeAt(k) === 13;
        if (!atEnd) b.push(GAP, i, k, line);
      }
      i = k;
      continue;
    }
    if (c === 124 || isBox(c)) {
      let k = i + 1;
      while (k < len && (norm.charCodeAt(k) === 124 || isBox(norm.charCodeAt(k)))) k++;
      const t = b.push(GAP, i, k, line);
      b.flags[t] = WALL;
      lineHasToken = true;
      i = k;
      continue;
    }
    if (isDigit(c)) {
      i = number(norm, b, i, line);
      lineHasToken = true;
      continue;
    }
    // Ruled lines and long runs of one mark: "+-----+", "=====", "-----", "....." (dot leaders).
    if (c === 45 || c === 61 || c === 43 || c === 95 || c === 126 || c === 46) {
      let k = i;
      while (k < len) {
        const d = norm.charCodeAt(k);
        if (d === 45 || d === 61 || d === 43 || d === 95 || d === 126 || (c === 46 && d === 46)) k++;
        else break;
      }
      // (A run that runs into a digit ends in a sign: "---5" is not a rule.)
      if (k - i >= 3 && !isDigit(norm.charCodeAt(k))) {
        b.push(GAP, i, k, line);
        lineHasToken = true;
        i = k;
        continue;
      }
    }
    // An arrow ("->", "=>") is one mark: its ">" is no "greater than".
    if ((c === 45 || c === 61) && norm.charCodeAt(i + 1) === 62) {
      b.push(PUNCT, i, i + 2, line);
      lineHasToken = true;
      i += 2;
      continue;
    }
    b.push(PUNCT, i, i + 1, line);
    lineHasToken = true;
    i++;
  }
  if (firstSpoken >= 0) spokenDecimals(norm, b, firstSpoken);
  return {
    norm,
    n: b.n,
    kind: b.kind,
    start: b.start,
    end: b.end,
    unitEnd: b.unitEnd,
    flags: b.flags,
    unit: b.unit,
    value: b.value,
    line: b.line,
    hash: b.hash,
    key: b.key,
    keysOf: keys,
  };
}

/**
 * The key id of the word norm[s, e) with FNV-1a hash `h` in the trie's key table, or -1 (as trie.ts
 * `keyId` finds it for a word token).
 */
function wordKey(keys: KeyTable, norm: string, s: number, e: number, h: number): number {
  const len = e - s;
  if (len > keys.maxKey) return -1;
  const table = keys.keyTable;
  const mask = table.length - 1;
  for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
    const idx = table[slot];
    if (idx === 0) return -1;
    const key = keys.keyStrings[idx - 1];
    if (key.length === len && sameWord(norm, s, key)) return idx - 1;
  }
}

/** Are the characters of norm from `s` those of `key`? (Compared in place: no string is made.) */
function sameWord(norm: string, s: number, key: string): boolean {
  for (let k = 0; k < key.length; k++) if (norm.charCodeAt(s + k) !== key.charCodeAt(k)) return false;
  return true;
}

/** Reads the number whose first digit is at `p`; returns the offset after it. */
function number(norm: string, b: Builder, p: number, line: number): number {
  const len = norm.length;
  let r = p;
  while (r < len && isDigit(norm.charCodeAt(r))) r++;
  const prev = p > 0 ? norm.charCodeAt(p - 1) : -1;
  // Glued to a ".", "," or mid-dot (".5", a second group of "1,2,3"), a time ("15:41") or a date
  // ("04/22"): refused.
  const prev2 = p > 1 ? norm.charCodeAt(p - 2) : -1;
  let ok = !(
    isDecimalSep(prev) ||
    prev === 95 ||
    (prev === 58 && isDigit(prev2)) ||
    (prev === 47 && (isWordChar(prev2) || prev2 === 46))
  );
  let e = r;
  let decimal = false;
  if (ok && r - p > 6) ok = false;
  if (ok) {
    const cr = norm.charCodeAt(r);
    if (isDecimalSep(cr) && isDigit(norm.charCodeAt(r + 1))) {
      let d = r + 1;
      while (d < len && isDigit(norm.charCodeAt(d))) d++;
      if (d - (r + 1) > 4) ok = false;
      else {
        e = d;
        decimal = true;
      }
    }
  }
  if (ok) {
    const ce = norm.charCodeAt(e);
    if (ce === 47) ok = false;
    else if ((isDecimalSep(ce) || ce === 58) && isDigit(norm.charCodeAt(e + 1))) ok = false;
  }
  if (!ok) {
    // The whole run of digits and separators is refused: nothing reads a part of it.
    let k = Math.max(r, e);
    while (k < len) {
      const d = norm.charCodeAt(k);
      if (isDigit(d) || ((isDecimalSep(d) || d === 58 || d === 47) && isDigit(norm.charCodeAt(k + 1)))) k++;
      else break;
    }
    b.push(REFUSED, p, k, line);
    return k;
  }
  let whole = 0;
  for (let k = p; k < r; k++) whole = whole * 10 + (norm.charCodeAt(k) - 48);
  let v = whole;
  if (decimal) {
    let frac = 0;
    for (let k = r + 1; k < e; k++) frac = frac * 10 + (norm.charCodeAt(k) - 48);
    const scale = POW10[e - r - 1];
    v = (whole * scale + frac) / scale;
  }
  let start = p;
  let flags = decimal ? DECIMAL : 0;
  // A sign right before the digits counts when it joins no two words or numbers ("L1-L4", "1.2-1.3").
  const last = b.n - 1;
  if (last >= 0 && b.kind[last] === PUNCT && b.end[last] === p && (prev === 45 || prev === 43) && signOk(norm, p - 1)) {
    start = p - 1;
    b.n--;
    flags |= SIGNED;
    if (prev === 45) v = -v;
  } else if (last >= 0 && b.kind[last] === WORD && decimal && dictatedSign(norm, b.start[last], b.end[last])) {
    // "negative 1.6", "minus 2.1" (only spaces between).
    let k = b.end[last];
    while (k < p && norm.charCodeAt(k) === 32) k++;
    if (k === p && p > b.end[last]) {
      start = b.start[last];
      b.n--;
      flags |= SIGNED | DICTATED;
      v = -v;
    }
  }
  const t = b.push(NUMBER, start, e, line);
  b.flags[t] = flags;
  b.value[t] = v;
  const unit = unitAfter(norm, e, len);
  b.unit[t] = unit;
  const ue = unitEndAt;
  b.unitEnd[t] = ue;
  if (unit === UNIT_TIME) markInterval(norm, b, t);
  // A unit after a line break (wrapped prose) stays a token of its own line; the number carries it.
  const wrapped = norm.charCodeAt(e) === 10 || norm.charCodeAt(e) === 13;
  return ue > e && !wrapped ? ue : e;
}

/** The index of the word [s, e) in `words`, or -1. */
function indexIn(norm: string, s: number, e: number, words: readonly string[]): number {
  const len = e - s;
  for (let i = 0; i < words.length; i++) if (words[i].length === len && norm.startsWith(words[i], s)) return i;
  return -1;
}

/** FNV-1a of a word, as the tokeniser makes it while it reads the word (the `hash` of its token). */
export function wordHash(word: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * A filter on word hashes (16 K entries) for every word `spokenDecimals` looks for (the spoken numbers, "point",
 * and the sign words "minus" and "negative"): a word whose hash bit is clear is none of them, so the
 * pass skips nearly every word with one table load instead of comparing its text with 30 words.
 * A set bit only sends the word on to the exact comparisons.
 */
const SPOKEN_SHIFT = 18;
/** The filter's entry for a hash: its top 14 bits (FNV mixes its top bits best: fewer false hits). */
const spokenSlot = (h: number): number => h >>> SPOKEN_SHIFT;
const SPOKEN_HASHES = (() => {
  const t = new Uint8Array(1 << (32 - SPOKEN_SHIFT));
  for (const w of [...SPOKEN_DIGITS, ...SPOKEN_TEENS, ...SPOKEN_TENS, ...SPOKEN_POINT, 'minus', 'negative'])
    t[spokenSlot(wordHash(w))] = 1;
  return t;
})();

/** Might token i be a word `spokenDecimals` looks for (its hash passes the filter)? */
function maybeSpoken(b: Builder, i: number): boolean {
  return b.kind[i] === WORD && SPOKEN_HASHES[spokenSlot(b.hash[i])] === 1;
}

/**
 * Does the tokeniser read this word as more than a word: a dictated sign ("minus", "negative"), a
 * spoken number or "point", or a unit after a number ("years", "mg", "percent")? Any other word, put
 * in the place of another such word of the same length, leaves every other token as it was.
 */
export function readsSpecially(word: string): boolean {
  const len = word.length;
  const sized = (w: string) => w.length === len && w === word;
  return (
    dictatedSign(word, 0, len) ||
    SPOKEN_DIGITS.some(sized) ||
    SPOKEN_TEENS.some(sized) ||
    SPOKEN_TENS.some(sized) ||
    SPOKEN_POINT.some(sized) ||
    TIME_UNITS.some(sized) ||
    OTHER_UNITS.some(sized) ||
    word === 'percent' ||
    word === 'per' ||
    word === 'cent' ||
    word === 'pct'
  );
}

/** The index of word token i in `words`, or -1 (-1 too when i is past the tokens or no word). */
function wordAt(norm: string, b: Builder, i: number, words: readonly string[]): number {
  return i < b.n && maybeSpoken(b, i) ? indexIn(norm, b.start[i], b.end[i], words) : -1;
}

/** The value of spoken digit token i ("zero" to "nine"), or -1. */
function digitAt(norm: string, b: Builder, i: number): number {
  return wordAt(norm, b, i, SPOKEN_DIGITS);
}

/** Does token i follow token i - 1 on the same line with only spaces between? */
function joinedAt(norm: string, b: Builder, i: number): boolean {
  return i < b.n && b.kind[i] !== NEWLINE && spacesOnly(norm, b.end[i - 1], b.start[i]);
}

/** Only spaces between offsets a and b (a < b)? */
function spacesOnly(norm: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let k = a; k < b; k++) if (norm.charCodeAt(k) !== 32) return false;
  return true;
}

/** Only spaces, or spaces around one line break, between offsets a and b (a < b)? */
function spacesOrBreak(norm: string, a: number, b: number): boolean {
  if (b <= a) return false;
  let breaks = 0;
  for (let k = a; k < b; k++) {
    const c = norm.charCodeAt(k);
    if (c === 10) breaks++;
    else if (c !== 32 && c !== 13 && c !== 9) return false;
  }
  return breaks <= 1;
}

/**
 * Spoken numbers of a dictation transcript (vocab/numbers.ts): "negative one point eight" is
 * -1.8, "one point two six two" is 1.262, "thirty one percent" is 31 %; the words become one NUMBER
 * token (signed and DICTATED after "negative" / "minus"), as if the digits had been typed. A sign
 * word at a line's end signs the number that starts the next line ("T score minus" / "two point
 * three", or typed "2.3"): a hard-wrapped dictation never loses its sign (the number takes the
 * sign's line). One pass that compacts the tokens, from token `from` (no word before it passes the
 * hash filter, so the pass would leave those tokens as they are); a token that starts no spoken
 * number (any but a word that passes the filter) is kept, and the kept tokens between two spoken
 * numbers are moved down as one block (a native copy per array, not nine stores per token).
 */
function spokenDecimals(norm: string, b: Builder, from: number): void {
  const len = norm.length;
  let w = from;
  // The kept tokens [kept, i) are not moved yet: they belong at [w - (i - kept), w).
  let kept = from;
  for (let i = from; i < b.n; i++) {
    if (!maybeSpoken(b, i)) {
      w++;
      continue;
    }
    let j = i;
    let signed = false;
    let broken = false;
    if (j + 1 < b.n && dictatedSign(norm, b.start[j], b.end[j])) {
      if (joinedAt(norm, b, j + 1)) {
        signed = true;
        j++;
      } else if (b.kind[j + 1] === NEWLINE && j + 2 < b.n && spacesOrBreak(norm, b.end[j], b.start[j + 2])) {
        signed = true;
        broken = true;
        j += 2;
      }
    }
    // A typed number after a sign word and a line break (on one line, number() signs it).
    if (broken && b.kind[j] === NUMBER && !(b.flags[j] & SIGNED)) {
      shiftDown(b, kept, i, w - (i - kept));
      kept = j + 1;
      move(b, j, w);
      b.start[w] = b.start[i];
      b.flags[w] |= SIGNED | DICTATED;
      b.value[w] = -b.value[w];
      b.line[w] = b.line[i];
      w++;
      i = j;
      continue;
    }
    // The whole part: a digit, a teen, or a ten with an optional digit ("thirty one", "thirty-one").
    let whole = digitAt(norm, b, j);
    let k = j + 1;
    if (whole < 0) {
      const teen = wordAt(norm, b, j, SPOKEN_TEENS);
      const ten = teen < 0 ? wordAt(norm, b, j, SPOKEN_TENS) : -1;
      if (teen >= 0) whole = 10 + teen;
      else if (ten >= 0) {
        whole = 10 * (ten + 2);
        const hyphen =
          k + 1 < b.n && b.kind[k] === PUNCT && norm.charCodeAt(b.start[k]) === 45 && b.end[j] === b.start[k];
        if (hyphen && b.end[k] === b.start[k + 1] && digitAt(norm, b, k + 1) > 0) {
          whole += digitAt(norm, b, k + 1);
          k += 2;
        } else if (joinedAt(norm, b, k) && digitAt(norm, b, k) > 0) {
          whole += digitAt(norm, b, k);
          k++;
        }
      }
    }
    if (whole >= 0) {
      let v = whole;
      let decimal = false;
      if (
        joinedAt(norm, b, k) &&
        wordAt(norm, b, k, SPOKEN_POINT) >= 0 &&
        joinedAt(norm, b, k + 1) &&
        digitAt(norm, b, k + 1) >= 0
      ) {
        k++;
        let frac = 0;
        let nd = 0;
        while (nd < 4 && k < b.n && (nd === 0 || joinedAt(norm, b, k)) && digitAt(norm, b, k) >= 0) {
          frac = frac * 10 + digitAt(norm, b, k);
          nd++;
          k++;
        }
        v = (whole * POW10[nd] + frac) / POW10[nd];
        decimal = true;
      }
      const end = b.end[k - 1];
      const unit = unitAfter(norm, end, len);
      // A whole number is read only with a unit after it (or a dictated sign before it).
      if (decimal || signed || unit === UNIT_PERCENT || unit === UNIT_TIME) {
        // (The tokens before the number are in place first: markInterval looks back at them.)
        shiftDown(b, kept, i, w - (i - kept));
        kept = k;
        b.kind[w] = NUMBER;
        b.start[w] = b.start[i];
        b.end[w] = end;
        b.flags[w] = (decimal ? DECIMAL : 0) | (signed ? SIGNED | DICTATED : 0);
        b.value[w] = signed ? -v : v;
        b.unit[w] = unit;
        b.unitEnd[w] = unitEndAt;
        b.line[w] = b.line[i];
        b.hash[w] = 0;
        b.key[w] = -2;
        if (unit === UNIT_TIME) markInterval(norm, b, w);
        w++;
        i = k - 1;
        continue;
      }
    }
    w++;
  }
  shiftDown(b, kept, b.n, w - (b.n - kept));
  b.n = w;
}

/** Moves tokens [s, e) down to start at `to` (to <= s). */
function shiftDown(b: Builder, s: number, e: number, to: number): void {
  if (to === s || e <= s) return;
  b.kind.copyWithin(to, s, e);
  b.start.copyWithin(to, s, e);
  b.end.copyWithin(to, s, e);
  b.unitEnd.copyWithin(to, s, e);
  b.flags.copyWithin(to, s, e);
  b.unit.copyWithin(to, s, e);
  b.value.copyWithin(to, s, e);
  b.line.copyWithin(to, s, e);
  b.hash.copyWithin(to, s, e);
  b.key.copyWithin(to, s, e);
}

/** Copies token i to w (w <= i). */
function move(b: Builder, i: number, w: number): void {
  b.kind[w] = b.kind[i];
  b.start[w] = b.start[i];
  b.end[w] = b.end[i];
  b.unitEnd[w] = b.unitEnd[i];
  b.flags[w] = b.flags[i];
  b.unit[w] = b.unit[i];
  b.value[w] = b.value[i];
  b.line[w] = b.line[i];
  b.hash[w] = b.hash[i];
  b.key[w] = b.key[i];
}

/** Words that join the two ends of a range: "1.5 to 2 years", "1 or 2 years", "between 1 and 2 years". */
function rangeWord(norm: string, s: number, e: number): boolean {
  const len = e - s;
  return (
    (len === 2 && (norm.startsWith('to', s) || norm.startsWith('or', s))) || (len === 3 && norm.startsWith('and', s))
  );
}

/**
 * Marks an interval or a duration as its number `i` (with a time unit) is read: the number, and the
 * first end of a range whose second end it is ("1.5 to 2 years", "18-24 months"). Such a number is
 * never a value. (The tokens before `i` are final: only the token right before a new number can be
 * taken back, and `i` is a number.)
 */
function markInterval(norm: string, b: Builder, i: number): void {
  b.flags[i] |= INTERVAL;
  const j = i - 1;
  if (j < 0) return;
  // "18 - 24 months": the spaced dash was read as the second end's sign.
  if (b.flags[i] & SIGNED && norm.charCodeAt(b.start[i]) === 45 && b.kind[j] === NUMBER) {
    if (b.unit[j] === UNIT_NONE && !(b.flags[j] & SIGNED)) {
      b.unit[j] = UNIT_TIME;
      b.flags[j] |= INTERVAL | RANGE_START;
    }
    return;
  }
  if (j < 1) return;
  const joins =
    (b.kind[j] === PUNCT && norm.charCodeAt(b.start[j]) === 45) ||
    (b.kind[j] === WORD && rangeWord(norm, b.start[j], b.end[j]));
  const k = j - 1;
  if (!joins || b.kind[k] !== NUMBER || b.unit[k] !== UNIT_NONE || b.flags[k] & SIGNED) return;
  b.unit[k] = UNIT_TIME;
  b.flags[k] |= INTERVAL | RANGE_START;
}

function isWordChar(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 95;
}

/** May the sign at q count as a sign? Not after a word, a closing bracket or a point. */
function signOk(s: string, q: number): boolean {
  if (q === 0) return true;
  const c0 = s.charCodeAt(q - 1);
  return !(isWordChar(c0) || c0 === 41 || c0 === 93 || c0 === 46 || c0 === 0xb7);
}

/** The token's text in the normalised document. */
export function tokenText(t: Tokens, i: number): string {
  return t.norm.slice(t.start[i], t.end[i]);
}

/** Index of the first token that starts at or after `offset` (binary search). */
export function tokenAt(t: Tokens, offset: number): number {
  let lo = 0;
  let hi = t.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is token i a word among `words` (compared in place: no string is made for it)? */
/** The character of punctuation token i, or -1 when i is out of range or not punctuation. */
export function punctAt(t: Tokens, i: number): number {
  return i >= 0 && i < t.n && t.kind[i] === PUNCT ? t.norm.charCodeAt(t.start[i]) : -1;
}

export function wordIn(t: Tokens, i: number, words: readonly string[]): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== WORD) return false;
  const len = t.end[i] - t.start[i];
  for (const w of words) if (w.length === len && t.norm.startsWith(w, t.start[i])) return true;
  return false;
}
