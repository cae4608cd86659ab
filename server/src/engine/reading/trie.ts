/**
 * The vocabulary compiled into one token trie, matched in one left-to-right pass: at each token the
 * longest phrase that starts there wins, and matching resumes after it (leftmost-longest, phrases
 * never overlap). A phrase is written in words; hyphens, points and apostrophes between its words
 * do not matter ("T-score", "T score", "T‑score", "t_score"; "adj. for TBS", "adj for TBS"), and it may wrap
 * onto the next line. Cost: tokens × the longest phrase (a few words), so linear.
 */
import { normalise } from '../text';
import type { Concept, Entry } from './concepts';
import type { Tokens } from './tokens';
import { GAP, NEWLINE, NUMBER, PLACEHOLDER, PUNCT, REFUSED, tokenise, UNIT_PERCENT, WORD } from './tokens';

interface Node {
  next: Map<string, Node> | null;
  concepts: Concept[] | null;
}

export interface Trie {
  root: Node;
  /** The longest phrase, in keys. */
  depth: number;
  /** The longest key, in characters: a longer token cannot start a phrase. */
  maxKey: number;
  /** First characters of the keys that start a phrase (by char code, below 0x10000). */
  first: Uint8Array;
  /** Every key of every phrase, interned: an open-addressing table by hash (index + 1, 0 empty). */
  keyTable: Int32Array;
  keyStrings: string[];
}

const PERCENT = 37;

/** FNV-1a over the characters of a key; `pct` appends a "%" (a percentage's key). */
function hashRange(s: string, start: number, end: number, pct: boolean): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (pct) h = Math.imul(h ^ PERCENT, 0x01000193);
  return h >>> 0;
}

function internTable(keys: readonly string[]): { keyTable: Int32Array; keyStrings: string[] } {
  let size = 16;
  while (size < keys.length * 2) size <<= 1;
  const keyTable = new Int32Array(size);
  const keyStrings: string[] = [];
  for (const k of keys) {
    let slot = hashRange(k, 0, k.length, false) & (size - 1);
    let dup = false;
    while (keyTable[slot] !== 0) {
      if (keyStrings[keyTable[slot] - 1] === k) {
        dup = true;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
    if (dup) continue;
    keyStrings.push(k);
    keyTable[slot] = keyStrings.length;
  }
  return { keyTable, keyStrings };
}

/** Punctuation that joins the words of a phrase without being part of its key. */
function skippable(t: Tokens, i: number): boolean {
  if (t.kind[i] !== PUNCT) return false;
  const c = t.norm.charCodeAt(t.start[i]);
  // "_" joins the words of a key ("femoral_neck_t_score").
  return c === 45 || c === 46 || c === 39 || c === 0x2019 || c === 95;
}

/** Two spaces between words ("Electronically  signed  by"): odd spacing, not a column. */
function narrowGap(t: Tokens, i: number): boolean {
  if (t.kind[i] !== GAP || t.end[i] - t.start[i] > 2) return false;
  return t.norm.charCodeAt(t.start[i]) === 32 && t.norm.charCodeAt(t.start[i] + 1) === 32;
}

/** The key a token matches by, or null for a token no phrase can hold. */
function keyOf(t: Tokens, i: number): string | null {
  const k = t.kind[i];
  if (k === WORD || k === REFUSED || k === PUNCT) return t.norm.slice(t.start[i], t.end[i]);
  if (k === NUMBER) {
    const digits = t.norm.slice(t.start[i], t.end[i]);
    return t.unit[i] === UNIT_PERCENT ? `${digits}%` : digits;
  }
  return null;
}

/**
 * The token's key as interned in the trie, or null when no phrase holds it: found by hashing the
 * token's characters in place, so that no string is made for a token (most tokens are no key).
 */
function internedKey(trie: Trie, t: Tokens, i: number): string | null {
  const k = t.kind[i];
  if (k !== WORD && k !== REFUSED && k !== PUNCT && k !== NUMBER) return null;
  const s = t.start[i];
  const e = t.end[i];
  const pct = k === NUMBER && t.unit[i] === UNIT_PERCENT;
  const len = e - s + (pct ? 1 : 0);
  const table = trie.keyTable;
  const mask = table.length - 1;
  let slot = hashRange(t.norm, s, e, pct) & mask;
  for (;;) {
    const idx = table[slot];
    if (idx === 0) return null;
    const key = trie.keyStrings[idx - 1];
    if (
      key.length === len &&
      t.norm.startsWith(pct ? key.slice(0, -1) : key, s) &&
      (!pct || key.charCodeAt(len - 1) === PERCENT)
    )
      return key;
    slot = (slot + 1) & mask;
  }
}

/** The keys of a phrase, as the tokeniser reads it. */
export function phraseKeys(phrase: string): string[] {
  const t = tokenise(normalise(phrase.trim()));
  const keys: string[] = [];
  for (let i = 0; i < t.n; i++) {
    if (skippable(t, i) || t.kind[i] === GAP || t.kind[i] === NEWLINE) continue;
    const k = keyOf(t, i);
    if (k !== null) keys.push(k);
  }
  return keys;
}

/** The keys of many phrases: one text, one normalisation and one tokeniser pass for all of them. */
function allPhraseKeys(phrases: readonly string[]): string[][] {
  const t = tokenise(normalise(phrases.map((p) => p.replace(/[\r\n]/g, ' ').trim()).join('\n')));
  const out: string[][] = [[]];
  for (let i = 0; i < t.n; i++) {
    if (t.kind[i] === NEWLINE) {
      out.push([]);
      continue;
    }
    if (skippable(t, i) || t.kind[i] === GAP) continue;
    const k = keyOf(t, i);
    if (k !== null) out[out.length - 1].push(k);
  }
  return out;
}

export function compile(entries: readonly Entry[]): Trie {
  const root: Node = { next: null, concepts: null };
  let depth = 0;
  let maxKey = 0;
  const first = new Uint8Array(0x10000);
  const allKeys = allPhraseKeys(entries.map((e) => e.phrase));
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const keys = allKeys[i] ?? [];
    if (!keys.length) continue;
    depth = Math.max(depth, keys.length);
    first[keys[0].charCodeAt(0)] = 1;
    for (const k of keys) maxKey = Math.max(maxKey, k.length);
    let node = root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) {
        child = { next: null, concepts: null };
        node.next.set(k, child);
      }
      node = child;
    }
    node.concepts ??= [];
    node.concepts.push(e.concept);
  }
  inheritLabels(root, entries, allKeys);
  const all: string[] = [];
  for (const keys of allKeys) for (const k of keys) all.push(k);
  return { root, depth, maxKey, first, ...internTable(all) };
}

/** Label concepts a cue keeps when its phrase ends with the label ("with TBS", "adjusted for TBS"). */
function isInheritedLabel(c: Concept): boolean {
  return c.c === 'tbs' || (c.c === 'label' && c.element === 'tbs');
}

/**
 * Leftmost-longest matching lets a cue swallow a label it ends with: "DXA with TBS L1-L4: 1.198" has
 * the hit "with TBS" (an adjustment cue). The cue's hit keeps the label concepts of its phrase's
 * suffixes, so the label still reads there.
 */
function inheritLabels(root: Node, entries: readonly Entry[], allKeys: readonly string[][]): void {
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].concept.c !== 'cue') continue;
    const keys = allKeys[i] ?? [];
    let cueNode: Node | undefined = root;
    for (const k of keys) cueNode = cueNode?.next?.get(k);
    // A phrase that also names a model ("FRAX TBS") is that model's name, not a TBS label.
    if (!cueNode?.concepts || cueNode.concepts.some((c) => c.c === 'model')) continue;
    for (let from = 1; from < keys.length; from++) {
      let node: Node | undefined = root;
      for (let k = from; k < keys.length && node; k++) node = node.next?.get(keys[k]);
      for (const c of node?.concepts ?? [])
        if (isInheritedLabel(c) && !cueNode.concepts.includes(c)) cueNode.concepts.push(c);
    }
  }
}

/** Phrase hits: token ranges [start, end) with what they mean, in document order. */
export interface Hits {
  n: number;
  start: Int32Array;
  end: Int32Array;
  concepts: Concept[][];
  /** For each token, the hit that covers it, or -1. */
  at: Int32Array;
}

/** At most this many hits are read per document (hostile input stays linear with a small constant). */
export const MAX_HITS = 20000;

export function match(trie: Trie, t: Tokens): Hits {
  const at = new Int32Array(t.n).fill(-1);
  const hStart: number[] = [];
  const hEnd: number[] = [];
  const concepts: Concept[][] = [];
  let i = 0;
  while (i < t.n && hStart.length < MAX_HITS) {
    const kind = t.kind[i];
    if (kind === NEWLINE || kind === GAP || kind === PLACEHOLDER || skippable(t, i)) {
      i++;
      continue;
    }
    // Cheap tests first: most tokens start no phrase (no string is made for them).
    if (!trie.first[t.norm.charCodeAt(t.start[i])] || t.end[i] - t.start[i] > trie.maxKey) {
      i++;
      continue;
    }
    const first = internedKey(trie, t, i);
    const firstNode = first === null ? undefined : trie.root.next?.get(first);
    if (!firstNode) {
      i++;
      continue;
    }
    let node: Node = firstNode;
    let bestEnd = -1;
    let best: Concept[] | null = null;
    let j = i + 1;
    for (;;) {
      if (node.concepts) {
        bestEnd = j;
        best = node.concepts;
      }
      if (!node.next) break;
      // Joining punctuation and one line break may stand between the words of a phrase.
      let k = j;
      let breaks = 0;
      while (k < t.n && (skippable(t, k) || narrowGap(t, k) || (t.kind[k] === NEWLINE && ++breaks <= 1))) k++;
      if (k >= t.n || breaks > 1) break;
      const key = internedKey(trie, t, k);
      const child: Node | undefined = key === null ? undefined : node.next.get(key);
      if (!child) break;
      node = child;
      j = k + 1;
    }
    if (best === null) {
      i++;
      continue;
    }
    const h = hStart.length;
    hStart.push(i);
    hEnd.push(bestEnd);
    concepts.push(best);
    for (let k = i; k < bestEnd; k++) at[k] = h;
    i = bestEnd;
  }
  return { n: hStart.length, start: Int32Array.from(hStart), end: Int32Array.from(hEnd), concepts, at };
}

/** Index of the first hit that starts at or after token `tok` (binary search). */
export function hitFrom(hits: Hits, tok: number): number {
  let lo = 0;
  let hi = hits.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits.start[mid] < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
