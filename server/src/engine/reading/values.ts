/**
 * Typed attachment: a label's value is the first number after it in its sentence that has the
 * label's type. Ordinary words between them need no list ("The TBS came out at 1.262", "TBS is
 * approximately 1.262"); another measure's label, a sentence end or a blank line ends the search.
 * A version after a software name, a date, a count ("4 vertebrae") and an earlier study's column
 * are read past. Out-of-range values still attach (TBS 12.62), so the plausibility rules see them.
 */
import { inComparison } from './legend';
import type { Ctx } from '../context';
import type { Concept } from './concepts';
import { CURRENT, HISTORICAL } from './concepts';
import { conceptOf } from './read';
import type { Tokens } from './tokens';
import { DECIMAL, GAP, NEWLINE, NUMBER, PLACEHOLDER, PUNCT, REFUSED, SIGNED, UNIT_NONE, WORD, wordIn } from './tokens';
import { ANAPHORA_DETERMINERS, ANAPHORA_NOUNS, ANAPHORA_WORDS } from './vocab/labels';
import { CHANGE_PAIRS } from './vocab/cues';

export type Found = { type: 'number'; tok: number } | { type: 'placeholder'; tok: number } | { type: 'none' };

/** Concepts that label another measure: the search for a value stops at them. */
const OTHER_LABELS: ReadonlySet<Concept['c']> = new Set([
  't',
  'z',
  'bmd',
  'tbsScore',
  'kind',
  'model',
  'demographic',
  'role',
  'riskCategory',
]);

export interface Walk {
  /** May this number be the value (its type), with `words` words between the label and it? */
  fits: (tok: number, words: number) => boolean;
  /** The label's own concept: a repeat of it does not stop the search ("TBS (L1-L4, TBS iNsight)"). */
  own: Concept['c'];
  /** Words and numbers to walk at most. */
  maxWords?: number;
  /** Does a site word that is also another label ("hip": a site and a risk kind) let the walk pass? */
  sitesPass?: boolean;
}

/** Does the token begin or end a line ("L2  1.281" starts a row of its own)? */
function lineStartsWithSite(ctx: Ctx, k: number): boolean {
  const h = ctx.reading.hits.at[k];
  return h >= 0 && conceptOf(ctx.reading.hits.concepts[h], 'site') !== undefined;
}

/** Columns of a line that a hard wrap filled (as read.ts reads a wrap: WRAP_WIDTH). */
const WRAP_WIDTH = 60;

/** Did line `line` fill a wrap width (a hard-wrapped line of prose, not a short row)? */
function filledWidth(ctx: Ctx, line: number): boolean {
  const l = ctx.doc.lines[line];
  return l.end - l.start >= WRAP_WIDTH;
}

/** The value after the label that ends before token `from`. */
export function valueAfterLabel(ctx: Ctx, from: number, walk: Walk): Found {
  const { tokens: t, hits, sentence } = ctx.reading;
  const maxWords = walk.maxWords ?? 12;
  let s0 = from > 0 ? sentence[from - 1] : 0;
  let anaphora = false;
  let words = 0;
  let afterSoftware = false;
  let wrapped = false;
  // Words are counted; tokens are bounded too (a run of punctuation is not a path to a value).
  const limit = Math.min(t.n, from + 8 * maxWords + 16);
  for (let k = from; k < limit; k++) {
    const kind = t.kind[k];
    if (kind === NEWLINE) {
      // A hard-wrapped line may hold the value first: one line break, not into a table or a header.
      const line = t.line[k] + 1;
      if (wrapped || line >= ctx.doc.lines.length || ctx.blankLine[line] || ctx.headerLine[line]) break;
      if (ctx.tableLine[line] || ctx.tableLine[line - 1]) break;
      wrapped = true;
      // A row of its own ("L2  1.281") opens with a site; after a line that filled a wrap width the
      // site goes on the label's phrase ("... TBS" / "L1-L4 1.196 (degraded)").
      if (k + 1 < t.n && lineStartsWithSite(ctx, k + 1) && !filledWidth(ctx, t.line[k])) break;
      continue;
    }
    if (sentence[k] !== s0) {
      // "... your trabecular bone score. Yours came out at 1.336": the next sentence refers back.
      if (!anaphora && refersBack(ctx, k)) {
        anaphora = true;
        s0 = sentence[k];
        words = 0;
      } else if (!wrapped) break;
    }
    // The value stands in the label's clause: ";" ends it (a column gap does not: "TBS    1.262").
    if (kind === PUNCT && t.norm.charCodeAt(t.start[k]) === 59) break;
    if (kind === GAP) continue;
    if (kind === PLACEHOLDER) return { type: 'placeholder', tok: k };
    if (kind === REFUSED) {
      words++;
      continue;
    }
    if (kind === PUNCT) {
      // A colon, an equals sign or a closing bracket after a software name introduces the value,
      // not a version ("TBS iNsight: 1.249", "TBS (iNsight): 1.249"; "iNsight 3.1" is a version).
      const c = t.norm.charCodeAt(t.start[k]);
      if (c === 58 || c === 61 || c === 41) afterSoftware = false;
      continue;
    }
    const h = hits.at[k];
    if (h >= 0 && hits.start[h] === k) {
      // One walk over the hit's concepts: another measure's label, a site, a software name or a
      // quantity's noun (no closure, no repeated search per concept kind).
      let other = false;
      let site = false;
      let software = false;
      for (const x of hits.concepts[h]) {
        const c = x.c;
        if (c === 'site') site = true;
        else if (c === 'software' || c === 'quantity') software = true;
        if (c !== walk.own && OTHER_LABELS.has(c)) other = true;
      }
      if (other && !(walk.sitesPass && site)) return { type: 'none' };
      // After a software name a number is its version; after a quantity's noun, that quantity.
      afterSoftware = software;
      k = hits.end[h] - 1;
      if (++words > maxWords) break;
      continue;
    }
    if (kind === WORD) {
      // "iNsight v3.1": a version word after a software name ends what the name governs.
      afterSoftware = false;
      if (++words > maxWords) break;
      continue;
    }
    if (kind === NUMBER) {
      if (ctx.priorNumbers.has(t.start[k])) continue; // an earlier study's column
      if (afterSoftware && !(t.flags[k] & SIGNED)) {
        afterSoftware = false;
        continue;
      }
      // "1.xxx": the value's place, with its first digit typed.
      if (k + 2 < t.n && t.kind[k + 1] === PUNCT && t.kind[k + 2] === PLACEHOLDER && t.end[k + 1] === t.start[k + 2])
        return { type: 'placeholder', tok: k + 2 };
      if (walk.fits(k, words)) {
        if (wrapped && !(t.flags[k] & DECIMAL)) return { type: 'none' };
        // "from 1.21 (2019) to 1.26": the change's later value is the label's.
        const later = changeEnd(ctx, k, walk, words);
        return { type: 'number', tok: later >= 0 ? later : k };
      }
      // A count ("4 vertebrae", "L1-4") is read past; any other number ends the search.
      if (!(t.flags[k] & (DECIMAL | SIGNED)) && t.unit[k] === UNIT_NONE && t.value[k] < 100) {
        words++;
        continue;
      }
      return { type: 'none' };
    }
  }
  return { type: 'none' };
}

/** Tokens read between a change's first value and its end word ("1.21 in 2019 to", "1.180 (2021) to"). */
const CHANGE_REACH = 10;

/**
 * Token k (a value that fits) opens a change ("from 1.21 in 2019 to 1.26", CHANGE_PAIRS): the later
 * value's token when it fits too, else -1. Dates and brackets between are read past; the sentence, a
 * line break, ";" or another label ends the search.
 */
function changeEnd(ctx: Ctx, k: number, walk: Walk, words: number): number {
  const { tokens: t, hits, sentence } = ctx.reading;
  let pair = -1;
  for (let p = 0; p < CHANGE_PAIRS.length && pair < 0; p++) if (wordIn(t, k - 1, [CHANGE_PAIRS[p][0]])) pair = p;
  if (pair < 0) return -1;
  const end = [CHANGE_PAIRS[pair][1]];
  const limit = Math.min(t.n, k + 1 + CHANGE_REACH);
  for (let j = k + 1; j < limit && sentence[j] === sentence[k]; j++) {
    const kind = t.kind[j];
    if (kind === NEWLINE || (kind === PUNCT && t.norm.charCodeAt(t.start[j]) === 59)) return -1;
    if (hits.at[j] >= 0 && hits.start[hits.at[j]] === j) {
      for (const x of hits.concepts[hits.at[j]]) if (x.c !== walk.own && OTHER_LABELS.has(x.c)) return -1;
    }
    if (!wordIn(t, j, end)) continue;
    let v = j + 1;
    while (v < t.n && t.kind[v] === GAP) v++;
    return v < t.n && t.kind[v] === NUMBER && walk.fits(v, words) ? v : -1;
  }
  return -1;
}

/** Does the sentence that starts at token k open by referring back ("Yours", "It", "The score")? */
function refersBack(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  while (k < t.n && (t.kind[k] === NEWLINE || t.kind[k] === GAP)) k++;
  if (wordIn(t, k, ANAPHORA_WORDS) && !wordIn(t, k + 1, ANAPHORA_NOUNS)) return true;
  return wordIn(t, k, ANAPHORA_DETERMINERS) && wordIn(t, k + 1, ANAPHORA_NOUNS);
}

/** Is the token in an earlier study's context (and not this one's)? Or in a pasted earlier report? */
export function historicalAt(ctx: Ctx, tok: number): boolean {
  const { tokens: t, context } = ctx.reading;
  if (t.start[tok] >= ctx.priorFrom) return true;
  // The paragraph after "COMPARISON:" describes the earlier study.
  if (inComparison(ctx, tok)) return true;
  const cx = context[tok];
  return (cx & HISTORICAL) !== 0 && (cx & CURRENT) === 0;
}

/** A range ("1.200-1.350"): the number is glued by a hyphen to another. */
export function inRange(ctx: Ctx, tok: number): boolean {
  const t = ctx.reading.tokens;
  const dash = (i: number) => t.kind[i] === PUNCT && t.norm.charCodeAt(t.start[i]) === 45;
  if (tok + 2 < t.n && dash(tok + 1) && t.kind[tok + 2] === NUMBER && t.end[tok] === t.start[tok + 1]) return true;
  return tok >= 2 && dash(tok - 1) && t.kind[tok - 2] === NUMBER && t.end[tok - 2] === t.start[tok - 1];
}

/**
 * `wordIn` for a fixed word list, made once: a table of the words' (length, first letter) shapes
 * is asked first, so the list is searched only for a word of some entry's shape (most words are
 * of none). The same answers as `wordIn(t, i, words)`.
 */
export function wordTest(words: readonly string[]): (t: Tokens, i: number) => boolean {
  const shapes = new Uint8Array(32 * 128);
  for (const w of words) shapes[Math.min(w.length, 31) * 128 + (w.charCodeAt(0) & 0x7f)] = 1;
  return (t, i) => {
    if (i < 0 || i >= t.n || t.kind[i] !== WORD) return false;
    const s = t.start[i];
    if (!shapes[Math.min(t.end[i] - s, 31) * 128 + (t.norm.charCodeAt(s) & 0x7f)]) return false;
    return wordIn(t, i, words);
  };
}
