/**
 * One document read: its tokens, its phrase hits (the vocabulary and the configured label words),
 * its sentences and clauses, and the context categories of every token.
 */
import { correctTypos } from './typos';
import type { EngineSettings } from '../settings';
import type { ElementId } from '../types';
import type { Concept, Entry } from './concepts';
import { applyContext, contextWork } from './context';
import { germanOnlySides } from './language';
import type { Hits, Trie } from './trie';
import { compile, match, matchBytes } from './trie';
import type { SpanLike, Tokens } from './tokens';
import {
  GAP,
  NEWLINE,
  NUMBER,
  PUNCT,
  readsSpecially,
  SIGNED,
  TOKEN_BYTES,
  tokenCapacity,
  tokenise,
  UNIT_NONE,
  UNIT_PERCENT,
  WORD,
  wordHash,
} from './tokens';
import { VALUE_COORDINATORS } from './vocab/numbers';
import { OPEN_END_WORDS } from './vocab/cues';
import { VOCABULARY } from './vocab';
import { SIDE_ABBREVIATIONS } from './vocab/sites';

export interface Reading {
  tokens: Tokens;
  hits: Hits;
  /** Sentence of each token (numbered from 0). */
  sentence: Int32Array;
  /** Clause of each token: a sentence cut at ";" and at column gaps. */
  clause: Int32Array;
  /** Context categories of each token (bits of concepts.ts). */
  context: Uint16Array;
}

let baseTrie: Trie | null = null;
const labelTries = new Map<string, Trie>();

/** The label words of the settings as vocabulary entries. */
export function labelEntries(labels: EngineSettings['labels']): Entry[] {
  const out: Entry[] = [];
  for (const [element, words] of Object.entries(labels) as Array<[ElementId, string[] | undefined]>)
    for (const phrase of words ?? []) out.push({ phrase, concept: { c: 'label', element } });
  return out;
}

/** The trie of the vocabulary, with the settings' label words when there are any (memoised). */
export function trieFor(labels: EngineSettings['labels'], vocabulary: readonly Entry[] = VOCABULARY): Trie {
  const extra = labelEntries(labels);
  if (vocabulary !== VOCABULARY) return compile([...vocabulary, ...extra]);
  if (!extra.length) return (baseTrie ??= compile(VOCABULARY));
  const key = JSON.stringify(labels);
  let trie = labelTries.get(key);
  if (!trie) {
    if (labelTries.size > 20) labelTries.clear();
    trie = compile([...VOCABULARY, ...extra]);
    labelTries.set(key, trie);
  }
  return trie;
}

/** Words after which a point does not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'approx',
  'adj',
  'no',
  'fig',
  'med',
  'calc',
  'e.g',
  'i.e',
  'etc',
  'incl',
  'yr',
  'yrs',
]);

/** The longest abbreviation, in characters: a longer word is sliced for no lookup. */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Is the token before the point `i` a one-letter word or an abbreviation? */
function abbreviationBefore(t: Tokens, i: number): boolean {
  if (i === 0 || t.kind[i - 1] !== WORD) return false;
  const len = t.end[i - 1] - t.start[i - 1];
  if (len === 1) return true;
  if (len > MAX_ABBREVIATION) return false;
  const w = t.norm.slice(t.start[i - 1], t.end[i - 1]);
  // A side abbreviation ("Rt. femoral neck", "Cadera total izq. T-score -1,9"): vocab/sites.ts.
  return ABBREVIATIONS.has(w) || SIDE_ABBREVIATIONS.has(w);
}

export interface ReadOptions {
  /** Lines that are section headers: a sentence ends before and after each. */
  headerLines?: Uint8Array;
  /** The original text (its case tells a hard-wrapped line from a new one). */
  text?: string;
  /**
   * A buffer with `readingBytes(norm.length)` bytes free at `arenaOffset` (a multiple of 8) for the
   * reading's typed arrays: the caller makes one allocation for all of a document's arrays.
   */
  arena?: ArrayBuffer;
  arenaOffset?: number;
  /** Where a pasted earlier report begins (its banner line; history.ts pastedPriorReport). */
  priorFrom?: number;
}

/** Bytes per token of the reading's arrays after the trie's (`matchBytes`): sentence, clause (4 each), context (2). */
const READING_BYTES = 10;

const align8 = (x: number): number => (x + 7) & ~7;

/** Bytes a caller's arena holds for `read` of a text of `len` characters. */
export function readingBytes(len: number): number {
  const cap = tokenCapacity(len);
  return align8(cap * TOKEN_BYTES) + matchBytes(cap) + cap * READING_BYTES;
}

/** Splits tokens into sentences and clauses. */
/**
 * Splits tokens into sentences and clauses, and fills each token's bracket depth for the context
 * pass (as `bracketDepth` in context.ts), in the same walk.
 */
function segment(t: Tokens, opts: ReadOptions, sentence: Int32Array, clause: Int32Array, depth: Uint8Array): void {
  let s = 0;
  let c = 0;
  let d = 0;
  const text = opts.text ?? t.norm;
  for (let i = 0; i < t.n; i++) {
    sentence[i] = s;
    clause[i] = c;
    const k = t.kind[i];
    if (k === PUNCT) {
      const ch = t.norm.charCodeAt(t.start[i]);
      if (ch === 40) {
        if (d < 255) d++;
        depth[i] = d;
      } else if (ch === 41 && d > 0) {
        d--;
        depth[i] = d + 1; // the closing bracket belongs inside
      } else depth[i] = d;
      const next = i + 1 < t.n ? t.start[i + 1] : t.norm.length;
      const spaced = next > t.end[i] || i + 1 >= t.n || t.kind[i + 1] === NEWLINE;
      if ((ch === 46 || ch === 33 || ch === 63) && spaced) {
        if (ch !== 46 || !abbreviationBefore(t, i)) {
          s++;
          c++;
        }
      } else if (ch === 59) c++;
    } else if (k === GAP) {
      c++;
      depth[i] = d;
    } else if (k === NEWLINE) {
      const open = d;
      d = 0;
      depth[i] = 0;
      // A sentence goes on over a line break only when the next line goes on in lower case and is
      // no header: a hard-wrapped line.
      const nextTok = i + 1;
      const line = t.line[i] + 1;
      let wrap = nextTok < t.n && t.kind[nextTok] !== NEWLINE && !(opts.headerLines && opts.headerLines[line]);
      if (wrap) {
        const first = text.charCodeAt(t.start[nextTok]);
        // A line that goes on in lower case, or a value after a line that ends in a word
        // ("probability of major osteoporotic fracture\n24% and ...").
        // A bracket that opens the next line after a word or a number goes on too ("... 15.0%\n(unadjusted 12.0%)").
        wrap =
          (t.kind[nextTok] === WORD && first >= 97 && first <= 122) ||
          (t.kind[nextTok] === NUMBER && i > 0 && t.kind[i - 1] === WORD) ||
          (t.kind[nextTok] === PUNCT &&
            first === 40 &&
            i > 0 &&
            (t.kind[i - 1] === WORD || t.kind[i - 1] === NUMBER)) ||
          // A line that opens with a comma goes on with the sentence ("MOF 31 %" / ", hip 8.2 %").
          (t.kind[nextTok] === PUNCT && t.norm.charCodeAt(t.start[nextTok]) === 44) ||
          // A unit wrapped away from its number ("hip fracture 7.9" / "%").
          (t.kind[nextTok] === PUNCT && first === 37 && i > 0 && t.kind[i - 1] === NUMBER) ||
          // A line that ends in a word that leaves its phrase open ("adjusted for" / "TBS: ...").
          (i > 0 && isWordIn(t, i - 1, OPEN_END_WORDS)) ||
          // A bracket left open at the line's end goes on ("(TBS iNsight," / "L1-L4) was 1.198").
          (open > 0 && t.kind[nextTok] !== GAP);
        if (wrap && i > 0) {
          const before = t.norm.charCodeAt(t.start[i - 1]);
          if (t.kind[i - 1] === PUNCT && before === 58) wrap = false; // "Label:" then a line
        }
      }
      if (!wrap) {
        s++;
        c++;
        sentence[i] = s; // the break belongs to what follows
        clause[i] = c;
      } else if (open > 0) {
        d = open;
        depth[i] = d;
      }
    } else depth[i] = d;
  }
}

/**
 * May the tokens of the text stand for the corrected text? When no corrected word, before or after
 * its correction, is one the tokeniser reads specially (a sign, a spoken number, a unit), a plain
 * word of the same length in its place changes no other token.
 */
function patchable(t: Tokens, fixed: string, corrected: readonly number[]): boolean {
  if (t.hash === undefined) return false;
  for (const i of corrected) {
    const s = t.start[i];
    const e = t.end[i];
    if (readsSpecially(t.norm.slice(s, e)) || readsSpecially(fixed.slice(s, e))) return false;
  }
  return true;
}

export function read(norm: string, placeholders: readonly SpanLike[], trie: Trie, opts: ReadOptions = {}): Reading {
  // The tokens and the per-token arrays of the reading share one buffer (the caller's arena or one
  // made here): an allocation is dear next to the work of a short report.
  const cap = tokenCapacity(norm.length);
  const arena = opts.arena ?? new ArrayBuffer(readingBytes(norm.length));
  const from = opts.arena ? (opts.arenaOffset ?? 0) : 0;
  let tokens = tokenise(norm, placeholders, arena, from);
  let n = tokens.n;
  // More tokens than the tokeniser made room for at first (it grew): a buffer of their own.
  let own = n <= cap;
  let buf = own ? arena : new ArrayBuffer(matchBytes(n) + READING_BYTES * n);
  let at = own ? from + align8(cap * TOKEN_BYTES) : 0;
  let hits = match(trie, tokens, buf, at);
  // Typing errors in vocabulary words ("T-scroe", "nekc"): read again from the corrected text.
  const corrected: number[] = [];
  const fixed = correctTypos(tokens, hits, opts.text ?? norm, VOCABULARY, corrected);
  if (fixed !== null && patchable(tokens, fixed, corrected)) {
    // Each corrected word is a word of the same span that the tokeniser reads as a plain word, as
    // it read the word it replaces: the tokens stand, with the corrected text and the words' new
    // hashes; only the trie runs again (it writes all of its arrays afresh).
    for (const i of corrected) tokens.hash![i] = wordHash(fixed.slice(tokens.start[i], tokens.end[i]));
    tokens.norm = fixed;
    hits = match(trie, tokens, buf, at);
  } else if (fixed !== null) {
    // Else the text is tokenised again, in a fresh buffer (the tokeniser and the trie expect zeroed
    // room); the first reading is dropped.
    const fresh = new ArrayBuffer(readingBytes(fixed.length));
    tokens = tokenise(fixed, placeholders, fresh, 0);
    n = tokens.n;
    own = n <= cap;
    buf = own ? fresh : new ArrayBuffer(matchBytes(n) + READING_BYTES * n);
    at = own ? align8(cap * TOKEN_BYTES) : 0;
    hits = match(trie, tokens, buf, at);
  }
  shareUnits(tokens);
  // "re", "li": German sides only on a German line (language.ts).
  germanOnlySides(tokens, hits);
  const after = at + matchBytes(n);
  const sentence = new Int32Array(buf, after, n);
  const clause = new Int32Array(buf, after + 4 * n, n);
  const context = new Uint16Array(buf, after + 8 * n, n);
  const work = contextWork(n);
  segment(tokens, opts, sentence, clause, work.depth);
  softenWraps(tokens, sentence);
  applyContext(tokens, hits, clause, context, work, opts.priorFrom);
  return { tokens, hits, sentence, clause, context };
}

/**
 * A wrapped line and the first word of the next would not have fit in this many columns together:
 * the break is a wrap width's, not a short row's.
 */
const WRAP_WIDTH = 60;

/** Full stop, exclamation and question marks, colon and semicolon. */
const SENTENCE_END_MARKS = [46, 33, 63, 58, 59];

/**
 * Hard-wrapped prose: a line break inside a sentence (segment() lets a sentence go on over it) after
 * a line that filled the wrap width (with no column gap) becomes a narrow gap, so that what the readers attach over a space
 * ("total hip -1.6", "Z-score -2.1", "(FRAX, TBS-adjusted)") they attach over the wrap as well. Lines
 * stay lines (t.line); short lines, rows and key/value lines keep their break.
 */
function softenWraps(t: Tokens, sentence: Int32Array): void {
  let lineStart = 0;
  let gapped = false;
  for (let i = 0; i < t.n; i++) {
    const k = t.kind[i];
    if (k === GAP) gapped = true;
    if (k !== NEWLINE) continue;
    if (i + 1 < t.n) {
      const long = !gapped && t.start[i] - lineStart + 1 + t.end[i + 1] - t.start[i + 1] > WRAP_WIDTH;
      lineStart = t.start[i + 1];
      // (Not after a mark that ends a sentence or a label: "... 12 percent.\nimpression: ..." keeps its
      // break, so that a label opening the next line still opens it.)
      const endMark =
        i > 0 && t.kind[i - 1] === PUNCT && SENTENCE_END_MARKS.includes(t.norm.charCodeAt(t.start[i - 1]));
      // A line that ends in a word that leaves its phrase open is wrapped, however short.
      const openEnd = i > 0 && isWordIn(t, i - 1, OPEN_END_WORDS);
      if (
        (long || openEnd) &&
        !endMark &&
        i > 0 &&
        (!labelOpens(t, i + 1) || openEnd) &&
        sentence[i - 1] === sentence[i] &&
        sentence[i + 1] === sentence[i]
      ) {
        t.kind[i] = GAP;
        // The unit wrapped away from its number is the number's ("7.9" / "%").
        if (t.kind[i - 1] === NUMBER && t.unit[i - 1] === UNIT_NONE && punctIs(t, i + 1, 37))
          t.unit[i - 1] = UNIT_PERCENT;
      }
    }
    gapped = false;
  }
}

const punctIs = (t: Tokens, k: number, ch: number): boolean =>
  k < t.n && t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === ch;

/**
 * Does a label open the line at token k: up to three words and a colon ("impression: ...", "Hip
 * fracture risk: ...")? A new field, not the wrapped rest of a sentence.
 */
function labelOpens(t: Tokens, k: number): boolean {
  for (let words = 0; k < t.n && words <= 3; k++) {
    if (t.kind[k] === WORD) words++;
    else return t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 58 && words > 0;
  }
  return false;
}

/**
 * Values coordinated by "/" or "and" share the percent written after the last of them ("(major
 * osteoporotic / hip): 21 / 4.4 %", "17 and 2.9 % respectively"): the first takes the unit. Only an
 * unsigned number with at most one decimal and no unit of its own (never a BMD, a TBS or a
 * T-score), and only straight before the coordinator. One pass over the tokens.
 */
function shareUnits(t: Tokens): void {
  const { n, kind, unit, flags, norm, start, end } = t;
  for (let k = 0; k + 2 < n; k++) {
    if (kind[k] !== NUMBER || unit[k] !== UNIT_NONE || flags[k] & SIGNED) continue;
    let j = k + 1;
    if (kind[j] === GAP) j++;
    if (j >= n) continue;
    const c = norm.charCodeAt(start[j]);
    const slash = kind[j] === PUNCT && c === 47 && end[j] - start[j] === 1;
    if (!slash && !(kind[j] === WORD && isWordIn(t, j, VALUE_COORDINATORS))) continue;
    // Not a date or a fraction ("11/30/2026", "1/3"): the slash stands apart from both numbers.
    if (slash && (start[j] === end[k] || (j + 1 < n && start[j + 1] === end[j]))) continue;
    j++;
    if (j < n && kind[j] === GAP) j++;
    if (j >= n || kind[j] !== NUMBER || unit[j] !== UNIT_PERCENT || flags[j] & SIGNED) continue;
    if (decimals(norm, start[k], end[k]) > 1 || t.value[k] >= 100) continue;
    unit[k] = UNIT_PERCENT;
  }
}

/** Digits after the decimal point (or comma) of the number in norm[s, e). */
function decimals(norm: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 46 || c === 44) return e - i - 1;
  }
  return 0;
}

/** Is token i one of these words? */
function isWordIn(t: Tokens, i: number, words: readonly string[]): boolean {
  const len = t.end[i] - t.start[i];
  for (const w of words) if (w.length === len && t.norm.startsWith(w, t.start[i])) return true;
  return false;
}

/** The first concept of kind `c` in a hit's concepts, if any. */
export function conceptOf<K extends Concept['c']>(
  concepts: readonly Concept[],
  c: K,
): Extract<Concept, { c: K }> | undefined {
  for (const x of concepts) if (x.c === c) return x as Extract<Concept, { c: K }>;
  return undefined;
}
