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
