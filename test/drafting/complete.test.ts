/** Completions answer only where something fits, and never while prose is being typed (issue 13, item 1). */
import { describe, expect, test } from 'vitest';
import { analyze, completionsFor, TRIGGER_CHARACTERS } from '../../server/src/engine';
import type { CompletionRequest } from '../../server/src/engine';

const labels = (r: CompletionRequest) => completionsFor(r).map((c) => c.label);
const kinds = (r: CompletionRequest) => [...new Set(completionsFor(r).map((c) => c.kind))];

describe('trigger characters', () => {
  test('only the colon of a label; never a space or a bracket', () => {
    expect([...TRIGGER_CHARACTERS]).toEqual([':']);
  });
  test('a colon after "Risk model" offers the models, and only them', () => {
    expect(kinds({ before: 'Risk model:', explicit: false })).toEqual(['model']);
    expect(labels({ before: 'Risk model:', explicit: false })).toContain('FRAX');
  });
  test('a colon after any other label or in prose offers nothing', () => {
    for (const before of ['Interpreting physician:', 'IMPRESSION:', 'Comparison:', 'Note: the patient said:'])
      expect(labels({ before, explicit: false })).toEqual([]);
  });
  test('in Markdown and plain text a trigger character never opens a list', () => {
    expect(labels({ before: 'Risk model:', explicit: false, plainHost: true })).toEqual([]);
  });
});

describe('on request (Ctrl+Space)', () => {
  test('after "Risk model:" the models, not categories or codes', () => {
    for (const before of ['Risk model: ', 'Risk model: F', '- **Risk model:** ', 'Fracture risk model: Gar'])
      expect(kinds({ before, explicit: true })).toEqual(['model']);
  });
  test('after a TBS value and "(" the categories; after CPT the codes', () => {
    expect(kinds({ before: 'TBS L1-L4: 1.262 (', explicit: true })).toEqual(['category']);
    expect(kinds({ before: 'CPT ', explicit: true })).toEqual(['code']);
    expect(labels({ before: 'CPT codes: ', explicit: true }).slice(0, 4)).toEqual(['77089', '77090', '77091', '77092']);
  });
  test('on an empty line only the labels of the elements still missing', () => {
    const a = analyze('TBS L1-L4: 1.262\nFemoral neck T-score: -2.1\n');
    expect(a.documented.missing).toEqual(['riskModel', 'risk', 'provider']);
    const got = completionsFor({ before: '', explicit: true, missing: a.documented.missing });
    expect(got.map((c) => c.kind)).toEqual(got.map(() => 'label'));
    expect(got.map((c) => c.label)).toEqual([
      'Risk model:',
      'TBS-adjusted 10-year probability:',
      'TBS-adjusted FRAX:',
      'Interpreting physician:',
      'Electronically signed by:',
    ]);
    expect(completionsFor({ before: '   ', explicit: true, missing: [] })).toEqual([]);
  });
  test('a word begun at a line start: missing labels and the section headers', () => {
    const got = labels({ before: 'Ri', explicit: true, missing: ['riskModel'] });
    expect(got).toContain('Risk model:');
    expect(got).toContain('FRACTURE RISK:');
    expect(got).not.toContain('TBS L1-L4:');
  });
  test('in the middle of prose: nothing', () => {
    for (const before of ['The bone density is normal', 'Jane Roe, MD', 'outside report', 'TBS is 1.262 and the'])
      expect(labels({ before, explicit: true })).toEqual([]);
  });
});

describe('Markdown and plain text (VS Code asks on every typed letter there)', () => {
  test('a begun word is never answered, even when it looks like a request', () => {
    for (const before of ['Risk model: F', 'normal', 'Jane Roe, MD', 'Ri'])
      expect(labels({ before, explicit: true, plainHost: true })).toEqual([]);
  });
  test('Ctrl+Space at a word boundary still helps', () => {
    expect(kinds({ before: 'Risk model: ', explicit: true, plainHost: true })).toEqual(['model']);
    expect(labels({ before: '', explicit: true, plainHost: true, missing: ['provider'] })).toEqual([
      'Interpreting physician:',
      'Electronically signed by:',
    ]);
  });
});

describe('hostile input', () => {
  test('a huge line answers at once and never throws', () => {
    const before = `${'Risk model: '.repeat(20000)}${' ('.repeat(20000)}1.262 (`;
    expect(() => completionsFor({ before, explicit: true })).not.toThrow();
    expect(completionsFor({ before: ':'.repeat(100000), explicit: false })).toEqual([]);
  });
});
