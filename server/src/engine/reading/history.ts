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
import { CURRENT, HISTORICAL } from './concepts';
import type { Tokens } from './tokens';
import { DECIMAL, NEWLINE, NUMBER, PUNCT, REFUSED, tokenAt, WORD, wordIn } from './tokens';
import { DATE_PREPOSITIONS, DATED_VERBS } from './vocab/cues';
import { HISTORY_ADJECTIVES, STUDY_NOUNS } from './vocab/history';

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

/** Does the clause before token `tok` hold a wide historical cue or a dated cue? */
function clauseBeforeIsHistorical(ctx: Ctx, tok: number): boolean {
  const { tokens: t, hits, clause, context } = ctx.reading;
  if (tok >= t.n) return false;
  const c = clause[tok];
  const limit = t.start[tok] - CLAUSE_REACH;
  for (let k = tok - 1; k >= 0 && clause[k] === c && t.kind[k] !== NEWLINE && t.start[k] >= limit; k--) {
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
