/**
 * Fracture-risk results: "TBS-adjusted FRAX: MOF 17%; hip 2.9%", "FRAX estimates a 17% probability
 * of major osteoporotic fracture and a 2.9% probability of hip fracture", "13 % and 2.8 %
 * respectively", risk matrices (riskTable.ts), CAROC categories, and the model each result belongs to.
 *
 * Typed attachment: a risk is a percentage that takes the nearest compatible kind of its sentence
 * (riskKinds.ts: kind first, value first, listed, trailing); a value in brackets with no kind takes
 * the kinds of the values before the brackets, in order ("MOF 18%, hip 5.2% (before the adjustment:
 * 16% and 4.8%)"); "12% rising to 15%" continues a kind. Context is data (vocab/cues.ts): a value
 * under a threshold, hypothetical or earlier-study cue is no result. The adjustment is the nearest
 * adjustment cue of the value's brackets, else of its sentence, else of its lead-in line, else of
 * the next sentence when that speaks of "these"/"both" values, else of its section's header.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { Risk, RiskCategory, RiskKind, RiskModel, Slot } from '../types';
import { ADJUSTED, HISTORICAL, HYPOTHETICAL, NEGATED, THRESHOLD, UNADJUSTED } from './concepts';
import { placeholderAfter } from './models';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { lineOf } from '../text';
import { readRiskKinds } from './riskKinds';
import type { Stated } from './riskLines';
import { cueBits, isWordIn, LineReader, statedIn } from './riskLines';
import { readRiskTables } from './riskTable';
import {
  DECIMAL,
  GAP,
  NEWLINE,
  NUMBER,
  PLACEHOLDER,
  PUNCT,
  SIGNED,
  UNIT_G_CM2,
  UNIT_KG_M2,
  UNIT_PERCENT,
  WORD,
  punctAt,
  tokenAt,
  wordIn,
} from './tokens';
import { historicalAt, inRange } from './values';
import { CORRECTION_WORDS } from './vocab/cues';
import { RISK_WORDS } from './vocab/risk';

const isOpen = (c: number) => c === 40 || c === 91;
/** Tokens around a value searched for its adjustment cue and its horizon. */
const WINDOW = 48;
/** Kind bits of the TBS labels and the settings' labels. */
const TBS_BIT = kindBit('tbs');
const LABEL_BIT = kindBit('label');
/** Bracket nesting followed at most. */
const MAX_DEPTH = 8;
const isClose = (c: number) => c === 41 || c === 93;
/** The horizon number words ("five-year"), listed once. */
const HORIZON_NUMBERS: ReadonlyArray<[string, number]> = Object.entries(RISK_WORDS.horizonNumbers);

export interface RiskReading {
  risks: Risk[];
  lines: LineReader;
}

export function readRisks(ctx: Ctx, slots: Slot[]): RiskReading {
  const lines = new LineReader(ctx);
  /** Footnote marks that open a line ("(1) FRAX ..."): the mark's number -> its line; read once. */
  let notes: Map<number, number> | null = null;
  const tableRisks = readRiskTables(ctx, lines);
  const out: Risk[] = [...tableRisks];
  const fromTable = new Set<number>();
  for (const r of tableRisks) fromTable.add(r.span.start);
  const { tokens: t, sentence, clause, context, hits } = ctx.reading;
  const pct = (k: number) => t.kind[k] === NUMBER && t.unit[k] === UNIT_PERCENT && !(t.flags[k] & SIGNED);

  let tbsNamed = -1;
  // The kinds of the last sentence whose percentages had kinds, and that sentence.
  let prevKinds: RiskKind[] = [];
  let prevSentence = -2;
  // The token arrays in locals: the passes below touch every token.
  const { n: count, kind: kinds, unit: units, flags } = t;
  let any = false;
  for (let k = 0; k < count && !any; k++) any = units[k] === UNIT_PERCENT;
  // Percentages of each sentence that point back at earlier values ("the probabilities above").
  const backRefs: Array<{ tok: number; sFrom: number; sTo: number }> = [];
  // Values whose own sentence says something of the adjustment.
  const stated = new Set<number>();
  if (any) {
    // The sentences with a percentage, found by the kind reader: only they can hold a risk.
    const { kindAt, kindTokAt, sentences } = readRiskKinds(ctx);
    let seen = 0;
    for (let i = 0; i < sentences.length && seen < MAX_MENTIONS; i += 2) {
      const k = sentences[i];
      const e = sentences[i + 1];
      let has = false;
      for (let q = k; q < e && !has; q++)
        if (kinds[q] === NUMBER && units[q] === UNIT_PERCENT && !(flags[q] & SIGNED)) has = true;
      if (has) seen += readSentence(k, e, kindAt, kindTokAt);
    }
  }
  readSlots(ctx, slots);
  out.sort((a, b) => a.span.start - b.span.start);
  if (any) dropCorrected(ctx, out, (r) => silentOnAdjustment(ctx, lines, stated, r));
  const silent = (r: Risk) => silentOnAdjustment(ctx, lines, stated, r);
  declaredAdjustedLater(ctx, out, fromTable, backRefs, silent);
  restatedAdjusted(out, fromTable, silent);
  return { risks: out, lines };

  function readSentence(
    from: number,
    to: number,
    kindAt: Map<number, RiskKind>,
    kindTokAt: Map<number, number>,
  ): number {
    const sentenceStated = statedIn(ctx, from, to);
    // Brackets of the sentence: for each token, the bracket that holds it (its opening token), -1
    // outside; and whether a bracket holds a percentage.
    // A plain array: a typed array this size costs an allocation outside the heap per sentence.
    const open: number[] = new Array<number>(to - from).fill(-1);
    const bracketPct = new Map<number, boolean>();
    const stack: number[] = [];
    const values: number[] = [];
    for (let k = from; k < to; k++) {
      if (t.kind[k] === PUNCT) {
        const c = t.norm.charCodeAt(t.start[k]);
        if (isOpen(c)) {
          open[k - from] = stack.length ? stack[stack.length - 1] : -1;
          stack.push(k);
          bracketPct.set(k, false);
          continue;
        }
        if (isClose(c) && stack.length) {
          open[k - from] = stack.pop() as number;
          continue;
        }
      }
      open[k - from] = stack.length ? stack[stack.length - 1] : -1;
      if (pct(k)) {
        values.push(k);
        if (stack.length) bracketPct.set(stack[stack.length - 1], true);
      }
    }
    if (sentenceStated.term && backReference(from, to) && sentenceStated.adjusted === true)
      for (const v of values) backRefs.push({ tok: v, sFrom: from, sTo: to });

    const kinds: Array<RiskKind | null> = values.map((v) => kindAt.get(t.start[v]) ?? null);
    const kindTok: number[] = values.map((v) => kindTokAt.get(t.start[v]) ?? -1);
    /** Value i is the first of a "from X to Y" / "X rising to Y" pair: the value before the change. */
    const before = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      if (kinds[i]) continue;
      const v = values[i];
      const b = open[v - from];
      // Bracketed: the kinds of the values before the brackets, in order.
      if (b >= 0) {
        const group: number[] = [];
        for (let j = i; j < values.length && j < i + 8 && open[values[j] - from] === b; j++)
          if (!kinds[j]) group.push(j);
        const prior: number[] = [];
        for (let j = Math.max(0, i - 8); j < i; j++)
          if (values[j] < b && kinds[j] && open[values[j] - from] < 0) prior.push(j);
        if (prior.length >= group.length) {
          const use = prior.slice(prior.length - group.length);
          group.forEach((g, idx) => {
            kinds[g] = kinds[use[idx]];
            kindTok[g] = kindTok[use[idx]];
          });
          continue;
        }
        // A table's rows before the bracket, one sentence each ("Major osteoporotic fracture ...
        // 17 %" / "Hip fracture ... 3.2 %" / "(Unmodified FRAX: 14 % and 2.6 % respectively.)").
        if (group.length >= 2 && prevSentence === sentence[from] - 1 && pointsBack(v, to)) {
          const rows: RiskKind[] = prevKinds.slice();
          for (const j of prior) rows.push(kinds[j] as RiskKind);
          if (rows.length >= group.length) {
            const use = rows.slice(rows.length - group.length);
            group.forEach((g, idx) => {
              kinds[g] = use[idx];
              kindTok[g] = -1;
            });
            continue;
          }
        }
      }
      // A later clause that points back ("these", "both", "respectively") with values and no kinds:
      // the kinds of the values before it, in order ("MOF 23% and hip 6.2%; after adjustment for
      // TBS these rise to 27% and 7.5% respectively").
      if (i > 0 && clause[v] !== clause[values[i - 1]] && pointsBack(v, to)) {
        const group: number[] = [];
        for (let j = i; j < values.length && j < i + 8 && clause[values[j]] === clause[v]; j++)
          if (!kinds[j]) group.push(j);
        const prior: number[] = [];
        for (let j = Math.max(0, i - 8); j < i; j++) if (kinds[j] && clause[values[j]] !== clause[v]) prior.push(j);
        if (group.length >= 2 && prior.length >= group.length) {
          const use = prior.slice(prior.length - group.length);
          // The kind word lies in the clause before: a change word between it and these values
          // ("both increase, to ...") is no change column.
          group.forEach((g, idx) => {
            kinds[g] = kinds[use[idx]];
            kindTok[g] = -1;
          });
          continue;
        }
      }
      // The same in the next sentence: "FRAX: MOF 15% and hip 2.4%. With the TBS factored in, these
      // increase to 18% and 3.0% respectively."
      if (i === 0 && prevKinds.length && prevSentence === sentence[from] - 1 && pointsBack(v, to)) {
        const group: number[] = [];
        for (let j = 0; j < values.length && j < 8 && clause[values[j]] === clause[v]; j++)
          if (!kinds[j]) group.push(j);
        if (group.length >= 2 && group.length <= prevKinds.length) {
          const use = prevKinds.slice(prevKinds.length - group.length);
          group.forEach((g, idx) => {
            kinds[g] = use[idx];
            kindTok[g] = -1;
          });
          continue;
        }
      }
      // "12% rising to 15%", "from 11% to 14%": the kind goes on.
      if (i > 0 && kinds[i - 1] && linkedByTo(values[i - 1], v)) {
        kinds[i] = kinds[i - 1];
        kindTok[i] = kindTok[i - 1];
        before[i - 1] = 1;
      }
    }
    inheritKinds(values, kinds, sentenceStated);
    const given: RiskKind[] = [];
    for (const k of kinds) if (k) given.push(k);
    if (given.length) {
      // Rows of a table are sentences of one kind each: the kinds of consecutive sentences add up
      // ("Major osteoporotic fracture ... 17 %" / "Hip fracture ... 3.2 %" / "(... 14 % and 2.6 %
      // respectively)").
      prevKinds = prevSentence === sentence[from] - 1 ? prevKinds.concat(given).slice(-8) : given;
      prevSentence = sentence[from];
    }
    let nonHip = false;
    for (const k of kinds) if (k && k !== 'hip') nonHip = true;
    let read = 0;
    for (let i = 0; i < values.length && read < MAX_MENTIONS; i++) {
      const v = values[i];
      read++;
      const kind = kinds[i];
      if (!kind || fromTable.has(t.start[v])) continue;
      const cx = context[v];
      if (cx & (THRESHOLD | HYPOTHETICAL) || inRange(ctx, v)) continue;
      // "from 11% to 14%": "from" marks no earlier study here.
      let p = v - 1;
      while (p > 0 && (t.kind[p] === NEWLINE || t.kind[p] === GAP)) p--;
      const fromTo = before[i] && p >= 0 && isWordIn(t, p, RISK_WORDS.from);
      if (!fromTo && historicalAt(ctx, v)) continue;
      if (!fromTo && cx & HISTORICAL && t.start[v] < ctx.priorFrom) continue;
      if (ctx.priorNumbers.has(t.start[v])) continue;
      if (!riskContext(v, kind, sentenceStated, nonHip)) continue;
      if (kindTok[i] >= 0 && kindTok[i] < v && changeBetween(kindTok[i], v)) continue;
      const span = { start: t.start[v], end: t.unitEnd[v] };
      if (sentenceStated.adjusted !== null) stated.add(span.start);
      out.push({
        kind,
        value: t.value[v],
        text: ctx.doc.text.slice(span.start, span.end),
        adjusted: before[i] ? false : adjustedAt(v, from, to, bareCue(sentenceStated), open, bracketPct),
        horizon: horizonOf(from, v),
        span,
        range: range(ctx, span),
      });
    }
    return read;
  }

  /** Does the clause of value v name a back-reference ("these", "both", "respectively")? */
  function pointsBack(v: number, to: number): boolean {
    const c = clause[v];
    let a = v;
    while (a > 0 && clause[a - 1] === c && v - a < 24) a--;
    for (let k = a; k < to && clause[k] === c && k - a < 48; k++)
      if (isWordIn(t, k, RISK_WORDS.nextSentenceSubjects) || isWordIn(t, k, RISK_WORDS.respectively)) return true;
    return false;
  }

  /**
   * A sentence of bare coordinated percentages that names a model or an adjustment ("FRAX without
   * TBS: 11.8 % and 1.9 %", "Unadjusted: 14% / 2.1%") gives them the kinds of the risks read just
   * before it, in order, as a bracket after them does: the results restated under another adjustment.
   */
  function inheritKinds(values: number[], kinds: Array<RiskKind | null>, s: Stated): void {
    const n = values.length;
    if (n < 2 || n > 3 || kinds.some((k) => k) || s.threshold || s.historical) return;
    if (s.model === null && s.adjusted === null) return;
    for (let i = 1; i < n; i++) if (!coordinated(values[i - 1], values[i])) return;
    const first = t.start[values[0]];
    // The last n risks read before the sentence (prose risks are pushed in document order).
    const use: Risk[] = [];
    for (let i = out.length - 1; i >= 0 && i >= out.length - 16 && use.length < n; i--)
      if (out[i].span.start < first) use.unshift(out[i]);
    if (use.length < n || new Set(use.map((r) => r.kind)).size < n) return;
    for (let i = 1; i < n; i++) if (use[i].span.start < use[i - 1].span.start) return;
    // The restated risks stand close above (a few lines), none of them in another study.
    if (t.line[values[0]] - t.line[tokenAt(t, use[0].span.start)] > 6) return;
    for (let i = 0; i < n; i++) kinds[i] = use[i].kind;
  }

  /** Only punctuation, a gap or "and" between two values: "11.8 % and 1.9 %", "14% / 2.1%". */
  function coordinated(a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) {
      if (t.kind[k] === PUNCT || t.kind[k] === GAP) continue;
      if (t.kind[k] === WORD && isWordIn(t, k, RISK_WORDS.coordination)) continue;
      return false;
    }
    return true;
  }

  /** Only "to" (after "rising", "up" and the like) stands between two values. */
  function linkedByTo(a: number, b: number): boolean {
    if (b - 1 <= a || !isWordIn(t, b - 1, RISK_WORDS.continuation)) return false;
    let words = 0;
    for (let k = a + 1; k < b - 1; k++) {
      if (t.kind[k] === NUMBER || (hits.at[k] >= 0 && conceptOf(hits.concepts[hits.at[k]], 'kind'))) return false;
      if (t.kind[k] === WORD && ++words > 3) return false;
    }
    return true;
  }

  /** A sentence about risk, or a value under a risk lead-in or in the risk section. */
  function riskContext(v: number, kind: RiskKind, s: Stated, nonHip: boolean): boolean {
    if (s.term || kind !== 'hip' || nonHip) return true;
    const line = t.line[v];
    if (lines.riskyAbove(line)) return true;
    const sec = ctx.sectionOfLine[line];
    return sec >= 0 && ctx.sections[sec].kind === 'risk';
  }

  /** A bone density, a change or a comparison between the kind and the value: not a probability. */
  function changeBetween(a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) {
      if (t.kind[k] === NUMBER && (t.unit[k] === UNIT_G_CM2 || t.unit[k] === UNIT_KG_M2)) return true;
      if (isWordIn(t, k, RISK_WORDS.change)) return true;
    }
    return false;
  }

  /** A word of the sentence points back at earlier values ("above", "previously reported"). */
  function backReference(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (isWordIn(t, k, RISK_WORDS.backReference)) return true;
    return false;
  }

  /** "(1)" at token k: its number (1-9), or -1. */
  function markAt(k: number): number {
    if (k + 2 >= t.n || punctAt(t, k) !== 40 || punctAt(t, k + 2) !== 41 || t.kind[k + 1] !== NUMBER) return -1;
    if (t.end[k + 1] - t.start[k + 1] !== 1 || t.start[k + 1] !== t.end[k] || t.start[k + 2] !== t.end[k + 1])
      return -1;
    return t.value[k + 1];
  }
  /** What the note of a footnote mark on `line` (glued to a word: "Risk(1)") states of the adjustment. */
  function footnoteAdjusted(line: number): boolean | null {
    const docLines = ctx.doc.lines;
    let mark = -1;
    for (let k = tokenAt(t, docLines[line].start); k < t.n && t.kind[k] !== NEWLINE && mark < 0; k++)
      if (k > 0 && t.kind[k - 1] === WORD && t.end[k - 1] === t.start[k]) mark = markAt(k);
    if (mark < 0) return null;
    if (!notes) {
      notes = new Map();
      for (let l = 0; l < docLines.length; l++) {
        const k = tokenAt(t, docLines[l].start);
        const m = k < t.n && t.line[k] === l ? markAt(k) : -1;
        if (m >= 0 && !notes.has(m)) notes.set(m, l);
      }
    }
    const at = notes.get(mark);
    if (at === undefined || at === line) return null;
    // The note runs to a blank line or the next note, over at most 4 lines.
    const a = tokenAt(t, docLines[at].start) + 3;
    let last = at;
    while (last + 1 < docLines.length && last - at < 3 && !ctx.blankLine[last + 1]) {
      const k = tokenAt(t, docLines[last + 1].start);
      if (k < t.n && markAt(k) >= 0) break;
      last++;
    }
    const b = tokenAt(t, docLines[last].end);
    return a < b ? statedIn(ctx, a, b).adjusted : null;
  }

  /** The adjustment cue nearest the value: in its brackets, then in its sentence outside other brackets. */
  function adjustedAt(
    v: number,
    from: number,
    to: number,
    tbs: number,
    open: readonly number[],
    bracketPct: Map<number, boolean>,
  ): boolean {
    const own = open[v - from];
    // Cues inside a bracket that holds a value of its own qualify that value only.
    const foreign = (k: number) => {
      let depth = 0;
      for (let b = open[k - from]; b >= 0 && depth < MAX_DEPTH; b = open[b - from], depth++)
        if (b !== own && bracketPct.get(b)) return true;
      return false;
    };
    if (own >= 0) {
      const r = nearestCue(v, from, to, tbs, (k) => open[k - from] === own || (k > own && within(k, own)));
      if (r !== null) return r;
    }
    const r = nearestCue(v, from, to, tbs, (k) => !foreign(k));
    if (r !== null) return r;
    // The pipeline's context bits (a cue in another clause of a "both" scope).
    if (context[v] & UNADJUSTED) return false;
    if (context[v] & ADJUSTED) return true;
    // A lead-in line above ("FRAX, TBS-adjusted:", "Model: FRAX (TBS-adjusted)").
    const line = t.line[v];
    const lead = lines.leadIn(line);
    if (lead >= 0 && lines.line(lead).adjusted !== null) return lines.line(lead).adjusted as boolean;
    // "MOF 17%, hip 2.9%. Both probabilities are adjusted for TBS."
    const next = nextSentence(to);
    if (next !== null) return next;
    // A footnote mark on the value's line ("10-year Fracture Risk(1)") whose note says what was
    // adjusted ("(1) FRAX version 4.4. ... femoral neck BMD entered, adjusted for TBS.").
    const note = footnoteAdjusted(line);
    if (note !== null) return note;
    // The section's header, when it is about risk ("Fracture risk (TBS-adjusted)").
    // (A header on the value's own line, "FRAX: MOF 23%, ...", was read with the sentence.)
    const h = lines.header(line);
    return (h >= 0 && h !== line && lines.line(h).term && lines.line(h).adjusted) || false;

    function within(k: number, b: number): boolean {
      let depth = 0;
      for (let x = open[k - from]; x >= 0 && depth < MAX_DEPTH; x = open[x - from], depth++) if (x === b) return true;
      return false;
    }
  }

  /** Last adjustment cue before v among the tokens `ok` accepts, else the first one after it. */
  /**
   * When does a bare "adjusted" / "adj" name the TBS adjustment: 2 when the sentence names the TBS;
   * 1 when it names FRAX in a report that names the TBS ("FRAX_MOF_ADJ: 17.0") and the word says
   * for nothing else ("adjusted for steroid dose" is another adjustment); 0 never.
   */
  function bareCue(s: Stated): number {
    if (s.tbs) return 2;
    return s.model === 'FRAX' && namesTbs() ? 1 : 0;
  }

  function nearestCue(v: number, from: number, to: number, tbs: number, ok: (k: number) => boolean): boolean | null {
    let found: boolean | null = null;
    // A window around the value, so that each value costs a bounded number of tokens.
    const end = Math.min(to, v + WINDOW);
    let k = Math.max(from, v - WINDOW);
    // Start at the beginning of a phrase hit, not inside one.
    while (k > from && hits.at[k] >= 0 && hits.start[hits.at[k]] < k) k--;
    for (; k < end; k++) {
      if (k > v && found !== null) break;
      const h = hits.at[k];
      let cue: boolean | null = null;
      if (h >= 0 && hits.start[h] === k) {
        const bits = cueBits(ctx, h);
        if (bits & UNADJUSTED) cue = false;
        else if (bits & ADJUSTED) cue = true;
        k = hits.end[h] - 1;
      } else if (tbs && isWordIn(t, k, RISK_WORDS.bareAdjusted)) {
        if (tbs === 2 || !isWordIn(t, k + 1, RISK_WORDS.adjustedFor)) cue = true;
      }
      if (cue === null || !ok(k)) continue;
      // A cue after the value, in a later clause that holds values of its own, is theirs: "MOF 23%,
      // hip 6.2%; after adjustment for TBS these rise to 27% and 7.5%".
      if (k > v) return clause[k] !== clause[v] && pctInClauseAfter(k, to) ? null : cue;
      found = cue;
    }
    return found;
  }

  /** Does the report name the TBS anywhere (a TBS label)? Read once. */
  function namesTbs(): boolean {
    if (tbsNamed < 0) {
      tbsNamed = 0;
      const kinds = hitKinds(hits);
      for (let h = 0; h < hits.n && !tbsNamed; h++)
        if (kinds[h] & TBS_BIT && conceptOf(hits.concepts[h], 'tbs')) tbsNamed = 1;
    }
    return tbsNamed === 1;
  }

  /** Does a percentage follow token k in its clause (before `to`)? */
  function pctInClauseAfter(k: number, to: number): boolean {
    for (let j = k + 1; j < to && clause[j] === clause[k]; j++) if (pct(j)) return true;
    return false;
  }

  /** What the next sentence says of the adjustment, when it speaks of the values just given. */
  function nextSentence(to: number): boolean | null {
    let k = to;
    while (k < t.n && (t.kind[k] === NEWLINE || t.kind[k] === GAP || t.kind[k] === PUNCT)) k++;
    if (k >= t.n) return null;
    const subject =
      isWordIn(t, k, RISK_WORDS.nextSentenceSubjects) ||
      (k + 1 < t.n && isWordIn(t, k + 1, RISK_WORDS.nextSentenceNouns)) ||
      (k + 2 < t.n && isWordIn(t, k + 2, RISK_WORDS.nextSentenceNouns));
    if (!subject) return null;
    const s = sentence[k];
    let e = k;
    while (e < t.n && sentence[e] === s && e - k < 60) e++;
    return statedIn(ctx, k, e).adjusted;
  }

  /** The time horizon named last before the value in its sentence: "5-year risk", "10-yr". */
  function horizonOf(from: number, v: number): number {
    let horizon = 10;
    for (let k = Math.max(from, v - WINDOW); k < v; k++) {
      let n = -1;
      if (t.kind[k] === NUMBER && !(t.flags[k] & (DECIMAL | SIGNED))) n = t.value[k];
      else if (t.kind[k] === WORD) {
        for (const [w, x] of HORIZON_NUMBERS)
          if (t.end[k] - t.start[k] === w.length && t.norm.startsWith(w, t.start[k])) n = x;
      }
      if (n < 0) continue;
      let j = k + 1;
      if (j < v && t.kind[j] === PUNCT && t.norm.charCodeAt(t.start[j]) === 45) j++;
      if (j < v && isWordIn(t, j, RISK_WORDS.horizon) && n > 0 && n <= 30) horizon = n;
    }
    return horizon;
  }
}

/** (length, first letter) of the correction words, for a quick test before comparing words. */
const CORRECTION_SHAPES = new Uint8Array(16 * 128);
for (const w of CORRECTION_WORDS) if (w.length < 16) CORRECTION_SHAPES[w.length * 128 + (w.charCodeAt(0) & 0x7f)] = 1;

/**
 * "The correct TBS-adjusted hip fracture probability is 2.6% (not 3.6%)": in a sentence with a
 * correction word (vocab/cues.ts CORRECTION_WORDS), a percentage under a negation or an earlier-study
 * cue ("previously reported as") is the value the correction replaces. Risks of the kinds the
 * sentence corrects that carry a replaced value (the original statement, and the negated value
 * itself) are superseded and dropped; a correction silent on the adjustment keeps the replaced one's.
 */
function dropCorrected(ctx: Ctx, risks: Risk[], silent: (r: Risk) => boolean): void {
  const { tokens: t, sentence, context } = ctx.reading;
  const replaced = new Set<number>();
  const sentences = new Set<number>();
  const { n, kind, start, end, norm, unit } = t;
  // Only a percentage under a negation or an earlier-study cue can be replaced: without one there
  // is nothing to drop (most reports), and no correction word need be looked for.
  let any = false;
  for (let k = 0; k < n && !any; k++)
    any = kind[k] === NUMBER && unit[k] === UNIT_PERCENT && (context[k] & (NEGATED | HISTORICAL)) !== 0;
  if (!any) return;
  for (let k = 0; k < n; k++) {
    if (kind[k] !== WORD) continue;
    // A table of (length, first letter) first: most words are no correction word.
    const len = end[k] - start[k];
    if (len > 15 || !CORRECTION_SHAPES[len * 128 + (norm.charCodeAt(start[k]) & 0x7f)]) continue;
    if (!wordIn(t, k, CORRECTION_WORDS)) continue;
    const s = sentence[k];
    if (sentences.has(s)) continue;
    sentences.add(s);
    let a = k;
    while (a > 0 && sentence[a - 1] === s && k - a < 80) a--;
    for (let j = a; j < t.n && sentence[j] === s && j - a < 160; j++)
      if (t.kind[j] === NUMBER && t.unit[j] === UNIT_PERCENT && context[j] & (NEGATED | HISTORICAL))
        replaced.add(t.value[j]);
  }
  if (!replaced.size) return;
  // The kinds corrected: those of the values the correction sentences state (not negated).
  const kinds = new Set<RiskKind>();
  for (const r of risks) {
    const k = tokenAt(t, r.span.start);
    if (sentences.has(sentence[k]) && !(context[k] & (NEGATED | HISTORICAL))) kinds.add(r.kind);
  }
  // A correction silent on the adjustment keeps that of the value it replaces.
  const adjustedKinds = new Set<RiskKind>();
  for (let i = risks.length - 1; i >= 0; i--)
    if (replaced.has(risks[i].value) && kinds.has(risks[i].kind)) {
      if (risks[i].adjusted) adjustedKinds.add(risks[i].kind);
      risks.splice(i, 1);
    }
  for (const r of risks) {
    const k = tokenAt(t, r.span.start);
    if (!r.adjusted && adjustedKinds.has(r.kind) && sentences.has(sentence[k]) && silent(r)) r.adjusted = true;
  }
}

/** Slots: "major osteoporotic fracture ___%", "MOF: ___", "hip fracture risk ___", "Risk: ___". */
function readSlots(ctx: Ctx, slots: Slot[]): void {
  if (!ctx.placeholders.length) return;
  const { tokens: t, hits } = ctx.reading;
  const { n: count, kind: kinds } = t;
  for (let p = 0; p < count; p++) {
    if (kinds[p] !== PLACEHOLDER) continue;
    let fillers = 0;
    for (let k = p - 1, steps = 0; k >= 0 && steps < 8 && t.kind[k] !== NEWLINE; k--, steps++) {
      if (t.kind[k] === PUNCT || t.kind[k] === GAP) continue;
      const h = hits.at[k];
      if (h >= 0 && conceptOf(hits.concepts[h], 'kind')) {
        const span = { start: t.start[p], end: t.end[p] };
        slots.push({ element: 'risk', span, range: range(ctx, span) });
        break;
      }
      if (isWordIn(t, k, RISK_WORDS.terms) && k > 0 && prevIsRisky(k)) {
        const span = { start: t.start[p], end: t.end[p] };
        slots.push({ element: 'risk', span, range: range(ctx, span) });
        break;
      }
      if (!isWordIn(t, k, RISK_WORDS.slotFillers) || ++fillers > 1) break;
    }
  }
  // The configured risk labels ("Risk: ___"), each placeholder once.
  const taken = new Set<number>();
  for (const s of slots) if (s.element === 'risk') taken.add(s.span.start);
  const hitKind = hitKinds(hits);
  for (let h = 0; h < hits.n; h++) {
    if (!(hitKind[h] & LABEL_BIT)) continue;
    const label = conceptOf(hits.concepts[h], 'label');
    if (!label || label.element !== 'risk') continue;
    const ph = placeholderAfter(ctx, hits.end[h]);
    if (ph < 0) continue;
    const span = { start: t.start[ph], end: t.end[ph] };
    if (taken.has(span.start)) continue;
    taken.add(span.start);
    slots.push({ element: 'risk', span, range: range(ctx, span) });
  }

  /** "fracture risk", "10-year risk", "probability": a risk word that names the risk. */
  function prevIsRisky(k: number): boolean {
    if (isWordIn(t, k, RISK_WORDS.probability)) return true;
    let j = k - 1;
    while (j >= 0 && t.kind[j] === PUNCT) j--;
    if (j < 0) return false;
    const h = hits.at[j];
    if (h >= 0 && conceptOf(hits.concepts[h], 'kind')) return true;
    return isWordIn(t, j, RISK_WORDS.horizon) || isWordIn(t, j, RISK_WORDS.fracture);
  }
}

/**
 * "TBS-adjusted FRAX: MOF 22%, hip 4.1%" and, in the impression, "FRAX: MOF 22%, hip 4.1%": a value
 * whose own text says nothing of the adjustment, repeated with the same kind and value as a
 * TBS-adjusted one, is that adjusted value restated, not a second measurement.
 */
function restatedAdjusted(risks: Risk[], fromTable: ReadonlySet<number>, silent: (r: Risk) => boolean): void {
  const adjusted = new Map<number, number>();
  let unadjusted = 0;
  const bit = (k: RiskKind) => (k === 'mof' ? 1 : k === 'hip' ? 2 : 4);
  for (const r of risks) {
    if (r.adjusted) adjusted.set(r.value, (adjusted.get(r.value) ?? 0) | bit(r.kind));
    else unadjusted++;
  }
  if (!adjusted.size || !unadjusted) return;
  for (const r of risks) {
    if (r.adjusted || fromTable.has(r.span.start) || !((adjusted.get(r.value) ?? 0) & bit(r.kind))) continue;
    if (silent(r)) r.adjusted = true;
  }
}

/** Neither the risk's sentence nor its section's header says anything of the TBS adjustment. */
function silentOnAdjustment(ctx: Ctx, lines: LineReader, stated: ReadonlySet<number>, r: Risk): boolean {
  if (stated.has(r.span.start)) return false;
  const h = lines.header(lineOf(ctx.doc, r.span.start));
  return !(h >= 0 && lines.line(h).adjusted !== null);
}

/**
 * "ADDENDUM: the FRAX probabilities above (MOF 10%, hip 1.2%) were adjusted for the TBS": a later
 * sentence that points back at earlier values and declares them TBS-adjusted makes the earlier
 * values it repeats adjusted too, when their own text said nothing of the adjustment.
 */
function declaredAdjustedLater(
  ctx: Ctx,
  risks: Risk[],
  fromTable: ReadonlySet<number>,
  refs: ReadonlyArray<{ tok: number; sFrom: number }>,
  silent: (r: Risk) => boolean,
): void {
  if (!refs.length) return;
  const t = ctx.reading.tokens;
  let open: Risk[] | null = null;
  for (const ref of refs) {
    open ??= risks.filter((r) => !r.adjusted && !fromTable.has(r.span.start) && silent(r));
    const sStart = t.start[ref.sFrom];
    for (const earlier of open) {
      if (earlier.span.start >= sStart) break;
      if (!earlier.adjusted && earlier.value === t.value[ref.tok]) earlier.adjusted = true;
    }
  }
}

/**
 * Ties each result to the model named last before it in its sentence, else to the model of its
 * lead-in line or of its section's header: "TBS-adjusted FRAX: MOF 17%", "Garvan 10-year risk of
 * any fracture 18%". Two models named together before a value tie it to neither (the rules then
 * take the report's only named model, if any). A table's result keeps the model of its table.
 */
export function tieModels(ctx: Ctx, lines: LineReader, risks: Risk[], models: readonly RiskModel[]): void {
  if (!models.length) return;
  const { tokens: t, sentence } = ctx.reading;
  let k = 0;
  let tied: RiskModel | null = null;
  let ambiguous = false;
  for (const r of [...risks].sort((a, b) => a.span.start - b.span.start)) {
    for (; k < models.length && models[k].span.start < r.span.start; k++) {
      const m = models[k];
      ambiguous = tied !== null && tied.name !== m.name && m.span.start - tied.span.end < 200 && together(tied, m);
      tied = m;
    }
    if (r.model) continue;
    const v = tokenAt(t, r.span.start);
    if (tied && sentence[tokenAt(t, tied.span.start)] === sentence[v]) {
      if (!ambiguous) r.model = tied.name;
      continue;
    }
    const lead = lines.leadIn(t.line[v]);
    const named = (lead >= 0 ? lines.line(lead).model : null) ?? headerModel(t.line[v]);
    if (named) r.model = named;
  }

  function headerModel(line: number) {
    const h = lines.header(line);
    return h >= 0 ? lines.line(h).model : null;
  }

  /** No sentence or clause end (".", ";", ":", a line break) between two model names. */
  function together(a: RiskModel, b: RiskModel): boolean {
    for (let x = tokenAt(t, a.span.end); x < t.n && t.start[x] < b.span.start; x++) {
      if (t.kind[x] === NEWLINE) return false;
      if (t.kind[x] === PUNCT) {
        const c = t.norm.charCodeAt(t.start[x]);
        if (c === 46 || c === 59 || c === 58) return false;
      }
    }
    return true;
  }
}

/**
 * Stated CAROC risk categories (low / moderate / high 10-year MOF risk): CAROC gives a category, not
 * a number, so a stated category is the calculated risk. Read only in a sentence that names CAROC,
 * or that speaks of a risk category when the report names CAROC as its only model.
 */
export function readRiskCategories(ctx: Ctx, models: readonly RiskModel[]): RiskCategory[] {
  const out: RiskCategory[] = [];
  const carocs = models.filter((m) => m.name === 'CAROC');
  if (!carocs.length) return out;
  const onlyCaroc = models.every((m) => m.name === 'CAROC');
  const { tokens: t, sentence, hits } = ctx.reading;
  // Sentences that name CAROC; in a CAROC-only report, also those that name a risk category.
  const wanted = new Map<number, boolean>();
  for (const m of carocs) {
    const s = sentence[tokenAt(t, m.span.start)];
    wanted.set(s, true);
    // "... basal risk: moderate. Increased to high because of ...": the next sentence changes it.
    let k = tokenAt(t, m.span.start);
    while (k < t.n && sentence[k] === s) k++;
    while (k < t.n && (t.kind[k] === NEWLINE || t.kind[k] === GAP)) k++;
    if (k + 1 < t.n && isWordIn(t, k, RISK_WORDS.categoryChange) && isWordIn(t, k + 1, RISK_WORDS.continuation))
      wanted.set(sentence[k], true);
  }
  if (onlyCaroc)
    for (let k = 0; k + 1 < t.n && wanted.size < MAX_MENTIONS; k++)
      if (isWordIn(t, k, RISK_WORDS.terms) && isWordIn(t, k + 1, RISK_WORDS.categoryNouns) && !wanted.has(sentence[k]))
        wanted.set(sentence[k], false);
  const words = Object.keys(RISK_WORDS.categories);
  for (let k = 0; k < t.n && out.length < MAX_MENTIONS; k++) {
    const named = wanted.get(sentence[k]);
    if (named === undefined) continue;
    if (t.start[k] >= ctx.priorFrom) break;
    if (historicalAt(ctx, k)) continue;
    const h = hits.at[k];
    let category: RiskCategory['category'] | null = null;
    let end = k + 1;
    if (h >= 0 && hits.start[h] === k) {
      const c = conceptOf(hits.concepts[h], 'riskCategory');
      end = hits.end[h];
      if (c) category = c.category;
      else {
        k = end - 1;
        continue;
      }
    } else if (isWordIn(t, k, words) && categoryOfRisk(k)) {
      category = RISK_WORDS.categories[t.norm.slice(t.start[k], t.end[k])];
    }
    if (!category) continue;
    const span = { start: t.start[k], end: t.end[k] };
    out.push({ model: named || onlyCaroc ? 'CAROC' : null, category, span, range: range(ctx, span) });
    k = end - 1;
  }
  return out;

  /** The category word describes a risk: a label before it, or "(", an end, or a risk word after it. */
  function categoryOfRisk(k: number): boolean {
    let j = k + 1;
    if (j < t.n && isWordIn(t, j, RISK_WORDS.categoryNotAbout)) return false;
    if (j < t.n && t.kind[j] === PUNCT && t.norm.charCodeAt(t.start[j]) === 45) return false;
    if (labelBefore(k)) return true;
    if (j >= t.n || t.kind[j] === NEWLINE || sentence[j] !== sentence[k]) return true;
    if (t.kind[j] === PUNCT) {
      const c = t.norm.charCodeAt(t.start[j]);
      return c === 40 || c === 46 || c === 59 || c === 44;
    }
    // "moderate 10-year fracture risk"
    for (let steps = 0; j < t.n && steps < 4; j++, steps++) {
      if (t.kind[j] === PUNCT) continue;
      if (isWordIn(t, j, RISK_WORDS.terms)) return true;
      if (!(t.kind[j] === NUMBER || isWordIn(t, j, RISK_WORDS.horizon) || isWordIn(t, j, RISK_WORDS.fracture)))
        return false;
    }
    return false;
  }

  /** "risk category: high", "CAROC risk is moderate", "risk level of low". */
  function labelBefore(k: number): boolean {
    let fillers = 0;
    for (let j = k - 1, steps = 0; j >= 0 && steps < 5 && t.kind[j] !== NEWLINE; j--, steps++) {
      if (t.kind[j] === PUNCT || t.kind[j] === GAP) continue;
      if (isWordIn(t, j, RISK_WORDS.categoryLabels) || isWordIn(t, j, RISK_WORDS.categoryChange)) return true;
      const h = hits.at[j];
      if (h >= 0 && conceptOf(hits.concepts[h], 'model')) return true;
      if (!isWordIn(t, j, RISK_WORDS.categoryFillers) || ++fillers > 1) return false;
    }
    return false;
  }
}
