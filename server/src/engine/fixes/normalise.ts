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

function cmp(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The edits of several fixes as one edit that a client accepts: a fix joins only when none of its
 * edits overlaps an edit already taken (a fix is taken whole or not at all), and an edit equal to
 * one already taken (same range, same text) is not repeated. Two fixes on one line no longer make
 * the client reject the whole edit. Ranges overlap when each starts before the other ends, so
 * insertions at one point, or at the edge of a replaced range, do not overlap.
 */
export function combineFixEdits(fixes: readonly (readonly TextEditSpec[])[]): TextEditSpec[] {
  // Taken edits sorted by start; as they do not overlap, their ends are sorted too.
  const taken: TextEditSpec[] = [];
  /** Index of the first taken edit whose end lies after p (binary search). */
  const firstEndingAfter = (p: Range['start']): number => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(taken[mid].range.end, p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const same = (a: TextEditSpec, b: TextEditSpec) =>
    cmp(a.range.start, b.range.start) === 0 && cmp(a.range.end, b.range.end) === 0 && a.newText === b.newText;
  const overlaps = (a: TextEditSpec, b: TextEditSpec) =>
    cmp(a.range.start, b.range.end) < 0 && cmp(b.range.start, a.range.end) < 0;
  for (const edits of fixes) {
    const add: TextEditSpec[] = [];
    let ok = true;
    for (const e of edits) {
      const k = firstEndingAfter(e.range.start);
      const next = taken[k];
      const prev = taken[k - 1];
      if ((next && same(next, e)) || (prev && same(prev, e)) || add.some((a) => same(a, e))) continue;
      if ((next && overlaps(next, e)) || add.some((a) => overlaps(a, e))) {
        ok = false;
        break;
      }
      add.push(e);
    }
    if (!ok) continue;
    for (const e of add) taken.splice(firstEndingAfter(e.range.start), 0, e);
  }
  return taken;
}
