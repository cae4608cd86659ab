/**
 * The resolver: ties what the readers found together. A risk takes the model named nearest before
 * it in its sentence, else the last one named before it in its section, else the report's only model.
 */
import type { Ctx } from '../context';
import { sectionOf } from '../context';
import type { Risk, RiskModel } from '../types';
import { tokenAt } from './tokens';

export function attachModels(ctx: Ctx, risks: Risk[], models: readonly RiskModel[]): void {
  if (!models.length) {
    for (const r of risks) r.model = null;
    return;
  }
  const { tokens, sentence } = ctx.reading;
  const sentenceOf = (offset: number) => sentence[Math.min(tokens.n - 1, tokenAt(tokens, offset))];
  const names = new Set(models.map((m) => m.name));
  const only = names.size === 1 ? models[0].name : null;
  // Both lists are in document order: one walk (linear).
  const sorted = [...risks].sort((a, b) => a.span.start - b.span.start);
  let j = 0;
  for (const r of sorted) {
    while (j < models.length && models[j].span.start < r.span.start) j++;
    const rs = sentenceOf(r.span.start);
    const before = j > 0 ? models[j - 1] : null;
    const next = j < models.length ? models[j] : null;
    const inSentence = before && sentenceOf(before.span.start) === rs ? before : null;
    const after = next && sentenceOf(next.span.start) === rs ? next : null;
    const inSection = before && sectionOf(ctx, before.span.start) === sectionOf(ctx, r.span.start) ? before : null;
    r.model = (inSentence ?? after ?? inSection)?.name ?? only;
  }
}
