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
import { DECIMAL, GAP, NEWLINE, NUMBER, PUNCT, REFUSED, WORD, punctAt, wordIn } from './tokens';
import {
  DATE_ARTICLES,
  DATE_PREPOSITIONS,
  DATED_BACK_STOPS,
  DATED_FORWARD_ONLY,
  DATED_FORWARD_STOPS,
  DATED_SCOPE,
  DATED_VERBS,
  YEAR_NAME_NOUNS,
} from './vocab/cues';
import { MONTHS } from './vocab/demographics';

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
  priorFrom = Infinity,
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
  datedCues(t, hits, clause, own, terminator, depth, mask, priorFrom);
  return mask;
}

/** Words that coordinate the values of a list ("20% or 3%", "20 % and 3 %"). */
const COORDINATORS = ['or', 'and'];
/** Prepositions that open a value's qualifier in a coordinated list ("20% for a major fracture"). */
const QUALIFIERS = ['for', 'at', 'pour', 'para', 'per', 'für', 'bei'];
/** The most words of such a qualifier. */
const MAX_QUALIFIER = 5;

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
    // The value's qualifier ("20% for a major fracture or 3% for the hip"): a short phrase that
    // opens with a preposition and holds no number or punctuation, up to the coordinator.
    if (k < limit && clause[k] === c && wordIn(t, k, QUALIFIERS)) {
      let j = k + 1;
      let words = 0;
      // A line break inside the phrase is a wrap of the prose.
      while (
        j < limit &&
        words < MAX_QUALIFIER &&
        (t.kind[j] === WORD || t.kind[j] === NEWLINE || t.kind[j] === GAP) &&
        clause[j] === c &&
        !wordIn(t, j, COORDINATORS)
      )
        if (t.kind[j++] === WORD) words++;
      if (j >= limit || !wordIn(t, j, COORDINATORS) || terminator[j]) return;
      for (let x = Math.max(k, last + 1); x < j; x++) mask[x] |= THRESHOLD;
      k = j;
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

/** Is token i a month name ("March", "Mar")? */
function isMonth(t: Tokens, i: number): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== WORD) return false;
  const len = t.end[i] - t.start[i];
  for (const [name] of MONTHS) if (name.length === len && t.norm.startsWith(name, t.start[i])) return true;
  return false;
}

/** A 4-digit year (1900-2100) that is a NUMBER token, or -1. */
function yearAt(t: Tokens, i: number): number {
  if (i < 0 || i >= t.n || t.kind[i] !== NUMBER || t.flags[i] & DECIMAL || t.end[i] - t.start[i] !== 4) return -1;
  const v = t.value[i];
  return v >= 1900 && v <= 2100 ? v : -1;
}

/** Is token i a punctuation token glued to both its neighbours with this character ("2024-04-09")? */
function gluedPunct(t: Tokens, i: number, ch: number): boolean {
  return punctAt(t, i) === ch && i + 1 < t.n && t.end[i - 1] === t.start[i] && t.end[i] === t.start[i + 1];
}

/**
 * The year of a date written to the day that starts at token i, or -1: "03/12/2023", "12.11.2025",
 * "2024-04-09", "12-03-2024", "March 12, 2024", "12 March 2024". (A study is dated to the day; a
 * bare year or a month names an earlier one.)
 */
function dayDateYear(t: Tokens, i: number): number {
  const kind = t.kind[i];
  if (kind === REFUSED) {
    // Three runs of digits split by "/", "." or "-", one of them a year first or last.
    let parts = 0;
    let run = 0;
    let first = -1;
    let last = -1;
    let v = 0;
    for (let p = t.start[i]; p <= t.end[i]; p++) {
      const c = p < t.end[i] ? t.norm.charCodeAt(p) : 47;
      if (c >= 48 && c <= 57) {
        v = v * 10 + c - 48;
        run++;
      } else if (c === 47 || c === 46 || c === 45) {
        if (run === 0) return -1;
        if (run === 4 && parts === 0) first = v;
        else if (run === 4) last = v;
        parts++;
        run = 0;
        v = 0;
      } else return -1;
    }
    const y = parts === 3 ? (last >= 0 ? last : first) : -1;
    return y >= 1900 && y <= 2100 ? y : -1;
  }
  if (kind === NUMBER) {
    if (i + 4 >= t.n || !gluedPunct(t, i + 1, 45) || t.kind[i + 2] !== NUMBER || !gluedPunct(t, i + 3, 45)) {
      // "12 March 2024"
      if (t.end[i] - t.start[i] <= 2 && isMonth(t, i + 1)) return yearAt(t, punctAt(t, i + 2) === 46 ? i + 3 : i + 2);
      return -1;
    }
    // "2024-04-09", "12-03-2024"
    const y = yearAt(t, i);
    return y >= 0 ? (t.kind[i + 4] === NUMBER ? y : -1) : yearAt(t, i + 4);
  }
  // "March 12, 2024"
  if (kind === WORD && i + 2 < t.n && t.kind[i + 1] === NUMBER && t.end[i + 1] - t.start[i + 1] <= 2 && isMonth(t, i))
    return yearAt(t, punctAt(t, i + 2) === 44 ? i + 3 : i + 2);
  return -1;
}

/** Is hit h a demographic label of this field ("Exam date", "DOB")? */
function demographicHit(hits: Hits, h: number, field: 'examDate' | 'dob'): boolean {
  for (const c of hits.concepts[h]) if (c.c === 'demographic' && c.field === field) return true;
  return false;
}

/**
 * The study's year: the date after an exam-date label ("Exam date: 12/03/2024", "Date of scan
 * 2024-04-09"), or else the latest date written to the day in the report that is no date of birth
 * (a header, a signature's time stamp) above a pasted earlier report's banner. -1 when the report
 * has none.
 */
function studyYear(t: Tokens, hits: Hits, priorFrom: number, at: { tok: number }): number {
  for (let h = 0; h < hits.n; h++) {
    if (!demographicHit(hits, h, 'examDate')) continue;
    const line = t.line[hits.start[h]];
    for (let k = hits.end[h]; k < t.n && k < hits.end[h] + 6 && t.line[k] === line; k++) {
      if (t.kind[k] === PUNCT || t.kind[k] === GAP) continue;
      const y = dayDateYear(t, k);
      if (y >= 0) {
        at.tok = k;
        return y;
      }
      break;
    }
  }
  let latest = -1;
  // A pasted earlier report's dates (from its banner on) date that report, not this study.
  for (let i = 0; i < t.n && t.start[i] < priorFrom; i++) {
    const y = dayDateYear(t, i);
    if (y <= latest) continue;
    // "DOB: 12/03/1951": a date of birth dates no study.
    let birth = false;
    for (let k = i - 1; k >= 0 && k >= i - 6 && t.line[k] === t.line[i] && !birth; k--)
      birth = hits.at[k] >= 0 && demographicHit(hits, hits.at[k], 'dob');
    if (!birth) {
      latest = y;
      at.tok = i;
    }
  }
  return latest;
}

/**
 * The day and month of a date written "03/12/2023", "12.11.2025" (one REFUSED token) or "2024-04-09"
 * (numbers glued by hyphens) at token i: [first, second] as written after or before the year, and whether the year comes
 * first (then they are month and day); null for any other writing.
 */
function dayMonth(t: Tokens, i: number): [number, number, boolean] | null {
  // "2024-04-09", "12-03-2024": numbers glued by hyphens.
  if (t.kind[i] === NUMBER && i + 4 < t.n && gluedPunct(t, i + 1, 45) && gluedPunct(t, i + 3, 45)) {
    if (t.kind[i + 2] !== NUMBER || t.kind[i + 4] !== NUMBER) return null;
    if (t.end[i] - t.start[i] === 4) return [t.value[i + 2], t.value[i + 4], true];
    return t.end[i + 4] - t.start[i + 4] === 4 ? [t.value[i], t.value[i + 2], false] : null;
  }
  if (t.kind[i] !== REFUSED) return null;
  const parts: number[] = [];
  const runs: number[] = [];
  let v = 0;
  let run = 0;
  for (let p = t.start[i]; p <= t.end[i]; p++) {
    const c = p < t.end[i] ? t.norm.charCodeAt(p) : 47;
    if (c >= 48 && c <= 57) {
      v = v * 10 + c - 48;
      run++;
    } else if ((c === 47 || c === 46 || c === 45) && run > 0 && parts.length < 3) {
      parts.push(v);
      runs.push(run);
      v = 0;
      run = 0;
    } else return null;
  }
  if (parts.length !== 3) return null;
  if (runs[0] === 4) return [parts[1], parts[2], true];
  return runs[2] === 4 ? [parts[0], parts[1], false] : null;
}

/**
 * Is the full date at token `cue` earlier than the study's full date at token `study`, both in the
 * same year? Day-first or month-first is read from a part above 12 in either date (one document
 * writes its dates one way); when neither tells, the date is earlier only if it is under both readings.
 */
function earlierInYear(t: Tokens, cue: number, study: number): boolean {
  const a = dayMonth(t, cue);
  const b = dayMonth(t, study);
  if (!a || !b) return false;
  // [month, day] under a reading: month first (or year first), or day first.
  const key = (d: [number, number, boolean], dayFirst: boolean) =>
    d[2] || !dayFirst ? d[0] * 100 + d[1] : d[1] * 100 + d[0];
  const dayFirst = (!a[2] && a[0] > 12) || (!b[2] && b[0] > 12);
  const monthFirst = (!a[2] && a[1] > 12) || (!b[2] && b[1] > 12);
  if (dayFirst !== monthFirst) return key(a, dayFirst) < key(b, dayFirst);
  return key(a, true) < key(b, true) && key(a, false) < key(b, false);
}

/** The year of a dated cue's date (a year, or the last 4-digit run of "03/12/2023", "04/2022"). */
function cueYear(t: Tokens, i: number): number {
  if (t.kind[i] === NUMBER) return t.value[i];
  for (let p = t.end[i] - 4; p >= t.start[i]; p--) {
    let v = 0;
    let q = p;
    for (; q < p + 4; q++) {
      const c = t.norm.charCodeAt(q);
      if (c < 48 || c > 57) break;
      v = v * 10 + c - 48;
    }
    if (q === p + 4 && v >= 1900 && v <= 2100) return v;
  }
  return -1;
}

/** Is the year at token i the first word of a document's name ("2019 ISCD positions", "FRAX 2019 version")? */
function namesDocument(t: Tokens, i: number): boolean {
  return i + 1 < t.n && t.line[i + 1] === t.line[i] && wordIn(t, i + 1, YEAR_NAME_NOUNS);
}

/**
 * "in 2021", "on 03/12/2023", "diagnosed 03/2023": the clause is history when the date is earlier
 * than the study's (`studyYear`; with no date written to the day in the report, the latest year
 * the cues name when they name two or more, and with one, that year is an earlier study's). What follows the date in the clause
 * is history, and what precedes the cue back to a comma, the cue's opening bracket or a stop word
 * (`DATED_BACK_STOPS`): "TBS was normal in 2019", "osteopenia diagnosed 03/2023". A year that names a
 * document ("the 2019 ISCD positions") dates nothing. An earlier date that labels its brackets
 * ("(2023: 15% and 3.1%)") or opens its line before a colon ("2019: TBS 1.350, normal") makes them
 * history. The forward scope ends at a terminator or at DATED_FORWARD_STOPS ("from 1.350 in 2019 to").
 */
function datedCues(
  t: Tokens,
  hits: Hits,
  clause: Int32Array,
  own: Uint16Array,
  terminator: Uint8Array,
  depth: Uint8Array,
  mask: Uint16Array,
  priorFrom: number,
): void {
  const kind = t.kind;
  // First the cues: [cue token, its date token, what it is: 0 a word cue, 1 a bracket's label, 2 a
  // line's label]; then the study's year; then the scopes.
  const cues: number[] = [];
  for (let i = 0; i + 1 < t.n; i++) {
    // "(2023: 15% and 3.1%)": a year that labels the values of its brackets.
    if (kind[i] === NUMBER && isDate(t, i) && punctAt(t, i - 1) === 40 && punctAt(t, i + 1) === 58) {
      cues.push(i, i, 1);
      continue;
    }
    // "2019: TBS 1.350, normal microarchitecture": a date that opens its line as its label.
    if (
      (kind[i] === NUMBER || kind[i] === REFUSED) &&
      (i === 0 || kind[i - 1] === NEWLINE) &&
      punctAt(t, i + 1) === 58 &&
      isDate(t, i)
    ) {
      cues.push(i, i, 2);
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
    if (date >= 0 && !(kind[date] === NUMBER && namesDocument(t, date))) cues.push(i, date, 0);
  }
  if (cues.length === 0) return;
  // The study's year; with no date written to the day, the latest of the cues' years when they name
  // two or more ("Osteoporosis in 2018. Osteopenia in 2024."); with one year only, none (its cue is
  // an earlier study's).
  const studyAt = { tok: -1 };
  let study = studyYear(t, hits, priorFrom, studyAt);
  if (study < 0) {
    let lo = 1e9;
    let hi = -1;
    for (let q = 1; q < cues.length; q += 3) {
      if (t.start[cues[q]] >= priorFrom) break; // a pasted earlier report's cues date that report
      const y = cueYear(t, cues[q]);
      if (y < 0) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    if (hi > lo) study = hi;
  }
  for (let q = 0; q < cues.length; q += 3) {
    const i = cues[q];
    const date = cues[q + 1];
    const y = cueYear(t, date);
    // Only a date earlier than the study's dates history: by year, or by day when both are full
    // dates of one year ("on 01/02/2026" before an exam of 03/10/2026; the exam's own date is none).
    if (
      study >= 0 &&
      !(y >= 0 && (y < study || (y === study && studyAt.tok >= 0 && earlierInYear(t, date, studyAt.tok))))
    )
      continue;
    if (cues[q + 2] === 1) {
      for (let k = i + 2; k < t.n && k - i < MAX_SCOPE_TOKENS && clause[k] === clause[i]; k++) {
        if (punctAt(t, k) === 41) break;
        mask[k] |= HISTORICAL;
      }
      continue;
    }
    if (cues[q + 2] === 2) {
      for (let k = i + 2; k < t.n && k - i < MAX_SCOPE_TOKENS && kind[k] !== NEWLINE; k++) mask[k] |= HISTORICAL;
      continue;
    }
    const c = clause[i];
    let words = 0;
    const limit = Math.min(t.n, date + MAX_SCOPE_TOKENS);
    for (let k = date; k < limit && clause[k] === c && !(own[k] & CURRENT); k++) {
      if (k > date && (terminator[k] || wordIn(t, k, DATED_FORWARD_STOPS))) break;
      mask[k] |= HISTORICAL;
      if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= DATED_SCOPE) break;
    }
    if (wordIn(t, i, DATED_FORWARD_ONLY)) continue;
    words = 0;
    // Back within the cue's brackets ("TBS 1.262 (normal in 2019)"), over a bracket of its own
    // ("Low risk (CAROC) in 2019"), to a comma or a stop word.
    const level = depth[i];
    for (let k = i - 1; k >= 0 && k > i - MAX_SCOPE_TOKENS && clause[k] === c && depth[k] >= level; k--) {
      if (terminator[k] || own[k] & CURRENT || wordIn(t, k, DATED_BACK_STOPS)) break;
      if (t.kind[k] === NEWLINE || (punctAt(t, k) === 44 && depth[k] === level)) break;
      mask[k] |= HISTORICAL;
      if ((t.kind[k] === WORD || t.kind[k] === NUMBER) && ++words >= DATED_SCOPE) break;
    }
  }
}
