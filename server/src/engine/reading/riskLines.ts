/**
 * What the words of one line, or of one stretch of tokens, say about fracture risk: does it name a
 * TBS adjustment or deny one, a model, a risk word, a threshold? Read from the vocabulary's hits
 * (kinds, models, ConText cues) and the risk reader's word lists; memoised per line, so each line is
 * read once however many values ask about it.
 */
import type { Ctx } from '../context';
import { lineStarts } from '../context';
import type { RiskKind, RiskModelName } from '../types';
import { ADJUSTED, HISTORICAL, THRESHOLD, UNADJUSTED } from './concepts';
import { NEWLINE, NUMBER, PUNCT, UNIT_PERCENT, WORD } from './tokens';
import type { Tokens } from './tokens';
import { RISK_WORDS } from './vocab/risk';

/** Is token i one of the words (compared in place: no string is made for it)? */
export function isWordIn(t: Tokens, i: number, words: readonly string[]): boolean {
  if (t.kind[i] !== WORD) return false;
  const s = t.start[i];
  const len = t.end[i] - s;
  const first = t.norm.charCodeAt(s);
  // Length and first letter first: most words are none of the list, and no slice is made.
  for (let j = 0; j < words.length; j++) {
    const w = words[j];
    if (w.length === len && w.charCodeAt(0) === first && t.norm.startsWith(w, s)) return true;
  }
  return false;
}

/** The cue categories a phrase hit carries (terminators left out). */
export function cueBits(ctx: Ctx, h: number): number {
  let bits = 0;
  for (const c of ctx.reading.hits.concepts[h]) if (c.c === 'cue' && c.direction !== 'terminate') bits |= c.category;
  return bits;
}

export interface Stated {
  /** True: names a TBS adjustment; false: denies one; null: says nothing of it. */
  adjusted: boolean | null;
  /** The first model it names. */
  model: RiskModelName | null;
  /** It names a model, a risk kind or a risk word. */
  risky: boolean;
  /** It names a threshold. */
  threshold: boolean;
  /** It names an earlier study. */
  historical: boolean;
  /** It holds a percentage of its own. */
  percent: boolean;
  /** It names a model or a risk word (not only a kind): "FRAX", "probability", "risk". */
  term: boolean;
  /** It names the TBS. */
  tbs: boolean;
  /** The first risk kind it names, if any. */
  kind: RiskKind | null;
  /** It holds a "%" sign of its own ("(%)" in a table's title). */
  percentSign: boolean;
}

/** What tokens [from, to) state. */
export function statedIn(ctx: Ctx, from: number, to: number): Stated {
  const { tokens: t, hits } = ctx.reading;
  let adj = -1;
  let unadj = -1;
  let bare = -1;
  const out: Stated = {
    adjusted: null,
    model: null,
    risky: false,
    threshold: false,
    historical: false,
    percent: false,
    term: false,
    tbs: false,
    kind: null,
    percentSign: false,
  };
  for (let k = from; k < to; k++) {
    if (t.kind[k] === NUMBER) {
      if (t.unit[k] === UNIT_PERCENT) out.percent = true;
      continue;
    }
    const h = hits.at[k];
    if (h >= 0 && hits.start[h] === k) {
      // One walk over the hit's concepts: its cue bits (cueBits), its first model and kind, the TBS.
      let bits = 0;
      let model: RiskModelName | null = null;
      let kind: RiskKind | null = null;
      for (const c of hits.concepts[h]) {
        if (c.c === 'cue') {
          if (c.direction !== 'terminate') bits |= c.category;
        } else if (c.c === 'model') model ??= c.model;
        else if (c.c === 'kind') kind ??= c.kind;
        else if (c.c === 'tbs') out.tbs = true;
      }
      if (bits & UNADJUSTED) unadj = k;
      else if (bits & ADJUSTED) adj = k;
      if (bits & THRESHOLD) out.threshold = true;
      if (bits & HISTORICAL) out.historical = true;
      if (model) {
        out.model ??= model;
        out.risky = out.term = true;
      }
      if (kind) {
        out.kind ??= kind;
        out.risky = true;
      }
      // A risk word inside a longer phrase ("fracture probability" heads a section too).
      for (let j = k; j < hits.end[h]; j++) if (isWordIn(t, j, RISK_WORDS.terms)) out.risky = out.term = true;
      k = hits.end[h] - 1;
      continue;
    }
    if (isWordIn(t, k, RISK_WORDS.terms)) out.risky = out.term = true;
    else if (isWordIn(t, k, RISK_WORDS.bareAdjusted)) bare = k;
    else if (t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 37) out.percentSign = true;
  }
  if (unadj >= 0 || adj >= 0) out.adjusted = !(unadj >= 0 && unadj > adj);
  else if (bare >= 0 && out.tbs) out.adjusted = true;
  return out;
}

/** Memoised line readings. */
export class LineReader {
  private memo = new Map<number, Stated>();
  readonly first: Int32Array;
  constructor(private ctx: Ctx) {
    this.first = lineStarts(ctx);
  }
  line(l: number): Stated {
    let s = this.memo.get(l);
    if (!s) {
      s = statedIn(this.ctx, this.first[l], this.first[l + 1]);
      this.memo.set(l, s);
    }
    return s;
  }
  /**
   * The lead-in of a line: the nearest line above in its block (no blank line between, at most 8
   * lines up) that says something of the adjustment or names a model, and holds no percentage of
   * its own: "FRAX, TBS-adjusted:" over bullets, "Model: FRAX (TBS-adjusted)" over "MOF: 17%",
   * "FRAX 10-year probability (adjusted for TBS)" over "Major osteoporotic fracture" / "117 %".
   * Lines with percentages (sibling bullets) and bare labels are passed over; a line of prose (it
   * ends a sentence with a point) ends the search, and so does a header after it is read. -1 when
   * there is none.
   */
  leadIn(l: number): number {
    const { ctx } = this;
    const t = ctx.reading.tokens;
    for (let i = l - 1, steps = 0; i >= 0 && steps < 8 && !ctx.blankLine[i]; i--, steps++) {
      // A line of prose (it ends a sentence with a point) ends the search.
      let last = this.first[i + 1] - 1;
      while (last >= this.first[i] && t.kind[last] === NEWLINE) last--;
      if (last >= this.first[i] && t.kind[last] === PUNCT && t.norm.charCodeAt(t.start[last]) === 46) return -1;
      const s = this.line(i);
      if (s.percent) continue;
      if (s.adjusted !== null || s.model !== null || s.threshold) return i;
      if (ctx.headerLine[i]) return -1;
    }
    return -1;
  }
  /**
   * Does a line above in the block name a model or a risk word ("10-Year Fracture Risk" over
   * "Major Osteoporotic Fracture  15%" and "Hip Fracture  2.0%")? The same walk as leadIn.
   */
  riskyAbove(l: number): boolean {
    const { ctx } = this;
    const t = ctx.reading.tokens;
    for (let i = l - 1, steps = 0; i >= 0 && steps < 8 && !ctx.blankLine[i]; i--, steps++) {
      let last = this.first[i + 1] - 1;
      while (last >= this.first[i] && t.kind[last] === NEWLINE) last--;
      if (last >= this.first[i] && t.kind[last] === PUNCT && t.norm.charCodeAt(t.start[last]) === 46) return false;
      if (this.line(i).term) return true;
      if (ctx.headerLine[i]) return false;
    }
    return false;
  }
  /** The header line of the section that holds line l, or -1. */
  header(l: number): number {
    const s = this.ctx.sectionOfLine[l];
    return s >= 0 ? this.ctx.sections[s].headerLine : -1;
  }
}
