/**
 * ConText over tokens: each cue of the vocabulary (`vocab/cues.ts`) marks the tokens in its scope
 * with its category. A scope runs in the cue's direction for at most `scope` words or numbers, and
 * ends at the end of the clause (sentence end, ";", a column gap) or at a terminating cue
 * ("but", "however", "which"), or at a cue of the opposite category (a historical scope ends
 * where "now" or "current" begins, and the other way round; likewise adjusted and unadjusted).
 * Each cue marks at most its scope, so the pass is linear.
 */

import { ADJUSTED, CURRENT, HISTORICAL, THRESHOLD, UNADJUSTED } from './concepts';
import type { Hits } from './trie';
import type { Tokens } from './tokens';
import { DECIMAL, NEWLINE, NUMBER, PUNCT, REFUSED, WORD, wordIn } from './tokens';
import { DATE_ARTICLES, DATE_PREPOSITIONS, DATED_SCOPE, DATED_VERBS } from './vocab/cues';

/** A scope counts words; it also never runs over more tokens than this (runs of punctuation). */
const MAX_SCOPE_TOKENS = 120;

/** First letters of the dated cues' words: a cheap test before comparing words. */
const DATED_FIRST = new Uint8Array(128);
for (const w of [...DATE_PREPOSITIONS, ...DATED_VERBS]) DATED_FIRST[w.charCodeAt(0) & 0x7f] = 1;

/** A year (1900-2100) or a date written with slashes ("03/12/2023", "04/2022"). */
function isDate(t: Tokens, i: number): boolean {
  if (t.kind[i] === NUMBER) return !(t.flags[i] & DECIMAL) && t.value[i] >= 1900 && t.value[i] <= 2100;
  if (t.kind[i] !== REFUSED) return false;
  const len = t.end[i] - t.start[i];
  const slash = t.norm.indexOf('/', t.start[i]);
  return len >= 6 && len <= 10 && slash >= 0 && slash < t.end[i];
}

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
/** Cues kept inside their brackets; an adjustment in brackets qualifies what follows ("MOF (TBS-adj.) 17%"). */
function confined(category: number): boolean {
  return category !== ADJUSTED && category !== UNADJUSTED;
}

/** Marks every token with the categories of the cues whose scope covers it. */
export function applyContext(t: Tokens, hits: Hits, clause: Int32Array): Uint16Array {
  const mask = new Uint16Array(t.n);
  // Bracket depth of each token: a cue inside brackets ("(previously -2.4)") reaches no further
  // than its brackets.
  const depth = new Uint8Array(t.n);
  for (let k = 0, d = 0; k < t.n; k++) {
    if (t.kind[k] === PUNCT) {
      const ch = t.norm.charCodeAt(t.start[k]);
      if (ch === 40 && d < 255) d++;
      else if (ch === 41 && d > 0) {
        d--;
        depth[k] = d + 1; // the closing bracket belongs inside
        continue;
      }
    } else if (t.kind[k] === NEWLINE) d = 0;
    depth[k] = d;
  }
  const terminator = new Uint8Array(t.n);
  // The categories of the cues each token belongs to.
  const own = new Uint16Array(t.n);
  let anyCue = false;
  for (let h = 0; h < hits.n; h++) {
    for (const cue of hits.concepts[h]) {
      if (cue.c !== 'cue') continue;
      anyCue = true;
      for (let k = hits.start[h]; k < hits.end[h]; k++) {
        if (cue.direction === 'terminate') terminator[k] = 1;
        else own[k] |= cue.category;
      }
    }
  }
  for (let h = 0; h < hits.n && anyCue; h++) {
    const s = hits.start[h];
    const e = hits.end[h];
    for (const cue of hits.concepts[h]) {
      if (cue.c !== 'cue' || cue.direction === 'terminate') continue;
      // The cue's own words carry its category too (a reader may test a label inside it).
      for (let k = s; k < e; k++) mask[k] |= cue.category;
      const stop = opposite(cue.category);
      if (cue.direction === 'forward' || cue.direction === 'both') {
        const c = clause[e - 1];
        let words = 0;
        const limit = Math.min(t.n, e + MAX_SCOPE_TOKENS);
        const level = confined(cue.category) ? depth[s] : 0;
        for (let k = e; k < limit && clause[k] === c && !terminator[k] && !(own[k] & stop) && depth[k] >= level; k++) {
          mask[k] |= cue.category;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
      }
      if (cue.direction === 'backward' || cue.direction === 'both') {
        const c = clause[s];
        let words = 0;
        const limit = Math.max(-1, s - 1 - MAX_SCOPE_TOKENS);
        // A bracket that opens with the cue and holds its own values ("(Without TBS: 18 % and
        // 9.3 %)", "(uncorrected: MOF 14%)") is about those values: the cue stays inside it.
        const level = confined(cue.category) || opensValuedBracket(t, depth, s, e) ? depth[s] : 0;
        for (
          let k = s - 1;
          k > limit && clause[k] === c && !terminator[k] && !(own[k] & stop) && depth[k] >= level;
          k--
        ) {
          // A threshold reaches back over its own phrase only: not over a comma or a bracket
          // ("2.9%, below treatment thresholds" states a result).
          if (cue.category === THRESHOLD && t.kind[k] === PUNCT) {
            const ch = t.norm.charCodeAt(t.start[k]);
            if (ch === 44 || ch === 40 || ch === 41) break;
          }
          mask[k] |= cue.category;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
      }
    }
  }
  datedCues(t, clause, own, mask);
  return mask;
}

/**
 * Does the cue [s, e) open a bracket ("(" right before it) and govern a number after it in the same
 * part of the bracket ("(Without TBS: 18 %", not "(TBS-adjusted; unadjusted 15%)")?
 */
function opensValuedBracket(t: Tokens, depth: Uint8Array, s: number, e: number): boolean {
  if (depth[s] === 0 || s === 0 || t.kind[s - 1] !== PUNCT || t.norm.charCodeAt(t.start[s - 1]) !== 40) return false;
  for (let k = e; k < t.n && k < e + MAX_SCOPE_TOKENS && depth[k] >= depth[s] && t.kind[k] !== NEWLINE; k++) {
    if (t.kind[k] === PUNCT) {
      const c = t.norm.charCodeAt(t.start[k]);
      if (c === 59 || c === 44 || (c === 41 && depth[k] === depth[s])) return false;
    }
    if (t.kind[k] === NUMBER) return true;
  }
  return false;
}

/** "in 2021", "on 03/12/2023", "diagnosed 03/2023": what follows in the clause is history. */
function datedCues(t: Tokens, clause: Int32Array, own: Uint16Array, mask: Uint16Array): void {
  for (let i = 0; i + 1 < t.n; i++) {
    if (t.kind[i] !== WORD || t.end[i] - t.start[i] > 10 || !DATED_FIRST[t.norm.charCodeAt(t.start[i]) & 0x7f])
      continue;
    let date = -1;
    if (wordIn(t, i, DATE_PREPOSITIONS)) {
      if (isDate(t, i + 1)) date = i + 1;
      // "on the 2021 study": one article between.
      else if (i + 2 < t.n && wordIn(t, i + 1, DATE_ARTICLES) && isDate(t, i + 2)) date = i + 2;
    } else if (wordIn(t, i, DATED_VERBS)) {
      for (let k = i + 1, words = 0; k < t.n && words < 4 && clause[k] === clause[i]; k++) {
        if (isDate(t, k)) {
          date = k;
          break;
        }
        if (t.kind[k] === WORD || t.kind[k] === NUMBER) words++;
      }
    }
    if (date < 0) continue;
    const c = clause[i];
    let words = 0;
    const limit = Math.min(t.n, date + MAX_SCOPE_TOKENS);
    for (let k = date; k < limit && clause[k] === c && !(own[k] & CURRENT); k++) {
      mask[k] |= HISTORICAL;
      if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= DATED_SCOPE) break;
    }
  }
}
