/**
 * BMD tables: a header row naming columns (BMD, T-score, Z-score, TBS, ...) and rows of a site
 * label followed by values. Works for space-aligned, tab-separated and Markdown tables, in any case.
 */
import type { Ctx } from '../context';
import { numbersBetween, numStartingAt, placeholderStartingAt } from '../context';
import type { Span } from '../types';
import type { Num } from '../scan';
import { matchesAt } from '../scan';
import { memoByString } from '../memo';
import { lineNorm, lineOf } from '../text';

/** tbsScore: a "TBS T-score" or "TBS Z-score" column, which is not a BMD score. */
export type Column = 'bmd' | 't' | 'z' | 'tbs' | 'tbsScore' | 'other';

export interface Cell {
  column: Column;
  /** A number, a placeholder, or nothing (an empty cell such as "-" or "n/a"). */
  num: Num | null;
  placeholder: Span | null;
}

export interface TableRow {
  line: number;
  /** The row's label (site) in normalised text. */
  label: string;
  labelSpan: Span;
  cells: Cell[];
}

const COLUMN =
  /\btbs[- ][tz][- ]?scores?\b|\b(?:bmd|bmc|t[- ]?scores?|z[- ]?scores?|tbs|young[- ]adult|age[- ]matched|ya|am|change|area)\b|%/g;

function columnOf(word: string): Column {
  if (word.startsWith('tbs') && word.length > 3) return 'tbsScore';
  if (word === 'bmd') return 'bmd';
  if (word[0] === 't' && word !== 'tbs') return 't';
  if (word[0] === 'z') return 'z';
  if (word === 'tbs') return 'tbs';
  return 'other';
}

/** The measure a header cell names: a T-score or Z-score wins over other words in the cell. */
function cellColumn(cell: string): Column {
  if (/\btbs\b/.test(cell) && /[tz][- ]?score/.test(cell)) return 'tbsScore'; // not a BMD T-score
  if (/\bt[- ]?scores?\b|^t$/.test(cell)) return 't';
  if (/\bz[- ]?scores?\b|^z$/.test(cell)) return 'z';
  if (/\btbs\b/.test(cell)) return 'tbs';
  if (/\bbmd\b|g\/cm/.test(cell)) return 'bmd';
  return 'other';
}

/** Reads a header row; returns its value columns (the label column excluded) or null. */
function headerColumns(text: string): readonly Column[] | null {
  // Cheap tests first (rows hold decimals); a header line's reading is memoised by its text, as
  // templates repeat their table headers.
  if (text.length > 300 || /\d[.,]\d/.test(text)) return null;
  return headerColumnsOf(text);
}

const headerColumnsOf: (text: string) => readonly Column[] | null = memoByString(readHeaderColumns, 1000, 300);

function readHeaderColumns(text: string): Column[] | null {
  if (/:\s*$/.test(text) && !text.includes('|')) return null; // "BMD T-scores:" labels a list
  const cols: Column[] = [];
  if (text.includes('|')) {
    const cells = text.split('|').map((c) => c.trim());
    if (cells[0] === '') cells.shift();
    if (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length < 3) return null;
    for (const c of cells.slice(1)) cols.push(cellColumn(c));
  } else if (text.trim().split(/ {2,}|\t+/).length >= 3) {
    // Columns separated by runs of spaces or tabs: one cell per column ("YA %" is one column).
    const cells = text.trim().split(/ {2,}|\t+/);
    for (const c of cells.slice(1)) cols.push(cellColumn(c));
  } else {
    // "(g/cm2)" and similar unit notes belong to the column before them.
    const clean = text.replace(/\([^)]{0,20}\)/g, ' ');
    COLUMN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COLUMN.exec(clean)) !== null) cols.push(columnOf(m[0]));
  }
  // A sentence that names two measures ("BMD T-scores were not provided") is not a header.
  const rest = text
    .replace(/\([^)]{0,20}\)/g, ' ')
    .replace(COLUMN, ' ')
    .replace(/[|:]/g, ' ')
    .trim();
  if (rest && rest.split(/\s+/).length > 4) return null;
  // Two different measures make a header; "TBS: TBS" is not one.
  const known = new Set(cols.filter((c) => c !== 'other')).size;
  if (known < 2 || !cols.some((c) => c === 't' || c === 'z' || c === 'tbs' || c === 'tbsScore')) return null;
  return cols;
}

interface Token {
  num: Num | null;
  placeholder: Span | null;
  start: number;
  end: number;
}

const EMPTY_CELL = /^(?:-|--|n\/a|na|nd|\.\.\.)$/;

/** Values at the end of a row: numbers, placeholders and empty-cell marks, right to left. */
function trailingValues(ctx: Ctx, start: number, end: number): { tokens: Token[]; labelEnd: number } {
  const { norm } = ctx.doc;
  const tokens: Token[] = [];
  let i = end;
  for (;;) {
    while (i > start && (norm[i - 1] === ' ' || norm[i - 1] === '\t' || norm[i - 1] === '|')) i--;
    if (i <= start) break;
    let j = i;
    while (j > start && norm[j - 1] !== ' ' && norm[j - 1] !== '\t' && norm[j - 1] !== '|') j--;
    const word = norm.slice(j, i);
    // A number may carry a unit or a percent sign glued to it.
    const num = numStartingAt(ctx, j);
    const ph = placeholderStartingAt(ctx, j);
    // "33%" after "radius" names the site (the one-third radius), not a value.
    const siteShare =
      num !== undefined && norm.slice(num.end, i) === '%' && /(?:radius|radial|forearm)\s*$/.test(norm.slice(start, j));
    if (ph && ph.end <= i) tokens.push({ num: null, placeholder: ph, start: j, end: i });
    else if (num && !siteShare && num.end <= i && /^(?:%|g\/cm2?)?\*?$/.test(norm.slice(num.end, i)))
      tokens.push({ num, placeholder: null, start: j, end: i });
    else if (EMPTY_CELL.test(word)) tokens.push({ num: null, placeholder: null, start: j, end: i });
    else break;
    i = j;
  }
  tokens.reverse();
  return { tokens, labelEnd: i };
}

export const COLUMN_WORD = /[tz][- ]?score|tbs|bmd/y;
/** What COLUMN_WORD's matches start with. */
export const COLUMN_WORD_FIRST = 'tzb';

/** Lines that hold at least two of the hits, in document order. */
function linesWithTwoOf(ctx: Ctx, hits: Iterable<{ start: number }>): number[] {
  const out: number[] = [];
  let lastLine = -1;
  let count = 0;
  for (const hit of hits) {
    const line = lineOf(ctx.doc, hit.start);
    if (line !== lastLine) {
      lastLine = line;
      count = 0;
    }
    if (++count === 2) out.push(line);
  }
  return out;
}

/** Lines where a global pattern matches at least twice, in document order (one scan). */
function linesWithTwoHits(ctx: Ctx, re: RegExp): number[] {
  const hits: Array<{ start: number }> = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.doc.norm)) !== null) hits.push({ start: m.index });
  return linesWithTwoOf(ctx, hits);
}

const DATE_COLUMN = /\b(\d{1,2})\/(?:\d{1,2}\/)?(\d{4})\b|\b((?:19|20)\d\d)\b/g;

/** A study date as a comparable number (yyyymm). */
function dateKey(m: RegExpExecArray): number {
  if (m[3]) return Number(m[3]) * 100;
  return Number(m[2]) * 100 + Number(m[1]);
}

/**
 * Comparison tables with a column per study ("Measurement  08/2023  08/2025  Change"): the latest
 * date's column is this study; numbers in the other columns belong to earlier studies (or are
 * changes) and are marked so that no element is read from them.
 */
function markPriorColumns(ctx: Ctx): void {
  const { doc } = ctx;
  const n = doc.lines.length;
  // Rows already read under a header are not headers of their own (each would read on to the end).
  let consumedTo = -1;
  // Candidates: lines with at least two dates.
  for (const i of linesWithTwoHits(ctx, DATE_COLUMN)) {
    if (i <= consumedTo) continue;
    const l = doc.lines[i];
    if (l.end - l.start > 200) continue;
    const text = lineNorm(doc, i);
    const cols: Array<{ key: number } | null> = [];
    DATE_COLUMN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DATE_COLUMN.exec(text)) !== null) cols.push({ key: dateKey(m) });
    if (cols.length < 2) continue;
    // The words between the dates must be column names only (change, difference, %).
    const rest = text
      .replace(DATE_COLUMN, ' ')
      .replace(/\b(?:change|diff(?:erence)?|delta|%|measurement|region|site|parameter|prior|current|previous)\b/g, ' ');
    // Only dates and column names, laid out in columns.
    if (/[a-z0-9]/.test(rest.replace(/[|:()]/g, ' ')) || !/ {2,}|\t|\|/.test(text.trim())) continue;
    if (/\bchange|diff|delta/.test(text)) cols.push(null);
    let latest = -1;
    for (const c of cols) if (c && c.key > latest) latest = c.key;
    let j = i + 1;
    for (; j < n && !ctx.blankLine[j] && !ctx.headerLine[j]; j++) {
      const row = doc.lines[j];
      const values = numbersBetween(ctx, row.start, row.end);
      if (values.length < 2) break;
      // Align the row's last values with the columns, right to left.
      const use = values.slice(Math.max(0, values.length - cols.length));
      const offset = cols.length - use.length;
      use.forEach((v, k) => {
        const col = cols[k + offset];
        if (!col || col.key !== latest) ctx.priorNumbers.add(v.start);
      });
    }
    consumedTo = j - 1;
  }
}

const BLOCK_HEADING =
  /\b(?:dual ?femur|femur|hip)\b[^\n]{0,20}?\b(left|right|mean)\b|\b(left|right|mean)\b[^\n]{0,20}?\b(?:femur|hip)\b/;

/**
 * A row label read in the light of its block's heading: under "DualFemur - Left", "Neck" is the left
 * femoral neck and "Total" the left total hip. Labels that name their own side are kept.
 */
export function labelInBlock(ctx: Ctx, line: number, label: string): string {
  // Only a bare femur region ("Neck", "Total", "Troch") takes its side from a heading.
  if (!/^\s*(?:neck|total|troch\w*|inter\w*|shaft|upper neck|ward'?s?|femoral neck|total hip)\s*$/.test(label))
    return label;
  // The heading is the nearest line above that is neither blank nor part of the block.
  let i = line - 1;
  let seen = 0;
  while (i >= 0 && seen < 12 && !ctx.blankLine[i]) {
    const text = lineNorm(ctx.doc, i);
    const m = BLOCK_HEADING.exec(text);
    if (m) {
      const side = m[1] ?? m[2];
      const region = /^\s*total\s*$/.test(label) ? 'total hip' : label;
      return `${side} ${region}`;
    }
    i--;
    seen++;
  }
  return label;
}

export function parseTables(ctx: Ctx): TableRow[] {
  markPriorColumns(ctx);
  const { doc } = ctx;
  const rows: TableRow[] = [];
  const n = doc.lines.length;
  let consumedTo = -1;
  // Candidates for a header row: lines that name at least two measures.
  for (const i of linesWithTwoOf(ctx, matchesAt(doc.norm, ctx.keywords, COLUMN_WORD, COLUMN_WORD_FIRST))) {
    if (i <= consumedTo || ctx.blankLine[i]) continue;
    const text = lineNorm(doc, i);
    const cols = headerColumns(text);
    if (!cols) continue;
    ctx.tableLine[i] = 1;
    let j = i + 1;
    for (; j < n; j++) {
      if (ctx.blankLine[j] || ctx.headerLine[j]) break;
      const l = doc.lines[j];
      const rowText = lineNorm(doc, j);
      if (/^[\s:|-]+$/.test(rowText) && rowText.includes('-')) {
        ctx.tableLine[j] = 1; // Markdown separator row.
        continue;
      }
      if (headerColumns(rowText)) break;
      const { tokens, labelEnd } = trailingValues(ctx, l.start, l.end);
      if (!tokens.length || tokens.every((t) => !t.num && !t.placeholder)) break;
      let labelStart = l.start;
      while (labelStart < labelEnd && /[\s|]/.test(doc.norm[labelStart])) labelStart++;
      // Trailing blanks and pipes trimmed by a loop (a `[\s|]+$` replace is quadratic on a long run).
      let labelStop = labelEnd;
      while (labelStop > labelStart && /[\s|]/.test(doc.norm[labelStop - 1])) labelStop--;
      const label = doc.norm.slice(labelStart, labelStop);
      if (!/[a-z]/.test(label)) break;
      // "Femoral neck T-score: ___" is a labelled line after the table, not a row of it.
      if (/:\s*$|[tz][- ]?score|tbs/.test(label)) break;
      // Right-align when there are at least as many values as columns, else left-align.
      const use = tokens.length >= cols.length ? tokens.slice(tokens.length - cols.length) : tokens;
      const cells: Cell[] = use.map((t, k) => ({ column: cols[k], num: t.num, placeholder: t.placeholder }));
      ctx.tableLine[j] = 1;
      rows.push({ line: j, label, labelSpan: { start: labelStart, end: labelStart + label.length }, cells });
    }
    consumedTo = j - 1;
  }
  return rows;
}
