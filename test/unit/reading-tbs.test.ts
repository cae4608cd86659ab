/** The TBS value by typed attachment: any ordinary words between label and value. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const tbs = (s: string) => analyze(s).elements.tbs.map((t) => t.value);

describe('TBS value', () => {
  test('ordinary words between the label and the value need no list', () => {
    expect(tbs('The TBS came out at 1.262.')).toEqual([1.262]);
    expect(tbs('TBS is approximately 1.262')).toEqual([1.262]);
    expect(tbs('The trabecular score measures 1.262 over L1-L4.')).toEqual([1.262]);
    expect(tbs('Trabecular bone score (L1-L4) of approximately 1.262')).toEqual([1.262]);
  });

  test('decimal comma and mid-dot are read whole', () => {
    expect(tbs('TBS 1,262')).toEqual([1.262]);
    expect(tbs('TBS 1\u00b7198')).toEqual([1.198]);
  });

  test('the vertebral range is recorded', () => {
    const a = analyze('TBS L2-L4 1.262. TBS (L1-L4): 1.240').elements.tbs;
    expect(a.map((t) => [t.value, t.region])).toEqual([
      [1.262, 'L2-L4'],
      [1.24, 'L1-L4'],
    ]);
  });

  test('not a TBS: versions, codes, years, percentages, ranges, TBS T-scores, other quantities', () => {
    expect(tbs('TBS iNsight 3.1: 1.274')).toEqual([1.274]);
    expect(tbs('TBS: TBS iNsight v3.1.2 could not be run (error code 1.262).')).toEqual([]);
    expect(tbs('TBS was acquired in 2024.')).toEqual([]);
    expect(tbs('TBS-adjusted MOF 17%')).toEqual([]);
    expect(tbs('TBS reference range 1.200-1.350')).toEqual([]);
    expect(tbs('TBS T-score -1.2')).toEqual([]);
  });

  test('an implausible value still attaches next to its label (for the plausibility rule)', () => {
    expect(tbs('TBS 12.62')).toEqual([12.62]);
    expect(tbs('TBS acquisition completed 14.32; TBS 1.301')).toEqual([1.301]);
  });

  test('an earlier study is history; this one is current', () => {
    expect(tbs('Prior TBS 1.301; now TBS 1.262.')).toEqual([1.262]);
    expect(tbs('Compared with 2023, when the TBS was 1.301, the TBS is now 1.262.')).toEqual([1.262]);
  });

  test('a placeholder is the slot', () => {
    const a = analyze('TBS: ___');
    expect(a.elements.tbs).toEqual([]);
    expect(a.elements.slots.map((s) => s.element)).toEqual(['tbs']);
  });
});

describe('a TBS label inside an adjustment cue', () => {
  test('the cue keeps the label: "with TBS", "adjusted for TBS" state the TBS after them', () => {
    expect(tbs('Re: DXA with TBS L1-L4: 1.198\n')).toEqual([1.198]);
    expect(tbs('Bone density with TBS 1.262 (L1-L4).')).toEqual([1.262]);
    expect(tbs('Lumbar spine DXA with trabecular bone score of 1.310.')).toEqual([1.31]);
  });
  test('an interval or duration after the cue is no TBS', () => {
    for (const s of [
      'Recommend repeat DXA with TBS in 1.5 to 2 years.',
      'Repeat DXA with TBS in 1.5-2 years.',
      'Repeat DXA with TBS in 2 years.',
      'Follow-up DXA with TBS every 24 months.',
      'Repeat DXA with TBS after 18-24 months.',
      'Repeat DXA with TBS after 18 - 24 months.',
      'Suggest DXA with TBS in 1 or 2 yrs.',
    ])
      expect(tbs(s), s).toEqual([]);
    expect(tbs('TBS 1.262. Repeat DXA with TBS in 1.5 to 2 years.')).toEqual([1.262]);
  });
  test('a number outside the TBS range after such a cue is the adjusted measure, not a TBS', () => {
    expect(tbs('Hip fracture risk adjusted for TBS: 3.2')).toEqual([]);
    expect(tbs('Major osteoporotic fracture probability adjusted for TBS 12.4')).toEqual([]);
  });
});

describe('TBS value in the next sentence that refers back to the label', () => {
  test.each([
    ['We also measured your trabecular bone score. Yours came out at 1.336.', 1.336],
    ['The trabecular bone score was calculated from the spine images. It was 1.288.', 1.288],
    ['A trabecular bone score was obtained for L1-L4. The value is 1.241, partially degraded.', 1.241],
    ['Her TBS was assessed as well.\nThis score was 1.219.', 1.219],
  ])('%s', (s, v) => {
    expect(tbs(s)).toEqual([v]);
  });
  test('a next sentence that does not refer back gives nothing', () => {
    expect(tbs('The TBS was assessed. Vitamin D 1.25 mg weekly was started.')).toEqual([]);
  });
  test('only one sentence on: the referring sentence after that is not read', () => {
    expect(tbs('The TBS was assessed. It was reviewed by the radiologist. It is 1.250 on the chart.')).toEqual([]);
  });
});
