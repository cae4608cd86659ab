/**
 * Throws on big input (issue 14): an unbounded list spread into a call (`push(...xs)`,
 * `Math.max(...xs)`) overflows the call stack. These run with Node's default stack size (no
 * --stack-size), through the engine's public entry point, on the inputs that once threw and on their
 * classes' larger members.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { generateLargeDocument } from '../robustness/reportGen';

const MB = 1024 * 1024;
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const BIG: Array<[string, () => string]> = [
  ['1 MB of "T-score "', () => fill('T-score ', MB)],
  ['2 MB of "T-score -2.5 "', () => fill('T-score -2.5 ', 2 * MB)],
  ['1 MB of "TBS "', () => fill('TBS ', MB)],
  ['1 MB of "FRAX MOF 12% hip 3% "', () => fill('FRAX MOF 12% hip 3% ', MB)],
  ['1 MB of "signed by "', () => fill('signed by ', MB)],
  [
    '2.4 MB table',
    () => `Region      BMD     T-score   Z-score\n${fill('Femoral neck   0.712   -2.1   -0.9\n', 2.4 * MB)}`,
  ],
  [
    '2.4 MB Markdown table',
    () =>
      `| Region | BMD | T-score | Z-score |\n|---|---|---|---|\n${fill('| Left femoral neck | 0.712 | -2.1 | -0.9 |\n', 2.4 * MB)}`,
  ],
  [
    'same-site T-scores (left and right), 1 MB',
    () => fill('Left femoral neck T-score -2.1. Femoral neck T-score -2.0. Right femoral neck T-score -1.9.\n', MB),
  ],
  [
    '2.4 MB table: one sided row, then unsided rows of the same site',
    () =>
      `Region      BMD     T-score   Z-score\nLeft femoral neck   0.712   -2.1   -0.9\n${fill('Femoral neck   0.712   -2.1   -0.9\n', 2.4 * MB)}`,
  ],
  ['9.9 MB ordinary report', () => generateLargeDocument(9.9 * MB, 5)],
];

describe('no throw on big input (default stack size)', () => {
  for (const [name, make] of BIG) {
    test(name, { timeout: 120_000 }, () => {
      const text = make();
      const a = analyze(text);
      expect(a.lineCount).toBeGreaterThan(0);
      expect(Array.isArray(a.findings)).toBe(true);
    });
  }
});
