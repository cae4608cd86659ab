/**
 * Stated WHO densitometric classes. Only affirmed statements count: a class word whose context is
 * negated, uncertain, hypothetical, historical, a threshold or a topic ("osteoporosis is unlikely",
 * "cannot be excluded", "would indicate", "risk of osteoporosis") states nothing. Read in the
 * impression; without one, in the sentences that classify (they name a T-score, the WHO or a diagnosis).
 */
import type { Ctx } from '../context';
import { sectionOfThisStudy } from './history';
import { MAX_MENTIONS, range } from '../context';
import type { Located, WhoStatement } from '../types';
import { ASSERTED, CURRENT, HISTORICAL, HYPOTHETICAL, NEGATED, THRESHOLD, TOPIC, UNCERTAIN } from './concepts';
import { inComparison, legendEntry, onLegendLine } from './legend';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { GAP, NEWLINE, NUMBER, PUNCT, tokenAt, WORD, wordIn } from './tokens';
import { SITE_LEAD_WORDS } from './vocab/sites';
import { hitFrom } from './trie';

const NOT_STATED = NEGATED | UNCERTAIN | HYPOTHETICAL | THRESHOLD | TOPIC;

const CLASSIFYING_KINDS = kindBit('t') | kindBit('classification');
const CLINICAL_KIND = kindBit('clinicalBasis');
const WHO_KIND = kindBit('who');
const KEY_KIND = kindBit('whoKey');

export function readWho(ctx: Ctx, impression: Located | null): WhoStatement[] {
  const out: WhoStatement[] = [];
  const { tokens: t, hits, context, sentence } = ctx.reading;
  const kinds = hitKinds(hits);
  const impressions = ctx.sections.filter((s) => s.kind === 'impression' && sectionOfThisStudy(ctx, s));
  const inline = impressions.length ? null : impression;
  const hasImpression = impressions.length > 0 || inline !== null;
  const ranges: Array<[number, number]> = impressions.length
    ? impressions.map((s) => [ctx.doc.lines[s.headerLine].start, ctx.doc.lines[s.endLine].end])
    : inline
      ? [[inline.span.start, inline.span.end]]
      : [[0, t.norm.length]];
  // Sentences that classify (used only without an impression).
  let classifying: Set<number> | null = null;
  if (!hasImpression) {
    classifying = new Set();
    for (let h = 0; h < hits.n; h++) {
      if (!(kinds[h] & CLASSIFYING_KINDS)) continue;
      const c = hits.concepts[h];
      if (conceptOf(c, 't') || conceptOf(c, 'classification')) classifying.add(sentence[hits.start[h]]);
    }
  }
  // Sentences with a clinical basis ("fragility fracture").
  const clinical = new Set<number>();
  for (let h = 0; h < hits.n; h++)
    if (kinds[h] & CLINICAL_KIND && conceptOf(hits.concepts[h], 'clinicalBasis')) clinical.add(sentence[hits.start[h]]);

  /** Is a site named in the clause before token s? */
  const siteBefore = (s: number): boolean => {
    const { clause } = ctx.reading;
    for (let k = s - 1, steps = 0; k >= 0 && clause[k] === clause[s] && steps < 40; k--, steps++) {
      const h = hits.at[k];
      if (h >= 0 && conceptOf(hits.concepts[h], 'site')) return true;
    }
    return false;
  };

  /**
   * Is the class at token s the value of a key that names the densitometric result, at its line's
   * start ("Bone density: osteopenia", "2. DXA result: osteoporosis")? Such a line states the class
   * in any section.
   */
  const keyed = (s: number): boolean => {
    let p = s - 1;
    while (p >= 0 && t.kind[p] === GAP) p--;
    if (p < 1 || t.kind[p] !== PUNCT || t.norm.charCodeAt(t.start[p]) !== 58) return false;
    p--;
    while (p >= 0 && t.kind[p] === GAP) p--;
    const h = p >= 0 ? hits.at[p] : -1;
    if (h < 0 || hits.end[h] !== p + 1 || !(kinds[h] & KEY_KIND) || !conceptOf(hits.concepts[h], 'whoKey'))
      return false;
    let k = hits.start[h] - 1;
    while (k >= 0 && (t.kind[k] === GAP || t.kind[k] === PUNCT || t.kind[k] === NUMBER)) k--;
    return k < 0 || t.kind[k] === NEWLINE;
  };
  /** Does a bracket open at token e and name a site before it closes, on its line? */
  const groundedAtSite = (e: number): boolean => {
    if (e >= t.n || t.kind[e] !== PUNCT || t.norm.charCodeAt(t.start[e]) !== 40) return false;
    for (let k = e + 1; k < t.n && k < e + 12 && t.kind[k] !== NEWLINE; k++) {
      if (t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 41) return false;
      const h = hits.at[k];
      if (h >= 0 && conceptOf(hits.concepts[h], 'site')) return true;
    }
    return false;
  };
  /**
   * Is the class at token s..e followed, on its line, by the criteria it was classified by and then a
   * bracket ("Osteoporosis by WHO criteria (T-score -2.5 or below)", "osteopenia per ISCD criteria
   * (...)")? The bracket's bounds then define the criteria met: the class is stated, not a legend's.
   */
  const byCriteria = (s: number, e: number): boolean => {
    let k0 = e;
    while (k0 < t.n && (t.kind[k0] === GAP || (t.kind[k0] === PUNCT && t.norm.charCodeAt(t.start[k0]) === 44))) k0++;
    if (!wordIn(t, k0, CRITERIA_LINKS)) return false;
    let named = false;
    for (let k = k0 + 1; k < t.n && k < e + CRITERIA_REACH && t.kind[k] !== NEWLINE; k++) {
      const kind = t.kind[k];
      if (kind === NUMBER) return false;
      if (kind === PUNCT) {
        const c = t.norm.charCodeAt(t.start[k]);
        if (c === 40) return named && !otherClassOnLine(s, e);
        if (c !== 45 && c !== 44) return false;
        continue;
      }
      const h = hits.at[k];
      if (h >= 0 && conceptOf(hits.concepts[h], 'classification')) named = true;
      else if (kind === WORD && wordIn(t, k, CRITERIA_WORDS)) named = true;
    }
    return false;
  };
  /** Does the line of the class at tokens s..e name another WHO class (a legend lists the classes)? */
  const otherClassOnLine = (s: number, e: number): boolean => {
    const line = t.line[s];
    for (let j = ctx.firstToken[line], steps = 0; j < ctx.firstToken[line + 1] && steps < 64; j++, steps++) {
      if (j === s) j = e;
      const h = hits.at[j];
      if (h >= 0 && kinds[h] & WHO_KIND && conceptOf(hits.concepts[h], 'who')) return true;
    }
    return false;
  };
  // Keyed statements outside the impression are read too.
  if (hasImpression) ranges.push([0, t.norm.length]);

  for (let r = 0; r < ranges.length; r++) {
    const [from, rangeEnd] = ranges[r];
    const keyedOnly = hasImpression && r === ranges.length - 1;
    // A pasted earlier report's statements are about that study.
    const to = Math.min(rangeEnd, ctx.priorFrom);
    if (from >= to) continue;
    for (let h = hitFrom(hits, tokenAt(t, from)); h < hits.n && out.length < MAX_MENTIONS; h++) {
      const s = hits.start[h];
      if (t.start[s] < from) continue;
      const e = hits.end[h];
      if (t.end[e - 1] > to) break;
      if (!(kinds[h] & WHO_KIND)) continue;
      const who = conceptOf(hits.concepts[h], 'who');
      if (!who) continue;
      if (keyedOnly && (!keyed(s) || out.some((w) => w.span.start <= t.start[s] && w.span.end > t.start[s]))) continue;
      const cx = context[s];
      if (cx & NOT_STATED || (cx & HISTORICAL && !(cx & CURRENT))) continue;
      // "Osteoporosis: T-score -2.5 or lower": a legend's label, not a statement.
      if (e < t.n && t.kind[e] === PUNCT && t.norm.charCodeAt(t.start[e]) === 58) continue;
      // "T-score -2.5 or lower: osteoporosis", "osteopenia -1.0 to -2.5": a class paired only with
      // bounds or ranges is a legend's entry; so is a class on a legend's line or in a comparison.
      // "1. Osteoporosis (lumbar spine T value <= -2.5).": a bound in a bracket after the class that
      // names the site it was met at gives the statement's ground; a legend names no site.
      if (
        (!groundedAtSite(e) && !byCriteria(s, e) && legendEntry(ctx, s)) ||
        onLegendLine(ctx, s) ||
        inComparison(ctx, s)
      )
        continue;
      if (classifying && !classifying.has(sentence[s]) && !(cx & ASSERTED) && !keyed(s)) continue;
      // "hip and spine in the osteopenic range": a site's range, not the patient's class.
      if (t.norm.startsWith('range', t.start[e - 1]) && siteBefore(s)) continue;
      let span = { start: t.start[s], end: t.end[e - 1] };
      // "Low bone mass (osteopenia)": one statement.
      if (
        who.who === 'osteopenia' &&
        e + 2 < t.n &&
        t.norm.charCodeAt(t.start[e]) === 40 &&
        hits.at[e + 1] >= 0 &&
        conceptOf(hits.concepts[hits.at[e + 1]], 'who')?.who === 'osteopenia'
      ) {
        const inner = hits.at[e + 1];
        const close = hits.end[inner];
        if (close < t.n && t.norm.charCodeAt(t.start[close]) === 41) {
          span = { start: span.start, end: t.end[close] };
          h = inner;
        }
      }
      const last = out[out.length - 1];
      if (!keyedOnly && last && last.span.end >= span.start) continue;
      const statement: WhoStatement = {
        whoClass: who.who,
        clinical: clinical.has(sentence[s]),
        span,
        range: range(ctx, span),
      };
      const regions = statedRegions(ctx, tokenAt(t, span.end - 1) + 1);
      if (regions) statement.regions = regions;
      out.push(statement);
    }
  }
  if (hasImpression) out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** How many tokens after a class the criteria it was classified by are looked for. */
const CRITERIA_REACH = 8;
/** Words that link a class to the criteria it was given by: "by", "per", "according to", "using". */
const CRITERIA_LINKS: readonly string[] = [
  'by',
  'per',
  'according',
  'using',
  'under',
  'meeting',
  'meets',
  'fulfilling',
];
/** Words that name the criteria a class was given by (besides the classification vocabulary). */
const CRITERIA_WORDS: readonly string[] = ['criteria', 'criterion', 'iscd', 'definition', 'definitions'];

/** How many tokens after a class its sites are looked for. */
const SITE_REACH = 16;

/**
 * The regions a class is stated for, named right after it ("osteopenia at both femoral necks and
 * the total hip", "osteoporosis (lumbar spine)", "ostéopénie au col fémoral"): site phrases joined by
 * lead words, commas and brackets from token `from` on, in its sentence. Null when none follows.
 */
function statedRegions(ctx: Ctx, from: number): string[] | null {
  const { tokens: t, hits, sentence } = ctx.reading;
  if (from >= t.n) return null;
  const s0 = sentence[from - 1];
  let regions: string[] | null = null;
  for (let k = from; k < t.n && k < from + SITE_REACH && sentence[k] === s0; k++) {
    const kind = t.kind[k];
    if (kind === GAP) continue;
    if (kind === PUNCT) {
      const c = t.norm.charCodeAt(t.start[k]);
      if (c === 40 || c === 41 || c === 44 || c === 45) continue;
      break;
    }
    const h = hits.at[k];
    if (h >= 0) {
      const site = conceptOf(hits.concepts[h], 'site');
      if (!site) break;
      if (site.site.region) (regions ??= []).push(site.site.region);
      k = hits.end[h] - 1;
      continue;
    }
    if (kind === WORD && SITE_LEAD_WORDS.has(t.norm.slice(t.start[k], t.end[k]))) continue;
    break;
  }
  return regions;
}
