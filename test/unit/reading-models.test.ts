/** Risk models read from the vocabulary, unticked options, the model slot, and each risk's model. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

describe('risk models', () => {
  test('names and synonyms', () => {
    const names = (s: string) => analyze(s).elements.riskModels.map((m) => m.name);
    expect(names('FRAX and FRAXplus')).toEqual(['FRAX', 'FRAX']);
    expect(names('WHO Fracture Risk Assessment Tool')).toEqual(['FRAX']);
    expect(names('Garvan; QFracture, Q-Fracture; CAROC')).toEqual(['Garvan', 'QFracture', 'QFracture', 'CAROC']);
    expect(names('Xfrax, garvanx')).toEqual([]);
  });

  test('an unticked option names no model', () => {
    expect(analyze('[ ] FRAX   [x] Garvan').elements.riskModels.map((m) => m.name)).toEqual(['Garvan']);
    expect(analyze('( ) FRAX  \u2610 QFracture  CAROC').elements.riskModels.map((m) => m.name)).toEqual(['CAROC']);
  });

  test('"Risk model: ___" is the model slot', () => {
    const a = analyze('Risk model: ___');
    expect(a.elements.slots.map((s) => s.element)).toContain('riskModel');
    expect(a.findings.map((f) => f.code)).not.toContain('missing-risk-model');
  });

  test('each risk carries the model it was calculated with', () => {
    const a = analyze('Garvan: 10-year risk of any fracture 21%, hip 4%.\nFRAX: MOF 17%, hip 2.9%.');
    const models = a.elements.risks.map((r) => [r.value, r.model]);
    expect(models).toContainEqual([17, 'FRAX']);
    expect(models).toContainEqual([2.9, 'FRAX']);
    expect(models).toContainEqual([4, 'Garvan']);
  });
});

describe('a model said not to apply names no model (DIR)', () => {
  const models = (s: string) => analyze(s).elements.riskModels.map((m) => m.name);
  test.each([
    ['Premenopausal woman, Z-scores only. FRAX is not applicable.'],
    ['FRAX was not used: the patient is 32.'],
    ['Garvan is not valid under the age of 60.'],
  ])('%s', (s) => {
    expect(models(s)).toEqual([]);
  });
  test.each([
    ['FRAX not calculated.'],
    ['FRAX could not be run today; repeat next visit.'],
    ['FRAX (not TBS-adjusted): MOF 12%.'],
  ])('still a model: %s', (s) => {
    expect(models(s)).toEqual(['FRAX']);
  });
});
