/**
 * Which kinds of concept each hit holds, as one bit per kind, worked out once per document: a
 * reader that looks for a few kinds tests one number per hit instead of searching every hit's
 * concepts. The test only passes a hit over; the reader still takes the concept with `conceptOf`.
 */
import type { Concept } from './concepts';
import type { Hits, Trie } from './trie';

const BITS = new Map<string, number>();
/** Kinds past the 30th share the last bit (a test for one of them may pass a hit that has another). */
const SHARED = 1 << 30;

/** The bit of a concept kind. */
export function kindBit(kind: Concept['c']): number {
  let b = BITS.get(kind);
  if (b === undefined) {
    b = BITS.size < 30 ? 1 << BITS.size : SHARED;
    BITS.set(kind, b);
  }
  return b;
}

/** The kinds of one hit's concepts (the arrays belong to the vocabulary trie: made once each). */
const OF_ARRAY = new WeakMap<readonly Concept[], number>();

function kindsOfConcepts(concepts: readonly Concept[]): number {
  let m = OF_ARRAY.get(concepts);
  if (m === undefined) {
    m = 0;
    for (const c of concepts) m |= kindBit(c.c);
    OF_ARRAY.set(concepts, m);
  }
  return m;
}

const OF_HITS = new WeakMap<Hits, Int32Array>();

/** For each hit, the bits of the kinds of its concepts (made once per document's hits). */
export function hitKinds(hits: Hits): Int32Array {
  // A reading's hits carry theirs (`fillHitKinds`, as `read` makes them).
  if (hits.kinds !== undefined) return hits.kinds;
  let out = OF_HITS.get(hits);
  if (!out || out.length !== hits.n) {
    out = new Int32Array(hits.n);
    for (let h = 0; h < hits.n; h++) out[h] = kindsOfConcepts(hits.concepts[h]);
    OF_HITS.set(hits, out);
  }
  return out;
}

/** The kinds of each trie node's concepts (-1: not worked out yet), per trie: made once per vocabulary. */
const OF_NODES = new WeakMap<Trie, Int32Array>();

/**
 * Fills `out` (one entry per hit) with the kinds of each hit's concepts: a hit whose concepts are
 * still its trie node's takes the node's kinds (one table load); another (a German-only side without
 * its site, language.ts) has its concepts looked at.
 */
export function fillHitKinds(trie: Trie, hits: Hits, out: Int32Array): Int32Array {
  let byNode = OF_NODES.get(trie);
  if (byNode === undefined) {
    byNode = new Int32Array(trie.nodeConcepts.length).fill(-1);
    OF_NODES.set(trie, byNode);
  }
  const nodeConcepts = trie.nodeConcepts;
  for (let h = 0; h < hits.n; h++) {
    const node = hits.node[h];
    const concepts = hits.concepts[h];
    if (concepts !== nodeConcepts[node]) {
      out[h] = kindsOfConcepts(concepts);
      continue;
    }
    let k = byNode[node];
    if (k < 0) k = byNode[node] = kindsOfConcepts(concepts);
    out[h] = k;
  }
  return out;
}
