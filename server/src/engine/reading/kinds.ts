/**
 * Which kinds of concept each hit holds, as one bit per kind, worked out once per document: a
 * reader that looks for a few kinds tests one number per hit instead of searching every hit's
 * concepts. The test only passes a hit over; the reader still takes the concept with `conceptOf`.
 */
import type { Concept } from './concepts';
import type { Hits } from './trie';

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
  let out = OF_HITS.get(hits);
  if (!out || out.length !== hits.n) {
    out = new Int32Array(hits.n);
    for (let h = 0; h < hits.n; h++) out[h] = kindsOfConcepts(hits.concepts[h]);
    OF_HITS.set(hits, out);
  }
  return out;
}
