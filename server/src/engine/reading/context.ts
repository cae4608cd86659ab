/**
 * ConText over tokens: each cue of the vocabulary (`vocab/cues.ts`) marks the tokens in its scope
 * with its category. A scope runs in the cue's direction for at most `scope` words or numbers, and
 * ends at the end of the clause (sentence end, ";", a column gap) or at a terminating cue
 * ("but", "however", "which"), or at a cue of the opposite category (a historical scope ends
 * where "now" or "current" begins, and the other way round; likewise adjusted and unadjusted).
 * Each cue marks at most its scope, so the pass is linear.
 */

/** The categories whose cues end a scope of the given category. */
function opposite(category: number): number {
  switch (category) {
    case HISTORICAL:
      return CURRENT;
    case CURRENT:
      return HISTORICAL;
    case ADJUSTED:
      return UNADJUSTED;
    case UNADJUSTED:
      return ADJUSTED;
    default:
      return 0;
  }
}
import type { Concept } from './concepts';
import { ADJUSTED, CURRENT, HISTORICAL, UNADJUSTED } from './concepts';
import type { Hits } from './trie';
import type { Tokens } from './tokens';
import { NUMBER, WORD } from './tokens';

function cuesOf(concepts: readonly Concept[]): Array<Extract<Concept, { c: 'cue' }>> {
  const out: Array<Extract<Concept, { c: 'cue' }>> = [];
  for (const c of concepts) if (c.c === 'cue') out.push(c);
  return out;
}

/** Marks every token with the categories of the cues whose scope covers it. */
export function applyContext(t: Tokens, hits: Hits, clause: Int32Array): Uint16Array {
  const mask = new Uint16Array(t.n);
  const terminator = new Uint8Array(t.n);
  // The categories of the cues each token belongs to.
  const own = new Uint16Array(t.n);
  for (let h = 0; h < hits.n; h++) {
    for (const cue of cuesOf(hits.concepts[h]))
      for (let k = hits.start[h]; k < hits.end[h]; k++) {
        if (cue.direction === 'terminate') terminator[k] = 1;
        else own[k] |= cue.category;
      }
  }
  for (let h = 0; h < hits.n; h++) {
    const cues = cuesOf(hits.concepts[h]);
    if (!cues.length) continue;
    const s = hits.start[h];
    const e = hits.end[h];
    for (const cue of cues) {
      if (cue.direction === 'terminate') continue;
      // The cue's own words carry its category too (a reader may test a label inside it).
      for (let k = s; k < e; k++) mask[k] |= cue.category;
      const stop = opposite(cue.category);
      if (cue.direction === 'forward' || cue.direction === 'both') {
        const c = clause[e - 1];
        let words = 0;
        for (let k = e; k < t.n && clause[k] === c && !terminator[k] && !(own[k] & stop); k++) {
          mask[k] |= cue.category;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
      }
      if (cue.direction === 'backward' || cue.direction === 'both') {
        const c = clause[s];
        let words = 0;
        for (let k = s - 1; k >= 0 && clause[k] === c && !terminator[k] && !(own[k] & stop); k--) {
          mask[k] |= cue.category;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
      }
    }
  }
  return mask;
}
