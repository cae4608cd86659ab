/**
 * Typing errors in vocabulary words (reading/typos.ts): one swap of neighbouring letters, or one
 * inner letter replaced in a long word, is read as the word; ordinary words, names and inflections
 * are left alone. The phrasings were written after the mechanism, not used to build it.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { correctTypos } from '../../server/src/engine/reading/typos';
import { read, trieFor } from '../../server/src/engine/reading/read';
import { tokenise } from '../../server/src/engine/reading/tokens';
import { match } from '../../server/src/engine/reading/trie';
import { makeDoc } from '../../server/src/engine/text';

/** The corrected text of the first pass (tokens and vocabulary hits), or null. */
function corrected(s: string): string | null {
  const doc = makeDoc(s);
  const t = tokenise(doc.norm);
  return correctTypos(t, match(trieFor({}), t), doc.text);
}

const el = (s: string) => analyze(s).elements;

describe('typing errors in labels are read as the label (MFT)', () => {
  test.each([
    ['Lumbar spnie T-score -1.9', 'L1-L4', -1.9],
    ['Femoarl neck T-score: -2.2', 'femoral neck', -2.2],
    ['Left femoral neck T-socre -2.2', 'left femoral neck', -2.2],
  ])('%s', (s, site, v) => {
    expect(el(s).tScores.map((x) => [x.site, x.value])).toEqual([[site, v]]);
  });
  test('"Trabecualr bone score 1.244"', () =>
    expect(el('Trabecualr bone score 1.244').tbs.map((x) => x.value)).toEqual([1.244]));
  test('"Impresison: osteopneia."', () =>
    expect(el('L1-L4 T-score -1.8.\nImpresison: osteopneia.').whoStatements.map((w) => w.whoClass)).toEqual([
      'osteopenia',
    ]));
  test('"partailly degraded microarchitecture"', () =>
    expect(el('TBS 1.25, partailly degraded microarchitecture.').categories.map((c) => c.category)).toEqual([
      'partially degraded',
    ]));
  test('"major osteoporitic fracture" (an inner letter replaced)', () =>
    expect(el('FRAX: major osteoporitic fracture 19%, hip 4.4%.').risks.map((r) => r.kind)).toEqual(['mof', 'hip']));
});

describe('ordinary words, names and inflections are not corrected (DIR)', () => {
  test.each([
    ['Seen by Dr Boyd today.'],
    ['No charges apply.'],
    ['The TBS degrades with age.'],
    ['Osteopenic bone, spinal fusion, femur and forearm.'],
    ['Summary of diagnoses and findings.'],
  ])('%s', (s) => {
    const out = corrected(s);
    expect(out === null ? s.toLowerCase() : out).toBe(makeDoc(s).norm);
  });
  test('the correction keeps every offset (same length)', () => {
    expect(corrected('Left femoral nekc T-scroe -2.6')).toBe('left femoral neck t-score -2.6');
  });
});

describe('a corrected reading is the reading of the corrected text', () => {
  // read() keeps the first pass's tokens when the corrections touch no word the tokeniser reads
  // specially; else it tokenises the corrected text again. Either way the result is the same.
  const trie = trieFor({});
  const fields = ['kind', 'start', 'end', 'unitEnd', 'flags', 'unit', 'value', 'line', 'hash'] as const;
  const view = (s: string) => {
    const r = read(s, [], trie);
    const t = r.tokens;
    return {
      norm: t.norm,
      tokens: fields.map((f) => Array.from(t[f]!.subarray(0, t.n))),
      hits: [Array.from(r.hits.start), Array.from(r.hits.end), r.hits.concepts],
      context: Array.from(r.context),
    };
  };
  test.each([
    ['Left femoral nekc T-scroe -2.6, FRAX major osteoporitic fracture 19 %, hip 4.4 % over 10 years.'],
    ['Lumbar spnie T-score minus 1.9; Trabecualr bone score 1.244 (partailly degraded).'],
    ['Impresison: osteopneia.\nT-scroe negative two point one at the femoarl neck.'],
  ])('%s', (s) => {
    const norm = makeDoc(s).norm;
    const fixed = corrected(s);
    expect(fixed).not.toBeNull();
    expect(view(norm)).toEqual(view(fixed!));
  });
});
