/**
 * The TBS value: "TBS: 1.262", "TBS L1-L4 1.262", "Trabecular bone score (L1-L4) = 1.262", "The TBS
 * came out at 1.262", a TBS section's "L1-L4: 1.262", and a table's TBS column. A TBS has TBS shape:
 * a decimal (1.262, 1,262, 1·262; 12.62 too, for the plausibility rule), or an integer that lost its
 * point (1262), never a year, a percentage or a negative score.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { Layout } from './layout';
import { measureLabelHits, sidewaysRow } from './layout';
import { lineOf } from '../text';
import type { Slot, TbsValue } from '../types';
import { THRESHOLD } from './concepts';
import { inComparison, onLegendLine } from './legend';
import { conceptOf } from './read';
import { DECIMAL, NEWLINE, NUMBER, PLACEHOLDER, SIGNED, tokenAt, UNIT_NONE } from './tokens';
import { historicalAt, inRange, valueAfterLabel } from './values';

/** Vertebral regions a TBS is measured on. */
function vertebral(region: string | undefined): boolean {
  return region !== undefined && region.length >= 2 && region[0] === 'L';
}

export function readTbs(ctx: Ctx, layout: Layout, slots: Slot[]): TbsValue[] {
  const out: TbsValue[] = [];
  const seen = new Set<number>();
  const { tokens: t, hits, context } = ctx.reading;

  const fits = (k: number, words: number): boolean => {
    if (t.kind[k] !== NUMBER || t.unit[k] !== UNIT_NONE) return false;
    const v = t.value[k];
    // A value far outside the TBS range (a typo, 12.62) attaches only close to its label: further
    // away it is something else ("TBS acquisition completed 14.32").
    if (t.flags[k] & DECIMAL)
      return !(t.flags[k] & SIGNED && v < 0) && v < 100 && (words <= 1 || (v >= 0.5 && v <= 2.5));
    // An integer counts only as a TBS with a lost decimal point (1262), never as a year or a code.
    return !(t.flags[k] & SIGNED) && v >= 100 && v <= 9999 && !(v >= 1900 && v <= 2100);
  };

  const plausible = (k: number): boolean => (t.flags[k] & DECIMAL) !== 0 && t.value[k] >= 0.5 && t.value[k] <= 2.5;

  /** The vertebral range named between the label and the value, or right after the value. */
  const regionOf = (fromTok: number, valueTok: number): string | null => {
    const lineEnd = ctx.doc.lines[t.line[valueTok]].end;
    for (let k = fromTok; k < t.n && t.start[k] < lineEnd; k++) {
      if (k > valueTok + 3) break;
      const h = hits.at[k];
      if (h < 0) continue;
      const site = conceptOf(hits.concepts[h], 'site');
      if (site && vertebral(site.site.region)) return site.site.region ?? null;
      k = hits.end[h] - 1;
    }
    return null;
  };

  const take = (tok: number, region: string | null) => {
    const start = t.start[tok];
    if (seen.has(start) || inRange(ctx, tok) || historicalAt(ctx, tok) || context[tok] & THRESHOLD) return;
    // A legend's line ("Least significant change: ... TBS 0.037") or an earlier study's paragraph.
    if (onLegendLine(ctx, tok) || inComparison(ctx, tok)) return;
    seen.add(start);
    const span = { start, end: t.end[tok] };
    out.push({ value: t.value[tok], text: ctx.doc.text.slice(start, span.end), region, span, range: range(ctx, span) });
  };

  /**
   * A sideways table: the value row under a row of vertebra columns ("TBS  L1  L2 ... L1-L4" over
   * "1.198  1.231 ... 1.244"). Single vertebrae are other regions: the L1-L4 column (else the range
   * columns) is the report's TBS. False when the value starts no such row.
   */
  const takeRow = (tok: number): boolean => {
    const row = sidewaysRow(ctx, tok);
    if (!row || !row.every(([v, site]) => fits(v, 0) && site !== null && vertebral(site))) return false;
    const whole = row.filter(([, site]) => site === 'L1-L4');
    const ranges = row.filter(([, site]) => (site as string).includes('-'));
    for (const [v, site] of whole.length ? whole : ranges.length ? ranges : row) take(v, site);
    for (const [v] of row) seen.add(t.start[v]);
    return true;
  };

  let labels = 0;
  for (const h of measureLabelHits(ctx, 'tbs')) {
    if (labels >= MAX_MENTIONS) break;
    const concepts = hits.concepts[h];
    labels++;
    const s = hits.start[h];
    // A label in a table's row or header is read with its table.
    if (ctx.tableLine[t.line[s]]) continue;
    // "T-score (of) TBS", "Z-score TBS": a score of the TBS, not the TBS.
    const prev = h > 0 ? hits.concepts[h - 1] : null;
    if (prev && (conceptOf(prev, 't') || conceptOf(prev, 'z')) && s - hits.end[h - 1] <= 1) continue;
    // A label inside an adjustment cue ("DXA with TBS L1-L4: 1.198", "risk adjusted for TBS: 3.2")
    // reads only a value of TBS range: after such a cue a number outside it is the adjusted measure.
    const inCue = conceptOf(concepts, 'cue') !== undefined;
    const found = valueAfterLabel(ctx, hits.end[h], {
      fits: inCue ? (k, words) => fits(k, words) && plausible(k) : fits,
      own: 'tbs',
    });
    if (found.type === 'placeholder') {
      const span = { start: t.start[found.tok], end: t.end[found.tok] };
      slots.push({ element: 'tbs', span, range: range(ctx, span) });
    } else if (found.type === 'number' && !takeRow(found.tok)) take(found.tok, regionOf(hits.end[h], found.tok));
  }

  // Inside a TBS section, a value line may leave out the word TBS: "L1-L4: 1.262".
  for (const s of ctx.sections) {
    if (s.kind !== 'tbs') continue;
    for (let line = s.bodyStartLine; line <= s.endLine; line++) {
      if (ctx.tableLine[line] || ctx.blankLine[line]) continue;
      const first = tokenAt(t, ctx.doc.lines[line].start);
      if (first >= t.n || t.kind[first] === NEWLINE) continue;
      // A single vertebra's TBS ("L2  1.281") is another region, not the report's (L1-L4) TBS.
      const h = hits.at[first];
      const site = h >= 0 ? conceptOf(hits.concepts[h], 'site') : undefined;
      if (site && site.site.region && /^L\d$/.test(site.site.region)) continue;
      const found = valueAfterLabel(ctx, first, {
        fits: (k, words) => fits(k, words) && (t.flags[k] & DECIMAL) !== 0,
        own: 'tbs',
        maxWords: 4,
      });
      if (found.type === 'number' && lineOf(ctx.doc, t.start[found.tok]) === line && !takeRow(found.tok))
        take(found.tok, regionOf(first, found.tok));
    }
  }

  // Key/value layouts (delimited rows, key trees): "TBS L1-L4;1,262;", "tbs:" / "value: 1.262".
  for (const p of layout.pairs) {
    if (p.own !== 'tbs') continue;
    if (t.kind[p.tok] === PLACEHOLDER) {
      const span = { start: t.start[p.tok], end: t.end[p.tok] };
      slots.push({ element: 'tbs', span, range: range(ctx, span) });
    } else if (fits(p.tok, 0)) take(p.tok, p.site && vertebral(p.site) ? p.site : null);
  }

  // A TBS column in a table. Per-vertebra rows (L1, L2, ...) are other regions: when the table has
  // an L1-L4 row, that row is the report's TBS.
  const tbsRows = layout.rows.filter((r) => r.cells.some((c) => c.column === 'tbs'));
  const total = tbsRows.filter((r) => r.site === 'L1-L4');
  for (const row of total.length ? total : tbsRows) {
    const region = row.site;
    for (const cell of row.cells) {
      if (cell.column !== 'tbs' || cell.tok < 0 || t.unit[cell.tok] !== UNIT_NONE) continue;
      const start = t.start[cell.tok];
      if (t.kind[cell.tok] === PLACEHOLDER) {
        const span = { start, end: t.end[cell.tok] };
        slots.push({ element: 'tbs', span, range: range(ctx, span) });
      } else if (!seen.has(start)) {
        seen.add(start);
        const span = { start, end: t.end[cell.tok] };
        out.push({
          value: t.value[cell.tok],
          text: ctx.doc.text.slice(start, span.end),
          region: region && region.startsWith('L') ? region : null,
          span,
          range: range(ctx, span),
        });
      }
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
