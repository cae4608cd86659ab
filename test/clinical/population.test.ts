/**
 * ISCD populations and sites (issue 11 items 1 and 2): Z-scores document the BMD element for
 * premenopausal women and patients under 50; the WHO class follows the lowest T-score at an ISCD
 * diagnostic site and applies only to postmenopausal women and men aged 50 or more; hedged mentions
 * are not statements; a fix that writes a diagnosis is a suggestion, and is never offered for a
 * patient the WHO classes do not apply to.
 */
import { describe, expect, test } from 'vitest';
import { explainAt } from '../../server/src/engine';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { codes, dxa, findingsOf, row, run, T_HEADER, Z_HEADER } from './report';

const zOnly = (z: string[] = ['-1.4', '-1.1']) => [
  Z_HEADER,
  row('L1-L4', '1.021', z[0]),
  row('Left femoral neck', '0.812', z[1]),
];

describe('missing-t-score: Z-scores document BMD before menopause and under 50', () => {
  test('a premenopausal woman with Z-scores only: documented', () => {
    const text = dxa({ patient: ['Age: 46 (premenopausal)   Sex: F'], table: zOnly() });
    expect(codes(text)).not.toContain('missing-t-score');
    expect(run(text).elements.tScores).toEqual([]);
    expect(run(text).elements.zScores?.map((z) => z.value)).toEqual([-1.4, -1.1]);
  });
  test('age 49 with Z-scores only (no menopausal status): documented', () => {
    const text = dxa({ patient: ['Age: 49   Sex: M'], table: zOnly() });
    expect(codes(text)).not.toContain('missing-t-score');
  });
  test('age 50 with Z-scores only: a T-score is still missing', () => {
    const text = dxa({ patient: ['Age: 50   Sex: M'], table: zOnly() });
    expect(codes(text)).toContain('missing-t-score');
  });
  test('a postmenopausal woman under 50 (early menopause) needs the T-score', () => {
    const text = dxa({ patient: ['Age: 46   Sex: F', 'History: early menopause at 41.'], table: zOnly() });
    expect(codes(text)).toContain('missing-t-score');
    const status = dxa({ patient: ['Age: 46   Sex: F', 'History: postmenopausal.'], table: zOnly() });
    expect(codes(status)).toContain('missing-t-score');
  });
  test('"postmenopausal women" speaks of a population, not of the patient', () => {
    const text = dxa({
      patient: ['Age: 45 (premenopausal)   Sex: F', 'Note: TBS-adjusted FRAX is validated in postmenopausal women.'],
      table: zOnly(),
    });
    expect(run(text).elements.population).toEqual({ sex: 'female', menopause: 'premenopausal' });
    expect(codes(text)).not.toContain('missing-t-score');
  });
  test('Z-scores in text ("Z-score -1.4 at L1-L4") count too', () => {
    const text = dxa({
      patient: ['Age: 38   Sex: M'],
      table: ['BMD Z-score -1.4 at L1-L4; left femoral neck Z-score -1.1.'],
    });
    expect(run(text).elements.zScores?.length).toBeGreaterThan(0);
    expect(codes(text)).not.toContain('missing-t-score');
  });
  test('a young patient with neither T- nor Z-scores: missing, and the message names Z-scores', () => {
    const text = dxa({ patient: ['Age: 40 (premenopausal)   Sex: F'], table: ['No BMD table.'] });
    const [f] = findingsOf(text, 'missing-t-score');
    expect(f.message).toMatch(/BMD Z-scores \(or T-scores\) for this patient/);
  });
  test('an older patient with Z-scores only: missing, Z-scores do not count', () => {
    const text = dxa({ patient: ['Age: 68   Sex: F'], table: zOnly() });
    expect(codes(text)).toContain('missing-t-score');
  });
});

describe('who-classification-mismatch: ISCD diagnostic sites only', () => {
  const who = (rows: string[], stated: string) =>
    codes(dxa({ table: [T_HEADER, ...rows], impression: [`1. ${stated}`] })).includes('who-classification-mismatch');
  test('a single vertebra (L1 -2.8) does not decide the class; L1-L4 does', () => {
    const rows = (l14: string) => [
      row('L1', '0.700', '-2.8', '-1.2'),
      row('L1-L4', '0.871', l14, '-0.2'),
      row('Left femoral neck', '0.694', '-2.1', '-0.7'),
    ];
    expect(who(rows('-2.0'), 'Low bone mass (osteopenia).')).toBe(false);
    expect(who(rows('-2.6'), 'Low bone mass (osteopenia).')).toBe(true);
  });
  test("trochanter, intertrochanteric region and Ward's area never decide the class", () => {
    for (const site of ['Left trochanter', 'Left intertrochanteric', "Left Ward's"]) {
      expect(
        who([row(site, '0.500', '-3.1', '-1.0'), row('Left femoral neck', '0.694', '-2.0', '-0.7')], 'Osteopenia.'),
      ).toBe(false);
    }
  });
  test('L2-L4 (at least two vertebrae), total hip, femoral neck and 33 % radius do', () => {
    expect(who([row('L2-L4', '0.800', '-2.6', '-1.0')], 'Osteopenia.')).toBe(true);
    expect(who([row('Left total hip', '0.600', '-2.6', '-1.0')], 'Osteopenia.')).toBe(true);
    expect(who([row('Left femoral neck', '0.600', '-2.5', '-1.0')], 'Osteopenia.')).toBe(true);
    expect(
      who([row('Left radius 33%', '0.600', '-2.7', '-1.0'), row('L1-L4', '0.871', '-1.2', '-0.2')], 'Osteopenia.'),
    ).toBe(true);
  });
  test('the ultradistal radius does not', () => {
    expect(
      who([row('Left radius UD', '0.300', '-2.9', '-1.0'), row('L1-L4', '0.871', '-1.2', '-0.2')], 'Osteopenia.'),
    ).toBe(false);
  });
});

describe('who-classification-mismatch: the WHO classes apply to postmenopausal women and men aged 50+', () => {
  const table = [T_HEADER, row('L1-L4', '0.861', '-2.7', '-1.2'), row('Left femoral neck', '0.694', '-2.1', '-0.7')];
  const report = (patient: string[], stated: string) => dxa({ patient, table, impression: [`1. ${stated}`] });

  test('a man of 50 is in the WHO population: mismatch, with a suggestion fix to osteoporosis', () => {
    const [f] = findingsOf(report(['Age: 50   Sex: M'], 'Osteopenia.'), 'who-classification-mismatch');
    expect(f).toBeDefined();
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes![0].suggestion).toBe(true);
    expect(f.fixes![0].preferred).not.toBe(true);
    expect(f.fixes![0].edits[0].newText).toBe('Osteoporosis');
  });
  test('a man of 49: no osteoporosis suggested and no fix that writes a diagnosis', () => {
    const fs = findingsOf(report(['Age: 49   Sex: M'], 'Osteopenia.'), 'who-classification-mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0].fixes ?? []).toEqual([]);
    expect(fs[0].message).not.toMatch(/osteoporosis/i);
    expect(fs[0].message).toMatch(/expected range for age|range for age/);
  });
  test('a premenopausal woman called "normal bone density" with Z-scores within range: nothing', () => {
    const fs = findingsOf(
      report(['Age: 44 (premenopausal)   Sex: F'], 'Normal bone density.'),
      'who-classification-mismatch',
    );
    expect(fs).toEqual([]);
  });
  test('a premenopausal woman called "osteoporosis" from BMD: flagged without a fix', () => {
    const fs = findingsOf(report(['Age: 44 (premenopausal)   Sex: F'], 'Osteoporosis.'), 'who-classification-mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0].fixes ?? []).toEqual([]);
  });
  test('a young patient with a Z-score of -2.0 or lower called normal: below the expected range, no fix', () => {
    const low = [T_HEADER, row('L1-L4', '0.761', '-2.9', '-2.0')];
    const fs = findingsOf(
      dxa({ patient: ['Age: 35   Sex: M'], table: low, impression: ['1. Normal bone density.'] }),
      'who-classification-mismatch',
    );
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toMatch(/below the expected range/);
    expect(fs[0].fixes ?? []).toEqual([]);
    const within = [T_HEADER, row('L1-L4', '0.761', '-2.9', '-1.9')];
    expect(
      findingsOf(
        dxa({ patient: ['Age: 35   Sex: M'], table: within, impression: ['1. Normal bone density.'] }),
        'who-classification-mismatch',
      ),
    ).toEqual([]);
  });
  test('"low bone mass for age" is a Z-score statement, not a WHO class', () => {
    expect(codes(report(['Age: 44 (premenopausal)   Sex: F'], 'Low bone mass for age.'))).not.toContain(
      'who-classification-mismatch',
    );
  });
  test('osteoporosis diagnosed from a fragility fracture stands for a young patient too', () => {
    expect(
      codes(
        report(['Age: 44 (premenopausal)   Sex: F'], 'Osteoporosis, based on a prior vertebral fragility fracture.'),
      ),
    ).not.toContain('who-classification-mismatch');
  });
  test('unknown population (no age, no sex): the WHO classes apply as before', () => {
    expect(codes(report(['Exam date: 03/27/2024'], 'Osteopenia.'))).toContain('who-classification-mismatch');
  });
});

describe('who-classification-mismatch: negated, uncertain and hypothetical mentions are not statements', () => {
  const table = [T_HEADER, row('L1-L4', '0.871', '-1.6', '-0.2'), row('Left femoral neck', '0.694', '-2.1', '-0.7')];
  const stated = (impression: string) =>
    codes(dxa({ table, impression: [`1. ${impression}`] })).includes('who-classification-mismatch');
  test('the affirmed statement is flagged (control)', () => {
    expect(stated('Osteoporosis.')).toBe(true);
  });
  for (const s of [
    'Osteoporosis is unlikely.',
    'Osteoporosis cannot be excluded.',
    'A T-score of -2.5 or lower would indicate osteoporosis.',
    'Values this low would indicate osteoporosis.',
    'No evidence of osteoporosis.',
    'Possible osteoporosis; correlate clinically.',
    'If the T-score were -2.5 or lower, this would be osteoporosis.',
    'If BMD declines further, this would be osteoporosis.',
    'Osteoporosis is not excluded by the normal TBS.',
  ]) {
    test(`"${s}" is not a statement of class`, () => {
      expect(stated(s)).toBe(false);
    });
  }
});

describe('tbs-category-mismatch: the category fix is a suggestion', () => {
  test('never preferred', () => {
    const [f] = findingsOf(
      dxa({ tbs: 'TBS L1-L4 1.198 (partially degraded microarchitecture).' }),
      'tbs-category-mismatch',
    );
    expect(f.fixes![0].suggestion).toBe(true);
    expect(f.fixes![0].preferred).not.toBe(true);
    expect(f.fixes![0].edits[0].newText).toBe('degraded');
  });
});

describe('hover on BMD scores follows the population and the site', () => {
  const hover = (text: string, needle: string) => {
    const a = run(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return explainAt(a, { line, character: lines[line].indexOf(needle) + 1 }, DEFAULT_SETTINGS)?.markdown ?? '';
  };
  const table = [T_HEADER, row('L1', '0.700', '-2.8', '-1.3'), row('L1-L4', '0.861', '-2.7', '-1.2')];
  test('a T-score of a premenopausal woman: no WHO class, read as Z-scores', () => {
    const h = hover(dxa({ patient: ['Age: 44 (premenopausal)   Sex: F'], table }), '-2.7');
    expect(h).toMatch(/Z-scores/);
    expect(h).not.toMatch(/osteoporosis/i);
  });
  test('a T-score of a postmenopausal woman at L1-L4: its WHO class', () => {
    expect(hover(dxa({ table }), '-2.7')).toMatch(/osteoporosis by WHO criteria/);
  });
  test('a single vertebra: not a diagnostic site', () => {
    expect(hover(dxa({ table }), '-2.8')).toMatch(/not an ISCD diagnostic site/);
  });
  test('a Z-score: below or within the expected range for age', () => {
    const young = [Z_HEADER, row('L1-L4', '0.761', '-2.0'), row('Left femoral neck', '0.812', '-1.9')];
    const text = dxa({ patient: ['Age: 35   Sex: M'], table: young });
    expect(hover(text, '-2.0')).toMatch(/\*\*below\*\* the expected range for age/);
    expect(hover(text, '-1.9')).toMatch(/\*\*within\*\* the expected range for age/);
  });
});
