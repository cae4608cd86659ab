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
