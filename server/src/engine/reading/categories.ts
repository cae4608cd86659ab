/**
 * Stated TBS categories ("normal microarchitecture", "partially degraded", "degraded"), each tied to
 * the TBS value it describes, so that the rules can check it against the value.
 *
 * - A statement beside a value describes that value: "TBS 1.262 (partially degraded)", "The TBS of
 *   1.262 indicates partially degraded microarchitecture", "TBS: 1.262 - normal".
 * - A statement away from any value ("TBS: Normal microarchitecture" on a summary line, "Partially
 *   degraded bone microarchitecture." in the impression) describes the report's TBS (its L1-L4 value).
 * - Nothing is stated by a negated, hedged, hypothetical, historical or threshold mention (the
 *   context cues of `vocab/cues.ts`: "not degraded", "possibly degraded", "if TBS were degraded"), by
 *   a legend (a sentence that names several categories, a category used as a label, "Normal:"), or by
 *   a category beside a number that is no TBS reading (a threshold, an earlier study's value).
 * - "normal" alone is a TBS category only next to a TBS, its value or its topic ("TBS: Normal",
 *   "1.350 (normal)", "microarchitecture is normal"); "normal bone density" is a WHO class.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { CategoryStatement, TbsCategory, TbsValue } from '../types';
import { CURRENT, HISTORICAL, HYPOTHETICAL, NEGATED, THRESHOLD, UNCERTAIN } from './concepts';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import type { Tokens } from './tokens';
import { DECIMAL, GAP, NEWLINE, NUMBER, PUNCT, UNIT_NONE, WORD, wordIn, tokenAt } from './tokens';
import { CATEGORY_LABELS, CATEGORY_LINKS, GENERIC_WORDS, TBS_ONLY_WORDS, TBS_TOPIC_WORDS } from './vocab/categories';

const NOT_STATED = NEGATED | UNCERTAIN | HYPOTHETICAL | THRESHOLD;
/** The word after a comparative that names what it compares with ("lower than"). */
const COMPARED_TO: readonly string[] = ['than'];

/** Last words of the topic phrases ("microarchitecture", "texture"): what a topic ends with. */
const TOPIC_HEADS: readonly string[] = [...new Set(TBS_TOPIC_WORDS.map((p) => p.split(' ').pop() as string))];
/** Last words of the category labels ("category"). */
const CATEGORY_HEADS: readonly string[] = [...new Set(CATEGORY_LABELS.map((p) => p.split(' ').pop() as string))];
/** First words of the topic phrases ("bone", "trabecular", "microarchitecture"): where a topic starts. */
const TOPIC_WORDS: readonly string[] = [...new Set(TBS_TOPIC_WORDS.map((p) => p.split(' ')[0]))];

function isNormal(t: Tokens, i: number): boolean {
  return t.kind[i] === WORD && t.end[i] - t.start[i] === 6 && t.norm.startsWith('normal', t.start[i]);
}

/** A TBS-shaped number (a decimal in the TBS range). */
function tbsShaped(t: Tokens, k: number): boolean {
  return (
    t.kind[k] === NUMBER &&
    (t.flags[k] & DECIMAL) !== 0 &&
    t.unit[k] === UNIT_NONE &&
    t.value[k] >= 0.5 &&
    t.value[k] <= 2.5
  );
}

interface Statement {
  category: TbsCategory;
  start: number;
  end: number;
  tbs: TbsValue;
  sentence: number;
}

const CATEGORY_KIND = kindBit('tbsCategory');

export function readCategories(ctx: Ctx, tbs: TbsValue[]): CategoryStatement[] {
  if (!tbs.length) return [];
  const { tokens: t, hits, context, sentence } = ctx.reading;
  const byStart = new Map<number, TbsValue>();
  for (const v of tbs) byStart.set(v.span.start, v);
  // The report's TBS: its lumbar range (L1-L4, or a range the report does not name).
  const report = tbs.find((v) => v.region === null || v.region === undefined || v.region === 'L1-L4') ?? null;
  const tbsSections = new Set<number>();
  ctx.sections.forEach((s, i) => {
    if (s.kind === 'tbs') tbsSections.add(i);
  });

  const isTbsLabel = (k: number): boolean => {
    const h = hits.at[k];
    if (h < 0) return false;
    const c = hits.concepts[h];
    return conceptOf(c, 'tbs') !== undefined || conceptOf(c, 'label')?.element === 'tbs';
  };
  /** Is token k the start of a TBS topic word or inside a TBS label? */
  const aboutTbs = (k: number): boolean => isTbsLabel(k) || wordIn(t, k, TOPIC_HEADS) || byStart.has(t.start[k]);

  /** The meaningful token before k on its line (punctuation and gaps skipped), or -1. */
  const before = (k: number): number => {
    for (let j = k - 1; j >= 0 && k - j < 6; j--) {
      const kind = t.kind[j];
      if (kind === NEWLINE) return -1;
      if (kind === GAP) continue;
      if (kind === PUNCT) {
        const c = t.norm.charCodeAt(t.start[j]);
        if (c === 46 || c === 59) return -1;
        continue;
      }
      return j;
    }
    return -1;
  };

  /**
   * Is token p the head of a category key that names the TBS on its line: "TBS category: normal",
   * "Microarchitecture (TBS category): normal" (a bare "Category:" may be the WHO class's)?
   */
  const tbsCategoryKey = (p: number): boolean => {
    if (!wordIn(t, p, CATEGORY_HEADS)) return false;
    for (let j = p - 1; j >= 0 && p - j < 8 && t.kind[j] !== NEWLINE; j--) if (aboutTbs(j)) return true;
    return false;
  };

  /**
   * Is the bare "normal" at k about the TBS: right after a TBS, its value or its topic ("TBS:
   * Normal", "1.350 (normal)", "microarchitecture is normal"), or right before a TBS or its topic
   * ("normal trabecular bone score", "normal TBS")?
   */
  const bareNormalAboutTbs = (k: number): boolean => {
    let next = k + 1;
    while (next < t.n && t.kind[next] === GAP) next++;
    if (next < t.n && t.kind[next] !== NEWLINE && (isTbsLabel(next) || wordIn(t, next, TOPIC_WORDS))) return true;
    let p = before(k);
    // "TBS 1.336, which is normal", "TBS is within the normal range": up to three linking words.
    for (let links = 0; links < 3 && p >= 0 && wordIn(t, p, CATEGORY_LINKS); links++) p = before(p);
    if (p < 0 || !(aboutTbs(p) || tbsCategoryKey(p))) return false;
    // "normal bone density", "normal BMD": another measure's word follows.
    for (let j = k + 1; j < t.n && j - k < 3; j++) {
      // (Within the sentence: "... which is normal. Left femoral neck ..." is the next one's site.)
      if (t.kind[j] === NEWLINE || sentence[j] !== sentence[k]) break;
      const h = hits.at[j];
      if (h < 0) continue;
      const c = hits.concepts[h];
      if (conceptOf(c, 'bmd') || conceptOf(c, 'who') || conceptOf(c, 't') || conceptOf(c, 'site')) return false;
      break;
    }
    return true;
  };

  /**
   * The TBS value a statement at [s, e) describes: a TBS reading in its sentence (before it, else
   * after it); `undefined` when its sentence holds a TBS-shaped number that is no reading (a
   * threshold, an earlier value); `null` when its sentence holds no TBS-shaped number.
   */
  const valueOf = (s: number, e: number): TbsValue | null | undefined => {
    const sent = sentence[s];
    for (let k = s - 1; k >= 0 && sentence[k] === sent && s - k < 60; k--) {
      if (t.kind[k] !== NUMBER) continue;
      const v = byStart.get(t.start[k]);
      if (v) return v;
      if (tbsShaped(t, k)) return undefined;
    }
    // "TBS is normal (above 1.310)": a threshold in the brackets right after the category grounds it;
    // it is no value the category describes.
    let ground = t.kind[e] === PUNCT && t.norm.charCodeAt(t.start[e]) === 40;
    for (let k = e; k < t.n && sentence[k] === sent && k - e < 30; k++) {
      if (ground && t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 41) ground = false;
      if (t.kind[k] !== NUMBER || (ground && context[k] & THRESHOLD)) continue;
      const v = byStart.get(t.start[k]);
      if (v) return v;
      if (tbsShaped(t, k)) return undefined;
    }
    return null;
  };

  /** Does the sentence of token s name the TBS (a label or a topic word), or lie in a TBS section? */
  const sentenceAboutTbs = (s: number): boolean => {
    if (tbsSections.has(ctx.sectionOfLine[t.line[s]])) return true;
    const sent = sentence[s];
    for (let k = s; k >= 0 && sentence[k] === sent && s - k < 60; k--) if (aboutTbs(k)) return true;
    for (let k = s; k < t.n && sentence[k] === sent && k - s < 30; k++) if (aboutTbs(k)) return true;
    return false;
  };

  /** Does the clause of token s speak of TBS in general ("a lower TBS is associated with ...")? */
  const generic = (s: number): boolean => {
    const { clause } = ctx.reading;
    const c = clause[s];
    for (let k = s - 1; k >= 0 && clause[k] === c && s - k < 40; k--) if (genericAt(k)) return true;
    for (let k = s + 1; k < t.n && clause[k] === c && k - s < 40; k++) if (genericAt(k)) return true;
    return false;
  };
  // "slightly lower than in 2023": a comparative with its reference compares this patient's value,
  // it makes no general statement.
  const genericAt = (k: number): boolean => wordIn(t, k, GENERIC_WORDS) && !wordIn(t, k + 1, COMPARED_TO);

  const found: Statement[] = [];
  // The categories each sentence names, stated or not: a sentence that names several is a legend.
  const named = new Map<number, TbsCategory>();
  const mixed = new Set<number>();
  const name = (sent: number, category: TbsCategory) => {
    const had = named.get(sent);
    if (had === undefined) named.set(sent, category);
    else if (had !== category) mixed.add(sent);
  };
  const kinds = hitKinds(hits);
  const priorFrom = ctx.priorFrom;
  // The candidates in token order: the hits that hold a TBS category, and the word "normal" outside
  // any hit (found by a native search). `minK` is where the reading goes on after a statement.
  let nextHit = 0;
  let hitTok = t.n;
  const advanceHit = () => {
    while (nextHit < hits.n && !(kinds[nextHit] & CATEGORY_KIND && hits.at[hits.start[nextHit]] === nextHit)) nextHit++;
    hitTok = nextHit < hits.n ? hits.start[nextHit] : t.n;
  };
  let normalAt = t.norm.indexOf('normal');
  let normalTok = t.n;
  const advanceNormal = () => {
    normalTok = t.n;
    while (normalAt >= 0) {
      const pos = normalAt;
      normalAt = t.norm.indexOf('normal', pos + 1);
      const k = tokenAt(t, pos);
      if (k < t.n && t.start[k] === pos && hits.at[k] < 0 && isNormal(t, k)) {
        normalTok = k;
        return;
      }
    }
  };
  advanceHit();
  advanceNormal();
  let minK = 0;
  while (found.length < MAX_MENTIONS && (hitTok < t.n || normalTok < t.n)) {
    let k: number;
    if (hitTok < normalTok) {
      k = hitTok;
      nextHit++;
      advanceHit();
    } else {
      k = normalTok;
      advanceNormal();
    }
    if (k < minK) continue;
    if (t.start[k] >= priorFrom) break;
    const h = hits.at[k];
    let category: TbsCategory;
    let end = k + 1;
    let strong = false;
    let wordsEnd = -1;
    if (h >= 0) {
      end = hits.end[h];
      const c = conceptOf(hits.concepts[h], 'tbsCategory');
      if (!c) {
        minK = end;
        continue;
      }
      category = c.category;
      // "partially degraded" is a TBS statement wherever it stands; so is a category after "Category:".
      if (wordIn(t, k, TBS_ONLY_WORDS) || wordIn(t, before(k), CATEGORY_HEADS)) strong = true;
      // The statement's span is its category words ("partially degraded"), not the topic noun after them.
      for (let j = k + 1; j < end && wordsEnd < 0; j++)
        if (wordIn(t, j, TOPIC_WORDS)) {
          strong = true;
          wordsEnd = j;
        }
      // A short "normal" ("nl", "WNL") alone is one only beside a TBS, as a bare "normal" is.
      if (!strong && category === 'normal' && !bareNormalAboutTbs(k)) {
        minK = end;
        continue;
      }
    } else {
      if (!bareNormalAboutTbs(k)) continue;
      category = 'normal';
    }
    const cx = context[k];
    // "partially degraded, close to the degraded range": a category the value is compared with
    // (near, approaching, close to) is no second category named by the sentence.
    if (!(cx & UNCERTAIN)) name(sentence[k], category);
    if (cx & NOT_STATED || (cx & HISTORICAL && !(cx & CURRENT))) {
      minK = end;
      continue;
    }
    // "Normal: TBS 1.310 or above": a legend's label.
    if (end < t.n && t.kind[end] === PUNCT && t.norm.charCodeAt(t.start[end]) === 58 && !strong) {
      minK = end;
      continue;
    }
    const v = valueOf(k, end);
    let value: TbsValue | null = null;
    if (v) value = v;
    else if (v === null && report && (strong || sentenceAboutTbs(k)) && !generic(k)) value = report;
    let last = (wordsEnd > 0 ? wordsEnd : end) - 1;
    while (last > k && t.kind[last] !== WORD) last--;
    if (value) found.push({ category, start: t.start[k], end: t.end[last], tbs: value, sentence: sentence[k] });
    minK = end;
  }

  // A sentence that names several categories is a legend: it states none.
  const out: CategoryStatement[] = [];
  for (const f of found) {
    if (mixed.has(f.sentence)) continue;
    const span = { start: f.start, end: f.end };
    out.push({ category: f.category, tbs: f.tbs, span, range: range(ctx, span) });
  }
  return out;
}
