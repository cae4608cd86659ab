/** WHO class statements: only affirmed ones are elements (ConText decides). */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const who = (s: string) => analyze(s).elements.whoStatements.map((w) => w.whoClass);

describe('WHO statements', () => {
  test('negated, uncertain and hypothetical mentions state no class', () => {
    expect(who('IMPRESSION: Low bone mass (osteopenia); osteoporosis is unlikely.')).toEqual(['osteopenia']);
    expect(who('IMPRESSION: Osteoporosis cannot be excluded.')).toEqual([]);
    expect(who('IMPRESSION: A T-score of -2.6 would indicate osteoporosis.')).toEqual([]);
    expect(who('IMPRESSION: No osteoporosis. Normal bone density.')).toEqual(['normal']);
    expect(who('IMPRESSION: Not osteopenia but osteoporosis.')).toEqual(['osteoporosis']);
  });

  test('a class named as a topic or an organisation states nothing', () => {
    expect(
      who('IMPRESSION: Osteopenia. See the Osteoporosis Canada guidelines; discuss osteoporosis therapy.'),
    ).toEqual(['osteopenia']);
    expect(who('IMPRESSION: Normal BMD. Screening for osteoporosis in two years.')).toEqual(['normal']);
  });

  test('history: previously, now', () => {
    expect(who('IMPRESSION: Osteopenia by the current T-scores, previously osteoporosis.')).toEqual(['osteopenia']);
    expect(who('IMPRESSION: Previously osteopenia, now osteoporosis.')).toEqual(['osteoporosis']);
  });

  test('a clinical basis is recorded', () => {
    const w = analyze('IMPRESSION: Osteoporosis based on a vertebral fragility fracture.').elements.whoStatements;
    expect(w.map((x) => [x.whoClass, x.clinical])).toEqual([['osteoporosis', true]]);
  });

  test('without an impression, only sentences that classify', () => {
    expect(who('Left femoral neck T-score -2.6, in the range of osteoporosis.')).toEqual(['osteoporosis']);
    expect(who('The patient asked about osteoporosis.')).toEqual([]);
  });
});

test('"in the osteopenic range" states a class; a legend label does not', () => {
  expect(who('IMPRESSION: Bone density is in the osteopenic range.')).toEqual(['osteopenia']);
  expect(who('IMPRESSION: Osteopenia.\nOsteoporosis: T-score -2.5 or lower.')).toEqual(['osteopenia']);
});
