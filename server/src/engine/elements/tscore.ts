/**
 * BMD T-scores: table columns, "T-score -2.1", "T score: -2.1", "T = -1.8", "L1-L4 T -1.7", and
 * "femoral neck ... -2.3". Never a Z-score, never a "TBS T-score".
 */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { lastMatch, literalHits, MAX_MENTIONS, numbersBetween, numStartingAt, range, valueAfter } from '../context';
import { parseSite, SITE_WORDS, siteKey, T_FILLERS } from '../lexicon';
import type { Num } from '../scan';
import { matchesAt, UNIT_AFTER } from '../scan';
import { lineNorm, lineOf } from '../text';
import type { Slot, Span, TScore, ZScore } from '../types';
import type { TableRow } from './tables';
import { labelInBlock } from './tables';
import { isHistorical } from '../reading/history';
import { HYPOTHETICAL, THRESHOLD } from '../reading/concepts';
import { tokenAt } from '../reading/tokens';
import { readProseScores } from '../reading/tscore';

// (?<!\d): a number is tried from its first digit only (else a long run of digits is quadratic).
const CLAUSE_CUT = /(?<!\d)[-+]?\d+[.,]\d+|\band\b/;

const LIST_FILLERS: ReadonlySet<string> = new Set([...SITE_WORDS, 'at', 'the', 'of', 'is']);

export const T_LABEL = /\bt(?:[- ]?scores?\b|(?= ?[=:] ?[-+]?\d| [-+]\d))/y;
type ScoreNum = Pick<Num, 'start' | 'end' | 'value' | 'text'>;

/**
 * The T-scores or Z-scores of one document, each number once (by offset); `skip` leaves out a value
 * that is not this study's.
 */
function scoreCollector(ctx: Ctx, skip: (num: ScoreNum) => boolean = () => false) {
  const out: Array<TScore & ZScore> = [];
  const seen = new Set<number>();
  const add = (num: ScoreNum, site: string | null) => {
    if (seen.has(num.start) || skip(num)) return;
    seen.add(num.start);
    out.push({
      value: num.value,
      text: num.text,
      site,
      span: { start: num.start, end: num.end },
      range: range(ctx, num),
    });
  };
  return { out, add };
}

/** What T_LABEL's matches start with. */
export const T_LABEL_FIRST = 't';

export function extractTScores(ctx: Ctx, rows: TableRow[], slots: Slot[]): TScore[] {
  const { tokens, context } = ctx.reading;
  // A hypothetical value or a legend's threshold ("A T-score of -2.5 or lower would indicate
  // osteoporosis") is not this study's T-score (ConText).
  const { out, add } = scoreCollector(
    ctx,
    (num) => (context[tokenAt(tokens, num.start)] & (HYPOTHETICAL | THRESHOLD)) !== 0,
  );

  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.column !== 't') continue;
      if (cell.placeholder)
        slots.push({ element: 'tScore', span: cell.placeholder, range: range(ctx, cell.placeholder) });
      else if (cell.num) add(cell.num, siteKey(parseSite(labelInBlock(ctx, row.line, row.label))));
    }
  }

  // Prose on the token pipeline first; the older reader below keeps lists, slash lists and sideways
  // rows, and a value both read is kept once (by offset), with the pipeline's site.
  for (const { tok, site } of readProseScores(ctx, 't')) {
    const start = tokens.start[tok];
    const end = tokens.end[tok];
    add({ start, end, value: tokens.value[tok], text: ctx.doc.text.slice(start, end) }, site);
  }

  const { norm } = ctx.doc;
  const labels: Array<{ start: number; end: number }> = [];
  // One by one: spreading an unbounded list into push() overflows the call stack.
  for (const hit of matchesAt(norm, ctx.keywords, T_LABEL, T_LABEL_FIRST)) labels.push(hit);
  for (const hit of literalHits(ctx, ctx.settings.labels.tScore)) labels.push(hit);
  labels.length = Math.min(labels.length, MAX_MENTIONS);
  readAfterLabels(ctx, labels, add, (span) => slots.push({ element: 'tScore', span, range: range(ctx, span) }));

  // "Left femoral neck 0.701 -2.3" or "femoral neck: -2.3" on a line that names no score at all.
  const candidates = new Set<number>();
  for (const num of ctx.nums) {
    if (num.signed && num.decimal) candidates.add(lineOf(ctx.doc, num.start));
    if (candidates.size >= MAX_MENTIONS) break;
  }
  for (const line of candidates) {
    if (ctx.tableLine[line] || ctx.blankLine[line] || ctx.headerLine[line]) continue;
    const text = lineNorm(ctx.doc, line);
    if (text.length > 300 || /score|\bz\b|\bt\b|tbs|%|change|decrease|increase|loss|gain|vs/.test(text)) continue;
    const l = ctx.doc.lines[line];
    const firstNum = numbersBetween(ctx, l.start, l.end)[0];
    const label = firstNum ? norm.slice(l.start, firstNum.start).trim() : text;
    const site = parseSite(labelInBlock(ctx, line, label));
    if (!site) continue;
    for (const num of numbersBetween(ctx, l.start, l.end)) {
      if (ctx.priorNumbers.has(num.start)) continue;
      if (num.signed && num.decimal && !UNIT_AFTER.test(num.after)) {
        if (!isHistorical(ctx, num.start))
          add(num, siteKey(parseSite(labelInBlock(ctx, line, norm.slice(l.start, num.start).trim()))));
        break;
      }
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** "has improved from -2.5 to ": a change whose end value is the current one. */
const CHANGE_FROM_TO = spaced(
  /^ (?:has |have )?(?:improved|increased|decreased|declined|changed|fallen|dropped|risen|gone (?:up|down)|moved)(?: slightly| significantly| markedly| modestly)? from (?:a )?[-+]?\d{1,2}(?:[.,]\d{1,2})? to (?:a )?(?=[-+]?\d)/,
);
/** A relative clause after a listed value's site: ", which is the lowest value". */
const ASIDE = /^, (?:which|that) [^,;]{1,40}(?=,)/;
/** A site right after a value, up to the next list separator: " at the left femoral neck". */
const SITE_AFTER_VALUE = /^ ?(?:at|in|of|for) (?:the )?([a-z][a-z0-9 -]{1,30}?)(?= ?(?:[,;]|and\b))/;
const SLASH = /^ ?\/ ?/;
const SITE_LIST = /\(([^()]{2,80})\)/;
const SITE_LIST_AFTER = /^ ?\(([^()]{2,80})\)/;

/** A slash list of T-scores starting with `first`, paired with a slash list of sites; else null. */
function slashListAt(ctx: Ctx, labelEnd: number, first: Num, lineEnd: number): Array<[Num, string | null]> | null {
  const { norm } = ctx.doc;
  if (!SLASH.test(norm.slice(first.end, first.end + 3))) return null;
  const values: Num[] = [first];
  let end = first.end;
  for (
    let sep = SLASH.exec(norm.slice(end, end + 3));
    sep && values.length < 8;
    sep = SLASH.exec(norm.slice(end, end + 3))
  ) {
    const next = numStartingAt(ctx, end + sep[0].length);
    if (!next || !next.decimal || UNIT_AFTER.test(next.after)) break;
    values.push(next);
    end = next.end;
  }
  if (values.length < 2) return null;
  // The sites: in parentheses between the keyword and the values, or right after the values.
  const inside =
    SITE_LIST.exec(norm.slice(labelEnd, first.start)) ??
    SITE_LIST_AFTER.exec(norm.slice(end, Math.min(lineEnd, end + 90)));
  if (!inside) return null;
  return withSites(values, inside[1].split('/'));
}

/** The values paired with the sites their cells name, one cell per value; null if any cell names none. */
function withSites(values: Num[], cells: string[]): Array<[Num, string | null]> | null {
  if (cells.length !== values.length) return null;
  const sites = cells.map((cell) => siteKey(parseSite(cell)));
  if (sites.some((site) => site === null)) return null;
  return values.map((v, k) => [v, sites[k]]);
}

/**
 * The values of a row that goes on in columns after `first` ("T-score  -1.1  -2.0  -1.4"), paired
 * with the sites of a header line above in the same block that has one site cell per value.
 */
function sidewaysRow(ctx: Ctx, line: number, first: Num): Array<[Num, string | null]> | null {
  const { norm } = ctx.doc;
  const l = ctx.doc.lines[line];
  // The values, each after a run of two or more spaces or a tab (a column gap); at most 12.
  const values: Num[] = [first];
  let end = first.end;
  while (values.length <= 12) {
    let k = end;
    while (k < l.end && (norm.charCodeAt(k) === 32 || norm.charCodeAt(k) === 9)) k++;
    if (k >= l.end) break;
    if (k - end < 2 && norm.charCodeAt(end) !== 9) return null;
    const next = numStartingAt(ctx, k);
    if (!next || !next.decimal) return null;
    values.push(next);
    end = next.end;
  }
  if (values.length < 2 || values.length > 12) return null;
  for (let j = line - 1; j >= 0 && j >= line - 4 && !ctx.blankLine[j]; j--) {
    const paired = withSites(
      values,
      lineNorm(ctx.doc, j)
        .trim()
        .split(/ {2,}|\t+/),
    );
    if (paired) return paired;
  }
  return null;
}

/**
 * The site a keyword T-score belongs to: named between the keyword and the value, right after the
 * value ("-2.1 at the left femoral neck"), or before the keyword in the same clause.
 */
function siteNear(ctx: Ctx, line: number, labelStart: number, valueEnd: number): string | null {
  const { norm } = ctx.doc;
  const l = ctx.doc.lines[line];
  const between = parseSite(norm.slice(labelStart, valueEnd));
  if (between) return siteKey(between);
  const after = siteAfter(norm.slice(valueEnd, Math.min(l.end, valueEnd + 40)));
  if (after) return siteKey(after);
  // Before the keyword, back to the clause start (";", or ", " / ". " but not a decimal point).
  let i = labelStart - 1;
  const limit = Math.max(l.start, labelStart - 60);
  while (
    i > limit &&
    norm[i] !== ';' &&
    !(
      (norm[i] === ',' || norm[i] === '.') &&
      norm[i + 1] === ' ' &&
      !/(?:t-score|t score)\s*$/.test(norm.slice(i + 1, labelStart))
    )
  )
    i--;
  // The nearest site: after the last value or "and" in the clause.
  let clause = norm.slice(i, labelStart);
  const cut = lastMatch(CLAUSE_CUT, clause);
  if (cut) clause = clause.slice(cut.index + cut[0].length);
  return siteKey(parseSite(clause));
}

/** A site named right after a value: "-2.1 at the left femoral neck", "-2.3 (left femoral neck)". */
function siteAfter(text: string): ReturnType<typeof parseSite> {
  const m =
    /^\)? ?(?:\( ?|(?:at|in|of|for) (?:the )?)([a-z][a-z0-9 -]{2,30})/.exec(text) ??
    /^, ?([a-z][a-z -]{2,30})\)/.exec(text);
  return m ? parseSite(m[1]) : null;
}

type AddScore = (num: Num, site: string | null) => void;

/**
 * Scores after their labels ("T-score -2.1", "Z-score of -1.4 at the femoral neck"), with the
 * list, slash-list and sideways-row forms. A "TBS T-score" is not a BMD score.
 */
function readAfterLabels(
  ctx: Ctx,
  labels: ReadonlyArray<{ start: number; end: number }>,
  add: AddScore,
  onPlaceholder: (span: Span) => void,
): void {
  const { norm } = ctx.doc;
  for (const lab of labels) {
    const line = lineOf(ctx.doc, lab.start);
    if (ctx.tableLine[line]) continue;
    const l = ctx.doc.lines[line];
    const before = norm.slice(Math.max(l.start, lab.start - 12), lab.start);
    if (/\btbs[- ]?$|\btbs \(?l1-l4\)? $/.test(before)) continue; // "TBS T-score" is not a BMD T-score.
    // "T-score has improved from -2.5 to -2.0": the value after "to" is this study's.
    const ahead = norm.slice(lab.end, lab.end + 80);
    const change = ahead.includes(' from ') ? CHANGE_FROM_TO.exec(ahead) : null;
    const changedTo = change ? numStartingAt(ctx, lab.end + change[0].length) : undefined;
    const found: ReturnType<typeof valueAfter> = changedTo
      ? { type: 'number', num: changedTo, end: changedTo.end }
      : valueAfter(ctx, lab.end, T_FILLERS);
    if (found.type === 'placeholder') {
      onPlaceholder(found.span);
      continue;
    }
    if (found.type !== 'number' || UNIT_AFTER.test(found.num.after) || isHistorical(ctx, found.num.start)) continue;
    // "T-score (2022): +0.3": a year is no score.
    if (!found.num.signed && !found.num.decimal && found.num.value >= 1900 && found.num.value <= 2100) continue;
    // "T-scores (L1-L4 / FN / TH): -1.2 / -2.3 / -1.8": a slash list of values whose sites stand in
    // a slash list of the same length, in parentheses before or after the values.
    const slashList = slashListAt(ctx, lab.end, found.num, l.end);
    if (slashList) {
      for (const [num, site] of slashList) add(num, site);
      continue;
    }
    // A table turned sideways: "T-score   -1.1   -2.0   -1.4" under a line of site columns.
    const sideways = sidewaysRow(ctx, line, found.num);
    if (sideways) {
      for (const [num, site] of sideways) add(num, site);
      continue;
    }
    add(found.num, siteNear(ctx, line, lab.start, found.num.end));
    // A list after one keyword: "T-scores: L1-L4 -1.6, left femoral neck -2.3, left total hip -1.4".
    // "T-scores are -1.4 at L1-L4, -2.2 at the left femoral neck and -1.6 at the left total hip":
    // each value's site may follow it.
    let end = found.num.end;
    for (let k = 0; k < 12; k++) {
      // (Cheap tests first: a site after a value starts with a space, an aside with ", ".)
      const own = norm.charCodeAt(end) === 32 ? SITE_AFTER_VALUE.exec(norm.slice(end, end + 45)) : null;
      if (own && parseSite(own[1])) end += own[0].length;
      // ", which is the lowest value," between a value's site and the next separator.
      const aside =
        norm.startsWith(', wh', end) || norm.startsWith(', th', end) ? ASIDE.exec(norm.slice(end, end + 50)) : null;
      if (aside) end += aside[0].length;
      const sep = /^ ?(?:[,;]|and\b) ?(?:and )?/.exec(norm.slice(end, end + 8));
      if (!sep) break;
      const next = valueAfter(ctx, end + sep[0].length, LIST_FILLERS, 6);
      if (next.type !== 'number' || !next.num.signed || UNIT_AFTER.test(next.num.after)) break;
      const site =
        parseSite(norm.slice(end + sep[0].length, next.num.start)) ??
        siteAfter(norm.slice(next.num.end, next.num.end + 40));
      if (!site) break;
      add(next.num, siteKey(site));
      end = next.num.end;
    }
  }
}

export const Z_LABEL = /\bz[- ]?scores?\b/y;
/** What Z_LABEL's matches start with. */
export const Z_LABEL_FIRST = 'z';

/**
 * BMD Z-scores: a table's Z-score column and "Z-score -1.4" in text. They document the BMD element
 * for premenopausal women and men under 50 (ISCD), and are never T-scores.
 */
export function extractZScores(ctx: Ctx, rows: TableRow[]): ZScore[] {
  const { out, add } = scoreCollector(ctx);
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.column === 'z' && cell.num && !ctx.priorNumbers.has(cell.num.start) && cell.num.start < ctx.priorFrom)
        add(cell.num, siteKey(parseSite(labelInBlock(ctx, row.line, row.label))));
    }
  }
  const labels = matchesAt(ctx.doc.norm, ctx.keywords, Z_LABEL, Z_LABEL_FIRST, MAX_MENTIONS);
  readAfterLabels(ctx, labels, add, () => undefined);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
