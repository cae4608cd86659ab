/** Section headers from the vocabulary. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const kinds = (s: string) => analyze(s).sections.map((x) => [x.title, x.kind]);

describe('section headers', () => {
  test('impression headers, in capitals or mixed case', () => {
    for (const h of ['IMPRESSION', 'Impression and recommendation', 'Assessment', 'Conclusion', 'Opinion', 'Comment'])
      expect(kinds(`${h}:\nOsteopenia.`), h).toEqual([[h, 'impression']]);
  });

  test('other kinds, and titles read in words', () => {
    expect(kinds('TRABECULAR BONE SCORE (TBS):\nTBS 1.262')).toEqual([['TRABECULAR BONE SCORE (TBS)', 'tbs']]);
    expect(kinds('ABSOLUTE FRACTURE RISK:\nMOF 17%')).toEqual([['ABSOLUTE FRACTURE RISK', 'risk']]);
    expect(kinds('FRAX RISK FACTORS:\nSmoker: no')).toEqual([['FRAX RISK FACTORS', 'other']]);
    expect(kinds('6. TECHNIQUE\nHologic')).toEqual([['TECHNIQUE', 'technique']]);
  });
});
