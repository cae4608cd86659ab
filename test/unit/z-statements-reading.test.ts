/**
 * Statements and sign-offs of the held-out Z wave, read by general mechanisms: a class stated as the
 * value of a bone-density key, impression lead-ins without punctuation, TBS category phrasing
 * ("in the X range"), a signer after a closing courtesy on one line, and an unlabelled T-score after
 * a T-score sentence. Phrasings here were not the ones the mechanisms were built around; cases that
 * must not change (legends, referrers) sit beside them.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

function who(text: string): string[] {
  return analyze(text).elements.whoStatements.map((w) => w.whoClass);
}

describe('a class as the value of a bone-density key is a WHO statement', () => {
  test.each([
    ['Summary\nBone density: osteoporosis\n', 'osteoporosis'],
    ['Lumbar spine T-score -1.3.\n\nBMD: osteopenia\nTBS: normal\n', 'osteopenia'],
    ['Results\n- DXA result: low bone mass\n', 'osteopenia'],
    ['1. Bone mineral density: osteopenic\n', 'osteopenia'],
    ['WHO category: osteoporosis\n', 'osteoporosis'],
  ])('%j', (text, cls) => {
    expect(who(text)).toEqual([cls]);
  });

  test('in a findings section beside an impression that states nothing', () => {
    expect(who('Findings:\nDensitometric diagnosis: osteopenia\n\nImpression: Repeat DXA in two years.\n')).toEqual([
      'osteopenia',
    ]);
  });

  test('not a legend, a negation, or a key inside a sentence', () => {
    expect(who('T-score -2.5 or lower: osteoporosis\nT-score -1.0 to -2.5: osteopenia\n')).toEqual([]);
    expect(who('Bone density: osteoporosis cannot be excluded.\n')).toEqual([]);
    expect(who('We discussed the bone density: osteopenia is common at her age.\n')).toEqual([]);
    expect(who('Osteoporosis: T-score -2.5 or lower\n')).toEqual([]);
  });
});

describe('a concluding lead-in opens an impression with or without a comma', () => {
  test.each([
    ['Spine T-score -2.7.\nIn conclusion she has osteoporosis of the spine.\n', 'osteoporosis'],
    ['Left hip T-score -1.4.\nTo summarise the bone density is low (osteopenia).\n', 'osteopenia'],
    ['Femoral neck T-score -1.8 today.\nIn short osteopenia, as before.\n', 'osteopenia'],
    ['Spine T-score -1.7.\nOverall, osteopenia.\n', 'osteopenia'],
  ])('%j', (text, cls) => {
    const e = analyze(text).elements;
    expect(e.impression).not.toBeNull();
    expect(e.whoStatements.map((w) => w.whoClass)).toEqual([cls]);
  });

  test('a word that merely begins a sentence is no lead-in', () => {
    expect(analyze('Spine T-score -1.7.\nOverall fracture risk is low.\n').elements.impression).toBeNull();
    expect(analyze('Spine T-score -1.7.\nIn summarising the history we note a fall.\n').elements.impression).toBeNull();
  });
});

describe('a site cut from its label by a line break belongs to the next value', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test('the value before the break keeps its own site', () => {
    const read = tScores(
      'Results: lumbar spine T-score -1.1, right femoral neck T-score -2.2, right total hip\nT-score -1.7. TBS 1.31.\n',
    );
    expect(read).toEqual([
      ['L1-L4', -1.1],
      ['right femoral neck', -2.2],
      ['right total hip', -1.7],
    ]);
  });
  test('with the neck cut instead', () => {
    const read = tScores(
      'The T-scores were -1.9 at the total hip on the left and -2.4 at the left femoral neck,\nspine -0.8.\n',
    );
    expect(read.map(([site]) => site)).toContain('left femoral neck');
  });
  test('a value whose site follows it on the line keeps that site', () => {
    expect(tScores('T-score -2.3 at the left femoral neck.\n')).toEqual([['left femoral neck', -2.3]]);
  });
});

describe('"in / within the X range" states a TBS category', () => {
  function cats(line: string): string[] {
    return analyze(`TBS L1-L4: 1.352\nLeft femoral neck T-score -1.2.\n${line}\n`).elements.categories.map(
      (c) => c.category,
    );
  }
  test.each([
    ['Impression: TBS is within the normal range.'],
    ['Trabecular bone score falls in the normal range.'],
    ['Conclusion: the TBS lies within the normal range for her age.'],
  ])('%j', (line) => {
    expect(cats(line)).toEqual(['normal']);
  });
  test('not for another measure, nor a negated statement', () => {
    expect(cats('Bone density is in the normal range at the spine.')).toEqual([]);
    expect(cats('TBS is not in the normal range.')).toEqual([]);
  });
});

describe('a credentialed signer after a courtesy and a sentence about someone else, on one line', () => {
  function providers(last: string): string[] {
    return analyze(`Left femoral neck T-score -2.2.\nImpression: Osteopenia.\n\n${last}\n`).elements.providers.map(
      (p) => p.text,
    );
  }
  test.each([
    ['Thank you for referring Mr Hal Brown. Dr Ana Ruiz FRCR 01/03/2026', 'Ana Ruiz'],
    ['Thank you for your referral of Ms Okafor. Prof. Lena Varga, FRACP', 'Lena Varga'],
    ['Many thanks for asking us to see Mrs Ide. Tomas Berg MD', 'Tomas Berg'],
  ])('%j', (line, name) => {
    const read = providers(line);
    expect(read).toHaveLength(1);
    expect(read[0]).toContain(name);
  });
  test('the patient after the courtesy, a sentence without a credential, or a referrer is none', () => {
    expect(providers('Thank you for referring Mr Hal Brown. We will see him again.')).toEqual([]);
    expect(providers('Thank you for referring Mrs Jones. Referring: Dr Paul King MD')).toEqual([]);
    expect(providers('Thank you for referring Mrs Jones.')).toEqual([]);
  });
});

describe('a site followed by a signed one-decimal number after a T-score sentence is a T-score', () => {
  function tScores(text: string): Array<[string | null, number]> {
    return analyze(text).elements.tScores.map((s) => [s.site, s.value]);
  }
  test.each([
    ['Left femoral neck T-score -2.1, total hip -1.7. Lumbar spine -1.0 (L3 excluded).\n', 'L1-L4', -1],
    ['T-score at the right femoral neck is -2.4. Right total hip -1.9, which is stable.\n', 'right total hip', -1.9],
    ['Lumbar spine T-score -0.6. Left femoral neck -1.3 and left total hip -0.9.\n', 'left femoral neck', -1.3],
  ])('%j', (text, site, value) => {
    expect(tScores(text)).toContainEqual([site, value]);
  });
  test('not without a T-score before it, nor another measure, a change or a BMD', () => {
    expect(tScores('TBS L1-L4 1.302. Lumbar spine -1.6, stable.\n')).toEqual([]);
    expect(tScores('Left femoral neck T-score -2.1. Z-scores: lumbar spine -0.3, femoral neck -0.5.\n')).toEqual([
      ['left femoral neck', -2.1],
    ]);
    expect(tScores('Left femoral neck T-score -2.1. Lumbar spine -1.5 change since 2020.\n')).toEqual([
      ['left femoral neck', -2.1],
    ]);
    expect(tScores('Left femoral neck T-score -2.1. Lumbar spine 0.912 g/cm2.\n')).toEqual([
      ['left femoral neck', -2.1],
    ]);
  });
});
