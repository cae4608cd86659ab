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
import { DECIMAL, NEWLINE, NUMBER, PUNCT, REFUSED, WORD, punctAt, wordIn } from './tokens';
import { DATE_ARTICLES, DATE_PREPOSITIONS, DATED_SCOPE, DATED_VERBS } from './vocab/cues';

/** A scope counts words; it also never runs over more tokens than this (runs of punctuation). */
const MAX_SCOPE_TOKENS = 120;

/**
 * Lengths and first letters of the dated cues' words (bit 1: a preposition, bit 2: a verb), by
 * length * 128 + first letter: a cheap test before comparing words.
 */
const DATED_SHAPE = new Uint8Array(11 * 128);
for (const w of DATE_PREPOSITIONS) if (w.length <= 10) DATED_SHAPE[w.length * 128 + (w.charCodeAt(0) & 0x7f)] |= 1;
for (const w of DATED_VERBS) if (w.length <= 10) DATED_SHAPE[w.length * 128 + (w.charCodeAt(0) & 0x7f)] |= 2;

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

/** The character of a punctuation token, or -1. */
/** Work arrays reused across calls (nothing handed out points into them). */
let scratch = new ArrayBuffer(4 * 1024);

/** The context pass's work arrays for `n` tokens (reused across calls; fresh for a large document). */
export interface ContextWork {
  own: Uint16Array;
  /** Bracket depth of each token (`bracketDepth`). */
  depth: Uint8Array;
  terminator: Uint8Array;
}

/** Work arrays of 4 bytes a token in all, in one reused buffer; `own` and `terminator` zero. */
export function contextWork(n: number): ContextWork {
  const bytes = 4 * n + 8;
  let buf = scratch;
  if (bytes > 1 << 18) buf = new ArrayBuffer(bytes);
  else if (scratch.byteLength < bytes) buf = scratch = new ArrayBuffer(bytes);
  return {
    own: new Uint16Array(buf, 0, n).fill(0),
    depth: new Uint8Array(buf, 2 * n + 2, n),
    terminator: new Uint8Array(buf, 3 * n + 4, n).fill(0),
  };
}

/**
 * Bracket depth of each token: a cue inside brackets ("(previously -2.4)") reaches no further than
 * its brackets. (The reader fills it in its sentence pass; this is the same on its own.)
 */
export function bracketDepth(t: Tokens, depth: Uint8Array): void {
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
}

/**
 * Marks every token with the categories of the cues whose scope covers it, in `mask` (length `t.n`,
 * zero; made when not given). `work`, when given, holds the bracket depths already (else they are
 * found here).
 */
export function applyContext(
  t: Tokens,
  hits: Hits,
  clause: Int32Array,
  mask: Uint16Array = new Uint16Array(t.n),
  work?: ContextWork,
): Uint16Array {
  const given = work !== undefined;
  const { own, depth, terminator } = work ?? contextWork(t.n);
  if (!given) bracketDepth(t, depth);
  // `own`: the categories of the cues each token belongs to.
  let anyCue = false;
  const hitCues = hits.cues;
  for (let h = 0; h < hits.n; h++) {
    const cues = hitCues[h];
    if (cues === null) continue;
    anyCue = true;
    for (let q = 0; q < cues.length; q++) {
      const cue = cues[q];
      for (let k = hits.start[h]; k < hits.end[h]; k++) {
        if (cue.direction === 'terminate') terminator[k] = 1;
        else own[k] |= cue.category;
      }
    }
  }
  for (let h = 0; h < hits.n && anyCue; h++) {
    const cues = hitCues[h];
    if (cues === null) continue;
    const s = hits.start[h];
    const e = hits.end[h];
    for (let q = 0; q < cues.length; q++) {
      const cue = cues[q];
      if (cue.direction === 'terminate') continue;
      // The cue's own words carry its category too (a reader may test a label inside it).
      for (let k = s; k < e; k++) mask[k] |= cue.category;
      const stop = opposite(cue.category);
      if (cue.direction === 'forward' || cue.direction === 'both') {
        const c = clause[e - 1];
        let words = 0;
        const limit = Math.min(t.n, e + MAX_SCOPE_TOKENS);
        const level = confined(cue.category) ? depth[s] : 0;
        let last = -1;
        let lastNumber = -1;
        for (let k = e; k < limit && clause[k] === c && !terminator[k] && !(own[k] & stop) && depth[k] >= level; k++) {
          mask[k] |= cue.category;
          last = k;
          if (t.kind[k] === NUMBER) lastNumber = k;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
        // "at or above 20% (major osteoporotic) or 3% (hip)": a threshold covers its coordinated list.
        if (cue.category === THRESHOLD && lastNumber >= 0 && last >= 0)
          coordinatedList(t, clause, depth, terminator, lastNumber, last, mask);
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
          // Nor does an earlier study's cue: "-2.0, previously -2.3" (the cue qualifies what follows
          // it; "-2.3 previously" still reaches back).
          if (cue.category === HISTORICAL && punctAt(t, k) === 44) break;
          mask[k] |= cue.category;
          if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= cue.scope) break;
        }
      }
    }
  }
  datedCues(t, clause, own, mask);
  return mask;
}

/** Words that coordinate the values of a list ("20% or 3%", "20 % and 3 %"). */
const COORDINATORS = ['or', 'and'];

/**
 * A threshold's scope reaches over the coordinated list its value `v` (a NUMBER the scope covers,
 * up to `last`) heads: each bracket after a value ("(major osteoporotic)"), then a coordinator
 * ("or", "and", ",", "/") followed straight by a value of the same unit, and so on. A list item
 * that is not a bare value ("20%, hip 3.1%") ends it. Bounded by the clause and MAX_SCOPE_TOKENS.
 */
function coordinatedList(
  t: Tokens,
  clause: Int32Array,
  depth: Uint8Array,
  terminator: Uint8Array,
  v: number,
  last: number,
  mask: Uint16Array,
): void {
  const unit = t.unit[v];
  const c = clause[v];
  const limit = Math.min(t.n, v + MAX_SCOPE_TOKENS);
  let k = v + 1;
  for (;;) {
    // The value's bracket ("(hip)"), closed at the value's depth.
    if (k < limit && punctAt(t, k) === 40) {
      const d = depth[v];
      let j = k + 1;
      while (j < limit && clause[j] === c && !(punctAt(t, j) === 41 && depth[j] === d + 1) && t.kind[j] !== NEWLINE)
        j++;
      if (j >= limit || punctAt(t, j) !== 41) return;
      for (let x = Math.max(k, last + 1); x <= j; x++) mask[x] |= THRESHOLD;
      k = j + 1;
    }
    if (k + 1 >= limit || clause[k] !== c || terminator[k]) return;
    const p = punctAt(t, k);
    const joins = p === 44 || p === 47 || wordIn(t, k, COORDINATORS);
    const n = k + 1;
    if (!joins || t.kind[n] !== NUMBER || t.unit[n] !== unit || clause[n] !== c) return;
    for (let x = Math.max(k, last + 1); x <= n; x++) mask[x] |= THRESHOLD;
    v = n;
    k = n + 1;
  }
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
  const kind = t.kind;
  for (let i = 0; i + 1 < t.n; i++) {
    // "(2023: 15% and 3.1%)": a year that labels the values of its brackets.
    if (kind[i] === NUMBER && isDate(t, i) && punctAt(t, i - 1) === 40 && punctAt(t, i + 1) === 58) {
      for (let k = i + 2; k < t.n && k - i < MAX_SCOPE_TOKENS && clause[k] === clause[i]; k++) {
        if (punctAt(t, k) === 41) break;
        mask[k] |= HISTORICAL;
      }
      continue;
    }
    if (kind[i] !== WORD) continue;
    const len = t.end[i] - t.start[i];
    if (len > 10) continue;
    const shape = DATED_SHAPE[len * 128 + (t.norm.charCodeAt(t.start[i]) & 0x7f)];
    if (!shape) continue;
    let date = -1;
    if (shape & 1 && wordIn(t, i, DATE_PREPOSITIONS)) {
      if (isDate(t, i + 1)) date = i + 1;
      // "on the 2021 study": one article between.
      else if (i + 2 < t.n && wordIn(t, i + 1, DATE_ARTICLES) && isDate(t, i + 2)) date = i + 2;
    } else if (shape & 2 && wordIn(t, i, DATED_VERBS)) {
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
