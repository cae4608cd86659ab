/** The vocabulary as data, compiled into one trie: phrases match however they are written. */
import { describe, expect, test } from 'vitest';
import { normalise } from '../../server/src/engine/text';
import type { Concept, Entry } from '../../server/src/engine/reading/concepts';
import { compile, match } from '../../server/src/engine/reading/trie';
import { tokenise } from '../../server/src/engine/reading/tokens';
import { VOCABULARY, isDiagnosticSite } from '../../server/src/engine/reading/vocab';
import { analyze } from '../../server/src/engine';

function hits(text: string, vocabulary: readonly Entry[] = VOCABULARY): Array<{ text: string; concepts: Concept[] }> {
  const norm = normalise(text);
  const t = tokenise(norm);
  const h = match(compile(vocabulary), t);
  const out = [];
  for (let i = 0; i < h.n; i++)
    out.push({ text: text.slice(t.start[h.start[i]], t.end[h.end[i] - 1]), concepts: h.concepts[i] });
  return out;
}

describe('trie', () => {
  test('hyphens, U+2011, spacing and case do not matter', () => {
    for (const s of ['T-score', 'T score', 'T\u2011score', 't SCORE', 'Tscore']) {
      const h = hits(`${s} -2.1`);
      expect(
        h[0].concepts.some((c) => c.c === 't'),
        s,
      ).toBe(true);
    }
  });

  test('leftmost-longest: "TBS T-score" is a TBS score, "TBS-adjusted" an adjustment cue, not a TBS label', () => {
    expect(hits('TBS T-score -1.2')[0].concepts.map((c) => c.c)).toEqual(['tbsScore']);
    const adj = hits('TBS-adjusted FRAX')[0];
    expect(adj.text).toBe('TBS-adjusted');
    expect(adj.concepts[0]).toMatchObject({ c: 'cue' });
  });

  test('abbreviations with points: "adj. for TBS", "TBS-adj."', () => {
    expect(hits('MOF adj. for TBS 17%').some((h) => h.text === 'adj. for TBS')).toBe(true);
    expect(hits('MOF TBS-adj. 17%').some((h) => h.text === 'TBS-adj')).toBe(true);
    // "FRAX TBS" names the model and the adjustment at once.
    expect(
      hits('FRAX TBS-adj. MOF')[0]
        .concepts.map((c) => c.c)
        .sort(),
    ).toEqual(['cue', 'model']);
  });

  test('a phrase may wrap onto the next line', () => {
    expect(hits('major osteoporotic\nfracture 17%')[0].text).toBe('major osteoporotic\nfracture');
  });

  test('sites carry side and region; ISCD diagnostic sites', () => {
    const h = hits('left femoral neck');
    expect(h.map((x) => x.concepts[0])).toEqual([
      { c: 'site', site: { side: 'left' } },
      { c: 'site', site: { region: 'femoral neck' } },
    ]);
    expect(isDiagnosticSite('left femoral neck')).toBe(true);
    expect(isDiagnosticSite('L1-L4')).toBe(true);
    expect(isDiagnosticSite('L2-L4')).toBe(true);
    expect(isDiagnosticSite('radius 33%')).toBe(true);
    expect(isDiagnosticSite('total hip')).toBe(true);
    // Unqualified, reports mean the total hip and the 33 % radius.
    expect(isDiagnosticSite('left hip')).toBe(true);
    expect(isDiagnosticSite('radius')).toBe(true);
    for (const s of ['L3', 'left trochanter', 'intertrochanter', 'wards', 'radius UD', null])
      expect(isDiagnosticSite(s), String(s)).toBe(false);
  });

  test('the vocabulary holds each concept the readers need', () => {
    const kinds = new Set(VOCABULARY.map((e) => e.concept.c));
    for (const c of [
      'tbs',
      't',
      'z',
      'site',
      'kind',
      'model',
      'tbsCategory',
      'who',
      'riskCategory',
      'role',
      'credential',
      'header',
      'demographic',
      'cue',
    ])
      expect(kinds.has(c as Concept['c']), c).toBe(true);
  });
});

describe('the data claim: a synonym is one line of data', () => {
  const sentence =
    'Trabecular texture index 1.262. Left femoral neck T-score -2.6. FRAX MOF 17%, hip 2.9%. Signed by: Jane Roe, MD';

  test('a new TBS synonym in a copy of the lexicon makes the sentence read', () => {
    // Without the synonym the phrase is not a TBS label.
    expect(hits(sentence).some((h) => h.concepts.some((c) => c.c === 'tbs'))).toBe(false);
    const extended: Entry[] = [...VOCABULARY, { phrase: 'trabecular texture index', concept: { c: 'tbs' } }];
    const found = hits(sentence, extended).find((h) => h.concepts.some((c) => c.c === 'tbs'));
    expect(found?.text).toBe('Trabecular texture index');
  });

  test('through the engine: the same line given as a label word in the settings', () => {
    expect(analyze(sentence).elements.tbs).toEqual([]);
    const a = analyze(sentence, { labels: { tbs: ['trabecular texture index'] } });
    expect(a.elements.tbs.map((t) => t.value)).toEqual([1.262]);
  });
});
