/**
 * Is a value an earlier study's? Read from the context cues (`vocab/cues.ts`: "prior", "previous",
 * "compared with", "in 2021", "diagnosed 03/2023"), a pasted earlier report (everything after its
 * banner), and a comparison section's header line ("COMPARISON: 10/02/2024 DXA (TBS 1.262 at that
 * time)"), unless the clause speaks of this study ("now", "current", "today").
 *
 * `isHistorical` takes a text offset for the readers that still work on offsets (the old
 * `elements/risk.ts` and `elements/tscore.ts`). It reads the clause before the value as those readers
 * always have (token readers also test the token's own context bits, `values.ts` `historicalAt`): a historical cue of wide scope (scope of at
 * least `CLAUSE_CUE_SCOPE` words: "prior", "previous", "compared with", "versus") or a dated cue
 * ("in 2021", "on 03/12/2023", "diagnosed 03/2023") anywhere earlier in the clause, with no "now",
 * "current" or "today" between.
 */
import type { Ctx } from '../context';
import type { Section } from '../types';
import { CURRENT, HISTORICAL } from './concepts';
import type { Tokens } from './tokens';
import { DECIMAL, NEWLINE, NUMBER, PUNCT, REFUSED, tokenAt, WORD, wordIn } from './tokens';
import { DATE_PREPOSITIONS, DATED_FORWARD_STOPS, DATED_VERBS } from './vocab/cues';
import type { Doc } from '../text';
import {
  PASTED_BANNER_ADJECTIVES,
  PASTED_BANNER_NOUNS,
  HISTORY_ADJECTIVES,
  PASTE_WORDS,
  STUDY_NOUNS,
} from './vocab/history';

/** A historical cue whose scope is at least this many words covers its whole clause. */
const CLAUSE_CUE_SCOPE = 6;
/** How far back (in characters) the clause before a value is read. */
const CLAUSE_REACH = 120;

function isDate(t: Tokens, i: number): boolean {
  if (i >= t.n) return false;
  if (t.kind[i] === NUMBER) return !(t.flags[i] & DECIMAL) && t.value[i] >= 1900 && t.value[i] <= 2100;
  if (t.kind[i] !== REFUSED) return false;
  const slash = t.norm.indexOf('/', t.start[i]);
  return t.end[i] - t.start[i] >= 6 && slash >= 0 && slash < t.end[i];
}

/**
 * Is a study noun or a measure's label among the few words after a historical adjective ("prior
 * DXA", "previous TBS-adjusted FRAX", "previous T-score")?
 */
function qualifiesStudy(ctx: Ctx, from: number): boolean {
  const { tokens: t, hits } = ctx.reading;
  for (let k = from, words = 0; k < t.n && words < 3 && t.kind[k] !== NEWLINE; k++) {
    // The noun phrase ends at a bracket, a colon or a comma ("prior fracture): MOF 31%").
    if (t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) !== 45) return false;
    if (t.kind[k] !== WORD) continue;
    words++;
    if (wordIn(t, k, STUDY_NOUNS)) return true;
    const h = hits.at[k];
    if (h < 0) continue;
    for (const c of hits.concepts[h])
      if (c.c === 'tbs' || c.c === 't' || c.c === 'z' || c.c === 'bmd' || c.c === 'kind' || c.c === 'model')
        return true;
    k = hits.end[h] - 1;
  }
  return false;
}

/** Longest line read as a banner. */
const BANNER_MAX = 120;

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAlnum = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57);

/** The next word of `s` after `i` (letters only, over anything else) and where it ends; '' at `end`. */
function nextWord(s: string, i: number, end: number): [string, number] {
  while (i < end && !isLetter(s.charCodeAt(i))) i++;
  const from = i;
  while (i < end && isLetter(s.charCodeAt(i))) i++;
  return [s.slice(from, i), i];
}

/** Does the line part `line` (lower case, from its start) hold one of `words` as a whole word? */
function hasWord(line: string, words: readonly string[]): boolean {
  for (const w of words) {
    for (let at = line.indexOf(w); at >= 0; at = line.indexOf(w, at + 1)) {
      if ((at === 0 || !isLetter(line.charCodeAt(at - 1))) && !isLetter(line.charCodeAt(at + w.length))) return true;
    }
  }
  return false;
}

/**
 * Where a pasted earlier report begins: the start of its banner line (vocab/history.ts
 * PASTED_BANNER_ADJECTIVES, PASTED_BANNER_NOUNS, PASTE_WORDS), or Infinity when there is none. Everything from the
 * banner on is that report's. A sentence that merely mentions a prior study ("Prior study reviewed
 * for comparison.") is no banner: it is neither ruled, nor says it was pasted (capitals: priorReport.ts).
 */
/** The first letters of the banner adjectives and of "copy of". */
const BANNER_FIRST = new Set(PASTED_BANNER_ADJECTIVES.map((a) => a.charCodeAt(0)).concat(99));

export function pastedPriorReport(doc: Doc): number {
  const norm = doc.norm;
  // One pass over the lines, in order: a banner's adjective is the first word of its line (after
  // punctuation and "copy of (the)"), so only that place is tried; the first banner line wins.
  for (const l of doc.lines) {
    if (l.end - l.start > BANNER_MAX) continue;
    // Only punctuation (and "copy of (the)") before the adjective on its line.
    let i = l.start;
    while (i < l.end && !isAlnum(norm.charCodeAt(i))) i++;
    // Most lines start with no adjective's (nor "copy of"'s) first letter: out at once.
    if (i >= l.end || !BANNER_FIRST.has(norm.charCodeAt(i))) continue;
    const copy = norm.startsWith('copy of ', i);
    if (copy) i += norm.startsWith('the ', i + 8) ? 12 : 8;
    while (i < l.end && !isAlnum(norm.charCodeAt(i))) i++;
    if (i >= l.end) continue;
    const at = i;
    let adj = '';
    for (const a of PASTED_BANNER_ADJECTIVES)
      if (
        norm.startsWith(a, at) &&
        !isLetter(norm.charCodeAt(at + a.length)) &&
        !(at > 0 && isLetter(norm.charCodeAt(at - 1)))
      ) {
        adj = a;
        break;
      }
    if (!adj) continue;
    // A study noun among the next two words.
    const [n1, j] = nextWord(norm, at + adj.length, l.end);
    if (!PASTED_BANNER_NOUNS.includes(n1) && !PASTED_BANNER_NOUNS.includes(nextWord(norm, j, l.end)[0])) continue;
    // Set off as a banner: ruled, or saying it was pasted ("Copy of ...", "copied"). (A banner in
    // capitals alone is priorReport.ts's to judge: it knows a comparison section and the impression.)
    const raw = doc.text.slice(l.start, l.end);
    if (copy || /={3,}|-{3,}|\*{3,}|_{3,}|^\s*#/.test(raw) || hasWord(norm.slice(l.start, l.end), PASTE_WORDS))
      return l.start;
  }
  return Infinity;
}

/**
 * Is a section this study's? A section whose header stands in a pasted earlier report (from its
 * banner on) is that report's: its impression is not this report's impression.
 */
export function sectionOfThisStudy(ctx: Ctx, s: Section): boolean {
  return ctx.doc.lines[s.headerLine].start < ctx.priorFrom;
}

/** Does the clause before token `tok` hold a wide historical cue or a dated cue? */
function clauseBeforeIsHistorical(ctx: Ctx, tok: number): boolean {
  const { tokens: t, hits, clause, context } = ctx.reading;
  if (tok >= t.n) return false;
  const c = clause[tok];
  const limit = t.start[tok] - CLAUSE_REACH;
  // A dated cue's scope ends at the other end of a change ("from -2.6 in 2019 to -2.0"): past such a
  // word back, a dated cue dates the change's first value, not this one.
  let changeEnd = false;
  for (let k = tok - 1; k >= 0 && clause[k] === c && t.kind[k] !== NEWLINE && t.start[k] >= limit; k--) {
    if (!changeEnd && wordIn(t, k, DATED_FORWARD_STOPS)) changeEnd = true;
    const h = hits.at[k];
    if (h >= 0 && hits.start[h] === k) {
      for (const x of hits.concepts[h]) {
        if (x.c !== 'cue') continue;
        if (x.category === CURRENT) return false;
        if (x.category === HISTORICAL && x.direction !== 'backward' && x.scope >= CLAUSE_CUE_SCOPE) {
          // "prior DXA", "previous TBS": an adjective of time counts before a study noun or a measure.
          if (hits.end[h] - hits.start[h] > 1 || !wordIn(t, k, HISTORY_ADJECTIVES) || qualifiesStudy(ctx, hits.end[h]))
            return true;
        }
      }
    }
    // A dated cue counts when the context pass found its date earlier than the study's (`context.ts`).
    if (changeEnd) continue;
    if (wordIn(t, k, DATE_PREPOSITIONS) && isDate(t, k + 1) && k + 1 < tok && context[k + 1] & HISTORICAL) return true;
    if (wordIn(t, k, DATED_VERBS)) {
      for (let j = k + 1, words = 0; j < tok && words < 4 && clause[j] === c; j++) {
        if (isDate(t, j)) return (context[j] & HISTORICAL) !== 0;
        if (t.kind[j] === WORD || t.kind[j] === NUMBER) words++;
      }
    }
  }
  return false;
}

export function historicalToken(ctx: Ctx, tok: number): boolean {
  const t = ctx.reading.tokens;
  if (tok >= t.n) return t.norm.length >= ctx.priorFrom;
  if (t.start[tok] >= ctx.priorFrom || clauseBeforeIsHistorical(ctx, tok)) return true;
  const line = t.line[tok];
  const section = ctx.sections[ctx.sectionOfLine[line]];
  return (
    section !== undefined &&
    section.kind === 'comparison' &&
    section.headerLine === line &&
    (ctx.reading.context[tok] & CURRENT) === 0
  );
}

/** The offset's token (the number that starts there, or the next token) is an earlier study's. */
export function isHistorical(ctx: Ctx, offset: number): boolean {
  if (offset >= ctx.priorFrom) return true;
  const t = ctx.reading.tokens;
  let tok = tokenAt(t, offset);
  // A dictated sign ("negative 1.6") starts before the digits: the number token holds the offset.
  if (tok > 0 && t.kind[tok - 1] === NUMBER && t.end[tok - 1] > offset) tok--;
  return historicalToken(ctx, tok);
}
