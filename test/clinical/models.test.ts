/**
 * Models, risks and values (issue 11 items 3-6): risk-not-tbs-adjusted by model,
 * tbs-adjustment-non-frax, CAROC categories and Garvan any-fracture risks, conflicting-values keyed
 * by TBS vertebral range, risk-implausible at 0 and 100 %.
 */
import { describe, expect, test } from 'vitest';
import { fileReport } from '../../server/src/cli/report';
import { explainAt } from '../../server/src/engine';
import { completionsAt } from '../../server/src/engine';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { codes, dxa, findingsOf, run } from './report';

describe('risk-not-tbs-adjusted by model', () => {
  test('FRAX without adjustment: a warning', () => {
    const [f] = findingsOf(dxa({ risk: ['FRAX: MOF 14%; hip 2.1%.'] }), 'risk-not-tbs-adjusted');
    expect(f.severity).toBe('warning');
  });
  test('an unnamed model: a warning', () => {
    const [f] = findingsOf(dxa({ risk: ['10-year probability: MOF 14%; hip 2.1%.'] }), 'risk-not-tbs-adjusted');
    expect(f.severity).toBe('warning');
  });
  for (const [model, line] of [
    ['Garvan', 'Garvan 10-year risk: any osteoporotic fracture 18%, hip fracture 4%.'],
    ['QFracture', 'QFracture 10-year risk: major osteoporotic fracture 9%, hip fracture 1.5%.'],
    ['CAROC', 'CAROC 10-year risk category: moderate risk.'],
  ]) {
    test(`${model}: information, saying the model has no TBS adjustment`, () => {
      const [f] = findingsOf(dxa({ risk: [line] }), 'risk-not-tbs-adjusted');
      expect(f.severity).toBe('information');
      expect(f.message).toContain(`${model} has no TBS adjustment`);
    });
  }
  test('an adjusted FRAX next to Garvan: nothing', () => {
    const text = dxa({ risk: ['TBS-adjusted FRAX: MOF 17%; hip 2.9%.', 'Garvan: any fracture 20%, hip 4%.'] });
    expect(codes(text)).not.toContain('risk-not-tbs-adjusted');
  });
});

describe('tbs-adjustment-non-frax', () => {
  const claims = (risk: string[]) => findingsOf(dxa({ risk }), 'tbs-adjustment-non-frax');
  test('"TBS-adjusted Garvan" is claimed: information', () => {
    const [f] = claims(['TBS-adjusted Garvan: any osteoporotic fracture 18%, hip fracture 4%.']);
    expect(f.severity).toBe('information');
    expect(f.message).toMatch(/Garvan has no TBS adjustment/);
  });
  test('"QFracture adjusted for TBS" and "CAROC (TBS-adjusted)" too', () => {
    expect(claims(['QFracture adjusted for TBS: MOF 9%, hip 1.5%.'])).toHaveLength(1);
    expect(claims(['CAROC (TBS-adjusted): moderate risk.'])).toHaveLength(1);
  });
  test('TBS-adjusted FRAX, a negated claim, or FRAX named with the other model: nothing', () => {
    expect(claims(['TBS-adjusted FRAX: MOF 17%; hip 2.9%.'])).toEqual([]);
    expect(claims(['Garvan: any fracture 18%, hip 4%. Garvan has no TBS adjustment.'])).toEqual([]);
    expect(claims(['TBS-adjusted FRAX and Garvan were both calculated: MOF 17%, hip 2.9%.'])).toEqual([]);
  });
  test('off by setting', () => {
    const text = dxa({ risk: ['TBS-adjusted Garvan: any fracture 18%, hip 4%.'] });
    expect(codes(text, { severity: { 'tbs-adjustment-non-frax': 'off' } })).not.toContain('tbs-adjustment-non-frax');
  });
});

describe('CAROC categories and Garvan any-fracture risks', () => {
  test('a stated CAROC category is the calculated risk', () => {
    const text = dxa({ risk: ['CAROC basal 10-year risk category: moderate risk.'] });
    const a = run(text);
    expect(a.elements.riskCategories?.map((c) => [c.model, c.category])).toEqual([['CAROC', 'moderate']]);
    expect(codes(text)).not.toContain('missing-calculated-risk');
    expect(a.documented.documented).toContain('risk');
  });
  test('without a category (CAROC named only) the risk is still missing', () => {
    const text = dxa({ risk: ['CAROC was used.'] });
    expect(codes(text)).toContain('missing-calculated-risk');
  });
  test('"low TBS" or "high BMD" are not categories; a category without CAROC is not read', () => {
    expect(run(dxa({ risk: ['CAROC: TBS is low TBS but BMD high BMD.'] })).elements.riskCategories).toEqual([]);
    expect(run(dxa({ risk: ['FRAX: high risk.', 'MOF 25%, hip 4%.'] })).elements.riskCategories).toEqual([]);
  });
  test('CLI JSON: elements.riskCategories with model, category and an LSP range', () => {
    const text = dxa({ risk: ['CAROC: high risk.'] });
    const report = fileReport('r.txt', run(text));
    expect(report.elements.riskCategories).toHaveLength(1);
    const c = report.elements.riskCategories[0];
    expect(c.model).toBe('CAROC');
    expect(c.category).toBe('high');
    const line = text.split('\n')[c.range.start.line];
    expect(line.slice(c.range.start.character, c.range.end.character)).toBe('high');
  });
  test('Garvan "any osteoporotic fracture" is a risk of kind "any", tied to Garvan', () => {
    const a = run(dxa({ risk: ['Garvan 10-year risk: any osteoporotic fracture 18%, hip fracture 4%.'] }));
    expect(a.elements.risks.map((r) => [r.kind, r.value, r.model])).toEqual([
      ['any', 18, 'Garvan'],
      ['hip', 4, 'Garvan'],
    ]);
    expect(fileReport('r.txt', a).elements.risks.map((r) => r.kind)).toEqual(['any', 'hip']);
  });
  test('a FRAX MOF stays "mof"', () => {
    expect(run(dxa()).elements.risks.map((r) => r.kind)).toEqual(['mof', 'hip']);
  });
});

describe('hover and completion know what each model outputs', () => {
  const hover = (text: string, needle: string) => {
    const a = run(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return explainAt(a, { line, character: lines[line].indexOf(needle) + 1 }, DEFAULT_SETTINGS)?.markdown ?? '';
  };
  test('a model name', () => {
    const text = dxa({ risk: ['Garvan 10-year risk: any osteoporotic fracture 18%, hip fracture 4%.'] });
    expect(hover(text, 'Garvan')).toMatch(/5- and 10-year risk \(%\) of any osteoporotic fracture and of hip fracture/);
    const caroc = dxa({ risk: ['CAROC: moderate risk.'] });
    expect(hover(caroc, 'CAROC')).toMatch(/category/);
    expect(hover(caroc, 'moderate')).toMatch(/10-20 %/);
  });
  test('an any-fracture risk, and a Garvan result has no BHOF cut-points', () => {
    const text = dxa({ risk: ['Garvan 10-year risk: any osteoporotic fracture 18%, hip fracture 4%.'] });
    expect(hover(text, '18%')).toMatch(/any osteoporotic fracture/);
    expect(hover(text, '4%')).not.toMatch(/BHOF/);
  });
  test('a FRAX result shows the BHOF cut-points, qualified as US-adapted FRAX in low bone mass', () => {
    const h = hover(dxa(), '17%');
    expect(h).toMatch(/BHOF/);
    expect(h).toMatch(/US-adapted FRAX/);
    expect(h).toMatch(/low bone mass/);
  });
  test('completion details say what each model gives', () => {
    const models = completionsAt('Risk model: ').filter((c) => c.kind === 'model');
    const detail = (l: string) => models.find((m) => m.label === l)?.detail ?? '';
    expect(detail('Garvan')).toMatch(/any osteoporotic fracture/);
    expect(detail('QFracture')).toMatch(/without BMD/);
    expect(detail('CAROC')).toMatch(/category/);
    expect(detail('FRAX')).toMatch(/TBS adjustment/);
  });
});

describe('conflicting-values: TBS keyed by vertebral range', () => {
  const tbs = (line: string) => codes(dxa({ tbs: line })).includes('conflicting-values');
  test('TBS L1-L4 and TBS L2-L4 are different measurements', () => {
    expect(tbs('TBS L1-L4 1.262 (partially degraded). TBS L2-L4 1.301.')).toBe(false);
  });
  test('a per-vertebra TBS is another measurement', () => {
    expect(tbs('TBS L1-L4 1.262 (partially degraded). TBS L3 1.199.')).toBe(false);
  });
  test('an unstated range is L1-L4: two values conflict', () => {
    expect(tbs('TBS L1-L4 1.262 (partially degraded). TBS 1.226.')).toBe(true);
  });
  test('two L2-L4 values conflict', () => {
    expect(tbs('TBS L2-L4 1.262. TBS L2-L4 1.301.')).toBe(true);
  });
  test('results of two named models are not compared with each other', () => {
    const text = dxa({
      risk: ['FRAX: MOF 17%; hip 2.9% (TBS-adjusted).', 'QFracture: MOF 9%; hip 1.5% (TBS-adjusted).'],
    });
    expect(codes(text)).not.toContain('conflicting-values');
  });
});

describe('risk-implausible: only below 0 % or above 100 %', () => {
  const risk = (mof: string, hip = '0.1') =>
    codes(dxa({ risk: [`TBS-adjusted FRAX: MOF ${mof}%; hip ${hip}%.`] })).includes('risk-implausible');
  test('0.0 % and 0 % are rounded FRAX outputs', () => {
    expect(risk('1.9', '0.0')).toBe(false);
    expect(risk('1.9', '0')).toBe(false);
  });
  test('100 % is possible; 100.1 % is not', () => {
    expect(risk('100')).toBe(false);
    expect(risk('100.1')).toBe(true);
  });
});

describe('hip-risk-exceeds-mof: hip is part of MOF, and of Garvan any-fracture risk', () => {
  const hipOver = (risk: string[]) => codes(dxa({ risk })).includes('hip-risk-exceeds-mof');
  test('Garvan hip above any-fracture of the same horizon', () => {
    expect(hipOver(['Garvan 10-year risk: any osteoporotic fracture 12%, hip fracture 14%.'])).toBe(true);
    expect(hipOver(['Garvan 10-year risk: any osteoporotic fracture 14%, hip fracture 14%.'])).toBe(false);
  });
  test('different horizons are not compared', () => {
    expect(
      hipOver([
        'Garvan 5-year risk: any osteoporotic fracture 18%, hip fracture 9.6%.',
        'Garvan 10-year risk: any osteoporotic fracture 33%, hip fracture 19%.',
      ]),
    ).toBe(false);
  });
});

describe('who-classification-mismatch: "versus" and "suggestive of" hedge a class', () => {
  test('"Osteopenia versus osteoporosis" and "suggestive of osteoporosis" state no class', () => {
    for (const s of ['Osteopenia versus osteoporosis.', 'Findings suggestive of osteoporosis.'])
      expect(codes(dxa({ impression: [`1. ${s}`] })), s).not.toContain('who-classification-mismatch');
  });
});
