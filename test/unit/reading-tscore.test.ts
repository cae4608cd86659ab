/** Prose T-scores by typed attachment, with the site from the words of the same clause. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const ts = (s: string) => analyze(s).elements.tScores.map((t) => [t.value, t.site]);

describe('prose T-score', () => {
  test('ordinary words between the label and the value need no list', () => {
    expect(ts('T-score is approximately -2.1 at the femoral neck.')).toEqual([[-2.1, 'femoral neck']]);
    expect(ts('Total hip (left) T-score value came out at -2.7.')).toEqual([[-2.7, 'left total hip']]);
    expect(ts('At the AP spine L1-L4, the T-score was found to be -1.4.')).toEqual([[-1.4, 'L1-L4']]);
  });

  test('the site stands after the value, before the label, or between them', () => {
    expect(ts('The T-score value is -2.7 at the lumbar spine L1-L4.')).toEqual([[-2.7, 'L1-L4']]);
    expect(ts('Femoral neck (left): BMD 0.774 g/cm2, T score -1.5.')).toEqual([[-1.5, 'left femoral neck']]);
    expect(ts('T-score for the right neck was measured at +0.1.')).toEqual([[0.1, 'right femoral neck']]);
    expect(ts('The T score is -2.7 at the right total hip.')).toEqual([[-2.7, 'right total hip']]);
  });

  test('vocabulary: "total proximal femur" is the total hip; "upper femoral neck" the upper neck', () => {
    expect(ts('Left total proximal femur T score was -2.2.')).toEqual([[-2.2, 'left total hip']]);
    expect(ts('Lowest T-score -2.1 at the upper femoral neck.')).toEqual([[-2.1, 'upper neck']]);
    expect(ts('The T-score for the total left hip was found to be +0.4.')).toEqual([[0.4, 'left total hip']]);
    expect(ts('The T-Score for the right hip femoral neck of approximately -2.9.')).toEqual([
      [-2.9, 'right femoral neck'],
    ]);
  });

  test("a site before another label is that label's", () => {
    expect(ts('The left femoral neck T-score is -2.6 and the left total hip T-score is -2.1.')).toEqual([
      [-2.6, 'left femoral neck'],
      [-2.1, 'left total hip'],
    ]);
  });

  test('legends, comparison bounds, history and years are not this study’s T-scores', () => {
    expect(ts('T-score between -1.0 and -2.5: osteopenia.')).toEqual([]);
    expect(ts('WHO: normal T >= -1.0; osteopenia -2.5 < T < -1.0.')).toEqual([]);
    expect(ts('In 2021 the left total hip T-score was -1.0.')).toEqual([]);
    expect(ts('Prior left total hip T-score (2022): +0.3.')).toEqual([]);
  });

  test('an out-of-range value next to its label still attaches (for the plausibility rule)', () => {
    expect(ts('Left femoral neck T-score -12.5.')).toEqual([[-12.5, 'left femoral neck']]);
  });

  test('a value read by both readers is reported once', () => {
    expect(ts('T-score -2.2 at the left femoral neck.')).toEqual([[-2.2, 'left femoral neck']]);
  });
});

describe('a T-score list hard-wrapped inside a site phrase', () => {
  test.each([
    ['the L1 through L4 T-score is negative 1.4, left femoral\nneck T-score negative 1.9.'],
    ['Lumbar spine T-score -1.4, and the left femoral\nneck T-score -1.9.'],
    ['L1-L4 T-score of -1.4; left\nfemoral neck T-score of -1.9.'],
  ])('%s', (s) => {
    const got = analyze(s).elements.tScores.map((t) => `${t.site}:${t.value}`);
    expect(got.sort()).toEqual(['L1-L4:-1.4', 'left femoral neck:-1.9']);
  });
});
