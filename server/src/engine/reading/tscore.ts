/**
 * BMD T-scores and Z-scores on the token pipeline, from every layout:
 * - prose: "The T-score value is -2.7 at the lumbar spine L1-L4.", "Femoral neck (left): BMD 0.774
 *   g/cm2, T score -1.5.", "T-score is approximately -2.1 at the femoral neck". A number of score
 *   shape (one decimal, no unit) attaches to the nearest label before it in its clause, with any
 *   ordinary words between them (typed attachment, `valueAfterLabel`); its site comes from the site
 *   words of the same clause (`clauseSite`);
 * - lists after one label, slash lists and sideways rows (`layout.ts`: `listAfter`, `slashList`,
 *   `sidewaysRow`);
 * - tables, delimited rows and key trees (`layout.ts`: the layout's pairs);
 * - a line that names a site and no measure ("Left femoral neck 0.701 -2.3").
 * ConText excludes history, a legend's threshold and a hypothetical value. Out-of-range values
 * (-12.5) still attach, so the plausibility rule sees them. Never a TBS T-score.
 */
import type { Ctx } from '../context';
import { lineStarts, MAX_MENTIONS, range } from '../context';
import type { Slot, TScore, ZScore } from '../types';
import type { Layout } from './layout';
import {
  bareScoreWords,
  cellsOf,
  measureLabelHits,
  lineTokens,
  listAfter,
  respectivelyList,
  rowSite,
  sideSlashList,
  sidewaysRow,
  slashList,
  tablePairs,
} from './layout';
import type { SiteInfo } from './concepts';
import { HYPOTHETICAL, THRESHOLD } from './concepts';
import { conceptOf } from './read';
import {
  DECIMAL,
  GAP,
  NEWLINE,
  NUMBER,
  PLACEHOLDER,
  punctAt,
  SIGNED,
  tokenAt,
  UNIT_NONE,
  UNIT_PERCENT,
  WALL,
  WORD,
  wordIn,
} from './tokens';
import { siteIn, siteKeyOf, vertebral } from './site';
import { BLOCK_TOTAL, LIST_FILLERS } from './vocab/sites';
import { CORRECTION_WORDS } from './vocab/cues';
import { historicalToken } from './history';
import { historicalAt, inRange, valueAfterLabel } from './values';

/** A number of T-score shape: a decimal (or, next to its label, a signed integer) without a unit. */
function scoreShape(ctx: Ctx, k: number, words: number): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[k] !== NUMBER || t.unit[k] !== UNIT_NONE) return false;
  const v = Math.abs(t.value[k]);
  // A signed integer right after its label is a score with a lost decimal point ("T-score: -21").
  if (!(t.flags[k] & DECIMAL)) return (t.flags[k] & SIGNED) !== 0 && words <= 1 && v < 100;
  // Far from its label only a plausible score attaches; next to it a typo (-12.5) does too.
  return v < 100 && (words <= 1 || v <= 8);
}

/** Is token k a punctuation token with this character? */
function punct(ctx: Ctx, k: number, ch: number): boolean {
  return punctAt(ctx.reading.tokens, k) === ch;
}

/** Is the token a comparison sign (<, >, <=, >=, ≤, ≥)? */
function comparison(ctx: Ctx, k: number): boolean {
  if (k < 0 || k >= ctx.reading.tokens.n) return false;
  if (punct(ctx, k, 61)) return punct(ctx, k - 1, 60) || punct(ctx, k - 1, 62);
  return punct(ctx, k, 60) || punct(ctx, k, 62) || punct(ctx, k, 0x2264) || punct(ctx, k, 0x2265);
}

/** The token's word, lower case, or '' when it is no word. */
function word(ctx: Ctx, k: number): string {
  const t = ctx.reading.tokens;
  return k >= 0 && k < t.n && t.kind[k] === WORD ? t.norm.slice(t.start[k], t.end[k]) : '';
}

/** Is token k the word w? Compared in place: no string is made for the token. */
function isWord(ctx: Ctx, k: number, w: string): boolean {
  const t = ctx.reading.tokens;
  return (
    k >= 0 && k < t.n && t.kind[k] === WORD && t.end[k] - t.start[k] === w.length && t.norm.startsWith(w, t.start[k])
  );
}

/** Does the token end a clause (a sentence end, ";", a line break) for the site search? */
function clauseEnd(ctx: Ctx, k: number, s0: number): boolean {
  const { tokens: t, sentence } = ctx.reading;
  // A wall ("L1-4 T -0.9 | L FN T -1.8"): each walled cell is a clause of its own.
  return (
    sentence[k] !== s0 || t.kind[k] === NEWLINE || punct(ctx, k, 59) || (t.kind[k] === GAP && (t.flags[k] & WALL) !== 0)
  );
}

/** Is the token a label of a score (T, Z, TBS) that belongs to another value? */
function scoreLabelAt(ctx: Ctx, k: number): boolean {
  const { hits } = ctx.reading;
  const h = hits.at[k];
  if (h < 0) return false;
  // One walk over the hit's concepts (conceptOf four times would walk them four times).
  for (const x of hits.concepts[h]) if (x.c === 't' || x.c === 'z' || x.c === 'tbs' || x.c === 'tbsScore') return true;
  return false;
}

/** Is the token another score's value (a signed or decimal number without a unit)? */
function otherScore(ctx: Ctx, k: number): boolean {
  const t = ctx.reading.tokens;
  return t.kind[k] === NUMBER && t.unit[k] === UNIT_NONE && (t.flags[k] & SIGNED) !== 0;
}

/** Does another number or score label follow in the clause (a list's next item)? */
function listAhead(ctx: Ctx, from: number, s0: number): boolean {
  const { tokens: t, sentence } = ctx.reading;
  // A hard wrap inside the sentence does not end the list (", left femoral" / "neck T-score -1.9").
  const wrap = (k: number) => t.kind[k] === NEWLINE && sentence[k] === s0 && k + 1 < t.n && sentence[k + 1] === s0;
  for (let k = from; k < t.n && k < from + 20 && !punct(ctx, k, 41); k++) {
    if (!wrap(k) && clauseEnd(ctx, k, s0)) {
      // A site cut from its label by a line break (", left total hip" / "T-score -1.6"): the line ends
      // in a word and the next starts with a score label, the list's next item.
      return t.kind[k] === NEWLINE && k > from && t.kind[k - 1] === WORD && k + 1 < t.n && scoreLabelAt(ctx, k + 1);
    }
    if ((t.kind[k] === NUMBER && t.flags[k] & (SIGNED | DECIMAL)) || scoreLabelAt(ctx, k)) return true;
  }
  return false;
}

function key(region: string, side: SiteInfo['side'] | undefined): string {
  return siteKeyOf(region, side);
}

/** Does token k leave a site phrase open: a filler ("at the") or a side without its region ("left")? */
function openEnd(ctx: Ctx, k: number): boolean {
  const { hits } = ctx.reading;
  if (k < 0) return false;
  const w = word(ctx, k);
  if (LIST_FILLERS.has(w) && w !== 'and') return true;
  const h = hits.at[k];
  const site = h >= 0 ? conceptOf(hits.concepts[h], 'site') : undefined;
  return site !== undefined && !site.site.region;
}

/** The site of a value at token `value` whose label spans tokens [labelStart, labelEnd). */
export function clauseSite(ctx: Ctx, labelStart: number, labelEnd: number, value: number): string | null {
  const { tokens: t, sentence } = ctx.reading;
  const s0 = sentence[value];
  // The clause after the value: up to another score, another label or a ", and"-joined value.
  let after = value + 1;
  // A phrase cut by a hard wrap ("-1.2 at the left" / "total hip.") goes on over its line break:
  // the line ends in a filler or a side word, so the site is still to come.
  const wrapsAt = (k: number) =>
    t.kind[k] === NEWLINE && k + 1 < t.n && sentence[k + 1] === s0 && sentence[k] === s0 && openEnd(ctx, k - 1);
  while (after < t.n && after < value + 40 && (wrapsAt(after) || !clauseEnd(ctx, after, s0))) {
    if (otherScore(ctx, after) || isWord(ctx, after, 'and')) break;
    // "-1.7, the left femoral neck T-score ...": site words before another label are that label's.
    if (scoreLabelAt(ctx, after)) {
      after = value + 1;
      break;
    }
    // ", left femoral neck -2.3": a list's next item; ", left femoral neck)" names this value's site.
    // A slash separates a terse note's items as a comma does ("L1-4 T -2.8 / Lt FN -2.3").
    if ((punct(ctx, after, 44) || punct(ctx, after, 47)) && listAhead(ctx, after + 1, s0)) break;
    after++;
  }
  // The clause before the label: back to another score's value or label, or the clause start. A
  // line that breaks mid-phrase ("The right femoral neck" / "T-score: -0.7") is hard-wrapped: the
  // clause goes on over its line break.
  let before = labelStart;
  let sb = sentence[labelStart];
  // Does the broken line's last sentence, up to token k, hold no value ("TBS 1.255 (partially
  // degraded)" is a statement of its own, not a site phrase cut by the break)?
  const noValueBefore = (k: number): boolean => {
    for (let j = k - 1; j >= 0 && t.line[j] === t.line[k] && sentence[j] === sentence[k - 1]; j--)
      if (t.kind[j] === NUMBER) return false;
    return true;
  };
  let wrapped = false;
  for (;;) {
    if (before <= 0 || before <= labelStart - 40) break;
    const k = before - 1;
    // A bracketed region may end the broken line ("His lumbar spine (L1-L4)" / "T-score is -1.4")
    // when the label opens the next line.
    if (
      !wrapped &&
      t.kind[k] === NEWLINE &&
      k > 0 &&
      (t.kind[k - 1] === WORD || (punct(ctx, k - 1, 41) && k + 1 === labelStart && noValueBefore(k))) &&
      t.line[k] === t.line[labelStart] - 1
    ) {
      wrapped = true;
      sb = sentence[k - 1];
      before--;
      continue;
    }
    if (clauseEnd(ctx, k, sb)) break;
    if (scoreLabelAt(ctx, k) || otherScore(ctx, k) || isWord(ctx, k, 'and')) break;
    before--;
  }
  // "Osteoporosis (mean femoral neck T-score -2.6) with gain at the spine": a value restated in
  // brackets with its site takes the site words inside the brackets, before those outside.
  const inner = bracketAround(ctx, labelStart, value);
  if (inner) {
    const s = siteIn(ctx, inner.open + 1, inner.close);
    if (s.region) return key(s.region, s.side);
  }
  // The parts in order: between label and value, after the value, before the label. Each is read
  // only when the ones before it name no region; the whole clause only when its side is needed.
  const parts: Array<[number, number]> = [
    [labelEnd, value],
    [value + 1, after],
    [before, labelStart],
  ];
  for (const [a, b] of parts) {
    const part = siteIn(ctx, a, b);
    if (!part.region) continue;
    if (vertebral(part.region)) return part.region;
    if (part.side) return key(part.region, part.side);
    const all = siteIn(ctx, before, after);
    return key(
      part.region,
      (all.word ? all.side : undefined) ??
        sentenceSide(ctx, labelStart) ??
        blockRowSide(ctx, labelStart) ??
        headingSite(ctx, labelStart)?.side,
    );
  }
  // "Right femoral neck: BMD 0.571 g/cm2; T-score +0.1; Z-score +1.0": the line's key names the
  // site of every value on the line.
  return (
    lineKeySite(ctx, labelStart) ??
    continuedRowSite(ctx, labelStart) ??
    headedRowSite(ctx, labelStart) ??
    sentenceSubjectSite(ctx, labelStart)
  );
}

/** How far a bracket around a label and its value is looked for, in tokens each way. */
const BRACKET_REACH = 16;

/**
 * The brackets around tokens [from, to] on one line ("(lowest, femoral neck T-score -2.7)"): the
 * nearest unclosed "(" before and unopened ")" after, or null.
 */
function bracketAround(ctx: Ctx, from: number, to: number): { open: number; close: number } | null {
  const t = ctx.reading.tokens;
  const line = t.line[from];
  let open = -1;
  for (let k = from - 1, depth = 0; k >= 0 && k >= from - BRACKET_REACH && t.line[k] === line; k--) {
    if (punct(ctx, k, 41)) depth++;
    else if (punct(ctx, k, 40)) {
      if (depth === 0) {
        open = k;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  for (let k = to + 1, depth = 0; k < t.n && k <= to + BRACKET_REACH && t.line[k] === line; k++) {
    if (punct(ctx, k, 40)) depth++;
    else if (punct(ctx, k, 41)) {
      if (depth === 0) return { open, close: k };
      depth--;
    }
  }
  return null;
}

/** A heading line is short: at most this many tokens (bounds the work per value). */
const HEADING_TOKENS = 16;
/** How many lines above a row its heading may stand (rows of one block, no blank line between). */
const HEADING_REACH = 8;

/**
 * The site a heading line above a row names ("[Left proximal femur]", "Lumbar spine L2-L4:", "LEFT
 * HIP"): the nearest line above, in the row's block (no blank line between), that names one region
 * or one side, and holds no number and no score label of its own (a heading, not another row). The
 * heading scopes every row under it down to the next heading or blank line.
 */
function headingSite(ctx: Ctx, tok: number): { region?: string; side?: SiteInfo['side'] } | null {
  const { tokens: t, hits } = ctx.reading;
  const line = t.line[tok];
  const starts = lineStarts(ctx);
  if (tok - starts[line] > ROW_HEAD) return null;
  for (let i = line - 1; i >= 0 && i >= line - HEADING_REACH && !ctx.blankLine[i]; i--) {
    const a = starts[i];
    let b = a;
    let numbers = 0;
    let sites = 0;
    let scores = 0;
    let region: string | undefined;
    let regions = 0;
    while (b < t.n && t.line[b] === i && t.kind[b] !== NEWLINE && b - a < HEADING_TOKENS) {
      const h = hits.at[b];
      if (h >= 0 && hits.start[h] === b) {
        const c = hits.concepts[h];
        const site = conceptOf(c, 'site');
        if (site) {
          sites++;
          const r = site.site.region;
          if (r && r !== region && !(region && vertebral(region) && vertebral(r))) {
            region = r;
            regions++;
          }
        } else if (scoreLabelAt(ctx, b)) scores++;
        b = Math.max(b + 1, hits.end[h]);
        continue;
      }
      if (h < 0 && t.kind[b] === NUMBER) numbers++;
      b++;
    }
    const whole = b >= t.n || t.line[b] !== i || t.kind[b] === NEWLINE;
    if (!whole || numbers || scores) continue; // another row of the block
    if (!sites || regions > 1) return null; // a line of words: no heading of rows
    const s = siteIn(ctx, a, b);
    return { region: s.region, side: s.word ? s.side : undefined };
  }
  return null;
}

/**
 * A row under a heading that names its site ("[Lumbar spine L2-L4]" then "  BMD 0.702  T-score
 * -2.8"; "[Left proximal femur]" then "  Total  BMD 0.611  T-score -2.2"): a row that names no
 * region takes the heading's; a "Total" row is the total of the heading's region (the total hip
 * under a femur, the vertebrae's range under a spine).
 */
function headedRowSite(ctx: Ctx, tok: number): string | null {
  const heading = headingSite(ctx, tok);
  if (!heading?.region) return null;
  const t = ctx.reading.tokens;
  const a = lineStarts(ctx)[t.line[tok]];
  // A row naming a region of its own is read by clauseSite; here the row names none.
  if (siteIn(ctx, a, tok).region) return null;
  let total = false;
  for (let k = a; k < tok; k++) if (word(ctx, k) === BLOCK_TOTAL) total = true;
  let region = heading.region;
  if (total && !vertebral(region) && (region === 'hip' || region === 'femoral neck')) region = 'total hip';
  return key(region, heading.side);
}

/**
 * The one region a sentence names before its measures, as the site of a score later in it that no
 * site word of its own clause names ("Lumbar vertebra (L1-L4) total BMD is 0.775 g/cm2 and T score
 * is -2.9"): the subject of coordinated measures. None when the sentence names two regions or another
 * score stands between.
 */
function sentenceSubjectSite(ctx: Ctx, tok: number): string | null {
  const { tokens: t, hits, sentence } = ctx.reading;
  const s0 = sentence[tok];
  let region: string | undefined;
  let from = -1;
  for (let k = tok - 1; k >= 0 && k >= tok - 40 && sentence[k] === s0; k--) {
    if (t.kind[k] === NEWLINE) break;
    if (otherScore(ctx, k) || scoreLabelAt(ctx, k)) return null;
    const h = hits.at[k];
    if (h < 0) continue;
    const r = conceptOf(hits.concepts[h], 'site')?.site.region;
    if (r) {
      if (region && r !== region && !(vertebral(region) && vertebral(r))) return null;
      region = r;
      from = hits.start[h];
    }
    k = hits.start[h];
  }
  if (from < 0) return null;
  const s = siteIn(ctx, from, tok);
  return s.region ? key(s.region, s.word ? s.side : undefined) : null;
}

/**
 * LOINC names put the score in brackets before what it is of: "DXA Lumbar spine [T-score] Bone
 * density" (38267-8). The bone density after the bracketed label names the score's measure, not
 * another value: the walk to the value starts after it. Returns the token to walk from.
 */
function loincTail(ctx: Ctx, e: number): number {
  const { tokens: t, hits } = ctx.reading;
  if (!punct(ctx, e, 93)) return e;
  let q = e + 1;
  while (q < t.n && t.kind[q] === GAP) q++;
  const h = q < t.n ? hits.at[q] : -1;
  return h >= 0 && hits.start[h] === q && conceptOf(hits.concepts[h], 'bmd') ? hits.end[h] : e;
}

/** Is token q, the first of line l, indented (four spaces or a tab gap before it)? */
function indentedAt(ctx: Ctx, q: number, l: number): boolean {
  const t = ctx.reading.tokens;
  return t.start[q] - ctx.doc.lines[l].start >= 4 || t.kind[q] === GAP;
}

/** A block row's label is short: at most this many tokens before its value (bounds the work per value). */
const ROW_HEAD = 16;

/** The first tokens of line l, at most ROW_HEAD of them (a row's label; never a scan of a long line). */
function lineHead(ctx: Ctx, l: number): { a: number; b: number } {
  const t = ctx.reading.tokens;
  const a = lineStarts(ctx)[l];
  let b = a;
  while (b < t.n && b < a + ROW_HEAD && t.line[b] === l && t.kind[b] !== NEWLINE) b++;
  return { a, b };
}

/**
 * An indented row under a block's first row ("Left Femur   Neck   ... T-score -2.4" then
 * "             Total  ... T-score -1.8"): its label ("Total", "Neck") is read as a row of the block
 * (rowSite), and a region without a side takes the side the block's first row names.
 */
function continuedRowSite(ctx: Ctx, tok: number): string | null {
  const t = ctx.reading.tokens;
  const line = t.line[tok];
  const a = lineStarts(ctx)[line];
  if (a >= tok || tok - a > ROW_HEAD || !indentedAt(ctx, a, line)) return null;
  const site = rowSite(ctx, line, { a, b: tok });
  if (!site || vertebral(site) || SIDE_PREFIXES.some((p) => site.startsWith(p))) return site;
  const side = blockRowSide(ctx, tok);
  return side ? `${side} ${site}` : site;
}

/** The side the first cell of an indented row's block names ("Left Femur" above "    Neck"), if any. */
function blockRowSide(ctx: Ctx, tok: number): SiteInfo['side'] | undefined {
  const line = ctx.reading.tokens.line[tok];
  const a = lineStarts(ctx)[line];
  if (a >= tok || tok - a > ROW_HEAD || !indentedAt(ctx, a, line)) return undefined;
  for (let i = line - 1; i >= 0 && i >= line - 6 && !ctx.blankLine[i]; i--) {
    const above = lineHead(ctx, i);
    if (above.a >= above.b || indentedAt(ctx, above.a, i)) continue;
    const first = cellsOf(ctx, above).cells[0];
    const s = first ? siteIn(ctx, first.a, first.b) : null;
    return s?.side && s.word ? s.side : undefined;
  }
  return undefined;
}

/**
 * The one side a sentence names before token `tok` ("Left hip: femoral neck T -2.3, total hip T
 * -1.7"): the side of a region that names none. Two different sides name none.
 */
function sentenceSide(ctx: Ctx, tok: number): SiteInfo['side'] | undefined {
  const { tokens: t, hits, sentence } = ctx.reading;
  let side: SiteInfo['side'] | undefined;
  for (let k = tok - 1; k >= 0 && k >= tok - 40 && sentence[k] === sentence[tok]; k--) {
    const h = hits.at[k];
    if (h < 0) continue;
    const site = conceptOf(hits.concepts[h], 'site');
    if (site?.site.side && !site.site.postposed && t.end[k] - t.start[k] > 1) {
      if (side && side !== site.site.side) return undefined;
      side = site.site.side;
    }
    k = hits.start[h];
  }
  return side;
}

/** A prose site without a side takes the one side its sentence names ("The left hip ... -2.7 at the total hip"). */
function withSentenceSide(ctx: Ctx, site: string | null, tok: number): string | null {
  if (!site || vertebral(site) || (site.includes(' ') && SIDE_PREFIXES.some((p) => site.startsWith(p)))) return site;
  const side = sentenceSide(ctx, tok);
  return side ? `${side} ${site}` : site;
}

const SIDE_PREFIXES = ['left ', 'right ', 'mean ', 'both '];

/** The site named by the key that opens the line of token `tok` ("Left total hip:"), or null. */
function lineKeySite(ctx: Ctx, tok: number): string | null {
  const t = ctx.reading.tokens;
  const line = t.line[tok];
  let k = tok;
  while (k > 0 && t.line[k - 1] === line && t.kind[k - 1] !== NEWLINE && tok - k < 40) k--;
  for (let c = k; c < tok && c < k + 10; c++) {
    if (!punct(ctx, c, 58)) continue;
    const s = siteIn(ctx, k, c);
    return s.region ? key(s.region, s.side) : null;
  }
  return null;
}

/** A score read: its token, its site, and the sign written apart from it ("- 2.2"). */
export interface ScoreRead {
  tok: number;
  site: string | null;
  /** The token of a sign written apart ("- 2.2"), or -1. */
  sign: number;
}

/** Is token k the bare word "t" (or "z") used as a label: "T = -1.8", "T: -2.1", "L1-L4 T -1.7"? */
function bareLabel(ctx: Ctx, k: number, own: 't' | 'z'): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[k] !== WORD || t.end[k] - t.start[k] !== 1 || t.norm.charCodeAt(t.start[k]) !== (own === 't' ? 116 : 122))
    return false;
  // Not "t" of "don't" or a letter in "T 1.2 cm".
  if (punct(ctx, k - 1, 39) || punct(ctx, k - 1, 0x2019)) return false;
  const n = k + 1;
  if (n < t.n && (punct(ctx, n, 61) || punct(ctx, n, 58))) return n + 1 < t.n && t.kind[n + 1] === NUMBER;
  if (n >= t.n || t.kind[n] !== NUMBER || t.unit[n] !== UNIT_NONE) return false;
  // "T -1.7"; "T -1.2 / Z 0.1": an unsigned decimal after a list separator.
  return (
    (t.flags[n] & SIGNED) !== 0 || ((t.flags[n] & DECIMAL) !== 0 && (punct(ctx, k - 1, 47) || punct(ctx, k - 1, 44)))
  );
}

/**
 * The labelled score values and their sites; `own` is the label concept ('t' or 'z'). A label's
 * value may open a slash list, a sideways row or a list of sites and values: each is read whole.
 */
export function readProseScores(ctx: Ctx, own: 't' | 'z', onPlaceholder?: (tok: number) => void): ScoreRead[] {
  const out: ScoreRead[] = [];
  const seen = new Set<number>();
  const { tokens: t, hits, context } = ctx.reading;
  const push = (tok: number, site: string | null, sign = -1) => {
    // The token itself, not its offset searched again (`isHistorical` of its start is this token).
    if (seen.has(tok) || inRange(ctx, tok) || historicalAt(ctx, tok) || historicalToken(ctx, tok)) return;
    if (context[tok] & (HYPOTHETICAL | THRESHOLD) || ctx.priorNumbers.has(t.start[tok])) return;
    seen.add(tok);
    out.push({ tok, site: withSentenceSide(ctx, site, tok), sign });
  };
  // Label spans: the vocabulary's labels and the settings' label words, then bare "T" / "Z".
  const labels: Array<[number, number]> = [];
  for (const h of measureLabelHits(ctx, own)) {
    if (labels.length >= MAX_MENTIONS) break;
    labels.push([hits.start[h], hits.end[h]]);
  }
  // Bare "T" / "Z": the one-letter words no phrase holds, listed once per document (layout.ts).
  for (const k of bareScoreWords(ctx, own)) {
    if (labels.length >= MAX_MENTIONS) break;
    if (bareLabel(ctx, k, own)) labels.push([k, k + 1]);
  }
  labels.sort((x, y) => x[0] - y[0]);
  for (const [s, e] of labels) {
    if (ctx.tableLine[t.line[s]]) continue;
    // "TBS T-score" written apart ("TBS (L1-L4) T-score") is no BMD score.
    let p = s - 1;
    while (p >= 0 && p >= s - 4 && hits.at[p] < 0) p--;
    const prevHit = p >= 0 ? hits.at[p] : -1;
    if (prevHit >= 0 && prevHit !== hits.at[s] && s - hits.end[prevHit] <= 3) {
      const prev = hits.concepts[prevHit];
      if (conceptOf(prev, 'tbs') || conceptOf(prev, 'tbsScore')) continue;
    }
    const walked = valueAfterLabel(ctx, loincTail(ctx, e), {
      fits: (k, words) => scoreShape(ctx, k, words),
      own,
      sitesPass: true,
    });
    const found: typeof walked = walked.type === 'none' ? leaderValue(ctx, e) : walked;
    if (found.type === 'placeholder') {
      onPlaceholder?.(found.tok);
      continue;
    }
    if (found.type !== 'number') continue;
    let tok = found.tok;
    // "-1.8 {T-score}" then "TBS L1-L4: 1.226" on the next line: another measure's label between.
    if (otherMeasureBetween(ctx, e, tok, own)) continue;
    // "improved from -2.5 to -2.0": the value after "to" is this study's.
    if (isWord(ctx, tok - 1, 'from') && isWord(ctx, tok + 1, 'to') && tok + 2 < t.n && t.kind[tok + 2] === NUMBER)
      tok += 2;
    // "-2.5 < T < -1.0", "T >= -1.0": a legend's bound, not a value.
    if (comparison(ctx, tok - 1) || comparison(ctx, tok + 1)) continue;
    // "T-score (2022): +0.3": handled by the shape test (a year is no score).
    // A slash list ("-1.2 / -2.3 (L1-L4 / FN)") or a sideways row of columns under site names.
    const list = slashList(ctx, e, tok) ?? sidewaysRow(ctx, tok) ?? respectivelyList(ctx, tok);
    if (list) {
      for (const [v, site] of list) push(v, site);
      continue;
    }
    // "- 2.2": a sign written apart from its digits.
    const sign =
      !(t.flags[tok] & SIGNED) && (punct(ctx, tok - 1, 45) || punct(ctx, tok - 1, 43)) && tok - 1 >= e ? tok - 1 : -1;
    push(tok, clauseSite(ctx, s, e, tok), sign);
    // A list after one label: "T-scores: L1-L4 -1.6, left femoral neck -2.3, left total hip -1.4".
    for (const [v, site] of listAfter(ctx, tok)) push(v, site);
  }
  return out;
}

/** Does a label of another measure (a TBS) stand in tokens [from, to)? */
function otherMeasureBetween(ctx: Ctx, from: number, to: number, own: 't' | 'z'): boolean {
  const { hits } = ctx.reading;
  for (let k = from; k < to; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    const c = hits.concepts[h];
    if (conceptOf(c, 'tbs') || conceptOf(c, 'tbsScore') || conceptOf(c, own === 't' ? 'z' : 't')) return true;
    k = hits.end[h] - 1;
  }
  return false;
}

/**
 * A value after a short dot leader ("T-score .. -2.5", "T-score : -2.5"): the points end no
 * sentence there. Only points, colons and gaps between the label and the value, on one line.
 */
function leaderValue(ctx: Ctx, from: number): { type: 'number'; tok: number } | { type: 'none' } {
  const t = ctx.reading.tokens;
  let k = from;
  while (k < t.n && k < from + 6 && (t.kind[k] === GAP || punct(ctx, k, 46) || punct(ctx, k, 58))) k++;
  if (k === from || k >= t.n || t.line[k] !== t.line[from] || !scoreShape(ctx, k, 0)) return { type: 'none' };
  return { type: 'number', tok: k };
}

/** A score as the collector takes it: offsets, value and text. */
export interface ScoreNum {
  start: number;
  end: number;
  value: number;
  text: string;
}

/** The score read at token `tok` (with a sign written apart, when there is one). */
export function scoreNum(ctx: Ctx, tok: number, sign = -1): ScoreNum {
  const t = ctx.reading.tokens;
  const start = sign >= 0 ? t.start[sign] : t.start[tok];
  const end = t.end[tok];
  const negative = sign >= 0 && t.norm.charCodeAt(t.start[sign]) === 45;
  return { start, end, value: negative ? -t.value[tok] : t.value[tok], text: ctx.doc.text.slice(start, end) };
}

/**
 * Lines that name a site and no measure: "Left femoral neck 0.701 -2.3", "femoral neck: -2.3",
 * "L1-L4/total hip/femoral neck: -1.2/-0.8/-1.5". The first signed decimal without a unit is the
 * T-score (the BMD before it has no sign). Lines that name a change, a score, a TBS or a percentage
 * are left alone.
 */
export function siteLineScores(ctx: Ctx): ScoreRead[] {
  const out: ScoreRead[] = [];
  const { tokens: t, hits } = ctx.reading;
  let lastLine = -1;
  let lines = 0;
  const { n: count, kind: kinds, flags } = t;
  for (let k = 0; k < count && lines < MAX_MENTIONS; k++) {
    if (kinds[k] !== NUMBER || !(flags[k] & SIGNED) || !(flags[k] & DECIMAL)) continue;
    const line = t.line[k];
    if (line === lastLine) continue;
    lastLine = line;
    lines++;
    if (ctx.tableLine[line] || ctx.blankLine[line] || ctx.headerLine[line]) continue;
    const r = lineTokens(ctx, line);
    if (r.b - r.a > 80) continue;
    let first = -1;
    let vetoed = false;
    for (let q = r.a; q < r.b && !vetoed; q++) {
      const h = hits.at[q];
      if (h >= 0) {
        // One walk over the hit's concepts: a score or TBS label, a change column (the first
        // column concept), a settings label, or a risk kind ("MOF 12 %") vetoes the line; "hip" is
        // a site too.
        let column: string | null = null;
        let kind = false;
        let site = false;
        for (const x of hits.concepts[h]) {
          const c = x.c;
          if (c === 't' || c === 'z' || c === 'tbs' || c === 'tbsScore' || c === 'label') vetoed = true;
          else if (c === 'column') column ??= x.column;
          else if (c === 'kind') kind = true;
          else if (c === 'site') site = true;
        }
        if (column === 'change' || (kind && !site)) vetoed = true;
        q = Math.max(q, hits.end[h] - 1);
        continue;
      }
      if (t.kind[q] === NUMBER) {
        if (t.unit[q] === UNIT_PERCENT) vetoed = true;
        if (first < 0) first = q;
      }
      if (isWord(ctx, q, 't') || isWord(ctx, q, 'z') || isWord(ctx, q, 'score')) vetoed = true;
    }
    if (vetoed || first < 0) continue;
    const site = rowSite(ctx, line, { a: r.a, b: first });
    if (!site) continue;
    for (let q = first; q < r.b; q++) {
      if (t.kind[q] !== NUMBER || ctx.priorNumbers.has(t.start[q])) continue;
      if (t.flags[q] & SIGNED && t.flags[q] & DECIMAL && t.unit[q] === UNIT_NONE) {
        const list = slashList(ctx, r.a, q) ?? sideSlashList(ctx, r.a, q);
        if (list) for (const [v, s] of list) out.push({ tok: v, site: s, sign: -1 });
        else if (!historicalToken(ctx, q) && !historicalAt(ctx, q))
          out.push({ tok: q, site: rowSite(ctx, line, { a: r.a, b: q }) ?? site, sign: -1 });
        break;
      }
    }
  }
  return out;
}

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

/**
 * Is the layout pair's token a score (a decimal, or a signed number, without a unit)? A column or
 * key says what the value is, so a typo (-25) still attaches, for the plausibility rule.
 */
function scorePair(ctx: Ctx, tok: number): boolean {
  const t = ctx.reading.tokens;
  return (
    t.kind[tok] === NUMBER &&
    t.unit[tok] === UNIT_NONE &&
    (t.flags[tok] & (DECIMAL | SIGNED)) !== 0 &&
    Math.abs(t.value[tok]) < 100
  );
}

/**
 * BMD T-scores: table columns, key/value layouts, labelled values (with their lists, slash lists
 * and sideways rows) and site lines. Never a Z-score, never a "TBS T-score".
 */
export function readTScores(ctx: Ctx, layout: Layout, slots: Slot[]): TScore[] {
  const { tokens: t, context } = ctx.reading;
  // A hypothetical value or a legend's threshold ("A T-score of -2.5 or lower would indicate
  // osteoporosis") is not this study's T-score (ConText).
  // A value a layout reads as another measure (a Z-score column or cell) is no T-score.
  const other = new Set<number>();
  for (const p of layout.pairs) if (p.own === 'z') other.add(t.start[p.tok]);
  const { out, add } = scoreCollector(
    ctx,
    (num) => other.has(num.start) || (context[tokenAt(t, num.start)] & (HYPOTHETICAL | THRESHOLD)) !== 0,
  );
  const slot = (tok: number) => {
    const span = { start: t.start[tok], end: t.end[tok] };
    slots.push({ element: 'tScore', span, range: range(ctx, span) });
  };
  for (const p of [...tablePairs(layout.rows, 't'), ...layout.pairs]) {
    if (p.own !== 't') continue;
    if (t.kind[p.tok] === PLACEHOLDER) slot(p.tok);
    else if (scorePair(ctx, p.tok) && !historicalAt(ctx, p.tok)) add(scoreNum(ctx, p.tok), p.site);
  }
  for (const r of readProseScores(ctx, 't', slot)) add(scoreNum(ctx, r.tok, r.sign), r.site);
  for (const r of siteLineScores(ctx)) add(scoreNum(ctx, r.tok, r.sign), r.site);
  if (out.length) for (const r of siteAfterScoreSentence(ctx, out)) add(scoreNum(ctx, r.tok, r.sign), r.site);
  out.sort((a, b) => a.span.start - b.span.start);
  restatedSites(out);
  if (out.length > 1) supersededScores(ctx, out);
  return out;
}

/** The correction words that state a corrected value ("should" recommends as often as it corrects). */
const SCORE_CORRECTIONS = CORRECTION_WORDS.filter((w) => w !== 'should');

/**
 * "The correct left femoral neck T-score is -2.4" (an addendum, an erratum): a T-score stated in a
 * sentence with a correction word supersedes the earlier T-scores of its site that carry another
 * value; they are dropped. A score whose sentence corrects nothing, or that names no site, changes
 * nothing.
 */
function supersededScores(ctx: Ctx, out: TScore[]): void {
  const { tokens: t, sentence } = ctx.reading;
  const corrects = (tok: number): boolean => {
    const s = sentence[tok];
    let a = tok;
    while (a > 0 && sentence[a - 1] === s && tok - a < 80) a--;
    for (let k = a; k < t.n && sentence[k] === s && k - a < 160; k++)
      if (t.kind[k] === WORD && wordIn(t, k, SCORE_CORRECTIONS)) return true;
    return false;
  };
  const drop = new Set<TScore>();
  for (const c of out) {
    if (!c.site || !corrects(tokenAt(t, c.span.start))) continue;
    for (const o of out)
      if (o.span.start < c.span.start && o.site === c.site && o.value !== c.value && !drop.has(c)) drop.add(o);
  }
  if (!drop.size) return;
  for (let i = out.length - 1; i >= 0; i--) if (drop.has(out[i])) out.splice(i, 1);
}

/**
 * Restatements (the resolver): a value read again without a site, or with a less specific one
 * ("lowest T-score -2.7" in the conclusion, "femoral neck -2.7" after "left femoral neck -2.7"), is
 * the same reading as the one value equal to it read at a compatible site, and takes that site. A
 * value equal to readings at two different sites stays as it was read.
 */
function restatedSites(scores: Array<{ value: number; site: string | null }>): void {
  if (scores.length < 2) return;
  // The named sites of each value, in one pass (a value read at many sites has no one site to give).
  const sites = new Map<number, string[]>();
  for (const s of scores) {
    if (!s.site) continue;
    const list = sites.get(s.value);
    if (!list) sites.set(s.value, [s.site]);
    else if (list.length < 4 && !list.includes(s.site)) list.push(s.site);
  }
  for (const s of scores) {
    const list = sites.get(s.value);
    if (!list) continue;
    let found: string | null = null;
    let ambiguous = false;
    for (const o of list) {
      if (o === s.site || !moreSpecific(o, s.site)) continue;
      if (found && found !== o) ambiguous = true;
      found = o;
    }
    if (found && !ambiguous) s.site = found;
  }
}

/** Is site `a` the same site as `b` told more exactly (b unnamed, or b without the side a names)? */
function moreSpecific(a: string, b: string | null): boolean {
  if (b === null) return true;
  if (vertebral(b)) return false;
  for (const p of SIDE_PREFIXES) if (a.startsWith(p)) return a.length === p.length + b.length && a.endsWith(b);
  return false;
}

/**
 * A site followed straight by a signed one-decimal number without a unit, in the sentence of a
 * T-score read or the one after it ("Right femoral neck T-score -2.8, right total hip -2.5. Lumbar
 * spine L1-L4 -1.6 (L2 excluded)."): the T-score context makes the number that site's T-score.
 */
function siteAfterScoreSentence(ctx: Ctx, read: readonly TScore[]): ScoreRead[] {
  const out: ScoreRead[] = [];
  const { tokens: t, hits, sentence } = ctx.reading;
  const scored = new Set<number>();
  const at = new Set<number>();
  for (const r of read) {
    const k = tokenAt(t, r.span.start);
    scored.add(sentence[k]);
    at.add(r.span.start);
  }
  for (let k = 1; k < t.n && out.length < MAX_MENTIONS; k++) {
    if (t.kind[k] !== NUMBER || (t.flags[k] & (SIGNED | DECIMAL)) !== (SIGNED | DECIMAL)) continue;
    if (t.unit[k] !== UNIT_NONE || at.has(t.start[k]) || ctx.priorNumbers.has(t.start[k])) continue;
    const sk = sentence[k];
    if (!scored.has(sk) && !scored.has(sk - 1)) continue;
    // One decimal: "-1.6", not a BMD or a TBS.
    const dot = t.norm.lastIndexOf('.', t.end[k] - 1);
    if (dot < t.start[k] || t.end[k] - dot !== 2) continue;
    // The site's words right before it, on its line and in its sentence.
    let p = k - 1;
    while (p >= 0 && t.kind[p] === GAP && !(t.flags[p] & WALL)) p--;
    const h = p >= 0 ? hits.at[p] : -1;
    if (h < 0 || hits.end[h] !== p + 1 || !conceptOf(hits.concepts[h], 'site')) continue;
    let a = hits.start[h];
    for (let steps = 0; steps < 6 && a > 0; steps++) {
      let q = a - 1;
      while (q >= 0 && t.kind[q] === GAP && !(t.flags[q] & WALL)) q--;
      const g = q >= 0 ? hits.at[q] : -1;
      if (g < 0 || hits.end[g] !== q + 1 || !conceptOf(hits.concepts[g], 'site')) break;
      a = hits.start[g];
    }
    if (t.line[a] !== t.line[k] || sentence[a] !== sk) continue;
    // Another measure before it in its sentence ("Z-scores: spine -0.3", "TBS ...", "change ...").
    let other = false;
    for (let q = a - 1, steps = 0; q >= 0 && sentence[q] === sk && steps < 40 && !other; q--, steps++) {
      const g = hits.at[q];
      if (g < 0) {
        if (isWord(ctx, q, 'z') || t.unit[q] === UNIT_PERCENT) other = true;
        continue;
      }
      const c = hits.concepts[g];
      if (conceptOf(c, 'z') || conceptOf(c, 'tbs') || conceptOf(c, 'tbsScore') || conceptOf(c, 'column')) other = true;
      if ((conceptOf(c, 'kind') && !conceptOf(c, 'site')) || conceptOf(c, 'label')) other = true;
    }
    // "-1.5 change", "-1.5 change since", "-0.4 Z": a word after it that names another measure.
    let n = k + 1;
    while (n < t.n && t.kind[n] === GAP && !(t.flags[n] & WALL)) n++;
    const g = n < t.n ? hits.at[n] : -1;
    const gc = g >= 0 ? hits.concepts[g] : null;
    if (isWord(ctx, n, 'z') || (gc && (conceptOf(gc, 'column') || conceptOf(gc, 'header') || scoreLabelAt(ctx, n))))
      continue;
    if (other) continue;
    if (historicalToken(ctx, k) || historicalAt(ctx, k)) continue;
    const site = rowSite(ctx, t.line[k], { a, b: k });
    if (site) out.push({ tok: k, site, sign: -1 });
  }
  return out;
}

/**
 * BMD Z-scores: a table's Z-score column, key/value layouts and labelled values. They document the
 * BMD element for premenopausal women and men under 50 (ISCD), and are never T-scores.
 */
export function readZScores(ctx: Ctx, layout: Layout, tScores: readonly TScore[] = []): ZScore[] {
  const { out, add } = scoreCollector(ctx);
  const t = ctx.reading.tokens;
  for (const p of [...tablePairs(layout.rows, 'z'), ...layout.pairs]) {
    if (p.own !== 'z' || !scorePair(ctx, p.tok) || ctx.priorNumbers.has(t.start[p.tok]) || historicalAt(ctx, p.tok))
      continue;
    add(scoreNum(ctx, p.tok), p.site);
  }
  // T-scores come sorted by start; when their ends rise too (spans do not nest), the one that ends
  // last before a Z-score is found by bisection, not by a walk over all of them per Z-score.
  let ordered = true;
  for (let i = 1; i < tScores.length && ordered; i++) ordered = tScores[i].span.end > tScores[i - 1].span.end;
  for (const r of readProseScores(ctx, 'z'))
    add(scoreNum(ctx, r.tok, r.sign), r.site ?? pairedSite(ctx, r.tok, tScores, ordered));
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/**
 * The site of a Z-score given with a T-score ("a T-score of -1.2 and a Z-score of 0.1", "T-score
 * -2.3 (Z-score -0.9)"): the T-score right before it in the same sentence, with no site between.
 */
function pairedSite(ctx: Ctx, zTok: number, tScores: readonly TScore[], ordered: boolean): string | null {
  const { tokens: t, sentence, hits } = ctx.reading;
  let best: TScore | null = null;
  const at = t.start[zTok];
  if (ordered) {
    // The last T-score whose span ends at or before the Z-score (ends strictly rising).
    let lo = 0;
    let hi = tScores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tScores[mid].span.end <= at) lo = mid + 1;
      else hi = mid;
    }
    best = lo > 0 ? tScores[lo - 1] : null;
  } else for (const s of tScores) if (s.span.end <= at && (!best || s.span.end > best.span.end)) best = s;
  if (!best || !best.site) return null;
  const from = tokenAt(t, best.span.start);
  if (zTok - from > 16 || sentence[from] !== sentence[zTok]) return null;
  // "Z-scores 0.1, -0.9 and -0.6 respectively": a list of values has sites of its own.
  for (let k = zTok + 1; k < t.n && k <= zTok + 3; k++) if (t.kind[k] === NUMBER) return null;
  for (let k = from + 1; k < zTok; k++) {
    const h = hits.at[k];
    if (h >= 0 && conceptOf(hits.concepts[h], 'site')) return null;
  }
  return best.site;
}
