/**
 * Which kind (MOF, hip, Garvan "any") a percentage is the risk of, read from the vocabulary's kind
 * hits in its sentence, whatever the order:
 *   kind first   "MOF 17%, hip 2.9%"                       each value takes the kind before it;
 *   value first  "a 17% probability of MOF and a 2.9% probability of hip fracture"
 *                                                          each value takes the kind after it;
 *   listed       "MOF and hip fracture ... 13% and 2.8% (respectively)"
 *                                                          the kinds in order, one per value;
 *   bracketed    "MOF 18%, hip 5.2% (before the adjustment: 16% and 4.8%)"
 *                                                          the kinds of the values before, in order.
 * A list of fracture sites in brackets after a kind ("major osteoporotic fracture (spine, hip,
 * wrist or shoulder)") names no kind of its own.
 */
import type { Ctx } from '../context';
import type { RiskKind } from '../types';
import { HYPOTHETICAL, THRESHOLD } from './concepts';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { isWordIn } from './riskLines';
import { RISK_WORDS } from './vocab/risk';
import { NEWLINE, NUMBER, PUNCT, tokenAt, UNIT_PERCENT } from './tokens';

export interface KindReading {
  /** The kind of the percentage that starts at each offset (absent: no kind found). */
  kindAt: Map<number, RiskKind>;
  /** The token of the kind word each of those values took. */
  kindTokAt: Map<number, number>;
  /** The sentences that hold a percentage, as [from, to) token pairs in document order. */
  sentences: number[];
}

/** Words and numbers allowed between a value and the kind after it ("17% probability of a major ..."). */
const MAX_AFTER = 5;

const KIND_BIT = kindBit('kind');

export function readRiskKinds(ctx: Ctx): KindReading {
  const kindAt = new Map<number, RiskKind>();
  const kindTokAt = new Map<number, number>();
  const sentences: number[] = [];
  const { tokens: t, hits, sentence, context } = ctx.reading;
  // A threshold or a hypothetical value takes no kind, and keeps none from the values around it.
  const isPercent = (k: number) =>
    t.kind[k] === NUMBER && t.unit[k] === UNIT_PERCENT && !(context[k] & (THRESHOLD | HYPOTHETICAL));
  const set = (value: number, kindTok: number) => {
    kindAt.set(t.start[value], kindOfTok.get(kindTok) as RiskKind);
    kindTokAt.set(t.start[value], kindTok);
  };
  // Cheap test first: without a percentage there is no risk to give a kind.
  // The token arrays in locals: the passes below touch every token.
  const { n: count, kind: kinds, unit: units, start: starts, norm } = t;
  let any = false;
  for (let k = 0; k < count && !any; k++) any = units[k] === UNIT_PERCENT;
  if (!any) return { kindAt, kindTokAt, sentences };
  // Kind hits, with fracture-site lists in brackets after a kind left out, and any bracketed list
  // of three or more items ("a major bone (spine, hip, wrist or shoulder)").
  const kindOfTok = new Map<number, RiskKind>();
  // The kind bits of the hits: a concept search only for a hit that may name a risk kind.
  const hitKind = hitKinds(hits);
  const { at: hitAt, start: hitStart } = hits;
  // Bracketed lists of three or more items ("(spine, hip, wrist or shoulder)"): a stack of open
  // brackets, their commas and "or"s; two commas, or a comma and "or", make a list; a bracket left
  // open at the end of its line closes there. The tokens inside a list are marked when it closes,
  // so a kind hit is kept as a candidate till the end of the walk.
  let inList: Uint8Array | null = null;
  const open: number[] = [];
  const commas: number[] = [];
  const ors: number[] = [];
  const candTok: number[] = [];
  const candKind: RiskKind[] = [];
  let lastKindEnd = -10;
  let openParenAfterKind = false;
  let depth = 0;
  // One walk: the kind hits (tokens inside a phrase hit are passed over), and the sentences that
  // hold a percentage (every token), read once the walk is done.
  let skipUntil = 0;
  let sFrom = 0;
  let sId = count ? sentence[0] : 0;
  let has = false;
  for (let k = 0; k < count; k++) {
    if (sentence[k] !== sId) {
      if (has) sentences.push(sFrom, k);
      sFrom = k;
      sId = sentence[k];
      has = false;
    }
    if (units[k] === UNIT_PERCENT) has = true;
    const kind = kinds[k];
    if (kind === NEWLINE) {
      if (open.length) open.length = commas.length = ors.length = 0;
    } else if (kind === PUNCT) {
      const c = norm.charCodeAt(starts[k]);
      if (c === 40 && open.length < 64) {
        open.push(k);
        commas.push(0);
        ors.push(0);
      } else if (c === 41 && open.length) {
        const from = open.pop() as number;
        const nc = commas.pop() as number;
        const no = ors.pop() as number;
        if (nc >= 2 || (nc >= 1 && no >= 1)) {
          inList ??= new Uint8Array(count);
          for (let j = from + 1; j < k; j++) inList[j] = 1;
        }
      } else if (c === 44 && open.length) commas[commas.length - 1]++;
    } else if (open.length && isWordIn(t, k, RISK_WORDS.listOr)) ors[ors.length - 1]++;
    if (k < skipUntil) continue;
    if (kind === PUNCT) {
      const c = norm.charCodeAt(starts[k]);
      if (c === 40) {
        depth++;
        if (k === lastKindEnd) openParenAfterKind = true;
      } else if (c === 41 && depth > 0) {
        depth--;
        if (depth === 0 && openParenAfterKind) {
          // "major osteoporotic fracture (MOF) (spine, hip, wrist or shoulder)": the next bracket
          // still follows the kind.
          openParenAfterKind = false;
          lastKindEnd = k + 1;
        }
      }
      continue;
    }
    if (kind === NEWLINE && depth > 0) {
      depth = 0;
      openParenAfterKind = false;
    }
    const h = hitAt[k];
    if (h < 0 || hitStart[h] !== k || !(hitKind[h] & KIND_BIT)) continue;
    const named = conceptOf(hits.concepts[h], 'kind');
    if (!named) continue;
    if (!openParenAfterKind) {
      candTok.push(k);
      candKind.push(named.kind);
    }
    lastKindEnd = hits.end[h];
    skipUntil = hits.end[h];
  }
  if (count && has) sentences.push(sFrom, count);
  // The kind tokens in document order (candTok is), for the sentences' walks below.
  const kindToks: number[] = [];
  for (let i = 0; i < candTok.length; i++)
    if (!inList?.[candTok[i]]) {
      kindOfTok.set(candTok[i], candKind[i]);
      kindToks.push(candTok[i]);
    }
  // The first kind token not before the sentence read (sentences come in document order).
  let kp = 0;

  // Sentence by sentence; a sentence without a percentage gives no kind.
  for (let i = 0; i < sentences.length; i += 2) readSentence(sentences[i], sentences[i + 1]);
  return { kindAt, kindTokAt, sentences };

  function readSentence(from: number, to: number): void {
    const values: number[] = [];
    const kinds: number[] = [];
    // A kind wrapped over the line break that opens the sentence ("Major Osteoporotic" / "Fracture
    // 13%" in text copied from a PDF) is this sentence's first kind.
    let start = from;
    const h0 = hits.at[from] >= 0 ? hits.at[from] : from + 1 < to ? hits.at[from + 1] : -1;
    if (h0 >= 0 && hits.start[h0] < from && kindOfTok.has(hits.start[h0])) {
      kinds.push(hits.start[h0]);
      start = hits.start[h0];
    }
    for (let k = from; k < to; k++) if (isPercent(k) && !(t.value[k] < 0)) values.push(k);
    // The sentence's kind tokens from the ordered list (no lookup per token); a value is none.
    while (kp < kindToks.length && kindToks[kp] < from) kp++;
    for (let j = kp; j < kindToks.length && kindToks[j] < to; j++) {
      const k = kindToks[j];
      if (!(isPercent(k) && !(t.value[k] < 0))) kinds.push(k);
    }
    if (!values.length || !kinds.length) {
      // Bracketed values with no kind at all: the kinds of the values just before, in order.
      return;
    }
    // For each value: the kinds between it and the value before (indices into `kinds`, first and
    // last, -1 when none), and the kind right after it (token, -1 when none). No array per value.
    const n = values.length;
    const segFirst = new Int32Array(n).fill(-1);
    const segLast = new Int32Array(n).fill(-1);
    const after = new Int32Array(n).fill(-1);
    let ki = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const prev = i > 0 ? values[i - 1] : start - 1;
      while (ki < kinds.length && kinds[ki] < v) {
        if (kinds[ki] > prev) {
          if (segFirst[i] < 0) segFirst[i] = ki;
          segLast[i] = ki;
        }
        ki++;
      }
      const next = i + 1 < n ? values[i + 1] : to;
      if (ki < kinds.length && kinds[ki] < next && wordsBetween(v, kinds[ki]) <= MAX_AFTER) after[i] = kinds[ki];
    }
    // Listed: two or more kinds before the first value, none between the values.
    const listed = segFirst[0] >= 0 ? segLast[0] - segFirst[0] + 1 : 0;
    let between = false;
    for (let i = 1; i < n && !between; i++) between = segFirst[i] >= 0;
    if (listed >= 2 && !between && n >= 2) {
      // "MOF and hip ...: 16 % and 4.8 %; adjusted for TBS: 19 % and 5.9 %": one value per kind,
      // and again in the same order when the values come in whole rounds.
      const rounds = n % listed === 0 ? n : Math.min(n, listed);
      for (let i = 0; i < rounds; i++) set(values[i], kinds[segFirst[0] + (i % listed)]);
      return;
    }
    // Values first, then their kinds listed in the same order: "19% / 3.3% (MOF / hip)".
    if (n >= 2 && segLast[n - 1] < 0 && !between && segFirst[0] < 0) {
      let trailing = 0;
      while (ki + trailing < kinds.length && kinds[ki + trailing] < to) trailing++;
      if (trailing === n && wordsBetween(values[n - 1], kinds[ki]) <= 3) {
        for (let i = 0; i < n; i++) set(values[i], kinds[ki + i]);
        return;
      }
    }
    const valueFirst = segLast[0] < 0 && after[0] >= 0;
    for (let i = 0; i < n; i++) {
      // A value the order does not settle is left to the caller.
      const pick = valueFirst ? after[i] : segLast[i] >= 0 ? kinds[segLast[i]] : -1;
      if (pick >= 0) set(values[i], pick);
    }
  }

  /** Words between a value and the kind after it; a bracket, comma or semicolon between: too far. */
  function wordsBetween(a: number, b: number): number {
    let n = 0;
    for (let k = a + 1; k < b; k++) {
      if (t.kind[k] === PUNCT) {
        const c = t.norm.charCodeAt(t.start[k]);
        if (c === 41 || c === 44 || c === 59 || c === 58) return Infinity;
      } else if (++n > MAX_AFTER) return n;
    }
    return n;
  }
}

/** The token index of the number at `offset`. */
export function numberToken(ctx: Ctx, offset: number): number {
  return tokenAt(ctx.reading.tokens, offset);
}
