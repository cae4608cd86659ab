/**
 * "Normalise" edits the user asks for: a Unicode minus or dash used as a sign becomes "-", and a
 * decimal comma in a value the engine read (TBS, T-score, risk) becomes ".". Nothing else changes.
 */
import type { Elements, Range, TextEditSpec } from '../types';
import { makeDoc, rangeOf } from '../text';

const SIGN = /(?<![\w)\].])[\u2010-\u2015\u2212\ufe58\ufe63\uff0d](?=\d)/g;

export function normaliseEdits(text: string, elements: Elements): TextEditSpec[] {
  const doc = makeDoc(text);
  const edits: Array<TextEditSpec & { at: number }> = [];
  SIGN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SIGN.exec(text)) !== null) {
    edits.push({ at: m.index, range: rangeOf(doc, { start: m.index, end: m.index + 1 }), newText: '-' });
  }
  const values: Array<{ text: string; span: { start: number; end: number } }> = [
    ...elements.tbs,
    ...elements.tScores,
    ...elements.risks,
  ];
  for (const v of values) {
    const i = v.text.indexOf(',');
    if (i < 0) continue;
    const at = v.span.start + i;
    edits.push({ at, range: rangeOf(doc, { start: at, end: at + 1 }), newText: '.' });
  }
  edits.sort((a, b) => a.at - b.at);
  return edits.filter((e, i) => i === 0 || e.at !== edits[i - 1].at).map(({ range, newText }) => ({ range, newText }));
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
