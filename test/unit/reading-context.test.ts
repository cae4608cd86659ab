/** Context as data (ConText): categories, directions, scopes and terminators. */
import { describe, expect, test } from 'vitest';
import { makeDoc } from '../../server/src/engine/text';
import {
  ADJUSTED,
  CURRENT,
  HISTORICAL,
  HYPOTHETICAL,
  NEGATED,
  THRESHOLD,
  UNADJUSTED,
  UNCERTAIN,
} from '../../server/src/engine/reading/concepts';
import { read, trieFor } from '../../server/src/engine/reading/read';

/** The context bits of the first token whose text is `word` (after `from`). */
function contextOf(text: string, word: string, from = 0): number {
  const doc = makeDoc(text);
  const r = read(doc.norm, [], trieFor({}), { text });
  const at = doc.norm.indexOf(word.toLowerCase(), from);
  for (let i = 0; i < r.tokens.n; i++) if (r.tokens.start[i] === at) return r.context[i];
  throw new Error(`no token at ${word}`);
}

describe('ConText', () => {
  test('negation and uncertainty, backward and forward', () => {
    const text = 'Low bone mass (osteopenia); osteoporosis is unlikely.';
    expect(contextOf(text, 'osteoporosis') & NEGATED).toBe(NEGATED);
    expect(contextOf(text, 'osteopenia') & NEGATED).toBe(0);
    expect(contextOf('Osteoporosis cannot be excluded.', 'osteoporosis') & UNCERTAIN).toBe(UNCERTAIN);
    expect(contextOf('There is no osteoporosis.', 'osteoporosis') & NEGATED).toBe(NEGATED);
  });

  test('hypothetical', () => {
    const text = 'MOF risk would be 25% if TBS were degraded.';
    expect(contextOf(text, '25') & HYPOTHETICAL).toBe(HYPOTHETICAL);
    expect(contextOf('MOF risk is 25%.', '25') & HYPOTHETICAL).toBe(0);
  });

  test('prior and current', () => {
    expect(contextOf('Prior TBS 1.301.', '1.301') & HISTORICAL).toBe(HISTORICAL);
    expect(contextOf('Compared with 2023, TBS 1.301.', '1.301') & HISTORICAL).toBe(HISTORICAL);
    const now = contextOf('Prior T-score -2.0, now -2.3.', '-2.3');
    expect(now & CURRENT).toBe(CURRENT);
  });

  test('thresholds and legends', () => {
    expect(contextOf('T-score -2.5 or lower: osteoporosis', '-2.5') & THRESHOLD).toBe(THRESHOLD);
    expect(contextOf('Treatment is usually advised when these reach 20 % and 3 %.', '20') & THRESHOLD).toBe(THRESHOLD);
    expect(contextOf('MOF 17%, hip 2.9%.', '17') & THRESHOLD).toBe(0);
  });

  test('adjustment, with its abbreviations', () => {
    for (const s of [
      'TBS-adjusted MOF 17%',
      'MOF (TBS-adj.) 17%',
      'MOF adj. for TBS 17%',
      'adjusted for your TBS, MOF 17%',
    ])
      expect(contextOf(s, '17') & ADJUSTED, s).toBe(ADJUSTED);
    expect(contextOf('MOF without TBS 14%', '14') & UNADJUSTED).toBe(UNADJUSTED);
  });

  test('scope ends at the clause: a sentence end, ";" or a terminator', () => {
    expect(contextOf('No fracture. Osteoporosis.', 'osteoporosis') & NEGATED).toBe(0);
    expect(contextOf('Not osteopenia but osteoporosis', 'osteoporosis') & NEGATED).toBe(0);
    expect(contextOf('Prior scan 2019; TBS 1.301', '1.301') & HISTORICAL).toBe(0);
  });
});

test('a cue in brackets stays in them; an adjustment in brackets qualifies what follows', () => {
  const text = 'IMPRESSION: Osteopenia, lowest T-score -2.2 at the left femoral neck (previously -2.4).';
  expect(contextOf(text, 'osteopenia') & HISTORICAL).toBe(0);
  expect(contextOf(text, '-2.4') & HISTORICAL).toBe(HISTORICAL);
  expect(contextOf('MOF (TBS-adj.) 17%', '17') & ADJUSTED).toBe(ADJUSTED);
});
