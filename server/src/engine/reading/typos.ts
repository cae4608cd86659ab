/**
 * Typing errors in the words of labels, sites, risk kinds, models, categories and headers: "T-scroe",
 * "femoral nekc", "Trabecluar bone score", "major osteoporitic fracture". A word the vocabulary does
 * not match is read as a vocabulary word when it differs from one by a single edit that keeps its
 * length: two neighbouring letters swapped (words of 4 letters or more; a capitalised word of 4, a
 * name such as "Boyd", is left alone), or one inner letter replaced (9 letters or more, so that an
 * ordinary word such as "charges" stays itself; never the first or the last letter: "degrades"). The target words come
 * from the vocabulary (`vocab/*.ts`), bucketed by length and first letter, so each unknown word costs
 * a few comparisons. The corrected text keeps every offset (an edit of the same length).
 */
import type { Entry } from './concepts';
import type { Hits } from './trie';
import type { Tokens } from './tokens';
import { WORD } from './tokens';
import { VOCABULARY } from './vocab';

/** Concepts whose words are corrected: what a report labels its values and statements with. */
const TARGET_CONCEPTS = new Set(['tbs', 't', 'z', 'bmd', 'site', 'kind', 'model', 'tbsCategory', 'who', 'header']);
const MIN_SWAP = 4;
const MIN_REPLACE = 9;
const MAX_LEN = 24;

/** Target words bucketed by length and first letter: a flat list with a start index per bucket. */
interface Buckets {
  /** For bucket key b, its words are words[from[b] .. from[b + 1]). */
  from: Int32Array;
  words: string[];
  /** Letter masks of the words (bit per letter a-z). */
  masks: Int32Array;
}

const KEYS = (MAX_LEN + 1) * 32;
const bucketKey = (len: number, first: number): number => len * 32 + ((first - 96) & 31);

let targets: Buckets | null = null;

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** The target words of the vocabulary, by length and first letter (built once). */
function targetWords(vocabulary: readonly Entry[]): Buckets {
  const byKey = new Map<number, string[]>();
  const seen = new Set<string>();
  for (const e of vocabulary) {
    if (!TARGET_CONCEPTS.has(e.concept.c)) continue;
    for (const w of e.phrase.toLowerCase().split(/[^a-z]+/)) {
      if (w.length < MIN_SWAP || w.length > MAX_LEN || seen.has(w)) continue;
      seen.add(w);
      const k = bucketKey(w.length, w.charCodeAt(0));
      const list = byKey.get(k);
      if (list) list.push(w);
      else byKey.set(k, [w]);
    }
  }
  const from = new Int32Array(KEYS + 1);
  const words: string[] = [];
  for (let k = 0; k < KEYS; k++) {
    from[k] = words.length;
    for (const w of byKey.get(k) ?? []) words.push(w);
  }
  from[KEYS] = words.length;
  const masks = new Int32Array(words.length);
  words.forEach((w, i) => {
    for (let j = 0; j < w.length; j++) masks[i] |= 1 << (w.charCodeAt(j) - 97);
  });
  return { from, words, masks };
}

/** Does the word at norm[s, s + w.length) differ from w by one swap of neighbours or one inner letter? */
function oneEdit(norm: string, s: number, w: string): boolean {
  const len = w.length;
  let first = -1;
  let second = -1;
  for (let i = 0; i < len; i++) {
    if (norm.charCodeAt(s + i) === w.charCodeAt(i)) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  if (first < 0) return false;
  if (second < 0) return len >= MIN_REPLACE && first > 0 && first < len - 1;
  return (
    second === first + 1 &&
    norm.charCodeAt(s + first) === w.charCodeAt(second) &&
    norm.charCodeAt(s + second) === w.charCodeAt(first)
  );
}

/** Bits set in x (at most 32). */
function bits(x: number): number {
  let n = 0;
  for (let v = x; v !== 0 && n < 3; v &= v - 1) n++;
  return n;
}

/** The target word one edit away from the word at norm[s, s + len) with letter mask m, or null. */
function targetFor(b: Buckets, norm: string, s: number, len: number, m: number): string | null {
  // Same first letter (any edit after it), or the first two letters swapped.
  return (
    inBucket(b, bucketKey(len, norm.charCodeAt(s)), norm, s, m) ??
    inBucket(b, bucketKey(len, norm.charCodeAt(s + 1)), norm, s, m)
  );
}

/** Does the bucket of words of length `len` that start with `first` hold no word? */
function emptyBucket(b: Buckets, len: number, first: number): boolean {
  const key = bucketKey(len, first);
  return b.from[key] === b.from[key + 1];
}

function inBucket(b: Buckets, key: number, norm: string, s: number, m: number): string | null {
  for (let i = b.from[key]; i < b.from[key + 1]; i++)
    // A swap keeps the letters; a replacement changes at most two bits of the mask.
    if (bits(m ^ b.masks[i]) <= 2 && oneEdit(norm, s, b.words[i])) return b.words[i];
  return null;
}

/**
 * The target each recent word was found to be one edit away from (null: none), by the word's hash
 * (direct-mapped; the word is kept, so a hash shared by two words only costs a search). Reports
 * repeat their words from document to document: a repeated word costs one comparison instead of a
 * search of its buckets. Bounded: a word takes the slot of the one before it.
 */
const CACHE_SIZE = 4096;
const cachedWord: Array<string | null> = new Array<string | null>(CACHE_SIZE).fill(null);
const cachedTarget: Array<string | null> = new Array<string | null>(CACHE_SIZE).fill(null);
const EMPTY_HASHES = new Int32Array(0);

/** Are the characters of norm from `s` those of `word`? (A loop: cheaper than a call for a short word.) */
function sameWord(norm: string, s: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (norm.charCodeAt(s + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The text with the typing errors of unmatched words corrected, or null when there is none. Only
 * words of letters that no vocabulary phrase covers are looked at. `corrected`, when given, receives
 * the index of each corrected word token (a corrected word keeps its token's span).
 */
export function correctTypos(
  t: Tokens,
  hits: Hits,
  text: string = t.norm,
  vocabulary: readonly Entry[] = VOCABULARY,
  corrected?: number[],
): string | null {
  let parts: string[] | null = null;
  let at = 0;
  let buckets: Buckets | null = null;
  // The arrays in locals: the loop touches every token.
  const { n, kind, start, end, norm } = t;
  const covered = hits.at;
  // The cache holds answers for the vocabulary's targets only, found by the words' hashes.
  const hashes = t.hash ?? EMPTY_HASHES;
  const useCache = vocabulary === VOCABULARY && t.hash !== undefined;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== WORD || covered[i] >= 0) continue;
    const s = start[i];
    const len = end[i] - s;
    if (len < MIN_SWAP || len > MAX_LEN) continue;
    buckets ??= vocabulary === VOCABULARY ? (targets ??= targetWords(VOCABULARY)) : targetWords(vocabulary);
    // Cheap test first: no target word of this length starts with the word's first or second
    // letter (the two buckets `targetFor` looks in), so there is nothing to correct it to.
    if (emptyBucket(buckets, len, norm.charCodeAt(s)) && emptyBucket(buckets, len, norm.charCodeAt(s + 1))) continue;
    // A word looked at before (in this document or an earlier one): its answer, without its search.
    const slot = useCache ? hashes[i] & (CACHE_SIZE - 1) : -1;
    const seen = slot >= 0 ? cachedWord[slot] : null;
    if (seen !== null && seen.length === len && sameWord(norm, s, seen)) {
      const w = cachedTarget[slot];
      if (w === null) continue;
      if (len === MIN_SWAP && !isLower(text.charCodeAt(s)) && isLower(text.charCodeAt(s + 1))) continue;
      parts ??= [];
      parts.push(norm.slice(at, s), w);
      corrected?.push(i);
      at = s + len;
      continue;
    }
    let m = 0;
    let k = s;
    for (; k < s + len; k++) {
      const c = norm.charCodeAt(k);
      if (!isLower(c)) break;
      m |= 1 << (c - 97);
    }
    if (k < s + len) continue;
    // "Boyd": a short capitalised word is more likely a name than a typing error.
    if (len === MIN_SWAP && !isLower(text.charCodeAt(s)) && isLower(text.charCodeAt(s + 1))) continue;
    const w = targetFor(buckets, norm, s, len, m);
    if (slot >= 0) {
      cachedWord[slot] = norm.slice(s, s + len);
      cachedTarget[slot] = w;
    }
    if (w === null) continue;
    parts ??= [];
    parts.push(norm.slice(at, s), w);
    corrected?.push(i);
    at = s + len;
  }
  if (!parts) return null;
  parts.push(t.norm.slice(at));
  return parts.join('');
}
