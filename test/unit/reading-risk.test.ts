/** Risks: kinds in any order, lists, fracture-site lists, hypotheticals and thresholds. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const risks = (s: string) =>
  analyze(s)
    .elements.risks.map((r) => `${r.kind} ${r.value}`)
    .sort();

describe('risk kinds', () => {
  test('value first, kind first, listed', () => {
    expect(
      risks('FRAX estimates a 17% probability of major osteoporotic fracture and a 2.9% probability of hip fracture.'),
    ).toEqual(['hip 2.9', 'mof 17']);
    expect(risks('FRAX: MOF 17%, hip 2.9%.')).toEqual(['hip 2.9', 'mof 17']);
    expect(risks('The FRAX probabilities of MOF and hip fracture are 13 % and 2.8 % respectively.')).toEqual([
      'hip 2.8',
      'mof 13',
    ]);
  });

  test('a fracture-site list after MOF names no kind', () => {
    expect(
      risks('FRAX 10-year probability of major osteoporotic fracture (spine, hip, wrist or shoulder) 17%.'),
    ).toEqual(['mof 17']);
  });

  test('hypothetical values and thresholds are not results', () => {
    expect(risks('FRAX MOF 17%, hip 2.9%. MOF risk would be 25% if TBS were degraded.')).toEqual(['hip 2.9', 'mof 17']);
    expect(risks('FRAX MOF 17%, hip 2.9%. Treatment is usually advised when these reach 20 % and 3 %.')).toEqual([
      'hip 2.9',
      'mof 17',
    ]);
    expect(risks('FRAX MOF 17%, hip 2.9%, below the treatment thresholds.')).toEqual(['hip 2.9', 'mof 17']);
    expect(risks('CAROC: moderate risk (10-20% 10-year major osteoporotic fracture risk).')).toEqual([]);
  });
});

describe('adjustment', () => {
  const adjusted = (s: string) =>
    analyze(s)
      .elements.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'adj' : 'unadj'}`)
      .sort();

  test('abbreviations and lead-ins', () => {
    expect(adjusted('FRAX MOF (TBS-adj.) 17%, hip 2.9%.')).toEqual(['hip 2.9 adj', 'mof 17 adj']);
    expect(adjusted('FRAX adj. for TBS: MOF 17%, hip 2.9%.')).toEqual(['hip 2.9 adj', 'mof 17 adj']);
    expect(adjusted('Accounting for the trabecular bone score, FRAX gives MOF 17% and hip 2.9%.')).toEqual([
      'hip 2.9 adj',
      'mof 17 adj',
    ]);
    expect(adjusted('FRAX, TBS-adjusted:\n- MOF 17%\n- hip 2.9%\n')).toEqual(['hip 2.9 adj', 'mof 17 adj']);
    expect(adjusted('FRAX without TBS: MOF 14%, hip 2.1%.')).toEqual(['hip 2.1 unadj', 'mof 14 unadj']);
  });
});
