/**
 * The site named by the site words of a token range: the most specific region (`vocab/sites.ts`)
 * and the side nearest it. Shared by the prose and layout readers, so that "Left femoral neck" in a
 * sentence, a table row, a key or a YAML item gives one site key ("left femoral neck").
 */
import type { Ctx } from '../context';
import type { SiteInfo } from './concepts';
import { NEGATED } from './concepts';
import { conceptOf } from './read';
import type { Tokens } from './tokens';
import { GAP, NEWLINE, WORD } from './tokens';
import { BLOCK_TOTAL } from './vocab/sites';

export interface SiteParts {
  region?: string;
  side?: SiteInfo['side'];
  /** Was the side written as a word ("left"), not an initial ("L")? */
  word?: boolean;
}

/** The sides seen by siteIn (at most 8): where each starts, the side, written as a word. Scratch, reused. */
const SIDE_AT = new Int32Array(8);
const SIDE_OF: Array<SiteInfo['side']> = [];
const SIDE_WORD = new Uint8Array(8);

/** The site of the site words in tokens [from, to): the most specific region and the side nearest it. */
export function siteIn(ctx: Ctx, from: number, to: number): SiteParts {
  const { tokens: t, hits } = ctx.reading;
  let region: string | undefined;
  let at = -1;
  let sides = 0;
  // "Total Left", "Total Mean", "Left total" (Lunar rows and keys): a total with a side and no region
  // is the total hip (the spine's total has no side).
  let sidedTotal = false;
  // Was the region named by a word ("lumbar spine"), not a vertebra ("L1-L4")? A range after it names it.
  let generic = false;
  for (let k = Math.max(0, from); k < to && k < t.n; k++) {
    const h = hits.at[k];
    if (h < 0) continue;
    const site = conceptOf(hits.concepts[h], 'site');
    k = Math.max(k, hits.end[h] - 1);
    if (!site) continue;
    // A side's initial ("L", "R") counts only next to its region; a side word anywhere in the range;
    // a postposed side ("Col fémoral G", "Collo femorale sx") only right after its region.
    if (site.site.postposed && !regionBefore(ctx, hits.start[h], from)) continue;
    if (site.site.side && sides < 8) {
      SIDE_AT[sides] = hits.start[h];
      SIDE_OF[sides] = site.site.side;
      SIDE_WORD[sides] = t.end[k] - t.start[k] > 1 || site.site.postposed ? 1 : 0;
      sides++;
      let p = hits.start[h] - 1;
      while (p >= from && t.kind[p] === GAP) p--;
      if (
        p >= from &&
        t.kind[p] === WORD &&
        t.end[p] - t.start[p] === BLOCK_TOTAL.length &&
        t.norm.startsWith(BLOCK_TOTAL, t.start[p])
      )
        sidedTotal = true;
      // "Left total", "Right total" (a row under the femur): the total after its side word.
      let q = hits.end[h];
      while (q < to && q < t.n && t.kind[q] === GAP) q++;
      if (
        SIDE_WORD[sides - 1] === 1 &&
        q < to &&
        q < t.n &&
        t.kind[q] === WORD &&
        t.end[q] - t.start[q] === BLOCK_TOTAL.length &&
        t.norm.startsWith(BLOCK_TOTAL, t.start[q])
      )
        sidedTotal = true;
    }
    // "right hip femoral neck": the femoral neck, not the hip it is part of; "forearm, 33% radius":
    // the 33 % radius, not the forearm.
    // "Lumbar spine L2-L4": the range named after a spine word is the spine's region.
    const range =
      region === 'L1-L4' &&
      generic &&
      site.site.region !== undefined &&
      site.site.region.length === 5 &&
      vertebral(site.site.region);
    // "L1-L4 -1.1 (L3 excluded)": a vertebra left out names no site of the value.
    if (site.site.region && singleVertebra(site.site.region) && ctx.reading.context[hits.start[h]] & NEGATED) continue;
    if (site.site.region && (!region || region === 'hip' || region === 'radius' || range)) {
      generic = !vertebralWord(t, hits.start[h]);
      region = site.site.region;
      at = hits.start[h];
      // "L1&ndash;L4", "L1 – L4": two vertebrae joined by anything but a word or a gap are a range.
      const last = singleVertebra(region) ? vertebraAfter(ctx, k + 1, to) : null;
      if (last && last.level > Number(region[1])) {
        region = `${region}-L${last.level}`;
        k = last.tok;
      }
    }
  }
  if (!region && sidedTotal) region = 'total hip';
  let side: SiteInfo['side'] | undefined;
  let word = false;
  let best = 5;
  for (let i = 0; i < sides; i++) {
    const w = SIDE_WORD[i] === 1;
    const d = at < 0 ? (w ? 0 : 99) : Math.abs(SIDE_AT[i] - at);
    if (d < best) {
      best = d;
      side = SIDE_OF[i];
      word = w;
    }
  }
  return { region, side, word };
}

/** Does a region's phrase end right before token `k` (a column gap may stand between), at or after `from`? */
function regionBefore(ctx: Ctx, k: number, from: number): boolean {
  const { tokens: t, hits } = ctx.reading;
  let p = k - 1;
  if (p >= from && t.kind[p] === GAP) p--;
  const h = p >= from ? hits.at[p] : -1;
  return h >= 0 && hits.end[h] === p + 1 && conceptOf(hits.concepts[h], 'site')?.site.region !== undefined;
}

/** Does token k start with a vertebra's name ("l1", "L2-L4")? */
function vertebralWord(t: Tokens, k: number): boolean {
  const c = t.norm.charCodeAt(t.start[k]);
  const d = t.norm.charCodeAt(t.start[k] + 1);
  return c === 108 && d >= 48 && d <= 57;
}

/** "L3": one vertebra. */
function singleVertebra(region: string): boolean {
  return region.length === 2 && region[0] === 'L' && region.charCodeAt(1) >= 49 && region.charCodeAt(1) <= 53;
}

/** A single vertebra within a few joining tokens (punctuation, an entity's name) after `from`. */
function vertebraAfter(ctx: Ctx, from: number, to: number): { level: number; tok: number } | null {
  const { tokens: t, hits } = ctx.reading;
  for (let k = from; k < to && k < from + 4; k++) {
    if (t.kind[k] === GAP || t.kind[k] === NEWLINE || t.start[k] > t.end[k - 1]) return null;
    const h = hits.at[k];
    if (h < 0) continue;
    const region = conceptOf(hits.concepts[h], 'site')?.site.region;
    return region && singleVertebra(region) ? { level: Number(region[1]), tok: hits.end[h] - 1 } : null;
  }
  return null;
}

/** "L1-L4": a vertebral region has no side. */
export function vertebral(region: string): boolean {
  return region.length >= 2 && region[0] === 'L' && region.charCodeAt(1) >= 48 && region.charCodeAt(1) <= 57;
}

/** The site key of a region and a side ("left femoral neck", "L1-L4"). */
export function siteKeyOf(region: string, side: SiteInfo['side'] | undefined): string {
  return side && !vertebral(region) ? `${side} ${region}` : region;
}

/** The site key of tokens [from, to), or null when they name no region. */
export function siteOf(ctx: Ctx, from: number, to: number): string | null {
  const s = siteIn(ctx, from, to);
  return s.region ? siteKeyOf(s.region, s.side) : null;
}
