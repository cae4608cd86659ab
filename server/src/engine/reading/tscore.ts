/**
 * Prose T-scores on the token pipeline: "The T-score value is -2.7 at the lumbar spine L1-L4.",
 * "Femoral neck (left): BMD 0.774 g/cm2, T score -1.5.", "T-score is approximately -2.1 at the
 * femoral neck". A number of T-score shape (signed or one decimal, no unit) attaches to the nearest
 * T-score label before it in its clause, with any ordinary words between them (typed attachment,
 * `valueAfterLabel`); its site comes from the site words of the same clause: between the label and
 * the value, else after the value, else before the label, with the side taken from the same part
 * or, failing that, from the one side the clause names. ConText excludes history, a legend's
 * threshold and a hypothetical value. Out-of-range values (-12.5) still attach, so the plausibility
 * rule sees them. Slash lists, sideways rows and lists after one label stay with the older reader
 * in `elements/tscore.ts` (which dedupes by offset).
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS } from '../context';
import type { SiteInfo } from './concepts';
import { HYPOTHETICAL, THRESHOLD } from './concepts';
import { conceptOf } from './read';
import { DECIMAL, GAP, NEWLINE, NUMBER, PUNCT, SIGNED, UNIT_NONE, WORD } from './tokens';
import { isHistorical } from './history';
import { historicalAt, inRange, valueAfterLabel } from './values';

export interface ProseScore {
  tok: number;
  site: string | null;
}

/** A number of T-score shape: a decimal or a signed number without a unit. */
function scoreShape(ctx: Ctx, k: number, words: number): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[k] !== NUMBER || t.unit[k] !== UNIT_NONE || !(t.flags[k] & DECIMAL)) return false;
  const v = Math.abs(t.value[k]);
  // Far from its label only a plausible score attaches; next to it a typo (-12.5) does too.
  return v < 100 && (words <= 1 || v <= 8);
}

/** Is token k a punctuation token with this character? */
function punct(ctx: Ctx, k: number, ch: number): boolean {
  const t = ctx.reading.tokens;
  return t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === ch;
}

/** Is the token a comparison sign (<, >, <=, >=, ≤, ≥)? */
function comparison(ctx: Ctx, k: number): boolean {
  if (k < 0 || k >= ctx.reading.tokens.n) return false;
  if (punct(ctx, k, 61)) return punct(ctx, k - 1, 60) || punct(ctx, k - 1, 62);
  return punct(ctx, k, 60) || punct(ctx, k, 62) || punct(ctx, k, 0x2264) || punct(ctx, k, 0x2265);
}

/** The token's word, lower case, or '' when it is no word. */
function word(ctx: Ctx, k: number): string {
  const t = ctx.reading.tokens;
  return k >= 0 && k < t.n && t.kind[k] === WORD ? t.norm.slice(t.start[k], t.end[k]) : '';
}

/** Does the token end a clause (a sentence end, ";", a line break) for the site search? */
function clauseEnd(ctx: Ctx, k: number, s0: number): boolean {
  const { tokens: t, sentence } = ctx.reading;
  return sentence[k] !== s0 || t.kind[k] === NEWLINE || punct(ctx, k, 59);
}

/** Is the token a label of a score (T, Z, TBS) that belongs to another value? */
function scoreLabelAt(ctx: Ctx, k: number): boolean {
  const { hits } = ctx.reading;
  const h = hits.at[k];
  if (h < 0) return false;
  const c = hits.concepts[h];
  return !!(conceptOf(c, 't') || conceptOf(c, 'z') || conceptOf(c, 'tbs') || conceptOf(c, 'tbsScore'));
}

/** Is the token another score's value (a signed or decimal number without a unit)? */
function otherScore(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  return t.kind[k] === NUMBER && t.unit[k] === UNIT_NONE && (t.flags[k] & SIGNED) !== 0;
}

/** Does another number or score label follow in the clause (a list's next item)? */
function listAhead(ctx: Ctx, from: number, s0: number): boolean {
  const t = ctx.reading.tokens;
  for (let k = from; k < t.n && k < from + 20 && !clauseEnd(ctx, k, s0) && !punct(ctx, k, 41); k++)
    if ((t.kind[k] === NUMBER && t.flags[k] & (SIGNED | DECIMAL)) || scoreLabelAt(ctx, k)) return true;
  return false;
}

/** The site of the site words in tokens [from, to): the most specific region and the side nearest it. */
function siteIn(ctx: Ctx, from: number, to: number): { region?: string; side?: SiteInfo['side']; word?: boolean } {
  const { tokens: t, hits } = ctx.reading;
  let region: string | undefined;
  let at = -1;
  const sides: Array<[number, SiteInfo['side'], boolean]> = [];
  for (let k = from; k < to; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    const site = conceptOf(hits.concepts[h], 'site');
    k = Math.max(k, hits.end[h] - 1);
    if (!site) continue;
    // A side's initial ("L", "R") counts only next to its region; a side word anywhere in the clause.
    if (site.site.side && sides.length < 8) sides.push([hits.start[h], site.site.side, t.end[k] - t.start[k] > 1]);
    // "right hip femoral neck": the femoral neck, not the hip it is part of.
    if (site.site.region && (!region || region === 'hip')) {
      region = site.site.region;
      at = hits.start[h];
    }
  }
  let side: SiteInfo['side'] | undefined;
  let word = false;
  let best = 5;
  for (const [k, s, w] of sides) {
    const d = at < 0 ? (w ? 0 : 99) : Math.abs(k - at);
    if (d < best) {
      best = d;
      side = s;
      word = w;
    }
  }
  return { region, side, word };
}

/** "L1-L4": a vertebral region has no side. */
function vertebral(region: string): boolean {
  return region.length >= 2 && region[0] === 'L' && region.charCodeAt(1) >= 48 && region.charCodeAt(1) <= 57;
}

function key(region: string, side: SiteInfo['side'] | undefined): string {
  return side ? `${side} ${region}` : region;
}

/** The site of a value at token `value` whose label spans tokens [labelStart, labelEnd). */
export function clauseSite(ctx: Ctx, labelStart: number, labelEnd: number, value: number): string | null {
  const { tokens: t, sentence } = ctx.reading;
  const s0 = sentence[value];
  // The clause after the value: up to another score, another label or a ", and"-joined value.
  let after = value + 1;
  while (after < t.n && after < value + 40 && !clauseEnd(ctx, after, s0)) {
    if (otherScore(ctx, after) || word(ctx, after) === 'and') break;
    // "-1.7, the left femoral neck T-score ...": site words before another label are that label's.
    if (scoreLabelAt(ctx, after)) {
      after = value + 1;
      break;
    }
    // ", left femoral neck -2.3": a list's next item; ", left femoral neck)" names this value's site.
    if (punct(ctx, after, 44) && listAhead(ctx, after + 1, s0)) break;
    after++;
  }
  // The clause before the label: back to another score's value or label, or the clause start.
  let before = labelStart;
  while (before > 0 && before > labelStart - 40 && !clauseEnd(ctx, before - 1, s0)) {
    if (scoreLabelAt(ctx, before - 1) || otherScore(ctx, before - 1) || word(ctx, before - 1) === 'and') break;
    before--;
  }
  const parts = [siteIn(ctx, labelEnd, value), siteIn(ctx, value + 1, after), siteIn(ctx, before, labelStart)];
  const all = siteIn(ctx, before, after);
  for (const part of parts) {
    if (!part.region) continue;
    if (vertebral(part.region)) return part.region;
    return key(part.region, part.side ?? (all.word ? all.side : undefined));
  }
  return null;
}

/** The prose T-score values and their sites; `own` is the label concept ('t' or 'z'). */
export function readProseScores(ctx: Ctx, own: 't' | 'z'): ProseScore[] {
  const out: ProseScore[] = [];
  const seen = new Set<number>();
  const { tokens: t, hits, context } = ctx.reading;
  let labels = 0;
  for (let h = 0; h < hits.n && labels < MAX_MENTIONS; h++) {
    const concepts = hits.concepts[h];
    const custom = conceptOf(concepts, 'label');
    const isLabel =
      conceptOf(concepts, own) !== undefined ||
      (custom !== undefined && custom.element === (own === 't' ? 'tScore' : 'zScore'));
    if (!isLabel) continue;
    labels++;
    const s = hits.start[h];
    if (ctx.tableLine[t.line[s]]) continue;
    // "TBS T-score" written apart ("TBS (L1-L4) T-score") is no BMD score.
    const prev = h > 0 ? hits.concepts[h - 1] : null;
    if (prev && (conceptOf(prev, 'tbs') || conceptOf(prev, 'tbsScore')) && s - hits.end[h - 1] <= 3) continue;
    const found = valueAfterLabel(ctx, hits.end[h], {
      fits: (k, words) => scoreShape(ctx, k, words),
      own,
      sitesPass: true,
    });
    if (found.type !== 'number') continue;
    let tok = found.tok;
    // "improved from -2.5 to -2.0": the value after "to" is this study's.
    if (word(ctx, tok - 1) === 'from' && word(ctx, tok + 1) === 'to' && tok + 2 < t.n && t.kind[tok + 2] === NUMBER)
      tok += 2;
    // A slash list ("-1.2 / -2.3") or a sideways row of columns is the older reader's.
    if (tok + 1 < t.n && punct(ctx, tok + 1, 47)) continue;
    if (tok + 2 < t.n && t.kind[tok + 1] === GAP && t.kind[tok + 2] === NUMBER) continue;
    // "- 2.2", "minus 1.7": a sign apart from its digits; the older reader joins them.
    const w = word(ctx, tok - 1);
    if (punct(ctx, tok - 1, 45) || punct(ctx, tok - 1, 43) || w === 'minus' || w === 'plus' || w === 'negative')
      continue;
    // "-2.5 < T < -1.0", "T >= -1.0": a legend's bound, not a value.
    if (comparison(ctx, tok - 1) || comparison(ctx, tok + 1)) continue;
    if (seen.has(tok) || inRange(ctx, tok) || historicalAt(ctx, tok) || isHistorical(ctx, t.start[tok])) continue;
    if (context[tok] & (HYPOTHETICAL | THRESHOLD)) continue;
    seen.add(tok);
    out.push({ tok, site: clauseSite(ctx, s, hits.end[h], tok) });
  }
  return out;
}
