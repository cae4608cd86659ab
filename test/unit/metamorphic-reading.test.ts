/**
 * Reading fixes found by the metamorphic suite (test/metamorphic): each mechanism is tested here with
 * phrasings other than the suite's transforms.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const CURRENT = `DXA BONE DENSITY WITH TBS
Exam date: 03/10/2026. 66-year-old woman.

Left femoral neck T-score -2.0. L1-L4 T-score -1.6.
TBS 1.241.
TBS-adjusted FRAX: major osteoporotic fracture 18%, hip fracture 2.7%.

IMPRESSION: Osteopenia.

Signed: Lucinda Farrow-Mbeki, MD
`;

const view = (text: string) => {
  const a = analyze(text);
  const el = a.elements;
  return {
    tbs: el.tbs.map((v) => v.value),
    t: el.tScores.map((v) => v.value),
    risks: el.risks.map((r) => `${r.kind}:${r.value}`),
    models: el.riskModels.map((m) => m.name),
    who: el.whoStatements.map((w) => w.whoClass),
    providers: el.providers.map((p) => p.text),
    findings: a.findings.map((f) => f.code).sort(),
  };
};

describe('a pasted earlier report below its banner is that study: values, model, impression and signer', () => {
  const earlier = (banner: string) => `${CURRENT}
${banner}
Lumbar spine T-score -1.1; femoral neck T-score -1.4. TBS 1.322.
Garvan 10-year risk of any fracture 9%.
IMPRESSION: Normal bone mineral density.
Dictated and signed by Dr Osvaldo Pennington-Raj
`;
  test.each([
    '=== EARLIER EXAMINATION 2021 ===',
    'PREVIOUS DXA STUDY',
    'Previous exam (2022), copied below for reference:',
    '--- prior densitometry, 05/2020 ---',
    'Copy of the previous report:',
    '# Prior study 11/2019',
    'Earlier scan report reproduced from the PACS:',
  ])('%s', (banner) => {
    expect(view(earlier(banner))).toEqual(view(CURRENT));
  });

  test('a report without a provider stays without one when the pasted report is signed', () => {
    const unsigned = CURRENT.replace(/Signed:.*\n/, '');
    const v = view(`${unsigned}\nPREVIOUS STUDY (pasted)\nTBS 1.330.\nReported by: Dr Ines Castellanos-Whit, MD\n`);
    expect(v.providers).toEqual([]);
    expect(v.findings).toContain('missing-provider');
  });

  test.each([
    // Sentences that mention an earlier study are no banner: what follows is this study.
    'Prior study reviewed for comparison.',
    'Previous DXA from 2021 is available; bone density has fallen since.',
    'PRIOR STUDY: none available.',
  ])('no banner: %s', (sentence) => {
    const text = CURRENT.replace('DXA BONE DENSITY WITH TBS\n', `DXA BONE DENSITY WITH TBS\n${sentence}\n`);
    expect(view(text)).toEqual(view(CURRENT));
  });
});
