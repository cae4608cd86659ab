/**
 * Statements, scope, thresholds and layouts of the held-out wave 7 (S*), read by general mechanisms.
 * Phrasings here are not the files' wording; cases that must not change sit beside them.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

function risks(text: string): Array<[string, number, boolean]> {
  return analyze(text).elements.risks.map((r) => [r.kind, r.value, r.adjusted]);
}

describe('treatment cut-offs in prose, each value with its own qualifier, are thresholds', () => {
  const result = 'TBS-adjusted FRAX: major osteoporotic fracture 11 %, hip fracture 1.7 %.\n';
  test.each([
    'Therapy is started once the 10-year probabilities pass 20 percent for a\nmajor fracture or 3 percent for the hip.\n',
    'We treat when the probabilities exceed 20% for a major fracture or 3% for the hip.\n',
    'Treatment is offered when the risk surpasses 20 % for major osteoporotic fracture and 3 % for hip fracture.\n',
    'Drug therapy only if it goes above 20% for a major osteoporotic fracture or 3% for the hip.\n',
  ])('%j', (cutoffs) => {
    expect(risks(result + cutoffs)).toEqual([
      ['mof', 11, true],
      ['hip', 1.7, true],
    ]);
  });

  test('a result stated with the same qualifiers is still read', () => {
    expect(risks('Adjusted for TBS, her risk is 22% for a major fracture or 4% for the hip.\n')).toEqual([
      ['mof', 22, true],
      ['hip', 4, true],
    ]);
    expect(risks('FRAX (TBS-adjusted): 18% for a major fracture and 2.9% for the hip.\n')).toEqual([
      ['mof', 18, true],
      ['hip', 2.9, true],
    ]);
  });
});

describe('a local cue of no adjustment overrides the heading that declares one', () => {
  test.each([
    [
      'FRACTURE RISK - FRAX, modified for TBS\nMajor osteoporotic fracture ..... 17 %\nHip fracture ..... 3.2 %\n(Unmodified FRAX: 14 % and 2.6 % respectively.)\n',
      [17, 3.2, 14, 2.6],
    ],
    [
      'Risk (TBS adjusted)\nMajor fracture 19%\nHip 3.5%\n(Unadjusted FRAX: 15% and 2.8% respectively.)\n',
      [19, 3.5, 15, 2.8],
    ],
    ['FRAX MODIFIED FOR TBS\nMOF 19 %\nHip 3.5 %\nUnmodified: MOF 15 %, hip 2.8 %.\n', [19, 3.5, 15, 2.8]],
    [
      'Ten-year risk, adjusted for TBS\nMajor osteoporotic: 21 %\nHip: 4.1 %\nWithout the TBS adjustment these are 18 % and 3.3 % respectively.\n',
      [21, 4.1, 18, 3.3],
    ],
  ])('%j', (text, [mofA, hipA, mofU, hipU]) => {
    expect(risks(text)).toEqual([
      ['mof', mofA, true],
      ['hip', hipA, true],
      ['mof', mofU, false],
      ['hip', hipU, false],
    ]);
  });

  test('a bracket that points back at nothing takes no kinds from the rows', () => {
    const read = risks(
      'FRAX adjusted for TBS\nMajor fracture 17%\nHip fracture 3.1%\n(Discussed: 14% and 2.6% are typical.)\n',
    );
    expect(read.slice(0, 2)).toEqual([
      ['mof', 17, true],
      ['hip', 3.1, true],
    ]);
    expect(read.some((r) => r[1] === 14)).toBe(false);
  });
});

function who(text: string): string[] {
  return analyze(text).elements.whoStatements.map((w) => w.whoClass);
}

describe('a class given as the reason for a recommendation is stated', () => {
  test.each([
    [
      'Spine T-score -2.1.\n\nRecommendations:\nBecause of her osteoporosis, an oral bisphosphonate is advised.\n',
      'osteoporosis',
    ],
    ['Spine T-score -2.1.\nGiven her osteopenia, calcium and vitamin D are advised.\n', 'osteopenia'],
    ['Spine T-score -2.1.\nIn view of the osteoporosis, we recommend zoledronic acid.\n', 'osteoporosis'],
    ['Spine T-score -2.1.\nEn raison de son ostéoporose, un bisphosphonate est conseillé.\n', 'osteoporosis'],
  ])('%j', (text, cls) => {
    expect(who(text)).toEqual([cls]);
  });

  test('not a topic, an uncertainty or a reason that names no class', () => {
    expect(who('Spine T-score -2.1.\nBecause of the risk of osteoporosis, calcium is advised.\n')).toEqual([]);
    expect(who('Spine T-score -2.1.\nBecause osteoporosis cannot be excluded, repeat in 2 years.\n')).toEqual([]);
    expect(who('Spine T-score -2.1.\nBecause of her age, a repeat scan is advised.\n')).toEqual([]);
  });
});

describe('a bound in brackets that names the site it was met at grounds a statement', () => {
  test.each([
    ['Diagnostic opinion:\n1. Osteoporosis (lumbar spine T value <= -2.5).\n2. TBS decreased.\n', 'osteoporosis'],
    ['Spine T-score -2.7.\nImpression:\n1. Osteoporosis (lumbar spine T-score ≤ -2.5).\n', 'osteoporosis'],
    ['Spine T-score -1.7.\nConclusion: osteopenia (femoral neck T-score between -1.0 and -2.5).\n', 'osteopenia'],
  ])('%j', (text, cls) => {
    expect(who(text)).toEqual([cls]);
  });

  test('a legend of bounds without a site states nothing', () => {
    expect(
      who(
        'Spine T-score -2.7.\nImpression:\nOsteoporosis (T-score ≤ -2.5)\nOsteopenia (T-score between -1.0 and -2.5)\n',
      ),
    ).toEqual([]);
  });
});

function categories(text: string): string[] {
  return analyze(text).elements.categories.map((c) => c.category);
}

describe('a category the value is compared with is no second category of the sentence', () => {
  test.each([
    [
      'DIAGNOSIS\nTBS 1.233: partially degraded microarchitecture, close to the degraded range.\n',
      'partially degraded',
    ],
    ['TBS 1.25, partially degraded, near the degraded range.\n', 'partially degraded'],
    ['TBS 1.32: normal microarchitecture, close to partially degraded.\n', 'normal'],
    ['TBS 1.25: partially degraded, approaching the degraded range.\n', 'partially degraded'],
  ])('%j', (text, category) => {
    expect(categories(text)).toEqual([category]);
  });

  test('a legend of categories and a category only approached state nothing', () => {
    expect(categories('TBS: normal > 1.310, partially degraded 1.230-1.310, degraded < 1.230.\n')).toEqual([]);
    expect(categories('TBS 1.25. Normal, partially degraded or degraded.\n')).toEqual([]);
    expect(categories('TBS 1.28: close to degraded.\n')).toEqual([]);
  });
});

describe('a total after its side word, with no region, is the total hip', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test.each([
    [
      'BMD RESULTS\nL1-L4          0.995 g/cm2     T -0.9\nLeft FN        0.723 g/cm2     T -1.3\nLeft total     0.896 g/cm2     T -0.7\n',
      [
        ['L1-L4', -0.9],
        ['left femoral neck', -1.3],
        ['left total hip', -0.7],
      ],
    ],
    [
      'Right neck   T-score -1.9\nRight total  T-score -1.2\n',
      [
        ['right femoral neck', -1.9],
        ['right total hip', -1.2],
      ],
    ],
    ['Results:\nLeft total: T-score -1.5\n', [['left total hip', -1.5]]],
  ])('%j', (text, sites) => {
    expect(tScores(text)).toEqual(sites);
  });

  test('a total with a region of its own keeps it', () => {
    expect(tScores('Left femoral neck T-score -1.4\nLumbar spine total T-score -1.1\n')).toEqual([
      ['left femoral neck', -1.4],
      ['L1-L4', -1.1],
    ]);
  });
});

describe('literal translations of the T-score label and of the adjustment', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test.each([
    ['Lumbar spine L1-L4:   BMD 0.768 g/cm2,  T-criterion -2.7,  Z-criterion -1.0\n', [['L1-L4', -2.7]]],
    ['L1-L4: T-Kriterium -2,1; Z-Kriterium -0,4\n', [['L1-L4', -2.1]]],
    ['Femoral neck T-kryterii -1.8\n', [['femoral neck', -1.8]]],
  ])('%j', (text, scores) => {
    expect(tScores(text)).toEqual(scores);
  });

  test.each([
    'FRAX with input of femoral neck BMD and with correction on TBS:\n  - major osteoporotic fracture - 19 %\n  - hip fracture - 4.6 %\n',
    'FRAX (adjustment by the TBS): major osteoporotic fracture 19 %, hip 4.6 %.\n',
    'FRAX after modification according to TBS: major osteoporotic 19%, hip 4.6%.\n',
  ])('%j is adjusted', (text) => {
    expect(risks(text)).toEqual([
      ['mof', 19, true],
      ['hip', 4.6, true],
    ]);
  });

  test('without the correction it is not', () => {
    expect(risks('FRAX without correction on TBS: major osteoporotic fracture 12 %, hip 2.0 %.\n')).toEqual([
      ['mof', 12, false],
      ['hip', 2, false],
    ]);
  });
});

describe('a score column headed with the TBS after it is the TBS score, not a BMD T-score', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test.each([
    ['Region      TBS       T-Score (TBS)     Z-Score (TBS)\nL1-L4     1.284        -1.6               -0.4\n', []],
    ['TBS 1.250, T-score of the TBS -2.0.\nL1-L4 T-score -1.1.\n', [['L1-L4', -1.1]]],
    ['Region   TBS    T-score TBS\nL1-L4    1.21   -2.3\nL1-L4 BMD T-score -0.9\n', [['L1-L4', -0.9]]],
  ])('%j', (text, scores) => {
    expect(tScores(text)).toEqual(scores);
  });

  test('a BMD T-score beside a bracketed TBS value stays a T-score', () => {
    expect(tScores('L1-L4 T-score -1.1 (TBS 1.30).\n')).toEqual([['L1-L4', -1.1]]);
  });
});

describe('a T-score stated in a correction supersedes the earlier value of its site', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test.each([
    [
      'Left femoral neck T-score -1.4. Spine T-score -1.0.\nAddendum: the correct left femoral neck T-score is -2.4.\n',
      [
        ['L1-L4', -1],
        ['left femoral neck', -2.4],
      ],
    ],
    [
      'Left femoral neck T-score -1.4.\nErratum: left femoral neck T-score corrected to -2.1.\n',
      [['left femoral neck', -2.1]],
    ],
    [
      'Left femoral neck T-score -1.4. Right femoral neck T-score -1.9.\nAmended: left femoral neck T-score -1.6.\n',
      [
        ['right femoral neck', -1.9],
        ['left femoral neck', -1.6],
      ],
    ],
  ])('%j', (text, scores) => {
    expect(tScores(text)).toEqual(scores);
  });

  test('a correction of another site, or a sentence that corrects nothing, drops nothing', () => {
    expect(tScores('Left femoral neck T-score -1.4.\nThe correct spine T-score is -2.0.\n')).toEqual([
      ['left femoral neck', -1.4],
      ['L1-L4', -2],
    ]);
    expect(
      tScores(
        'Left femoral neck T-score -1.4.\nTreatment should be considered; left femoral neck T-score -2.4 on the prior.\n',
      ),
    ).toEqual([['left femoral neck', -1.4]]);
  });
});
