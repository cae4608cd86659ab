/**
 * CPT codes named in the report, as tokens: a whole five-digit number that is a densitometry code
 * (`vocab/codes.ts`), with a modifier after it ("77091-26", "77080 TC", "77091 with modifier 26").
 * A number glued to a word, a point or a slash ("x77091", "1.77091", "77091/2") is no code; the
 * tokeniser already refuses digits inside dates and versions.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { CptCode } from '../types';
import type { Tokens } from './tokens';
import { DECIMAL, NUMBER, PUNCT, SIGNED, UNIT_NONE, WORD, isDigit, isLetter, tokenAt } from './tokens';
import { CPT_CODES, CPT_MODIFIERS, MODIFIER_WORDS } from './vocab/codes';

const CODES = new Set(CPT_CODES);

/**
 * The digits every code starts with ("770"): a code token's text is its five digits (no sign, no
 * decimal), so only tokens where these digits stand need a look. Empty when the codes share none.
 */
const PREFIX = ((): string => {
  const texts = CPT_CODES.map(String);
  if (!texts.length || texts.some((c) => !/^[0-9]{5}$/.test(c))) return '';
  let p = texts[0];
  for (const c of texts) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
})();

function text(t: Tokens, i: number): string {
  return t.norm.slice(t.start[i], t.end[i]);
}

/** The modifier token at i (a word "tc" or the number 26), if any. */
function modifierAt(t: Tokens, i: number): string | null {
  if (i >= t.n) return null;
  if (t.kind[i] === WORD || (t.kind[i] === NUMBER && !(t.flags[i] & (DECIMAL | SIGNED)) && t.unit[i] === UNIT_NONE)) {
    const w = text(t, i);
    if (CPT_MODIFIERS.includes(w)) return w.toUpperCase();
  }
  return null;
}

export function readCodes(ctx: Ctx): CptCode[] {
  const out: CptCode[] = [];
  const t = ctx.reading.tokens;
  /** The code at token i, if it is one. */
  const codeAt = (i: number): void => {
    if (t.kind[i] !== NUMBER || t.end[i] - t.start[i] !== 5 || t.flags[i] & (DECIMAL | SIGNED)) return;
    if (!CODES.has(t.value[i])) return;
    const before = t.start[i] > 0 ? t.norm.charCodeAt(t.start[i] - 1) : 32;
    if (isLetter(before) || isDigit(before) || before === 45 || before === 46 || before === 47 || before === 95) return;
    let end = t.end[i];
    let modifier: string | null = null;
    let k = i + 1;
    // "77091-26", "77091 - TC": a hyphen; "77091 26", "77091 TC": one space; "modifier 26".
    if (k < t.n && t.kind[k] === PUNCT && t.norm.charCodeAt(t.start[k]) === 45) k++;
    else if (k < t.n && t.kind[k] === WORD && text(t, k) === 'with' && MODIFIER_WORDS.includes(text(t, k + 1))) k += 2;
    else if (k < t.n && t.kind[k] === WORD && MODIFIER_WORDS.includes(text(t, k))) k++;
    if (k < t.n && t.line[k] === t.line[i] && t.start[k] - t.end[k - 1] <= 1) {
      const m = modifierAt(t, k);
      // A modifier stands alone: "77091 26%" or "77091 tcs" is not one.
      const after = t.end[k] < t.norm.length ? t.norm.charCodeAt(t.end[k]) : 32;
      if (m && !isLetter(after) && !isDigit(after) && !(t.kind[k] === NUMBER && t.unitEnd[k] > t.end[k])) {
        modifier = m;
        end = t.end[k];
      }
    }
    const span = { start: t.start[i], end };
    out.push({ code: text(t, i), modifier, span, range: range(ctx, span) });
  };
  if (!PREFIX) {
    for (let i = 0; i < t.n && out.length < MAX_MENTIONS; i++) codeAt(i);
    return out;
  }
  // Only where the codes' common digits stand (a native search), a token starting there.
  for (let at = t.norm.indexOf(PREFIX); at >= 0 && out.length < MAX_MENTIONS; at = t.norm.indexOf(PREFIX, at + 1)) {
    const i = tokenAt(t, at);
    if (i < t.n && t.start[i] === at) codeAt(i);
  }
  return out;
}
