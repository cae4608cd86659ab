/**
 * The vocabulary compiled into one token trie, matched in one left-to-right pass: at each token the
 * longest phrase that starts there wins, and matching resumes after it (leftmost-longest, phrases
 * never overlap). A phrase is written in words; hyphens, points and apostrophes between its words
 * do not matter ("T-score", "T score", "T‑score", "t_score"; "adj. for TBS", "adj for TBS"), and it may wrap
 * onto the next line. Cost: tokens × the longest phrase (a few words), so linear.
 */
import { normalise } from '../text';
import type { Concept, Entry } from './concepts';
import { foldKey } from './fold';
import type { Tokens } from './tokens';
import {
  FNV_BASIS,
  FNV_PRIME,
  GAP,
  NEWLINE,
  NUMBER,
  PLACEHOLDER,
  PUNCT,
  REFUSED,
  tokenise,
  UNIT_PERCENT,
  WORD,
} from './tokens';

interface Node {
  next: Map<string, Node> | null;
  concepts: Concept[] | null;
}

/**
 * The compiled trie, flat: keys and nodes are numbered, and every lookup is a probe of a typed
 * array (no string is made and no Map is asked per token).
 */
export interface Trie {
  /** The longest phrase, in keys. */
  depth: number;
  /** The longest key, in characters: a longer token cannot start a phrase. */
  maxKey: number;
  /** First characters of the keys that start a phrase (by char code, below 0x10000). */
  first: Uint8Array;
  /** Every key of every phrase, interned: an open-addressing table by hash (key id + 1, 0 empty). */
  keyTable: Int32Array;
  keyStrings: string[];
  /** The child of the root for each key id (a node id), or -1. */
  rootChild: Int32Array;
  /** What the phrase ending at each node means (null: no phrase ends there). */
  nodeConcepts: Array<Concept[] | null>;
  /** The context cues among those concepts (null: none). */
  nodeCues: Array<CueConcept[] | null>;
  /** 1 when the node has children. */
  nodeHasNext: Uint8Array;
  /** Edges below the root: an open-addressing table of (node, key id) -> child (slot empty: -1). */
  edgeNode: Int32Array;
  edgeKey: Int32Array;
  edgeChild: Int32Array;
}

const PERCENT = 37;

/** FNV-1a over the characters of a key; `pct` appends a "%" (a percentage's key). */
function hashRange(s: string, start: number, end: number, pct: boolean): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  if (pct) h = Math.imul(h ^ PERCENT, FNV_PRIME);
  return h >>> 0;
}

/** The slot of an edge (node, key) in the edge table. */
function edgeHash(node: number, key: number): number {
  return Math.imul(node ^ Math.imul(key, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

function internTable(keys: readonly string[]): {
  keyTable: Int32Array;
  keyStrings: string[];
  ids: Map<string, number>;
} {
  const keyStrings: string[] = [];
  const ids = new Map<string, number>();
  for (const k of keys) {
    if (ids.has(k)) continue;
    keyStrings.push(k);
    ids.set(k, keyStrings.length - 1);
  }
  // At most one distinct key in four slots: a token that is no key mostly finds an empty slot at
  // once. (Sized by the distinct keys, not by every phrase's keys: a table several times larger
  // only misses the cache more; every word of a document is looked up in it.)
  let size = 16;
  while (size < keyStrings.length * 4) size <<= 1;
  const keyTable = new Int32Array(size);
  for (let id = 0; id < keyStrings.length; id++) {
    const k = keyStrings[id];
    let slot = hashRange(k, 0, k.length, false) & (size - 1);
    while (keyTable[slot] !== 0) slot = (slot + 1) & (size - 1);
    keyTable[slot] = id + 1;
  }
  return { keyTable, keyStrings, ids };
}

/** The nodes of a Map-built trie numbered breadth-first (the root is 0) and its edges in tables. */
function flatten(
  root: Node,
  ids: Map<string, number>,
  keyCount: number,
): Pick<Trie, 'rootChild' | 'nodeConcepts' | 'nodeCues' | 'nodeHasNext' | 'edgeNode' | 'edgeKey' | 'edgeChild'> {
  const nodes: Node[] = [root];
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node.next) continue;
    for (const [k, child] of node.next) {
      edges.push([i, ids.get(k) as number, nodes.length]);
      nodes.push(child);
    }
  }
  const rootChild = new Int32Array(keyCount).fill(-1);
  let size = 16;
  while (size < edges.length * 2) size <<= 1;
  const edgeNode = new Int32Array(size).fill(-1);
  const edgeKey = new Int32Array(size);
  const edgeChild = new Int32Array(size);
  for (const [node, key, child] of edges) {
    if (node === 0) {
      rootChild[key] = child;
      continue;
    }
    let slot = edgeHash(node, key) & (size - 1);
    while (edgeNode[slot] !== -1) slot = (slot + 1) & (size - 1);
    edgeNode[slot] = node;
    edgeKey[slot] = key;
    edgeChild[slot] = child;
  }
  const nodeHasNext = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) if (nodes[i].next) nodeHasNext[i] = 1;
  const nodeCues = nodes.map((n) => {
    const cues = (n.concepts ?? []).filter((c): c is CueConcept => c.c === 'cue');
    return cues.length ? cues : null;
  });
  return { rootChild, nodeConcepts: nodes.map((n) => n.concepts), nodeCues, nodeHasNext, edgeNode, edgeKey, edgeChild };
}

/** The child of `node` (not the root) by key id, or -1. */
function childOf(trie: Trie, node: number, key: number): number {
  const table = trie.edgeNode;
  const mask = table.length - 1;
  for (let slot = edgeHash(node, key) & mask; ; slot = (slot + 1) & mask) {
    const n = table[slot];
    if (n === -1) return -1;
    if (n === node && trie.edgeKey[slot] === key) return trie.edgeChild[slot];
  }
}

/** Punctuation that joins the words of a phrase without being part of its key. */
function skippable(t: Tokens, i: number): boolean {
  if (t.kind[i] !== PUNCT) return false;
  const c = t.norm.charCodeAt(t.start[i]);
  // "_" joins the words of a key ("femoral_neck_t_score").
  if (c === 46) return !pointEnds(t, i);
  return c === 45 || c === 39 || c === 0x2019 || c === 95;
}

/**
 * A point that ends a sentence, never joining a phrase across it ("Impression: osteoporosis.
 * Treatment recommended." is no "osteoporosis treatment"): a blank after it and a whole word (of five
 * letters or more) before it. A point inside a key ("b.m.d", "l.1") or after an abbreviation ("dr.",
 * "approx" is six but abbreviations in keys are short) still joins.
 */
function pointEnds(t: Tokens, i: number): boolean {
  const e = t.end[i];
  const c = e < t.norm.length ? t.norm.charCodeAt(e) : 32;
  // (A NUL fills the rest of a dictated "period", text.ts.)
  if (c !== 32 && c !== 10 && c !== 13 && c !== 0) return false;
  // A point with blanks on both sides ("osteoporosis . treatment") ends too.
  if (i === 0 || t.end[i - 1] !== t.start[i]) return true;
  return t.kind[i - 1] === WORD && t.end[i - 1] - t.start[i - 1] >= 5;
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
 * The id of the token's key in the trie, or -1 when no phrase holds it: found by hashing the
 * token's characters in place, so that no string is made for a token (most tokens are no key).
 */
function keyId(trie: Trie, t: Tokens, i: number): number {
  const k = t.kind[i];
  if (k !== WORD && k !== REFUSED && k !== PUNCT && k !== NUMBER) return -1;
  const s = t.start[i];
  const e = t.end[i];
  const pct = k === NUMBER && t.unit[i] === UNIT_PERCENT;
  const len = e - s + (pct ? 1 : 0);
  if (len > trie.maxKey) return -1;
  const table = trie.keyTable;
  const mask = table.length - 1;
  const norm = t.norm;
  // A word's hash was made as it was read.
  const hashes = t.hash;
  let slot = (k === WORD && hashes !== undefined ? hashes[i] >>> 0 : hashRange(norm, s, e, pct)) & mask;
  for (;;) {
    const idx = table[slot];
    if (idx === 0) return -1;
    const key = trie.keyStrings[idx - 1];
    if (key.length === len && sameChars(norm, s, e, key) && (!pct || key.charCodeAt(len - 1) === PERCENT))
      return idx - 1;
    slot = (slot + 1) & mask;
  }
}

/** Do the characters of s[start, end) open `key`? (Compared in place: no string is made.) */
function sameChars(s: string, start: number, end: number, key: string): boolean {
  for (let i = start, k = 0; i < end; i++, k++) if (s.charCodeAt(i) !== key.charCodeAt(k)) return false;
  return true;
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
    const node = pathTo(root, keys);
    node.concepts ??= [];
    node.concepts.push(e.concept);
  }
  inheritLabels(root, entries, allKeys);
  const all: string[] = [];
  for (const keys of allKeys) for (const k of keys) all.push(k);
  addFolded(root, entries, allKeys, all, first);
  const { keyTable, keyStrings, ids } = internTable(all);
  return { depth, maxKey, first, keyTable, keyStrings, ...flatten(root, ids, keyStrings.length) };
}

/** The node at the end of `keys` from `root`, made where missing. */
function pathTo(root: Node, keys: readonly string[]): Node {
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
  return node;
}

/**
 * Every phrase written with diacritics is also compiled in its folded form, so that a report typed
 * without them ("Fractura osteoporotica mayor", "Varsta", "sold stang") reads as the vocabulary
 * written with them; folding costs nothing per token. A folded form never takes the place of a
 * phrase the vocabulary already holds ("fémur" folds to "femur": the English word keeps its meaning).
 */
function addFolded(
  root: Node,
  entries: readonly Entry[],
  allKeys: readonly string[][],
  all: string[],
  first: Uint8Array,
): void {
  const made = new Set<Node>();
  for (let i = 0; i < entries.length; i++) {
    const keys = allKeys[i] ?? [];
    let changed = false;
    const folded = keys.map((k) => {
      const f = foldKey(k);
      if (f !== k) changed = true;
      return f;
    });
    if (!changed) continue;
    first[folded[0].charCodeAt(0)] = 1;
    const node = pathTo(root, folded);
    for (const k of folded) all.push(k);
    if (node.concepts && !made.has(node)) continue;
    made.add(node);
    node.concepts ??= [];
    if (!node.concepts.includes(entries[i].concept)) node.concepts.push(entries[i].concept);
  }
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
  /** The context cues among each hit's concepts (null: none), for the context pass. */
  cues: Array<CueConcept[] | null>;
  /** For each token, the hit that covers it, or -1. */
  at: Int32Array;
  /**
   * For each hit, the bits of the kinds of its concepts (kinds.ts `hitKinds`), filled by `read` once
   * its hits are final; absent on hits matched outside a reading (kinds.ts works them out then).
   */
  kinds?: Int32Array;
  /** For each hit, the trie node its phrase ends at (the node's concepts are the hit's as matched). */
  node: Int32Array;
}

/** A context cue of the vocabulary. */
export type CueConcept = Extract<Concept, { c: 'cue' }>;

/** At most this many hits are read per document (hostile input stays linear with a small constant). */
export const MAX_HITS = 20000;

/** Each token's key id (-2: not computed yet), reused across calls. */
let keyIds = new Int32Array(1024);

/**
 * Bytes `match` hands out for `n` tokens: each token's hit (4), and the starts, ends, nodes and kinds
 * of at most `MAX_HITS` hits (4 each; the kinds are `read`'s to fill).
 */
export function matchBytes(n: number): number {
  return 4 * n + 16 * Math.min(n, MAX_HITS);
}

/**
 * Matches the trie over the tokens. `out`, when given, is a buffer with `matchBytes(t.n)` bytes free
 * at `offset` (4-byte aligned) for the arrays handed out (each token's hit, hit starts and ends);
 * else one is made.
 */
export function match(trie: Trie, t: Tokens, out?: ArrayBuffer, offset = 0): Hits {
  const n = t.n;
  const most = Math.min(n, MAX_HITS);
  const buf = out ?? new ArrayBuffer(matchBytes(n));
  const at = new Int32Array(buf, offset, n).fill(-1);
  const hs = new Int32Array(buf, offset + 4 * n, most);
  const he = new Int32Array(buf, offset + 4 * n + 4 * most, most);
  const hn = new Int32Array(buf, offset + 4 * n + 8 * most, most);
  const concepts: Concept[][] = [];
  const cues: Array<CueConcept[] | null> = [];
  const nodeCues = trie.nodeCues;
  const kinds = t.kind;
  const starts = t.start;
  const ends = t.end;
  const norm = t.norm;
  const first = trie.first;
  const maxKey = trie.maxKey;
  const rootChild = trie.rootChild;
  const nodeConcepts = trie.nodeConcepts;
  const nodeHasNext = trie.nodeHasNext;
  // A token's key is looked up once, though a phrase that fails looks at the tokens after its start.
  if (keyIds.length < n) keyIds = new Int32Array(Math.max(n, 2 * keyIds.length));
  const ids = n > 1 << 16 ? new Int32Array(n) : keyIds;
  // The words' keys were looked up as they were read (when the tokeniser had this trie).
  if (t.key !== undefined && t.keysOf === trie) ids.set(t.key.subarray(0, n));
  else ids.fill(-2, 0, n);
  let h = 0;
  let i = 0;
  while (i < n && h < MAX_HITS) {
    const kind = kinds[i];
    if (kind === NEWLINE || kind === GAP || kind === PLACEHOLDER) {
      i++;
      continue;
    }
    let k0 = ids[i];
    if (k0 === -2) {
      // Cheap tests first: most tokens start no phrase (no string is made for them). (A word's key
      // was mostly looked up as it was read: a key that starts a phrase passes these tests.)
      const s = starts[i];
      if (!first[norm.charCodeAt(s)] || ends[i] - s > maxKey || skippable(t, i)) {
        i++;
        continue;
      }
      k0 = ids[i] = keyId(trie, t, i);
    }
    let node = k0 < 0 ? -1 : rootChild[k0];
    if (node < 0) {
      i++;
      continue;
    }
    let bestEnd = -1;
    let best: Concept[] | null = null;
    let bestNode = -1;
    let j = i + 1;
    for (;;) {
      const c = nodeConcepts[node];
      if (c !== null) {
        bestEnd = j;
        best = c;
        bestNode = node;
      }
      if (!nodeHasNext[node]) break;
      // Joining punctuation and one line break may stand between the words of a phrase.
      let k = j;
      let breaks = 0;
      while (k < n && (skippable(t, k) || narrowGap(t, k) || (kinds[k] === NEWLINE && ++breaks <= 1))) k++;
      if (k >= n || breaks > 1) break;
      let key = ids[k];
      if (key === -2) key = ids[k] = keyId(trie, t, k);
      const child = key < 0 ? -1 : childOf(trie, node, key);
      if (child < 0) break;
      node = child;
      j = k + 1;
    }
    if (best === null) {
      i++;
      continue;
    }
    hs[h] = i;
    he[h] = bestEnd;
    hn[h] = bestNode;
    concepts.push(best);
    cues.push(nodeCues[bestNode]);
    for (let k = i; k < bestEnd; k++) at[k] = h;
    h++;
    i = bestEnd;
  }
  if (keyIds.length > 1 << 16) keyIds = new Int32Array(1024);
  return { n: h, start: hs.subarray(0, h), end: he.subarray(0, h), concepts, cues, at, node: hn.subarray(0, h) };
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
