/** The TBS value: "TBS: 1.262", "TBS L1-L4 1.262", "Trabecular bone score (L1-L4) = 1.262". */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { literalHits, MAX_MENTIONS, range, textBefore, valueAfter } from '../context';
import { parseSite, siteKey, TBS_FILLERS } from '../lexicon';
import { matchesAt, UNIT_AFTER } from '../scan';
import { lineOf } from '../text';
import type { Slot, TbsValue } from '../types';
import type { TableRow } from './tables';
import { isHistorical } from './history';

export const TBS_LABEL = spaced(/\b(?:tbs|trabecular bone scores?)\b/y);
/** What TBS_LABEL's matches start with. */
export const TBS_LABEL_FIRST = 't';

export function extractTbs(ctx: Ctx, rows: TableRow[], slots: Slot[]): TbsValue[] {
  const out: TbsValue[] = [];
  const seen = new Set<number>();
  const labels: number[] = [];
  for (const hit of matchesAt(ctx.doc.norm, ctx.keywords, TBS_LABEL, TBS_LABEL_FIRST)) labels.push(hit.end);
  for (const hit of literalHits(ctx, ctx.settings.labels.tbs)) labels.push(hit.end);
  labels.sort((a, b) => a - b);
  labels.length = Math.min(labels.length, MAX_MENTIONS);

  /** The vertebral range named between the label and the value ("TBS L2-L4 1.301"), or null. */
  const regionOf = (from: number, to: number): string | null => {
    const key = from < to && to - from < 80 ? siteKey(parseSite(ctx.doc.norm.slice(from, to))) : null;
    return key && /^L\d/.test(key) ? key : null;
  };
  const take = (found: ReturnType<typeof valueAfter>, labelEnd = -1) => {
    if (found.type === 'placeholder') {
      slots.push({ element: 'tbs', span: found.span, range: range(ctx, found.span) });
      return;
    }
    if (found.type !== 'number') return;
    let num = found.num;
    // "TBS score - 1.284": a spaced hyphen separates; a TBS is never negative.
    const sep = /^-\s+/.exec(num.text);
    if (num.value < 0 && sep)
      num = {
        ...num,
        start: num.start + sep[0].length,
        text: num.text.slice(sep[0].length),
        value: -num.value,
        signed: false,
      };
    // "1.200-1.350" is a range (a reference), not a value.
    if (seen.has(num.start) || (num.signed && num.value < 0) || UNIT_AFTER.test(num.after) || /^-\d/.test(num.after))
      return;
    // A TBS is written with decimals; an integer counts only as a TBS with a lost decimal point
    // (1262), never as a code or a year (77080, 2024).
    if (!num.decimal && (num.value < 100 || num.value > 9999 || (num.value >= 1900 && num.value <= 2100))) return;
    if (isHistorical(ctx, num.start)) return;
    seen.add(num.start);
    out.push({
      value: num.value,
      text: num.text,
      region: labelEnd >= 0 ? regionOf(labelEnd, num.start) : null,
      span: { start: num.start, end: num.end },
      range: range(ctx, num),
    });
  };

  for (const end of labels) {
    // A label in a table's row or header is read with its table.
    if (ctx.tableLine[lineOf(ctx.doc, end)]) continue;
    // "TBS T-score", "TBS-adjusted", "TBS iNsight": the walker stops at the first non-filler word.
    const before = textBefore(ctx, end, 30);
    if (/(?:z|t)[- ]?score (?:of )?$/.test(before)) continue;
    take(valueAfter(ctx, end, TBS_FILLERS), end);
  }

  // Inside a TBS section, a value line may leave out the word TBS: "L1-L4: 1.262".
  for (const s of ctx.sections) {
    if (s.kind !== 'tbs') continue;
    for (let line = s.bodyStartLine; line <= s.endLine; line++) {
      if (ctx.tableLine[line] || ctx.blankLine[line]) continue;
      const l = ctx.doc.lines[line];
      // A single vertebra's TBS ("L2  1.281") is another region, not the report's (L1-L4) TBS.
      if (/^\s*l[1-5](?![-\d])/.test(ctx.doc.norm.slice(l.start, Math.min(l.end, l.start + 12)))) continue;
      const found = valueAfter(ctx, l.start, TBS_FILLERS, 4);
      if (found.type === 'number' && found.num.decimal) take(found, l.start);
    }
  }

  // A TBS column in a table. Per-vertebra rows (L1, L2, ...) are other regions: when the table has
  // an L1-L4 row, that row is the report's TBS.
  const tbsRows = rows.filter((r) => r.cells.some((c) => c.column === 'tbs'));
  const total = tbsRows.filter((r) => siteKey(parseSite(r.label)) === 'L1-L4');
  for (const row of total.length ? total : tbsRows) {
    for (const cell of row.cells) {
      if (cell.column !== 'tbs') continue;
      if (cell.placeholder) slots.push({ element: 'tbs', span: cell.placeholder, range: range(ctx, cell.placeholder) });
      else if (cell.num && !seen.has(cell.num.start)) {
        seen.add(cell.num.start);
        const key = siteKey(parseSite(row.label));
        out.push({
          value: cell.num.value,
          text: cell.num.text,
          region: key && /^L\d/.test(key) ? key : null,
          span: { start: cell.num.start, end: cell.num.end },
          range: range(ctx, cell.num),
        });
      }
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
