/**
 * Layout readers on the token stream. Reports lay their values out in tables (space-aligned,
 * tab-separated, Markdown pipes, box drawing, `+---+` grids), sideways rows, slash lists,
 * delimited rows (semicolon CSV) and key/value trees (YAML). Each reader here turns its layout into
 * the same label-to-value pairs prose gives: a measure (T-score, Z-score, TBS), the value's token
 * and its site. The score and TBS readers take these pairs first and prose after, so one typed
 * attachment serves every layout.
 *
 * Columns, cells and keys come from tokens: a column gap, a pipe or a box-drawing character is a
 * GAP token, a line break a NEWLINE token; what a header cell or a key names comes from the
 * vocabulary (`vocab/labels.ts`, `vocab/sites.ts`, the cues), never from patterns here. Every
 * reader is one pass over the lines it looks at (linear in the document).
 */
import type { Ctx } from '../context';
import { lineStarts, MAX_MENTIONS } from '../context';
import type { Concept } from './concepts';
import { HISTORICAL } from './concepts';
import type { Hits } from './trie';
import { match } from './trie';
import type { Tokens } from './tokens';
import { conceptOf, trieFor } from './read';
import { hitKinds, kindBit } from './kinds';
import { siteIn, siteKeyOf, siteOf } from './site';
import {
  DECIMAL,
  GAP,
  NEWLINE,
  NUMBER,
  PLACEHOLDER,
  PUNCT,
  REFUSED,
  SIGNED,
  UNIT_G_CM2,
  UNIT_NONE,
  UNIT_PERCENT,
  WALL,
  WORD,
  punctAt,
} from './tokens';
import { PERCENT_KEY_WORDS } from './vocab/labels';
import { ASIDE_WORDS, BLOCK_TOTAL, FEMUR_BLOCK_WORDS, LIST_FILLERS, RESPECTIVELY } from './vocab/sites';

/** What a table column holds. `tbsScore`: a TBS T-score or Z-score; `prior`: an earlier study's. */
export type Column = 'bmd' | 't' | 'z' | 'tbs' | 'tbsScore' | 'prior' | 'change' | 'other';

export interface Cell {
  column: Column;
  /** A NUMBER or PLACEHOLDER token, or -1 for an empty cell ("-", "n/a"). */
  tok: number;
}

export interface TableRow {
  line: number;
  /** The row's site key ("left femoral neck", "L2", "mean total hip"), or null. */
  site: string | null;
  cells: Cell[];
}

/** A measure's value read from a layout: the measure, the value (or placeholder) token, its site. */
export interface LayoutPair {
  own: 't' | 'z' | 'tbs';
  tok: number;
  site: string | null;
}

/** [from, to): a range of tokens. */
interface Range {
  a: number;
  b: number;
}

/**
 * What the layout readers ask of every line, made in one pass over the tokens per document: where
 * its tokens end (before its line break), how many column gaps and walls it holds, and whether it
 * holds a decimal number. Kept for the document being read (the last Ctx asked about), so no
 * reader walks a line twice to find its end or its gaps. One buffer holds every count (a typed
 * array each would cost an allocation each per document).
 */
interface LineFacts {
  /** First token of each line (context.ts `lineStarts`). */
  start: Int32Array;
  /** One past the line's last token before its line break. */
  end: Int32Array;
  /** Column gaps (walls included) on the line. */
  gaps: Int32Array;
  /** Walls (pipes, box drawing) on the line. */
  walls: Int32Array;
  /** 1 when the line holds a decimal number. */
  decimal: Int32Array;
  /** Semicolons on the line. */
  semis: Int32Array;
  /** Commas between quotes ("a","b") on the line. */
  quoted: Int32Array;
  /** Study dates (`dateKey`) on the line, as the tokens were before unitCells gave numbers units. */
  dates: Int32Array;
  /** Slashes ("/") on the line. */
  slashes: Int32Array;
  /** The one-letter words "t" and "z" that no phrase holds ("T = -1.8"): bare score labels, maybe. */
  bareT: number[];
  bareZ: number[];
  /** keyLine's answer for each line, once asked (undefined: not yet). */
  keys: Array<KeyLine | null | undefined>;
  /** lineRegion's answer for each line, once asked. */
  regions: Array<BlockRegion | undefined>;
  /** lineSide's answer for each line, once asked. */
  sides: Array<BlockSide | undefined>;
  /** The phrase hits that label a T-score, a Z-score, a TBS (measureLabelHits), once asked. */
  labelHits: { t: number[]; z: number[]; tbs: number[] } | null;
}

/**
 * The tail of an HL7 v2 coded element after its text ("OBX|8|TX|SIGN^Interpreting radiologist^L||
 * Jane Roe, MD"): at token k a "^", at most three tokens naming the coding system ("L", "LN"), then
 * field separators (walls; empty fields between). The field after is the observation's value: the
 * text before the tail is its label. Returns the first token of that field, or -1.
 */
export function codedTail(t: Tokens, k: number): number {
  if (k < 0 || k >= t.n || t.kind[k] !== PUNCT || t.norm.charCodeAt(t.start[k]) !== 94) return -1;
  for (let q = k + 1; q < t.n && q <= k + 4; q++) {
    if (t.kind[q] === GAP && t.flags[q] & WALL) {
      while (q < t.n && t.kind[q] === GAP) q++;
      return q < t.n && t.kind[q] !== NEWLINE ? q : -1;
    }
    if (t.kind[q] !== WORD && t.kind[q] !== NUMBER && t.kind[q] !== REFUSED) return -1;
  }
  return -1;
}

/** What a line says of its block's region: none, a vertebra, a radius, a hip region. */
type BlockRegion = 'none' | 'spine' | 'radius' | 'hip';
type BlockSide = 'left' | 'right' | 'mean' | 'both' | null;

/** The document whose line facts were made last, and its facts (a one-entry memo: readers of one document run one after another). */
let factsOf: Ctx | null = null;
let facts: LineFacts | null = null;
/** The buffer of the last document's counts, reused by the next one. */
let spare: Int32Array | null = null;

function lineFacts(ctx: Ctx): LineFacts {
  if (factsOf === ctx && facts) return facts;
  // The last document's facts go first: their buffer may be the one reused below.
  factsOf = null;
  facts = null;
  const t = ctx.reading.tokens;
  const n = ctx.doc.lines.length;
  const start = lineStarts(ctx);
  // The counts' buffer is reused from document to document (zeroed), up to 64 Ki counts: a new
  // typed array per document costs an allocation outside the heap.
  const size = 8 * n;
  let all: Int32Array;
  if (spare && spare.length >= size) {
    all = spare;
    all.fill(0, 0, size);
  } else {
    all = new Int32Array(Math.max(size, 1024));
    if (all.length <= 1 << 16) spare = all;
  }
  const end = all.subarray(0, n);
  const gaps = all.subarray(n, 2 * n);
  const walls = all.subarray(2 * n, 3 * n);
  const decimal = all.subarray(3 * n, 4 * n);
  const semis = all.subarray(4 * n, 5 * n);
  const quoted = all.subarray(5 * n, 6 * n);
  const dates = all.subarray(6 * n, 7 * n);
  const slashes = all.subarray(7 * n, 8 * n);
  const bareT: number[] = [];
  const bareZ: number[] = [];
  const {
    n: count,
    kind: kinds,
    line: lineOfTok,
    flags,
    start: starts,
    end: ends,
    norm,
    unit: units,
    value: values,
  } = t;
  const at = ctx.reading.hits.at;
  for (let line = 0; line < n; line++) {
    let b = start[line];
    for (; b < count && lineOfTok[b] === line; b++) {
      const kind = kinds[b];
      if (kind === NEWLINE) break;
      if (kind === GAP) {
        // A wrap that read.ts softened ends the line for the layout: it is no column gap.
        const c = norm.charCodeAt(starts[b]);
        if (c === 10 || c === 13) break;
        gaps[line]++;
        if (flags[b] & WALL) walls[line]++;
      } else if (kind === NUMBER) {
        const fl = flags[b];
        if (fl & DECIMAL) decimal[line] = 1;
        // dateKey of a number, inline: a whole unsigned year without a unit.
        else if (!(fl & SIGNED) && units[b] === UNIT_NONE && values[b] >= 1900 && values[b] <= 2100) dates[line]++;
      } else if (kind === REFUSED) {
        if (dateKey(ctx, b)) dates[line]++;
      } else if (kind === PUNCT) {
        const c = norm.charCodeAt(starts[b]);
        if (c === 59) semis[line]++;
        else if (c === 47) slashes[line]++;
        else if (
          c === 44 &&
          b > 0 &&
          b + 1 < count &&
          kinds[b - 1] === PUNCT &&
          kinds[b + 1] === PUNCT &&
          norm.charCodeAt(starts[b - 1]) === 34 &&
          norm.charCodeAt(starts[b + 1]) === 34
        )
          quoted[line]++;
      } else if (kind === WORD && ends[b] - starts[b] === 1 && at[b] < 0) {
        const c = norm.charCodeAt(starts[b]);
        if (c === 116) bareT.push(b);
        else if (c === 122) bareZ.push(b);
      }
    }
    end[line] = b;
  }
  const f = {
    start,
    end,
    gaps,
    walls,
    decimal,
    semis,
    quoted,
    dates,
    slashes,
    bareT,
    bareZ,
    keys: new Array<KeyLine | null | undefined>(n),
    regions: new Array<BlockRegion | undefined>(n),
    sides: new Array<BlockSide | undefined>(n),
    labelHits: null,
  };
  factsOf = ctx;
  facts = f;
  return f;
}

/** The kind bits of the concepts measureLabelHits looks for. */
const LABEL_BITS = kindBit('t') | kindBit('z') | kindBit('tbs') | kindBit('label');

/**
 * The phrase hits that label a measure, in document order: a hit with the measure's own concept
 * ("T-score", "TBS"), or whose first settings label is the measure's element. One walk over every
 * hit's concepts per document serves the T-score, Z-score and TBS readers.
 */
export function measureLabelHits(ctx: Ctx, own: 't' | 'z' | 'tbs'): readonly number[] {
  const f = lineFacts(ctx);
  if (!f.labelHits) {
    const { hits } = ctx.reading;
    const out = { t: [] as number[], z: [] as number[], tbs: [] as number[] };
    const kinds = hitKinds(hits);
    for (let h = 0; h < hits.n; h++) {
      // The kind bits first: most hits hold none of these concepts.
      if (!(kinds[h] & LABEL_BITS)) continue;
      let t = false;
      let z = false;
      let tbs = false;
      let first: string | undefined;
      for (const c of hits.concepts[h]) {
        if (c.c === 't') t = true;
        else if (c.c === 'z') z = true;
        else if (c.c === 'tbs') tbs = true;
        else if (c.c === 'label' && first === undefined) first = c.element;
      }
      if (t || first === 'tScore') out.t.push(h);
      if (z || first === 'zScore') out.z.push(h);
      if (tbs || first === 'tbs') out.tbs.push(h);
    }
    f.labelHits = out;
  }
  return f.labelHits[own];
}

/** The one-letter words "t" (or "z") that no phrase holds, in document order: maybe bare labels. */
export function bareScoreWords(ctx: Ctx, own: 't' | 'z'): readonly number[] {
  const f = lineFacts(ctx);
  return own === 't' ? f.bareT : f.bareZ;
}

/** How many column gaps (walls included) the line holds. */
export function gapsOnLine(ctx: Ctx, line: number): number {
  return lineFacts(ctx).gaps[line];
}

/** The tokens of a line, without its line break. */
export function lineTokens(ctx: Ctx, line: number): Range {
  if (line >= ctx.doc.lines.length) {
    const n = ctx.reading.tokens.n;
    return { a: n, b: n };
  }
  const f = lineFacts(ctx);
  return { a: f.start[line], b: f.end[line] };
}

function punctIs(ctx: Ctx, k: number, ch: number): boolean {
  return punctAt(ctx.reading.tokens, k) === ch;
}

function wordIs(ctx: Ctx, k: number, w: string): boolean {
  const t = ctx.reading.tokens;
  return t.kind[k] === WORD && t.end[k] - t.start[k] === w.length && t.norm.startsWith(w, t.start[k]);
}

/** The cells of a line: split at column gaps; in a walled line (pipes, box drawing) at the walls only. */
export function cellsOf(ctx: Ctx, r: Range): { cells: Range[]; walled: boolean } {
  const t = ctx.reading.tokens;
  let walled = false;
  for (let k = r.a; k < r.b; k++) if (t.kind[k] === GAP && t.flags[k] & WALL) walled = true;
  const cells: Range[] = [];
  let a = r.a;
  let leading = true;
  for (let k = r.a; k <= r.b; k++) {
    const end = k === r.b;
    const wall = !end && t.kind[k] === GAP && (t.flags[k] & WALL) !== 0;
    const gap = !end && t.kind[k] === GAP;
    if (end || (walled ? wall : gap)) {
      // A walled line keeps its empty cells (between two walls), but not before the first wall.
      if (k > a || (walled && !leading && !end)) cells.push(trim(ctx, { a, b: k }));
      leading = false;
      a = k + 1;
    }
  }
  return { cells, walled };
}

/** A cell without its padding (column gaps inside a walled cell). */
function trim(ctx: Ctx, r: Range): Range {
  const t = ctx.reading.tokens;
  let { a, b } = r;
  while (a < b && t.kind[a] === GAP) a++;
  while (b > a && t.kind[b - 1] === GAP) b--;
  return { a, b };
}

// ---------------------------------------------------------------------------------------------
// Header rows.

/** A study date in a header cell as a comparable number (year, then the other groups), or 0. */
function dateKey(ctx: Ctx, k: number): number {
  const t = ctx.reading.tokens;
  if (t.kind[k] === NUMBER) {
    const v = t.value[k];
    return !(t.flags[k] & (DECIMAL | SIGNED)) && t.unit[k] === UNIT_NONE && v >= 1900 && v <= 2100 ? v * 10000 : 0;
  }
  if (t.kind[k] !== REFUSED) return 0;
  // "08/2023", "10/02/2024", "03.02.2025": groups of digits; the first that is a year, then the
  // first two other groups (no array is made for them).
  let year = -1;
  let r0 = -1;
  let r1 = -1;
  let g = -1;
  const end = t.end[k];
  for (let i = t.start[k]; i <= end; i++) {
    const c = i < end ? t.norm.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) g = (g < 0 ? 0 : g * 10) + (c - 48);
    else if (g >= 0) {
      if (year < 0 && g >= 1900 && g <= 2100) year = g;
      else if (r0 < 0) r0 = g;
      else if (r1 < 0) r1 = g;
      g = -1;
    }
  }
  if (year < 0) return 0;
  return year * 10000 + (r0 < 0 ? 0 : r0) * 100 + (r1 < 0 ? 0 : r1);
}

interface HeaderCol {
  column: Column;
  /** The study date the column names, or 0. */
  date: number;
  /** Where the column's header stands on its line (characters from the line start), when known. */
  x0?: number;
  x1?: number;
}

/**
 * The phrases inside a cell. A phrase the document's pass matched across a narrow column gap
 * ("BMD  T-score" read as "BMD T-score") belongs to two cells: the cell is matched again on its own
 * tokens (a view of the token arrays, nothing copied). `own` is that match (null when no phrase
 * crosses the cell's edges: the document's hits serve).
 */
function cellMatch(ctx: Ctx, r: Range): Hits | null {
  const { tokens: t, hits } = ctx.reading;
  const first = r.a < r.b ? hits.at[r.a] : -1;
  const last = r.a < r.b ? hits.at[r.b - 1] : -1;
  const crosses = (first >= 0 && hits.start[first] < r.a) || (last >= 0 && hits.end[last] > r.b);
  if (!crosses) return null;
  const view: Tokens = {
    norm: t.norm,
    n: r.b - r.a,
    kind: t.kind.subarray(r.a, r.b),
    start: t.start.subarray(r.a, r.b),
    end: t.end.subarray(r.a, r.b),
    unitEnd: t.unitEnd.subarray(r.a, r.b),
    flags: t.flags.subarray(r.a, r.b),
    unit: t.unit.subarray(r.a, r.b),
    value: t.value.subarray(r.a, r.b),
    line: t.line.subarray(r.a, r.b),
  };
  return match(trieFor(ctx.settings.labels), view);
}

/** What a header cell names. A T-score or Z-score wins over other words; "Prior T-score" is a prior column. */
function cellColumn(ctx: Ctx, r: Range): HeaderCol {
  const { tokens: t, hits } = ctx.reading;
  const own = cellMatch(ctx, r);
  let tbsScore = false;
  let tScore = false;
  let z = false;
  let tbs = false;
  let bmd = false;
  let prior = false;
  let change = false;
  let date = 0;
  for (let k = r.a; k < r.b; k++) {
    // The phrase at token k: one of the document's that starts in the cell (cut at its end), or one
    // of the cell's own match that starts at k.
    let concepts: readonly Concept[] | null = null;
    let end = 0;
    if (own === null) {
      const h = hits.at[k];
      if (h >= 0 && hits.start[h] >= r.a) {
        concepts = hits.concepts[h];
        end = Math.min(hits.end[h], r.b);
      }
    } else {
      const h = own.at[k - r.a];
      if (h >= 0 && own.start[h] === k - r.a) {
        concepts = own.concepts[h];
        end = own.end[h] + r.a;
      }
    }
    if (concepts) {
      for (const c of concepts) {
        if (c.c === 'tbsScore') tbsScore = true;
        else if (c.c === 't') tScore = true;
        else if (c.c === 'z') z = true;
        else if (c.c === 'tbs') tbs = true;
        else if (c.c === 'bmd') bmd = true;
        else if (c.c === 'column' && c.column === 'change') change = true;
        else if (c.c === 'cue' && c.category === HISTORICAL) prior = true;
      }
      k = Math.max(k, end - 1);
      continue;
    }
    // "T", "Z" alone name the score columns of a terse header.
    if (r.b - r.a === 1 && wordIs(ctx, k, 't')) tScore = true;
    if (r.b - r.a === 1 && wordIs(ctx, k, 'z')) z = true;
    if (t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 37 && r.b - r.a <= 2) change ||= false;
    const d = dateKey(ctx, k);
    if (d) date = d;
  }
  let column: Column = 'other';
  if (change) column = 'change';
  else if (prior) column = 'prior';
  // "BMD + TBS", "BMD only": a risk matrix's model columns, no measure of their own.
  else if (tbs && bmd) column = 'other';
  else if (tbsScore) column = 'tbsScore';
  else if (tScore) column = 't';
  else if (z) column = 'z';
  else if (tbs) column = 'tbs';
  else if (bmd || (r.b > r.a && t.unit[r.a] === UNIT_G_CM2)) column = 'bmd';
  return { column, date };
}

const MEASURES: ReadonlySet<Column> = new Set(['t', 'z', 'tbs', 'tbsScore']);

/** Reads a header row: its value columns (the label column left out), or null when it is none. */
export function headerColumns(ctx: Ctx, line: number): HeaderCol[] | null {
  const { tokens: t, hits } = ctx.reading;
  const r = lineTokens(ctx, line);
  if (r.b - r.a > 80 || lineFacts(ctx).decimal[line]) return null;
  // Rows hold decimals; a header holds none. "BMD T-scores:" labels a list, not a table.
  let words = 0;
  let depth = 0;
  for (let k = r.a; k < r.b; k++) {
    const kind = t.kind[k];
    if (kind === NUMBER && t.flags[k] & DECIMAL) return null;
    if (punctIs(ctx, k, 40)) depth++;
    else if (punctIs(ctx, k, 41)) depth = Math.max(0, depth - 1);
    const h = hits.at[k];
    if (h >= 0) {
      k = Math.max(k, hits.end[h] - 1);
      continue;
    }
    if (kind === WORD && depth === 0 && t.end[k] - t.start[k] > 1) words++;
  }
  const walled = lineFacts(ctx).walls[line] > 0;
  if (!walled && r.b > r.a && punctIs(ctx, r.b - 1, 58)) return null;
  if (!walled && r.b > r.a && punctIs(ctx, r.b - 1, 46)) return null;
  // A sentence that names two measures ("BMD T-scores were not provided") is not a header, nor a
  // line of prose hard-wrapped into the next ("... the L1 through L4 T-score is" / "-1.4, ...").
  if (words > 4 || softBreak(t, r.b)) return null;
  const { cells } = cellsOf(ctx, r);
  let cols: HeaderCol[];
  if (cells.length >= 3) {
    const at = ctx.doc.lines[line].start;
    const tabbed = hasTab(ctx, r);
    cols = cells.slice(1).map((c) => {
      const col = cellColumn(ctx, c);
      if (!walled && !tabbed && c.b > c.a) {
        col.x0 = t.start[c.a] - at;
        col.x1 = t.end[c.b - 1] - at;
      }
      return col;
    });
  } else {
    // Single-spaced ("Site BMD T-score Z-score"): each measure word is a column.
    cols = [];
    for (let k = r.a; k < r.b; k++) {
      const h = hits.at[k];
      if (h < 0 || hits.start[h] !== k) continue;
      const col = cellColumn(ctx, { a: k, b: hits.end[h] });
      // The first word names the label column ("Region", "Site"), not a value column.
      if (col.column !== 'other' || (conceptOf(hits.concepts[h], 'column') && k > r.a)) cols.push(col);
      k = hits.end[h] - 1;
    }
  }
  // Two measures, or one measure in columns per study ("T-score 2026  T-score 2024  Change").
  let dates = 0;
  for (const c of cols) if (c.date) dates++;
  if ((knownMeasures(cols) < 2 && dates < 2) || !hasMeasure(cols)) return null;
  return cols;
}

// ---------------------------------------------------------------------------------------------
// Table rows.

/** Is the line a ruled separator ("|---|:--|", "+----+", "├────┼", "=====")? */
function separatorLine(ctx: Ctx, r: Range): boolean {
  const t = ctx.reading.tokens;
  if (r.b <= r.a) return false;
  for (let k = r.a; k < r.b; k++) {
    if (t.kind[k] === GAP) continue;
    if (punctIs(ctx, k, 45) || punctIs(ctx, k, 58) || punctIs(ctx, k, 43) || punctIs(ctx, k, 61)) continue;
    return false;
  }
  return true;
}

/** Is token k covered by a site phrase ("33%" of "radius 33%")? */
function inSite(ctx: Ctx, k: number): boolean {
  const h = ctx.reading.hits.at[k];
  return h >= 0 && conceptOf(ctx.reading.hits.concepts[h], 'site') !== undefined;
}

/** A value cell's token: a number (no unit, %, g/cm²) or a placeholder. */
function valueTok(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[k] === PLACEHOLDER) return true;
  if (t.kind[k] !== NUMBER || inSite(ctx, k)) return false;
  const u = t.unit[k];
  return u === UNIT_NONE || u === UNIT_PERCENT || u === UNIT_G_CM2;
}

/** An empty cell's mark: "-", "--", "n/a", "na", "nd", "—". Returns its first token, or -1. */
function emptyMarkEndingAt(ctx: Ctx, k: number, from: number): number {
  const t = ctx.reading.tokens;
  if (punctIs(ctx, k, 45)) {
    let j = k;
    while (j - 1 >= from && punctIs(ctx, j - 1, 45)) j--;
    return j;
  }
  if (wordIs(ctx, k, 'na') || wordIs(ctx, k, 'nd')) return k;
  if (wordIs(ctx, k, 'a') && k - 2 >= from && punctIs(ctx, k - 1, 47) && wordIs(ctx, k - 2, 'n')) return k - 2;
  return t.kind[k] === GAP && !(t.flags[k] & WALL) && t.norm.charCodeAt(t.start[k]) === 46 ? k : -1;
}

/** Values at the end of a row, left to right, and where its label ends. */
function trailingValues(ctx: Ctx, r: Range): { toks: number[]; labelEnd: number } {
  const t = ctx.reading.tokens;
  const toks: number[] = [];
  let k = r.b - 1;
  while (k >= r.a) {
    if (t.kind[k] === GAP && (t.flags[k] & WALL || t.norm.charCodeAt(t.start[k]) !== 46)) {
      k--;
      continue;
    }
    if (punctIs(ctx, k, 42)) {
      k--; // "-2.6*": a footnote mark
      continue;
    }
    if (valueTok(ctx, k)) {
      toks.push(k);
      k--;
      continue;
    }
    const e = emptyMarkEndingAt(ctx, k, r.a);
    if (e >= 0 && (e === r.a || t.kind[e - 1] === GAP || t.start[e] > t.end[e - 1])) {
      toks.push(-1);
      k = e - 1;
      continue;
    }
    break;
  }
  toks.reverse();
  return { toks, labelEnd: k + 1 };
}

/** Does the range hold a measure label (T, Z, TBS) or end in ":"? Then it is a labelled line, no row. */
function labelledLine(ctx: Ctx, r: Range): boolean {
  const { hits } = ctx.reading;
  for (let k = r.a; k < r.b; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    const c = hits.concepts[h];
    if (conceptOf(c, 't') || conceptOf(c, 'z') || conceptOf(c, 'tbs') || conceptOf(c, 'tbsScore')) return true;
  }
  let e = r.b - 1;
  while (e >= r.a && ctx.reading.tokens.kind[e] === GAP) e--;
  return e >= r.a && punctIs(ctx, e, 58);
}

/**
 * The site of a row's label, read in the light of its block's heading: under "DualFemur - Left",
 * "Neck" is the left femoral neck and "Total" the left total hip. Labels that name a side keep it.
 */
export function rowSite(ctx: Ctx, line: number, r: { a: number; b: number }): string | null {
  const s = siteIn(ctx, r.a, r.b);
  let region = s.region;
  // "DualFemur Total Left": the femur's total is the total hip.
  if (region === 'hip') for (let k = r.a; k < r.b; k++) if (wordIs(ctx, k, BLOCK_TOTAL)) region = 'total hip';
  if (!region) {
    // "Total", "Total Left": the total of the block's region (the hip under femur rows or a femur
    // heading, L1-L4 under vertebra rows).
    let total = false;
    for (let k = r.a; k < r.b; k++) if (wordIs(ctx, k, BLOCK_TOTAL)) total = true;
    if (!total) {
      // "Neck  Left" over "      Right" and "      Mean": a row that names only a side goes on with
      // the region of the rows above it.
      const grouped = s.side ? groupRegion(ctx, line) : null;
      if (!grouped) return null;
      return siteKeyOf(grouped, s.side);
    }
    const above = blockRegion(ctx, line);
    if (above === 'spine') return 'L1-L4';
    if (s.side || above === 'hip') region = 'total hip';
  }
  if (s.side || (region && region[0] === 'L') || region === 'radius' || region === 'total body')
    return region ? siteKeyOf(region, s.side) : null;
  const heading = blockSide(ctx, line);
  if (!region) return heading ? `${heading} total hip` : null;
  if (region === 'hip' && heading) region = 'total hip';
  return siteKeyOf(region, heading ?? undefined);
}

/**
 * The region of a group of rows a side-only row stands in: the nearest row above (in its block) whose
 * first cell names a region ("Neck", "Total" of a hip block); rows that name only a side are passed.
 */
function groupRegion(ctx: Ctx, line: number): string | null {
  for (let i = line - 1, seen = 0; i >= 0 && seen < 6 && !ctx.blankLine[i]; i--, seen++) {
    const { cells } = cellsOf(ctx, lineTokens(ctx, i));
    if (!cells.length) return null;
    const c = cells[0];
    const si = siteIn(ctx, c.a, c.b);
    let total = false;
    for (let k = c.a; k < c.b; k++) if (wordIs(ctx, k, BLOCK_TOTAL)) total = true;
    if (si.region) return si.region === 'hip' && total ? 'total hip' : si.region;
    if (total) return blockRegion(ctx, i) === 'spine' ? 'L1-L4' : 'total hip';
    if (!si.side) return null;
  }
  return null;
}

/** The region of the block a row stands in: the nearest site above names a vertebra or a hip region. */
function blockRegion(ctx: Ctx, line: number): 'spine' | 'hip' | null {
  for (let i = line - 1, seen = 0; i >= 0 && seen < 12 && !ctx.blankLine[i]; i--, seen++) {
    const region = lineRegion(ctx, i);
    if (region === 'none') continue;
    return region === 'radius' ? null : region;
  }
  return null;
}

/** The first site region among a line's first 12 tokens, as a block's region (read once per line). */
function lineRegion(ctx: Ctx, i: number): BlockRegion {
  const f = lineFacts(ctx);
  const known = f.regions[i];
  if (known !== undefined) return known;
  const { hits } = ctx.reading;
  let out: BlockRegion = 'none';
  for (let k = f.start[i]; k < f.end[i] && k < f.start[i] + 12; k++) {
    const h = hits.at[k];
    const region = h >= 0 ? conceptOf(hits.concepts[h], 'site')?.site.region : undefined;
    if (!region) continue;
    out = region[0] === 'L' ? 'spine' : region === 'radius' || region.startsWith('radius') ? 'radius' : 'hip';
    break;
  }
  f.regions[i] = out;
  return out;
}

/** The side a femur block's heading names ("DualFemur - Left", "Right Femur"), looking up the block. */
function blockSide(ctx: Ctx, line: number): 'left' | 'right' | 'mean' | 'both' | null {
  for (let i = line - 1, seen = 0; i >= 0 && seen < 12 && !ctx.blankLine[i]; i--, seen++) {
    const side = lineSide(ctx, i);
    if (side) return side;
  }
  return null;
}

/** The side a line names when it also names a femur (a block's heading), or null (read once per line). */
function lineSide(ctx: Ctx, i: number): BlockSide {
  const f = lineFacts(ctx);
  const known = f.sides[i];
  if (known !== undefined) return known;
  const { tokens: t, hits } = ctx.reading;
  let out: BlockSide = null;
  const a = f.start[i];
  const b = f.end[i];
  if (b - a <= 12) {
    let side: BlockSide = null;
    let femur = false;
    for (let k = a; k < b; k++) {
      const h = hits.at[k];
      if (h >= 0) {
        const site = conceptOf(hits.concepts[h], 'site');
        if (site?.site.side && !site.site.postposed && t.end[k] - t.start[k] > 1) side = site.site.side;
        if (site?.site.region === 'hip' || site?.site.region === 'total hip') femur = true;
        k = Math.max(k, hits.end[h] - 1);
        continue;
      }
      if (t.kind[k] === WORD && FEMUR_BLOCK_WORDS.has(t.norm.slice(t.start[k], t.end[k]))) femur = true;
    }
    if (side && femur) out = side;
  }
  f.sides[i] = out;
  return out;
}

/** Does the concept make a line a candidate header row (a measure word, "Score")? */
function headerWord(c: Concept['c']): boolean {
  return c === 't' || c === 'z' || c === 'tbs' || c === 'tbsScore' || c === 'bmd' || c === 'valueKey';
}

export interface Tables {
  rows: TableRow[];
}

/**
 * Reads every table: a header row naming columns, then rows of a site label and values up to a
 * blank line or a section header. Marks table lines (`ctx.tableLine`), and the numbers of earlier
 * studies' columns and change columns (`ctx.priorNumbers`), which no element is read from.
 */
export function readTables(ctx: Ctx): TableRow[] {
  markDateColumns(ctx);
  const { tokens: t, hits } = ctx.reading;
  const rows: TableRow[] = [];
  let consumedTo = -1;
  let tried = 0;
  // Candidates for a header row: lines with a measure word ("BMD", "T-score", "TBS") or a "Score".
  let lastLine = -1;
  let count = 0;
  const kinds = hitKinds(hits);
  for (let h = 0; h <= hits.n && tried < MAX_MENTIONS; h++) {
    const line = h < hits.n ? t.line[hits.start[h]] : -1;
    if (line !== lastLine) {
      // The line before is done: try it as a header (one line, or the first of two).
      if (count > 0 && lastLine > consumedTo && !ctx.blankLine[lastLine]) {
        tried++;
        consumedTo = Math.max(consumedTo, tableAt(ctx, lastLine, count, rows));
      }
      lastLine = line;
      count = 0;
    }
    if (h === hits.n) break;
    // The kind bits first: only a hit that may hold a header word has its concepts searched.
    if (!(kinds[h] & HEADER_BITS)) continue;
    for (const c of hits.concepts[h])
      if (headerWord(c.c)) {
        count++;
        break;
      }
  }
  return rows;
}

/** The kind bits of the header words (headerWord). */
const HEADER_BITS =
  kindBit('t') | kindBit('z') | kindBit('tbs') | kindBit('tbsScore') | kindBit('bmd') | kindBit('valueKey');

/**
 * The table whose header is at `line` (alone, or with the next line: "T -" over "Score", "Young-Adult"
 * over "(%)  T-Score"), read into `rows`. Returns the last line read, or -1.
 */
function tableAt(ctx: Ctx, line: number, measures: number, rows: TableRow[]): number {
  let cols = measures >= 1 ? headerColumns(ctx, line) : null;
  let last = line;
  const two = line + 1 < ctx.doc.lines.length && !ctx.blankLine[line + 1] ? twoLineHeader(ctx, line, line + 1) : null;
  // The two-line reading wins when it finds more columns, or as many and the second line holds no
  // value (units under the names: "Date  (years)  (g/cm²)").
  if (two && (!cols || two.length > cols.length || (two.length === cols.length && !holdsNumber(ctx, line + 1)))) {
    cols = two;
    last = line + 1;
  }
  if (!cols) return -1;
  for (let i = line; i <= last; i++) ctx.tableLine[i] = 1;
  return readRows(ctx, last, cols, cellsOf(ctx, lineTokens(ctx, line)).walled, rows, line);
}

/**
 * The rows under a header that ends at `line` (and starts at `top`); returns the last line read.
 * A trend table's rows are studies, each labelled with its date ("03/16/2026  70  0.842  -2.0
 * -6.7%"): the latest date's row is this study, of the region the heading above the table names
 * ("Lumbar spine L1-L4 trend", "DualFemur Total Mean Trend"); the other rows are earlier studies.
 */
function readRows(
  ctx: Ctx,
  line: number,
  cols: HeaderCol[],
  headerWalled: boolean,
  rows: TableRow[],
  top = line,
): number {
  const t = ctx.reading.tokens;
  const n = ctx.doc.lines.length;
  const dated = cols.filter((c) => c.date).length >= 2;
  let latest = 0;
  for (const c of cols) latest = Math.max(latest, c.date);
  const studies: Array<{ line: number; date: number; cells: Cell[] }> = [];
  const rowsBefore = rows.length;
  let j = line + 1;
  for (; j < n; j++) {
    if (ctx.blankLine[j] || ctx.headerLine[j]) break;
    const r = lineTokens(ctx, j);
    if (separatorLine(ctx, r)) {
      ctx.tableLine[j] = 1;
      continue;
    }
    if (headerColumns(ctx, j)) break;
    const cells = rowCells(ctx, r, cols, headerWalled);
    if (!cells && !studies.length && rows.length > rowsBefore) {
      // A dated row with no label under a site's row ("L1-L4  02/10/2026 ... -2.1" over
      // "              01/22/2024 ... -2.4"): another study of that site.
      const study = datedRow(ctx, r, cols);
      if (study) {
        ctx.tableLine[j] = 1;
        laterStudy(ctx, rows, rows.length - 1, { line: j, ...study });
        continue;
      }
    }
    if (!cells) {
      const study = studies.length || rows.length === rowsBefore ? datedRow(ctx, r, cols) : null;
      if (!study) break;
      ctx.tableLine[j] = 1;
      studies.push({ line: j, ...study });
      continue;
    }
    if (studies.length) break;
    ctx.tableLine[j] = 1;
    for (let k = 0; k < cells.cells.length; k++) {
      const cell = cells.cells[k];
      const col = cells.cols[k];
      if (cell.tok < 0 || !col) continue;
      if (dated && col.date && col.date !== latest) cell.column = 'prior'; // "T-score 2023": an earlier study
      if (cell.column === 'prior' || cell.column === 'change') ctx.priorNumbers.add(t.start[cell.tok]);
    }
    // A row of differences ("Difference  0.024  0.2  0.2", "Change  -0.7%"): no site's values.
    if (labelNamesChange(ctx, cells.label)) {
      for (const cell of cells.cells) if (cell.tok >= 0) ctx.priorNumbers.add(t.start[cell.tok]);
      continue;
    }
    rows.push({ line: j, site: rowSite(ctx, j, cells.label), cells: cells.cells });
  }
  if (studies.length) {
    let current = studies[0];
    for (const s of studies) if (s.date > current.date) current = s;
    const site = trendSite(ctx, top);
    for (const s of studies) {
      const now = s === current && site !== null;
      for (const cell of s.cells)
        if (cell.tok >= 0 && (!now || cell.column === 'prior' || cell.column === 'change'))
          ctx.priorNumbers.add(t.start[cell.tok]);
      if (now) rows.push({ line: s.line, site, cells: s.cells });
    }
  }
  return j - 1;
}

/** Does a row's label name a change column's word ("Difference", "Change", "Diff")? */
function labelNamesChange(ctx: Ctx, label: Range): boolean {
  const { hits } = ctx.reading;
  for (let k = label.a; k < label.b; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    for (const c of hits.concepts[h]) if (c.c === 'column' && c.column === 'change') return true;
    k = hits.end[h] - 1;
  }
  return false;
}

/**
 * A study of a site's row written on the line under it (a trend table with a row per study under
 * each site's row): the later of the two is this study's row, of the site; the other's numbers
 * belong to an earlier study. A site row that names no date is this study's.
 */
function laterStudy(
  ctx: Ctx,
  rows: TableRow[],
  at: number,
  study: { line: number; date: number; cells: Cell[] },
): void {
  const t = ctx.reading.tokens;
  const row = rows[at];
  const r = lineTokens(ctx, row.line);
  let date = 0;
  for (let k = r.a; k < r.b && k < r.a + 12 && !date; k++)
    if (t.kind[k] === REFUSED || t.kind[k] === NUMBER) date = leadingDate(ctx, { a: k, b: r.b })?.date ?? 0;
  const later = date > 0 && study.date > date;
  for (const cell of later ? row.cells : study.cells) if (cell.tok >= 0) ctx.priorNumbers.add(t.start[cell.tok]);
  if (!later) return;
  for (const cell of study.cells)
    if (cell.tok >= 0 && (cell.column === 'prior' || cell.column === 'change')) ctx.priorNumbers.add(t.start[cell.tok]);
  rows[at] = { line: study.line, site: row.site, cells: study.cells };
}

/** Does the line hold a number? */
function holdsNumber(ctx: Ctx, line: number): boolean {
  const t = ctx.reading.tokens;
  const r = lineTokens(ctx, line);
  for (let k = r.a; k < r.b; k++) if (t.kind[k] === NUMBER) return true;
  return false;
}

/** A date opening the row ("03/16/2026", "2026-01-08", "16.03.2026"): its key and the token after it. */
function leadingDate(ctx: Ctx, r: Range): { date: number; end: number } | null {
  const t = ctx.reading.tokens;
  const a = r.a;
  if (a >= r.b) return null;
  if (t.kind[a] === REFUSED) {
    const date = dateKey(ctx, a);
    return date ? { date, end: a + 1 } : null;
  }
  // "2026-01-08": a year and two number groups joined by a dash, no space between.
  const y = dateKey(ctx, a);
  if (!y || a + 4 >= r.b) return null;
  const joined = (k: number) => punctIs(ctx, k, 45) && t.start[k] === t.end[k - 1] && t.start[k + 1] === t.end[k];
  if (!joined(a + 1) || !joined(a + 3) || t.kind[a + 2] !== NUMBER || t.kind[a + 4] !== NUMBER) return null;
  const m = t.value[a + 2];
  const d = t.value[a + 4];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { date: y + m * 100 + d, end: a + 5 };
}

/** A trend table's row: a date, then values under the header's columns; null when the line is none. */
function datedRow(ctx: Ctx, r: Range, cols: HeaderCol[]): { date: number; cells: Cell[] } | null {
  const t = ctx.reading.tokens;
  const lead = leadingDate(ctx, r);
  if (!lead) return null;
  const rest = { a: lead.end, b: r.b };
  const { toks, labelEnd } = trailingValues(ctx, rest);
  for (let k = rest.a; k < labelEnd; k++) if (t.kind[k] !== GAP) return null;
  if (!toks.length || toks.every((k) => k < 0)) return null;
  const placedCells = hasTab(ctx, r) ? null : underColumns(ctx, rest, toks, cols);
  if (placedCells) return { date: lead.date, cells: placedCells.cells };
  const use = toks.length >= cols.length ? toks.slice(toks.length - cols.length) : toks;
  return { date: lead.date, cells: use.map((tok, k) => ({ column: cols[k].column, tok })) };
}

/** The region a trend table is of: the site its heading names, on one of the three lines above it. */
function trendSite(ctx: Ctx, top: number): string | null {
  for (let i = top - 1, seen = 0; i >= 0 && seen < 3 && !ctx.blankLine[i]; i--, seen++) {
    const site = rowSite(ctx, i, lineTokens(ctx, i));
    if (site) return site;
  }
  return null;
}

/** A cell with its horizontal place on its line (characters from the line start). */
interface Placed extends Range {
  x0: number;
  x1: number;
}

/**
 * The cells of a line of column headers with their places, or null when the line cannot be one of
 * a two-line header: too long, a decimal in it, walled, or fewer than two cells (no column gap).
 */
function placed(ctx: Ctx, line: number): Placed[] | null {
  const t = ctx.reading.tokens;
  const f = lineFacts(ctx);
  const a = f.start[line];
  const b = f.end[line];
  if (b - a > 80 || f.decimal[line] || f.walls[line] || !f.gaps[line]) return null;
  const { cells } = cellsOf(ctx, { a, b });
  const start = ctx.doc.lines[line].start;
  const out: Placed[] = [];
  for (const c of cells)
    if (c.b > c.a) out.push({ a: c.a, b: c.b, x0: t.start[c.a] - start, x1: t.end[c.b - 1] - start });
  return out;
}

/** Is the cell the bare word "t" or "z" (with a hyphen: "T -", "Z-")? */
function bareScoreWord(ctx: Ctx, c: Range): 't' | 'z' | null {
  let found: 't' | 'z' | null = null;
  for (let k = c.a; k < c.b; k++) {
    if (wordIs(ctx, k, 't')) found = 't';
    else if (wordIs(ctx, k, 'z')) found = 'z';
    else if (!punctIs(ctx, k, 45)) return null;
  }
  return found;
}

/**
 * A header written over two lines, its cells lined up by their place on the line: the lower
 * line's cells are the columns ("(%)  T-Score"), each read with the upper cell over it ("Young-
 * Adult"); an upper cell with nothing under it is a column of its own ("Region"). "T -" over
 * "Score" names the T-score column.
 */
function twoLineHeader(ctx: Ctx, top: number, bottom: number): HeaderCol[] | null {
  const up = placed(ctx, top);
  if (!up || up.length < 2) return null;
  const low = placed(ctx, bottom);
  if (!up || !low || up.length < 2 || low.length < 2) return null;
  const over = (a: Placed, b: Placed) => a.x0 <= b.x1 && b.x0 <= a.x1;
  const cols: Array<{ x: number; col: HeaderCol }> = [];
  for (const u of up)
    if (!low.some((l) => over(u, l))) cols.push({ x: u.x0, col: { ...cellColumn(ctx, u), x0: u.x0, x1: u.x1 } });
  for (const l of low) {
    let col = cellColumn(ctx, l);
    const u = up.find((c) => over(c, l));
    if (u && col.column === 'other') {
      const upper = cellColumn(ctx, u);
      const bare = bareScoreWord(ctx, u);
      // "T -" over "Score"; "BMD" over "(g/cm2)"; "Young-Adult" over "(%)" stays another column.
      if (bare && isScoreWord(ctx, l)) col = { column: bare, date: 0 };
      else if (
        upper.column !== 'other' &&
        up.filter((c) => over(c, l)).length === 1 &&
        !low.some((o) => o !== l && over(u, o) && cellColumn(ctx, o).column !== 'other')
      )
        col = upper;
    }
    cols.push({ x: l.x0, col: { ...col, x0: l.x0, x1: l.x1 } });
  }
  cols.sort((a, b) => a.x - b.x);
  // The first column is the rows' labels.
  const values = cols.slice(1).map((c) => c.col);
  if (knownMeasures(values) < 2 || !hasMeasure(values)) return null;
  return values;
}

/** Bits of the columns a header names ("other", "prior" and "change" left out). */
const KNOWN_BIT: Readonly<Record<Column, number>> = {
  bmd: 1,
  t: 2,
  z: 4,
  tbs: 8,
  tbsScore: 16,
  prior: 0,
  change: 0,
  other: 0,
};

/** How many different known columns (bmd, t, z, tbs, tbsScore) the header names. */
function knownMeasures(cols: readonly HeaderCol[]): number {
  let bits = 0;
  for (const c of cols) bits |= KNOWN_BIT[c.column];
  let n = 0;
  for (; bits; bits &= bits - 1) n++;
  return n;
}

/** Does the header name a measure column (t, z, tbs, tbsScore)? */
function hasMeasure(cols: readonly HeaderCol[]): boolean {
  for (const c of cols) if (MEASURES.has(c.column)) return true;
  return false;
}

/** Is the cell the word "Score" alone? */
function isScoreWord(ctx: Ctx, c: Range): boolean {
  const { hits } = ctx.reading;
  const h = hits.at[c.a];
  return h >= 0 && hits.end[h] === c.b && conceptOf(hits.concepts[h], 'valueKey') !== undefined;
}

/** A row's label and cells under the header's columns, or null when the line is no row. */
function rowCells(
  ctx: Ctx,
  r: Range,
  cols: HeaderCol[],
  headerWalled: boolean,
): { label: Range; cells: Cell[]; cols: Array<HeaderCol | undefined> } | null {
  const t = ctx.reading.tokens;
  const { cells: parts, walled } = cellsOf(ctx, r);
  if (walled && headerWalled && parts.length >= 2) {
    // A drawn table: one cell per column, empty cells kept.
    const label = parts[0];
    if (!hasLetter(ctx, label) || labelledLine(ctx, label)) return null;
    const cells: Cell[] = [];
    const used: Array<HeaderCol | undefined> = [];
    let any = false;
    for (let k = 1; k < parts.length && k - 1 < cols.length; k++) {
      const p = parts[k];
      let tok = -1;
      for (let q = p.a; q < p.b; q++) if (valueTok(ctx, q)) tok = tok === -1 ? q : tok;
      if (tok >= 0) any = true;
      cells.push({ column: cols[k - 1].column, tok });
      used.push(cols[k - 1]);
    }
    return any ? { label, cells, cols: used } : null;
  }
  const { toks, labelEnd } = trailingValues(ctx, r);
  if (!toks.length || toks.every((k) => k < 0)) return null;
  const label = trim(ctx, { a: r.a, b: labelEnd });
  while (label.a < label.b && t.kind[label.a] === GAP) label.a++;
  if (!hasLetter(ctx, label) || labelledLine(ctx, label)) return null;
  // Under a header whose columns have places, each value goes to the column it stands under.
  const placedCells = hasTab(ctx, r) ? null : underColumns(ctx, r, toks, cols);
  if (placedCells) return { label, cells: placedCells.cells, cols: placedCells.cols };
  // Right-align when there are at least as many values as columns, else left-align.
  const use = toks.length >= cols.length ? toks.slice(toks.length - cols.length) : toks;
  return {
    label,
    cells: use.map((tok, k) => ({ column: cols[k].column, tok })),
    cols: use.map((_, k) => cols[k]),
  };
}

/** Does the line hold a tab (its characters then say nothing of its columns' places)? */
function hasTab(ctx: Ctx, r: Range): boolean {
  const t = ctx.reading.tokens;
  for (let k = r.a; k < r.b; k++) {
    if (t.kind[k] !== GAP) continue;
    for (let c = t.start[k]; c < t.end[k]; c++) if (t.norm.charCodeAt(c) === 9) return true;
  }
  return false;
}

/**
 * The row's values under the header's columns by place: each value to the column its characters
 * overlap most. Null when a column has no place, a value stands under none, or two under one.
 */
function underColumns(
  ctx: Ctx,
  r: Range,
  toks: number[],
  cols: HeaderCol[],
): { cells: Cell[]; cols: HeaderCol[] } | null {
  const t = ctx.reading.tokens;
  if (!cols.length || cols.some((c) => c.x0 === undefined || c.x1 === undefined)) return null;
  const at = ctx.doc.lines[t.line[r.a]].start;
  const taken = new Set<number>();
  const cells: Cell[] = [];
  const used: HeaderCol[] = [];
  for (const tok of toks) {
    if (tok < 0) continue;
    const x0 = t.start[tok] - at;
    const x1 = t.unitEnd[tok] - at;
    let best = -1;
    let bestOverlap = 0;
    for (let c = 0; c < cols.length; c++) {
      const o = Math.min(x1, cols[c].x1 as number) - Math.max(x0, cols[c].x0 as number);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = c;
      }
    }
    if (best < 0 || taken.has(best)) return null;
    taken.add(best);
    cells.push({ column: cols[best].column, tok });
    used.push(cols[best]);
  }
  return cells.length ? { cells, cols: used } : null;
}

function hasLetter(ctx: Ctx, r: Range): boolean {
  for (let k = r.a; k < r.b; k++) if (ctx.reading.tokens.kind[k] === WORD) return true;
  return false;
}

/**
 * Comparison tables with a column per study ("Measurement  08/2023  08/2025  Change"), whose rows
 * carry their own labels ("Femoral neck T-score  -2.0  -2.3  -0.3"): the latest date's column is
 * this study; numbers in the other columns belong to earlier studies (or are changes).
 */
function markDateColumns(ctx: Ctx): void {
  const { tokens: t, hits } = ctx.reading;
  const n = ctx.doc.lines.length;
  const f = lineFacts(ctx);
  let consumedTo = -1;
  let found = 0;
  // Lines with two study dates: counted in the line facts, counted again on the line (a year in a
  // cell of its own may have taken a unit since, and is no date then).
  for (let line = 0; line < n && found < MAX_MENTIONS; line++) {
    if (f.dates[line] < 2 || line <= consumedTo) continue;
    let dates = 0;
    for (let k = f.start[line]; k < f.end[line] && dates < 2; k++) if (dateKey(ctx, k)) dates++;
    if (dates < 2) continue;
    found++;
    const r = lineTokens(ctx, line);
    if (r.b - r.a > 60) continue;
    const { cells, walled } = cellsOf(ctx, r);
    if (!walled && cells.length < 3) continue;
    // Only dates and column words, laid out in columns.
    const cols: Array<number | null> = [];
    let ok = true;
    for (const c of cells) {
      let date = 0;
      let change = false;
      for (let q = c.a; q < c.b && ok; q++) {
        const h = hits.at[q];
        if (h >= 0) {
          const cs = hits.concepts[h];
          const col = conceptOf(cs, 'column');
          if (col?.column === 'change') change = true;
          else if (!col && !conceptOf(cs, 'cue')) ok = false;
          q = Math.max(q, hits.end[h] - 1);
          continue;
        }
        const d = dateKey(ctx, q);
        if (d) date = d;
        else if (t.kind[q] === WORD || t.kind[q] === NUMBER) ok = false;
      }
      if (date) cols.push(date);
      else if (change) cols.push(null);
    }
    if (!ok || cols.filter((c) => c !== null).length < 2) continue;
    let latest = 0;
    for (const c of cols) if (c !== null && c > latest) latest = c;
    let j = line + 1;
    for (; j < n && !ctx.blankLine[j] && !ctx.headerLine[j]; j++) {
      const row = lineTokens(ctx, j);
      const values: number[] = [];
      for (let q = row.a; q < row.b; q++) if (t.kind[q] === NUMBER && !inSite(ctx, q)) values.push(q);
      if (values.length < 2) break;
      // Align the row's last values with the columns, right to left.
      const use = values.slice(Math.max(0, values.length - cols.length));
      const offset = cols.length - use.length;
      use.forEach((v, q) => {
        const col = cols[q + offset];
        if (col === null || col !== latest) ctx.priorNumbers.add(t.start[v]);
      });
    }
    consumedTo = j - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows and lists after a label.

/** Is token k a number a score may be (decimal or signed, no unit)? */
function scoreNumber(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  return k >= 0 && k < t.n && t.kind[k] === NUMBER && t.unit[k] === UNIT_NONE && (t.flags[k] & DECIMAL) !== 0;
}

/**
 * A slash list of values starting at `first` ("-1.2/-0.8/-1.5", "-1.2 / -2.3"), paired with a slash
 * list of as many sites: in [siteFrom, first) ("L1-L4/total hip/femoral neck:", "(L1-L4 / FN / TH)")
 * or right after the values ("-1.2 / -2.3 (L1-L4 / FN)"). Null when either list is missing.
 */
export function slashList(ctx: Ctx, siteFrom: number, first: number): Array<[number, string | null]> | null {
  const t = ctx.reading.tokens;
  if (!punctIs(ctx, first + 1, 47)) return null;
  const values = [first];
  let k = first + 1;
  while (values.length < 8 && punctIs(ctx, k, 47) && scoreNumber(ctx, k + 1)) {
    values.push(k + 1);
    k += 2;
  }
  if (values.length < 2) return null;
  const line = t.line[first];
  const before = slashSites(ctx, siteFrom, first, values.length);
  if (before) return values.map((v, i) => [v, before[i]]);
  let end = k;
  while (end < t.n && end < k + 40 && t.line[end] === line && t.kind[end] !== NEWLINE) end++;
  const after = slashSites(ctx, k, end, values.length);
  return after ? values.map((v, i) => [v, after[i]]) : null;
}

/** `count` sites in a slash list inside [a, b) (in its parentheses when it has them), or null. */
function slashSites(ctx: Ctx, a: number, b: number, count: number): string[] | null {
  let from = a;
  let to = b;
  for (let k = a; k < b; k++)
    if (punctIs(ctx, k, 40)) {
      from = k + 1;
      for (to = from; to < b && !punctIs(ctx, to, 41); to++);
      break;
    }
  const sites: string[] = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k === to || punctIs(ctx, k, 47)) {
      const site = siteOf(ctx, s, k);
      if (!site) return null;
      sites.push(site);
      s = k + 1;
    }
  }
  return sites.length === count ? sites : null;
}

/**
 * Sides and values in a slash list after one region: "DualFemur Neck   Left -1.8 / Right -1.6 /
 * Mean -1.7". Each item is a side word and a score; the region is named before the first item.
 */
export function sideSlashList(ctx: Ctx, lineStart: number, first: number): Array<[number, string | null]> | null {
  const { tokens: t, hits } = ctx.reading;
  const sideAt = (k: number) => {
    const h = k >= 0 ? hits.at[k] : -1;
    const site = h >= 0 ? conceptOf(hits.concepts[h], 'site') : undefined;
    return site && site.site.side && !site.site.region ? { side: site.site.side, start: hits.start[h] } : null;
  };
  let k = first - 1;
  while (k >= lineStart && t.kind[k] === GAP) k--;
  const firstSide = sideAt(k);
  if (!firstSide || !punctIs(ctx, first + 1, 47)) return null;
  let region = siteIn(ctx, lineStart, firstSide.start).region;
  if (region === 'hip')
    for (let w = lineStart; w < firstSide.start; w++) if (wordIs(ctx, w, BLOCK_TOTAL)) region = 'total hip';
  if (!region) return null;
  const out: Array<[number, string | null]> = [[first, siteKeyOf(region, firstSide.side)]];
  let q = first + 1;
  while (out.length < 6 && punctIs(ctx, q, 47)) {
    const side = sideAt(q + 1);
    if (!side) break;
    const h = hits.at[q + 1];
    const v = hits.end[h];
    if (!scoreNumber(ctx, v)) break;
    out.push([v, siteKeyOf(region, side.side)]);
    q = v + 1;
  }
  return out.length >= 2 ? out : null;
}

/**
 * A table turned sideways: a row that goes on in columns after `first` ("T-score   -1.1   -2.0
 * -1.4"), paired with a line of site columns above it in the same block. Null when there is none.
 */
export function sidewaysRow(ctx: Ctx, first: number): Array<[number, string | null]> | null {
  const t = ctx.reading.tokens;
  const values = [first];
  let k = first + 1;
  while (values.length <= 12 && k + 1 < t.n && t.kind[k] === GAP && !(t.flags[k] & WALL) && scoreNumber(ctx, k + 1)) {
    values.push(k + 1);
    k += 2;
  }
  if (values.length < 2) return null;
  const line = t.line[first];
  for (let j = line - 1; j >= 0 && j >= line - 4 && !ctx.blankLine[j]; j--) {
    const { cells } = cellsOf(ctx, lineTokens(ctx, j));
    // A leading cell that names no site ("Region") labels the row of site names.
    const sites = cells.map((c) => siteOf(ctx, c.a, c.b));
    while (sites.length > values.length && sites[0] === null) sites.shift();
    if (sites.length === values.length && sites.every((s) => s !== null)) return values.map((v, i) => [v, sites[i]]);
  }
  return null;
}

/**
 * A line break that `read.ts` softenWraps read as the wrap of a sentence (a GAP token that was the
 * break): what goes on over a space goes on over it.
 */
export function softBreak(t: Tokens, k: number): boolean {
  if (k >= t.n || t.kind[k] !== GAP) return false;
  const c = t.norm.charCodeAt(t.start[k]);
  return c === 10 || c === 13;
}

/**
 * A list after one label: "T-scores: L1-L4 -1.6, left femoral neck -2.3, left total hip -1.4", or
 * "-1.4 at L1-L4, -2.2 at the left femoral neck and -1.6 at the left total hip". From the value at
 * `value`, each next item is a separator (",", ";", "and"), site words and a signed score.
 */
export function listAfter(ctx: Ctx, value: number): Array<[number, string | null]> {
  const { tokens: t, hits } = ctx.reading;
  const out: Array<[number, string | null]> = [];
  let k = value + 1;
  let line = t.line[value];
  for (let items = 0; items < 12; items++) {
    // This value's own site after it ("at the left femoral neck"), or an aside (", which is ...").
    k = skipSiteWords(ctx, k);
    // ", which is the lowest value," between a value's site and the next separator.
    if (punctIs(ctx, k, 44) && t.kind[k + 1] === WORD && ASIDE_WORDS.has(t.norm.slice(t.start[k + 1], t.end[k + 1]))) {
      let q = k + 1;
      while (q < t.n && q < k + 12 && t.kind[q] !== NUMBER && !punctIs(ctx, q, 44) && t.kind[q] !== NEWLINE) q++;
      if (punctIs(ctx, q, 44)) k = q;
    }
    if (!(punctIs(ctx, k, 44) || punctIs(ctx, k, 59) || wordIs(ctx, k, 'and'))) break;
    k++;
    let next = -1;
    for (let q = k; q < t.n && q < k + 10; q++) {
      if (t.kind[q] === NUMBER) {
        next = q;
        break;
      }
      const h = hits.at[q];
      if (h >= 0 && conceptOf(hits.concepts[h], 'site')) {
        q = hits.end[h] - 1;
        continue;
      }
      if (t.kind[q] === WORD && LIST_FILLERS.has(t.norm.slice(t.start[q], t.end[q]))) continue;
      if (punctIs(ctx, q, 40) || punctIs(ctx, q, 41) || punctIs(ctx, q, 58)) continue;
      // A hard wrap inside the item ("; total hip" / "-1.6"): the list goes on on the next line.
      if (softBreak(t, q)) {
        line = t.line[q + 1];
        continue;
      }
      break;
    }
    if (next < 0 || t.line[next] !== line || !(t.flags[next] & SIGNED) || t.unit[next] !== UNIT_NONE) break;
    const site = siteOf(ctx, k, next) ?? siteOf(ctx, next + 1, skipSiteWords(ctx, next + 1));
    if (!site) break;
    out.push([next, site]);
    k = next + 1;
  }
  return out;
}

/**
 * Values listed before their sites, tied by "respectively": "T-scores of -1.2, -2.3 and -1.7 at the
 * lumbar spine, left femoral neck and left total hip, respectively". Null when the lists do not
 * pair one to one.
 */
export function respectivelyList(ctx: Ctx, first: number): Array<[number, string | null]> | null {
  const { tokens: t, sentence } = ctx.reading;
  const values = [first];
  let k = first + 1;
  while (values.length < 8) {
    let q = k;
    if (punctIs(ctx, q, 44)) q++;
    if (wordIs(ctx, q, 'and')) q++;
    if (q === k || !scoreNumber(ctx, q)) break;
    values.push(q);
    k = q + 1;
  }
  if (values.length < 2) return null;
  // The sites up to "respectively", in the same sentence.
  let end = -1;
  for (let q = k; q < t.n && q < k + 40 && sentence[q] === sentence[first]; q++)
    if (wordIs(ctx, q, RESPECTIVELY)) {
      end = q;
      break;
    }
  if (end < 0) return null;
  const sites: string[] = [];
  let s = k;
  for (let q = k; q <= end; q++) {
    if (q < end && !punctIs(ctx, q, 44) && !wordIs(ctx, q, 'and')) continue;
    if (q > s) {
      const site = siteOf(ctx, s, q);
      if (site) sites.push(site);
    }
    s = q + 1;
  }
  return sites.length === values.length ? values.map((v, i) => [v, sites[i]]) : null;
}

/** Past site words and fillers after a value ("at the left femoral neck", "(left hip)"). */
function skipSiteWords(ctx: Ctx, from: number): number {
  const { tokens: t, hits } = ctx.reading;
  let k = from;
  let site = false;
  for (; k < t.n && k < from + 10; k++) {
    const h = hits.at[k];
    if (h >= 0 && conceptOf(hits.concepts[h], 'site')) {
      site = true;
      k = hits.end[h] - 1;
      continue;
    }
    if (t.kind[k] === WORD && LIST_FILLERS.has(t.norm.slice(t.start[k], t.end[k])) && !wordIs(ctx, k, 'and')) continue;
    if (punctIs(ctx, k, 40) || punctIs(ctx, k, 41)) continue;
    break;
  }
  return site ? k : from;
}

// ---------------------------------------------------------------------------------------------
// Key/value layouts: delimited rows and key trees (YAML).

/**
 * The measure a hit names: 't', 'z', 'tbs', null for none, or 'tbsScore' (a TBS T-score or
 * Z-score, no BMD measure). One walk over its concepts: a T-score label wins over a Z-score, that
 * over a TBS, that over the first settings label's element.
 */
function measureOfHit(ctx: Ctx, h: number): 't' | 'z' | 'tbs' | 'tbsScore' | null {
  let t = false;
  let z = false;
  let tbs = false;
  let label: string | null = null;
  for (const x of ctx.reading.hits.concepts[h]) {
    const c = x.c;
    if (c === 'tbsScore') return 'tbsScore';
    if (c === 't') t = true;
    else if (c === 'z') z = true;
    else if (c === 'tbs') tbs = true;
    else if (c === 'label') label ??= x.element;
  }
  if (t) return 't';
  if (z) return 'z';
  if (tbs) return 'tbs';
  return label === 'tScore' ? 't' : label === 'tbs' ? 'tbs' : null;
}

/** The measure named in tokens [a, b), and its hit's end; null when none or two different. */
function measureIn(ctx: Ctx, a: number, b: number): 't' | 'z' | 'tbs' | null {
  const { hits } = ctx.reading;
  let found: 't' | 'z' | 'tbs' | null = null;
  for (let k = a; k < b; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    const m = measureOfHit(ctx, h);
    if (m === 'tbsScore') return null;
    if (m && found && m !== found) return null;
    if (m) found = m;
    k = Math.max(k, hits.end[h] - 1);
  }
  return found;
}

/** The one value token of [a, b) (quotes and spaces around it allowed), or -1. */
function singleValue(ctx: Ctx, a: number, b: number): number {
  const t = ctx.reading.tokens;
  let v = -1;
  for (let k = a; k < b; k++) {
    if (t.kind[k] === GAP || punctIs(ctx, k, 34) || punctIs(ctx, k, 39)) continue;
    if ((t.kind[k] === NUMBER || t.kind[k] === PLACEHOLDER) && v < 0) v = k;
    else return -1;
  }
  return v;
}

/**
 * Delimited rows: "Left femoral neck T-Score;−2,5;SD", "TBS L1–L4;1,262;". A cell that names a
 * measure, followed by a cell that holds one value, pairs them; the site is the label cell's.
 */
function delimitedRows(ctx: Ctx, out: LayoutPair[]): void {
  const f = lineFacts(ctx);
  const n = ctx.doc.lines.length;
  for (let line = 0; line < n && out.length < MAX_MENTIONS; line++)
    if (f.semis[line] >= 2 && !ctx.tableLine[line]) delimitedRow(ctx, f.start[line], f.end[line], out);
}

function delimitedRow(ctx: Ctx, a: number, b: number, out: LayoutPair[]): void {
  const cells: Range[] = [];
  let s = a;
  for (let k = a; k <= b; k++)
    if (k === b || punctIs(ctx, k, 59)) {
      cells.push({ a: s, b: k });
      s = k + 1;
    }
  for (let i = 0; i + 1 < cells.length; i++) {
    const own = measureIn(ctx, cells[i].a, cells[i].b);
    if (!own) continue;
    const v = singleValue(ctx, cells[i + 1].a, cells[i + 1].b);
    if (v >= 0) out.push({ own, tok: v, site: siteOf(ctx, cells[i].a, cells[i].b) });
    return;
  }
}

interface KeyLine {
  line: number;
  indent: number;
  /** A list item ("- site: L1-L4") starts here. */
  item: boolean;
  key: Range;
  value: Range;
}

/** A "key: value" line of a key tree (YAML), or null (read once per line and document). */
function keyLine(ctx: Ctx, line: number): KeyLine | null {
  const f = lineFacts(ctx);
  let kl = f.keys[line];
  if (kl === undefined) f.keys[line] = kl = readKeyLine(ctx, line);
  return kl;
}

function readKeyLine(ctx: Ctx, line: number): KeyLine | null {
  const t = ctx.reading.tokens;
  const r = lineTokens(ctx, line);
  if (r.b <= r.a) return null;
  let a = r.a;
  let item = false;
  if (punctIs(ctx, a, 45) && a + 1 < r.b && t.start[a + 1] > t.end[a]) {
    item = true;
    a++;
  }
  // The first colon within 8 tokens, after words, "_" and "-" only (any other token first: no key).
  let colon = -1;
  for (let k = a; k < r.b && k < a + 8; k++) {
    const kind = t.kind[k];
    if (kind === WORD) continue;
    if (kind !== PUNCT) return null;
    const c = t.norm.charCodeAt(t.start[k]);
    if (c === 58) {
      colon = k;
      break;
    }
    if (c !== 95 && c !== 45) return null;
  }
  if (colon <= a) return null;
  // The key's column: where its first word starts on the line.
  const indent = t.start[a] - ctx.doc.lines[line].start;
  return { line, indent, item, key: { a, b: colon }, value: { a: colon + 1, b: r.b } };
}

/**
 * Key trees (YAML exports): "t_score: -2.2" under "- site: left femoral neck", "tscore: -2.1" under
 * "femoral_neck:", and "tbs:" whose "value: 1.262" stands one level in. A key that names a measure
 * pairs with its value; its site comes from the key, else from a sibling key's site value ("site:",
 * "region:"), else from the keys above it.
 */
function keyTrees(ctx: Ctx, out: LayoutPair[]): void {
  const n = ctx.doc.lines.length;
  // The open keys above the current line: their indent, their site, a measure waiting for a value.
  const stack: Array<{ indent: number; site: string | null; own: 't' | 'z' | 'tbs' | null; item: boolean }> = [];
  let run = 0;
  for (let line = 0; line < n && out.length < MAX_MENTIONS; line++) {
    if (ctx.blankLine[line]) continue;
    const kl = keyLine(ctx, line);
    if (!kl) {
      stack.length = 0;
      run = 0;
      continue;
    }
    run++;
    while (
      stack.length &&
      (stack[stack.length - 1].indent > kl.indent ||
        (stack[stack.length - 1].indent === kl.indent && (kl.item || !stack[stack.length - 1].item)))
    )
      stack.pop();
    // A sibling of an item: "- site: L1-L4" then "  t_score: -1.4" at the item's key column.
    const parent = stack.length ? stack[stack.length - 1] : null;
    const own = measureIn(ctx, kl.key.a, kl.key.b);
    // The key's and the value's sites are asked only where they are used (an item, a measure's
    // key, a sibling's "site:" key): most keys and values name no site, and their words are not read.
    const v = singleValue(ctx, kl.value.a, kl.value.b);
    const inherited = parent?.site ?? null;
    const empty = kl.value.b <= kl.value.a;
    if (kl.item) {
      // The item's first key opens the item; its site (a "site:" key's value) covers its siblings.
      const keySite = siteOf(ctx, kl.key.a, kl.key.b);
      const site = siteOf(ctx, kl.value.a, kl.value.b) ?? keySite ?? inherited;
      stack.push({ indent: kl.indent, site, own: null, item: true });
      if (own && v >= 0 && run > 1) out.push({ own, tok: v, site: keySite ?? inherited });
      continue;
    }
    if (empty) {
      stack.push({ indent: kl.indent, site: siteOf(ctx, kl.key.a, kl.key.b) ?? inherited, own, item: false });
      continue;
    }
    // "site: left femoral neck" among siblings: the siblings' site.
    if (!own && parent && !siteOf(ctx, kl.key.a, kl.key.b) && conceptOf(keyConcepts(ctx, kl.key), 'column')) {
      const site = siteOf(ctx, kl.value.a, kl.value.b);
      if (site) parent.site = site;
    }
    if (v < 0 || run < 2) continue;
    if (own) out.push({ own, tok: v, site: siteOf(ctx, kl.key.a, kl.key.b) ?? inherited });
    else if (parent?.own && isValueKey(ctx, kl.key)) out.push({ own: parent.own, tok: v, site: parent.site });
  }
}

function keyConcepts(ctx: Ctx, key: Range) {
  const { hits } = ctx.reading;
  const h = hits.at[key.a];
  return h >= 0 ? hits.concepts[h] : [];
}

/** "value:", "result:" under a measure's key. */
function isValueKey(ctx: Ctx, key: Range): boolean {
  const { hits } = ctx.reading;
  const h = hits.at[key.a];
  return h >= 0 && hits.end[h] >= key.b && conceptOf(hits.concepts[h], 'valueKey') !== undefined;
}

/** The label-to-value pairs of delimited rows and key trees, in document order. */
export function keyValuePairs(ctx: Ctx): LayoutPair[] {
  const out: LayoutPair[] = [];
  delimitedRows(ctx, out);
  keyTrees(ctx, out);
  out.sort((x, y) => x.tok - y.tok);
  return out;
}

/** A caption names at most this many slash-separated columns; at most this many rows follow it. */
const CAPTION_COLUMNS = 6;
const CAPTION_ROWS = 24;

/**
 * Rows of slash-separated cells named by a caption above them ("Measured sites (BMD g/cm2 / T-score
 * / Z-score)" over "Right femoral neck ....... 0.690 / -1.9 / -0.6"): each row's site is its label,
 * and its values, as many as the caption names, take the caption's measures in order. The rows run
 * down to a blank line.
 */
function captionedSlashRows(ctx: Ctx, out: LayoutPair[]): void {
  // Only the lines with a slash (line facts) can be a caption.
  const { slashes } = lineFacts(ctx);
  const lines = ctx.doc.lines.length;
  for (let line = 0; line < lines; line++) {
    if (!slashes[line]) continue;
    const cols = captionColumns(ctx, line);
    if (!cols) continue;
    let last = line;
    for (let l = line + 1; l < lines && l <= line + CAPTION_ROWS && !ctx.blankLine[l]; l++) {
      last = l;
      slashRow(ctx, l, cols, out);
    }
    // Go on after the rows read.
    line = last;
  }
}

/** The measures a caption line names between slashes ("(BMD g/cm2 / T-score / Z-score)"), or null. */
function captionColumns(ctx: Ctx, line: number): Array<'t' | 'z' | 'other'> | null {
  const { tokens: t, hits } = ctx.reading;
  const r = lineTokens(ctx, line);
  const cols: Array<'t' | 'z' | 'other'> = [];
  let open = false; // a segment begun and not yet named
  let sawSlash = false;
  let scores = 0;
  for (let k = r.a; k < r.b; k++) {
    if (t.kind[k] === NUMBER) return null;
    if (punctIs(ctx, k, 47)) {
      if (cols.length) open = sawSlash = true;
      continue;
    }
    if (punctIs(ctx, k, 41) && cols.length) break;
    const h = hits.at[k];
    if (h < 0 || hits.start[h] !== k) continue;
    const c = hits.concepts[h];
    const measure: 't' | 'z' | 'other' | null = conceptOf(c, 't')
      ? 't'
      : conceptOf(c, 'z')
        ? 'z'
        : conceptOf(c, 'bmd') || conceptOf(c, 'tbs') || conceptOf(c, 'column')?.column === 'change'
          ? 'other'
          : null;
    k = hits.end[h] - 1;
    if (!measure) continue;
    // The measure word right before the first slash starts the caption ("Site  Z-score / T-score");
    // after a slash, the first measure word names the segment ("g/cm2" names none).
    if (cols.length && !open) {
      if (!sawSlash) {
        if (cols[0] !== 'other') scores--;
        cols[0] = measure;
        if (measure !== 'other') scores++;
      }
      continue;
    }
    if (cols.length >= CAPTION_COLUMNS) return null;
    cols.push(measure);
    if (measure !== 'other') scores++;
    open = false;
  }
  return cols.length >= 2 && scores > 0 ? cols : null;
}

/** A row of slash-separated values after a site label, read against the caption's columns. */
function slashRow(ctx: Ctx, line: number, cols: ReadonlyArray<'t' | 'z' | 'other'>, out: LayoutPair[]): void {
  const t = ctx.reading.tokens;
  const r = lineTokens(ctx, line);
  const { hits } = ctx.reading;
  let q = r.a;
  // The first number that is no part of the label's phrases ("radius 33%").
  while (q < r.b && (t.kind[q] !== NUMBER || hits.at[q] >= 0)) q++;
  if (q >= r.b) return;
  const values = [q];
  let k = q + 1;
  for (;;) {
    while (k < r.b && t.kind[k] === GAP) k++;
    if (k >= r.b || !punctIs(ctx, k, 47)) break;
    k++;
    while (k < r.b && t.kind[k] === GAP) k++;
    if (k >= r.b || t.kind[k] !== NUMBER || values.length >= cols.length) return;
    values.push(k);
    k++;
  }
  if (values.length !== cols.length) return;
  const site = siteOf(ctx, r.a, q) ?? rowSite(ctx, line, { a: r.a, b: q });
  if (!site) return;
  for (let i = 0; i < cols.length; i++) {
    const own = cols[i];
    if (own !== 'other') out.push({ own, tok: values[i], site });
  }
}

/** Table cells of one measure as pairs (T-score and Z-score columns; TBS keeps its own rule). */
export function tablePairs(rows: readonly TableRow[], column: 't' | 'z'): LayoutPair[] {
  const out: LayoutPair[] = [];
  for (const row of rows)
    for (const c of row.cells)
      if (c.column === column && c.tok >= 0) out.push({ own: column, tok: c.tok, site: row.site });
  return out;
}

/** The layout of a document: its tables and its key/value pairs, read once. */
export interface Layout {
  rows: TableRow[];
  pairs: LayoutPair[];
}

/**
 * Units written in a cell or key of their own: "9.4","%" (quoted CSV), "19,1;%" (semicolon CSV),
 * "9.4<tab>%", "mof_pct: 15.0" (a key that names its unit). The number's token takes the unit, so
 * every reader sees a percentage, as if it were written "9.4 %".
 */
function unitCells(ctx: Ctx): void {
  const t = ctx.reading.tokens;
  const { hits } = ctx.reading;
  const f = lineFacts(ctx);
  // The hits that name a risk model, in document order (hits do not overlap): a line holds one
  // when the next of them not yet passed starts before the line's end. Most lines hold none, and
  // riskKindNumbers then needs no walk of their tokens.
  const kinds = hitKinds(hits);
  const nextModel = (from: number): number => {
    for (let h = from; h < hits.n; h++) if (kinds[h] & MODEL_BIT && conceptOf(hits.concepts[h], 'model')) return h;
    return hits.n;
  };
  let mh = nextModel(0);
  let lines = 0;
  for (let line = 0; line < ctx.doc.lines.length && lines < MAX_MENTIONS * 10; line++) {
    if (ctx.blankLine[line]) continue;
    // lineTokens without the object: the line's tokens are [a, b).
    const a = f.start[line];
    const b = f.end[line];
    // Cells: split at ";", at a column gap, or at "," between quotes ("a","b").
    const semis = f.semis[line];
    const quoted = f.quoted[line];
    const gaps = f.gaps[line];
    // "mof_pct: 15.0", "hip percent: 2.4": a key that ends in its unit.
    const kl = keyLine(ctx, line);
    if (kl) {
      const v = singleValue(ctx, kl.value.a, kl.value.b);
      if (v >= 0 && t.kind[v] === NUMBER && t.unit[v] === UNIT_NONE && percentWord(ctx, kl.key.b - 1)) {
        t.unit[v] = UNIT_PERCENT;
        t.unitEnd[v] = t.end[v];
      }
    }
    while (mh < hits.n && hits.end[mh] <= a) mh = nextModel(mh + 1);
    if (mh < hits.n && hits.start[mh] < b) riskKindNumbers(ctx, a, b);
    if (semis + quoted + gaps === 0) continue;
    lines++;
    let prevValue = -1;
    let s = a;
    for (let q = a; q <= b; q++) {
      if (q < b && !cellSplit(ctx, q, semis, quoted)) continue;
      const v = singleValue(ctx, s, q);
      if (prevValue >= 0 && v < 0 && onlyPercent(ctx, s, q)) {
        t.unit[prevValue] = UNIT_PERCENT;
        t.unitEnd[prevValue] = t.end[prevValue];
      }
      prevValue = v >= 0 && t.kind[v] === NUMBER && t.unit[v] === UNIT_NONE ? v : -1;
      s = q + 1;
    }
  }
}

/** Does a cell end at token q: a ";" (on a line with semicolons), a quoted ",", a column gap? */
function cellSplit(ctx: Ctx, q: number, semis: number, quoted: number): boolean {
  return (
    (semis > 0 && punctIs(ctx, q, 59)) ||
    (quoted > 0 && punctIs(ctx, q, 44) && punctIs(ctx, q - 1, 34) && punctIs(ctx, q + 1, 34)) ||
    ctx.reading.tokens.kind[q] === GAP
  );
}

const MODEL_BIT = kindBit('model');
const KIND_BIT = kindBit('kind');

/**
 * "FRAX_MOF_ADJ: 17.0", "FRAX-TBS  MOF 6.1 / hip 0.4": on a line that names a risk model, a bare
 * unsigned number right after a risk kind (at most two plain words, ":", "=" or a gap between) is
 * that kind's probability: it takes the percent unit.
 */
function riskKindNumbers(ctx: Ctx, a: number, b: number): void {
  const { tokens: t, hits } = ctx.reading;
  // The hit kind bits first: a concept search only for a hit that may hold the kind.
  const kinds = hitKinds(hits);
  let model = false;
  for (let q = a; q < b && !model; q++) {
    const h = hits.at[q];
    if (h >= 0 && kinds[h] & MODEL_BIT && conceptOf(hits.concepts[h], 'model')) model = true;
  }
  if (!model) return;
  for (let q = a; q < b; q++) {
    const h = hits.at[q];
    if (h < 0 || hits.start[h] !== q) continue;
    q = hits.end[h] - 1;
    if (!(kinds[h] & KIND_BIT) || !conceptOf(hits.concepts[h], 'kind')) continue;
    let k = hits.end[h];
    let words = 0;
    while (k < b) {
      if (t.kind[k] === GAP || punctIs(ctx, k, 58) || punctIs(ctx, k, 61)) k++;
      else if (t.kind[k] === WORD && hits.at[k] < 0 && ++words <= 2) k++;
      else break;
    }
    if (k >= b || t.kind[k] !== NUMBER || t.unit[k] !== UNIT_NONE || t.flags[k] & SIGNED || t.value[k] > 100) continue;
    t.unit[k] = UNIT_PERCENT;
    t.unitEnd[k] = t.end[k];
  }
}

/** Does the range hold a percent sign and nothing but quotes? */
function onlyPercent(ctx: Ctx, a: number, b: number): boolean {
  let pct = false;
  for (let k = a; k < b; k++) {
    if (punctIs(ctx, k, 37)) pct = true;
    else if (!punctIs(ctx, k, 34) && !punctIs(ctx, k, 39) && ctx.reading.tokens.kind[k] !== GAP) return false;
  }
  return pct;
}

/** Is token k a word that names the percent unit at the end of a key ("pct", "percent")? */
function percentWord(ctx: Ctx, k: number): boolean {
  for (const w of PERCENT_KEY_WORDS) if (wordIs(ctx, k, w)) return true;
  return punctIs(ctx, k, 37);
}

export function readLayout(ctx: Ctx): Layout {
  unitCells(ctx);
  const rows = readTables(ctx);
  const pairs = keyValuePairs(ctx);
  // Rows named by a slash caption: their cells are the caption's measures, whatever a table reading
  // of the same lines made of them.
  const captioned: LayoutPair[] = [];
  captionedSlashRows(ctx, captioned);
  if (!captioned.length) return { rows, pairs };
  const claimed = new Set<number>();
  for (const p of captioned) claimed.add(p.tok);
  for (const row of rows) row.cells = row.cells.filter((c) => !(c.tok >= 0 && claimed.has(c.tok)));
  const kept = pairs.filter((p) => !claimed.has(p.tok));
  for (const p of captioned) kept.push(p);
  kept.sort((x, y) => x.tok - y.tok);
  return { rows, pairs: kept };
}
