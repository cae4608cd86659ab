/**
 * Risk matrices: one axis names the kinds (MOF, hip), the other the adjustment (without / with TBS,
 * unadjusted / TBS-adjusted), and the cells hold probabilities whose "%" may stand only in a title:
 *   FRAX (US, Caucasian):                         | FRAX 10-yr (%) | MOF | Hip |
 *                  Without TBS   With TBS         | Without TBS    | 14  | 2.2 |
 *   Major osteoporotic    15        18            | With TBS       | 17  | 2.8 |
 * Columns are read by their header words (never by their position or by the title's length), cells
 * are split at column gaps (two or more spaces, tabs, pipes, box-drawing walls, "+---+" rules), and
 * values are aligned with the axes from the right. A row of an earlier study is left out; a row
 * named only by its model ("FRAX" above "FRAX adj. TBS") is the conventional value.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { Risk, RiskKind } from '../types';
import { gapsOnLine } from './layout';
import type { LineReader, Stated } from './riskLines';
import { isWordIn, statedIn } from './riskLines';
import { DECIMAL, GAP, NEWLINE, NUMBER, PUNCT, SIGNED, UNIT_NONE, UNIT_PERCENT, WORD } from './tokens';
import { RISK_WORDS } from './vocab/risk';

type Axis = { kind: RiskKind } | { adjusted: boolean } | null;

function axisOf(s: Stated): Axis {
  if (s.kind) return { kind: s.kind };
  if (s.adjusted !== null) return { adjusted: s.adjusted };
  // "FRAX+TBS", "(TBS)": a column of the model with the TBS.
  if (s.tbs) return { adjusted: true };
  return null;
}

/** Cells of tokens [from, to): runs between column gaps, as [start, end) token pairs. */
function cellsOf(ctx: Ctx, from: number, to: number): number[] {
  const t = ctx.reading.tokens;
  const out: number[] = [];
  let s = -1;
  for (let k = from; k < to; k++) {
    const gap = t.kind[k] === GAP || t.kind[k] === NEWLINE;
    if (gap) {
      if (s >= 0) out.push(s, k);
      s = -1;
    } else if (s < 0) s = k;
  }
  if (s >= 0) out.push(s, to);
  return out;
}

/** Is number k a horizon ("10-year", "5 yr")? */
function horizonNumber(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  let j = k + 1;
  if (j < t.n && t.kind[j] === PUNCT && t.norm.charCodeAt(t.start[j]) === 45) j++;
  return j < t.n && isWordIn(t, j, RISK_WORDS.horizon);
}

export function readRiskTables(ctx: Ctx, lines: LineReader): Risk[] {
  const out: Risk[] = [];
  const t = ctx.reading.tokens;
  const first = lines.first;
  const n = ctx.doc.lines.length;
  for (let i = 0; i < n && out.length < MAX_MENTIONS; i++) {
    const from = first[i];
    const to = first[i + 1];
    // A table's header has columns: a line without a column gap is none (no token walked).
    if (to - from < 3 || ctx.blankLine[i] || !gapsOnLine(ctx, i)) continue;
    // A header holds no value: only a horizon ("10-yr") may stand in it.
    let gaps = 0;
    let value = false;
    for (let k = from; k < to && !value; k++) {
      if (t.kind[k] === GAP) gaps++;
      else if (t.kind[k] === NUMBER) value = !horizonNumber(ctx, k);
    }
    if (!gaps || value) continue;
    const cells = cellsOf(ctx, from, to);
    let axes: NonNullable<Axis>[] = [];
    let kinds = 0;
    let adjustedAxis = false;
    let modelOnly: NonNullable<Axis> | null = null;
    for (let c = 0; c < cells.length; c += 2) {
      const st = statedIn(ctx, cells[c], cells[c + 1]);
      let a = axisOf(st);
      // A column named only by its model ("FRAX" beside "FRAX adjusted for TBS"): the conventional value.
      if (!a && st.model !== null && !st.historical) a = modelOnly ??= { adjusted: false };
      if (!a) continue;
      axes.push(a);
      if ('kind' in a) kinds++;
      else if (a.adjusted) adjustedAxis = true;
    }
    // A model-only column is an axis only beside an adjusted column and no kind column.
    if (modelOnly && (kinds || !adjustedAxis)) axes = axes.filter((a) => a !== modelOnly);
    if (axes.length < 2 || (kinds && kinds !== axes.length)) continue;
    const header = lines.line(i);
    const titleLine = titleAbove(ctx, lines, i);
    const title = titleLine >= 0 ? lines.line(titleLine) : null;
    // A risk table: its header or title names a model or a risk word, or a "%".
    const named = (s: Stated | null) => s !== null && (s.term || s.percentSign);
    if (!named(header) && !named(title)) continue;
    const stated = title?.adjusted ?? header.adjusted ?? null;
    const model = header.model ?? title?.model ?? null;
    let j = i + 1;
    for (; j < n && !ctx.blankLine[j]; j++) {
      const rf = first[j];
      const rt = first[j + 1];
      let words = 0;
      for (let k = rf; k < rt; k++) if (t.kind[k] === WORD || t.kind[k] === NUMBER) words++;
      if (!words) continue; // a rule between rows
      const rowCells = cellsOf(ctx, rf, rt);
      // The row's label: its first cell, when it holds no number.
      let label: Stated | null = null;
      if (rowCells.length && t.kind[rowCells[0]] !== NUMBER) {
        let hasNumber = false;
        for (let k = rowCells[0]; k < rowCells[1]; k++)
          if (t.kind[k] === NUMBER && !horizonNumber(ctx, k)) hasNumber = true;
        if (!hasNumber) label = statedIn(ctx, rowCells[0], rowCells[1]);
      }
      let rowAxis: Axis = label ? axisOf(label) : null;
      // Under kind columns, a row that names no adjustment is the title's, or the conventional value
      // when it names only its model; a row of an earlier study is no row of this one.
      if (!rowAxis && kinds > 0 && label && !label.historical && !yearIn(ctx, rowCells[0], rowCells[1]))
        rowAxis = { adjusted: label.model !== null ? false : (stated ?? false) };
      if (!rowAxis || 'kind' in rowAxis === kinds > 0) break;
      ctx.tableLine[j] = 1;
      const values: number[] = [];
      const start = rowCells.length ? rowCells[label ? 1 : 0] : rf;
      for (let k = start; k < rt; k++) {
        if (t.kind[k] !== NUMBER || t.flags[k] & SIGNED) continue;
        if (t.unit[k] !== UNIT_NONE && t.unit[k] !== UNIT_PERCENT) continue;
        if (horizonNumber(ctx, k)) continue;
        values.push(k);
      }
      const use = values.slice(Math.max(0, values.length - axes.length));
      const offset = axes.length - use.length;
      const rowModel = label?.model ?? model;
      use.forEach((k, idx) => {
        const col = axes[idx + offset];
        const ra = rowAxis as NonNullable<Axis>;
        const kind = 'kind' in col ? col.kind : (ra as { kind: RiskKind }).kind;
        const adjusted = 'adjusted' in col ? col.adjusted : (ra as { adjusted: boolean }).adjusted;
        const span = { start: t.start[k], end: t.unitEnd[k] };
        const risk: Risk = {
          kind,
          value: t.value[k],
          text: ctx.doc.text.slice(span.start, span.end),
          adjusted,
          horizon: 10,
          span,
          range: range(ctx, span),
        };
        if (rowModel) risk.model = rowModel;
        out.push(risk);
      });
    }
    i = j - 1;
  }
  return out;
}

/** A year (1900-2100) among tokens [from, to): an earlier study's row. */
function yearIn(ctx: Ctx, from: number, to: number): boolean {
  const t = ctx.reading.tokens;
  for (let k = from; k < to; k++)
    if (t.kind[k] === NUMBER && !(t.flags[k] & DECIMAL) && t.value[k] >= 1900 && t.value[k] <= 2100) return true;
  return false;
}

/** The table's title: the nearest line above the header with words, over the rules of a drawn grid. */
function titleAbove(ctx: Ctx, lines: LineReader, i: number): number {
  const t = ctx.reading.tokens;
  for (let j = i - 1; j >= 0 && j >= i - 3 && !ctx.blankLine[j]; j--) {
    for (let k = lines.first[j]; k < lines.first[j + 1]; k++) if (t.kind[k] === WORD || t.kind[k] === NUMBER) return j;
  }
  return -1;
}
