/** Values of an earlier study are not this report's: marked in their clause, or in a pasted prior report. */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';

const CURRENT =
  'TBS L1-L4: 1.262\nLeft femoral neck T-score -2.6.\nTBS-adjusted FRAX: MOF 20%, hip 4%.\nSigned by: Jane Roe, MD\n';
const PRIOR =
  'TBS L1-L4: 1.301\nLeft femoral neck T-score -2.2.\nTBS-adjusted FRAX: MOF 15%, hip 2.5%.\nIMPRESSION:\nOsteopenia.\n';

function values(text: string): { tbs: number[]; t: number[]; risks: number[]; codes: string[] } {
  const a = analyze(text);
  return {
    tbs: a.elements.tbs.map((v) => v.value),
    t: a.elements.tScores.map((v) => v.value),
    risks: a.elements.risks.map((r) => r.value),
    codes: [...new Set(a.findings.map((f) => f.code))].sort(),
  };
}

for (const banner of [
  '===== PRIOR REPORT (09/14/2023), pasted for comparison =====',
  '--- Previous report (2023) ---',
  'PREVIOUS REPORT 01/02/2023',
  '## Prior report',
  '*** COPY OF PRIOR REPORT ***',
]) {
  test(`a pasted earlier report after "${banner}" is history`, () => {
    const v = values(`${CURRENT}\n${banner}\n${PRIOR}`);
    assert.deepEqual(v.tbs, [1.262]);
    assert.deepEqual(v.t, [-2.6]);
    assert.deepEqual(v.risks, [20, 4]);
    // The prior's "Osteopenia" and values neither conflict with nor classify this study's.
    assert.ok(
      !v.codes.includes('conflicting-values') && !v.codes.includes('who-classification-mismatch'),
      v.codes.join(),
    );
  });
}

test('a sentence that mentions the prior report is not a banner', () => {
  const v = values(`COMPARISON:\nPrior report reviewed; no change.\n${CURRENT}`);
  assert.deepEqual(v.tbs, [1.262]);
  assert.deepEqual(v.t, [-2.6]);
});

test("values before a banner stay this study's", () => {
  const v = values(`${CURRENT}\n--- Prior report ---\n`);
  assert.deepEqual(v.tbs, [1.262]);
});

test('"diagnosed 03/2023 (T-score -2.6)" is an earlier study\'s value', () => {
  const v = values(
    'HISTORY: Osteoporosis diagnosed 03/2023 (femoral neck T-score -2.9).\nTBS L1-L4: 1.262\nLeft femoral neck T-score -2.1.\n',
  );
  assert.deepEqual(v.t, [-2.1]);
});
