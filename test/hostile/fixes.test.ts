/**
 * Fix-all makes no overlapping edits (issue 14), and a word about the BMD is not a TBS category.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { combineFixEdits } from '../../server/src/engine/fixes/normalise';
import type { TextEditSpec } from '../../server/src/engine/types';

const edit = (line: number, from: number, to: number, newText: string): TextEditSpec => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  newText,
});

describe('combineFixEdits', () => {
  test('a fix that overlaps one already taken is left out whole', () => {
    const a = [edit(0, 5, 10, 'A')];
    const b = [edit(0, 20, 22, 'B1'), edit(0, 8, 12, 'B2')]; // B2 overlaps A
    const c = [edit(0, 12, 14, 'C')];
    expect(combineFixEdits([a, b, c])).toEqual([edit(0, 5, 10, 'A'), edit(0, 12, 14, 'C')]);
  });

  test('an edit equal to one taken is not repeated; touching ranges and insertions do not overlap', () => {
    const got = combineFixEdits([
      [edit(1, 0, 4, 'x')],
      [edit(1, 0, 4, 'x')],
      [edit(1, 4, 6, 'y')],
      [edit(1, 4, 4, 'i')],
      [edit(0, 3, 3, 'j')],
    ]);
    expect(got).toEqual([edit(0, 3, 3, 'j'), edit(1, 0, 4, 'x'), edit(1, 4, 4, 'i'), edit(1, 4, 6, 'y')]);
  });

  test('the combined edits of many fixes never overlap', () => {
    const fixes: TextEditSpec[][] = [];
    for (let i = 0; i < 2000; i++) {
      const line = i % 7;
      const from = (i * 13) % 50;
      fixes.push([edit(line, from, from + (i % 5), `e${i}`)]);
    }
    const got = combineFixEdits(fixes);
    const key = (e: TextEditSpec) => e.range.start.line * 1000 + e.range.start.character;
    const sorted = [...got].sort((x, y) => key(x) - key(y));
    for (let k = 1; k < sorted.length; k++) {
      const p = sorted[k - 1];
      const c = sorted[k];
      if (p.range.end.line === c.range.start.line)
        expect(c.range.start.character).toBeGreaterThanOrEqual(p.range.end.character);
    }
  });
});

describe('a word about the BMD is not a TBS category', () => {
  test.each(['BMD is normal.', 'Bone density: normal.', 'The T-score is normal.'])('TBS 1.262 ... %s', (tail) => {
    const a = analyze(`TBS 1.262. ${tail}\n`);
    expect(a.findings.filter((f) => f.code === 'tbs-category-mismatch')).toEqual([]);
  });

  test('a TBS stated normal is still read', () => {
    const a = analyze('TBS 1.262 is normal.\n');
    expect(a.findings.some((f) => f.code === 'tbs-category-mismatch')).toBe(true);
  });
});
