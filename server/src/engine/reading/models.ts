/**
 * Risk models named in the report (FRAX, FRAXplus, Garvan, QFracture, CAROC, "fracture risk
 * assessment tool"), read from the vocabulary's hits; and the model slot ("Risk model: ___").
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import type { RiskModel, Slot } from '../types';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { GAP, NEWLINE, PLACEHOLDER, PUNCT, WORD, wordIn } from './tokens';
import { RISK_WORDS } from './vocab/risk';

/** "[ ] FRAX", "( ) Garvan", "☐ QFracture": an option left unticked names no model. */
function unticked(ctx: Ctx, tok: number): boolean {
  const t = ctx.reading.tokens;
  const p = tok - 1;
  if (p < 0) return false;
  const s = t.norm.slice(t.start[p], t.end[p]);
  if (t.kind[p] === PLACEHOLDER) return s.startsWith('[') && s.replace(/[\s[\]]/g, '') === '';
  if (t.kind[p] !== PUNCT) return false;
  if (s === '\u2610') return true;
  // "( )" / "()".
  return s === ')' && p > 0 && t.kind[p - 1] === PUNCT && t.norm.charCodeAt(t.start[p - 1]) === 40;
}

/**
 * "FRAX is not applicable (premenopausal)", "FRAX was not used": the model does not apply. A negator
 * and one of RISK_WORDS.modelNotUsed within a few words after the model, in its clause.
 */
function notUsed(ctx: Ctx, s: number, e: number): boolean {
  const { tokens: t, clause } = ctx.reading;
  let negated = false;
  for (let k = e, words = 0; k < t.n && clause[k] === clause[s] && t.kind[k] !== NEWLINE && words < 5; k++) {
    if (t.kind[k] !== WORD) continue;
    words++;
    if (wordIn(t, k, RISK_WORDS.modelNegators)) negated = true;
    else if (negated && wordIn(t, k, RISK_WORDS.modelNotUsed)) return true;
  }
  return false;
}

/** The kinds of concept the model reader reads. */
const MODEL_KINDS = kindBit('model') | kindBit('label');

export function readModels(ctx: Ctx, slots: Slot[]): RiskModel[] {
  const out: RiskModel[] = [];
  const { tokens: t, hits } = ctx.reading;
  const kinds = hitKinds(hits);
  for (let h = 0; h < hits.n && out.length < MAX_MENTIONS; h++) {
    if (!(kinds[h] & MODEL_KINDS)) continue;
    // A pasted earlier report's model is that study's.
    if (t.start[hits.start[h]] >= ctx.priorFrom) break;
    const concepts = hits.concepts[h];
    const model = conceptOf(concepts, 'model');
    if (model) {
      if (unticked(ctx, hits.start[h]) || notUsed(ctx, hits.start[h], hits.end[h])) continue;
      const span = { start: t.start[hits.start[h]], end: t.end[hits.end[h] - 1] };
      out.push({ name: model.model, span, range: range(ctx, span) });
      continue;
    }
    const label = conceptOf(concepts, 'label');
    if (label && label.element === 'riskModel' && ctx.placeholders.length) {
      // "Risk model: ___", "Model used - ___": the label's value is a placeholder.
      const ph = placeholderAfter(ctx, hits.end[h]);
      if (ph >= 0) {
        const span = { start: t.start[ph], end: t.end[ph] };
        slots.push({ element: 'riskModel', span, range: range(ctx, span) });
      }
    }
  }
  return out;
}

/** Fillers between a slot's label and its placeholder. */
const SLOT_FILLERS = new Set(['is', 'was', 'the', 'name', 'of', 'used']);

/** The placeholder token after a label on its line, over punctuation and a few fillers; else -1. */
export function placeholderAfter(ctx: Ctx, from: number): number {
  const t = ctx.reading.tokens;
  for (let k = from, steps = 0; k < t.n && steps < 6; k++, steps++) {
    const kind = t.kind[k];
    if (kind === PLACEHOLDER) return k;
    if (kind === NEWLINE) return -1;
    if (kind === PUNCT || kind === GAP) continue;
    if (kind === WORD && SLOT_FILLERS.has(t.norm.slice(t.start[k], t.end[k]))) continue;
    return -1;
  }
  return -1;
}
