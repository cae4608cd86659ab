/**
 * Reading fixes found by the metamorphic suite (test/metamorphic): each mechanism is tested here with
 * phrasings other than the suite's transforms.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { hardWrap } from '../shared/wrap';

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

/** Re-flows every line longer than `width` at spaces (a mail client or an editor's hard wrap). */
const wrapAt = (text: string, width: number): string => hardWrap(text, width);

describe('hard-wrapped prose reads as the same sentences', () => {
  const paragraphs = [
    'Bone densitometry of the lumbar spine and both hips was performed on a Lunar Prodigy. The lowest T-score is at the right femoral neck, where it measures -2.3; the right total hip T-score is -1.8 and the lumbar spine (L1-L4) T-score is -1.2. The trabecular bone score from the same acquisition is 1.254 and indicates partially degraded microarchitecture. Using FRAX adjusted for the TBS, the ten-year probability of a major osteoporotic fracture is 21% and of a hip fracture 3.9%.\n\nIMPRESSION: Osteopenia.\n\nReported by: Dr Ottilie Brannigan-Suzuki',
    'A 71 year old postmenopausal woman on long term prednisolone was referred for assessment of bone health after a wrist fracture last winter. Her L1 to L4 T-score is -2.6 and her left femoral neck T-score is -2.1 (left total hip -1.7). Her trabecular bone score (TBS iNsight, L1-L4) was 1.198, in keeping with degraded microarchitecture. FRAX, adjusted for trabecular bone score, gives a 10-year major osteoporotic fracture probability of 28 percent and a hip fracture probability of 6.2 percent.\n\nImpression: Osteoporosis.\n\nSigned by Marisol Ebbesen-Tran, MD',
  ];
  for (const p of paragraphs)
    test.each([60, 66, 72, 80])(`wrapped at %i: ${p.slice(0, 40)}...`, (width) => {
      expect(view(wrapAt(p, width))).toEqual(view(p));
    });
  test('rows of a lower-case report keep their breaks (no row runs into the next)', () => {
    const rows =
      'findings:\nl1-l4 bmd 0.933 g/cm2, t-score -1.4, z-score -0.2\nleft femoral neck bmd 0.688 g/cm2, t-score -1.6\nleft total hip bmd 0.811 g/cm2, t-score -1.2\n';
    const t = analyze(rows).elements.tScores.map((s) => `${s.site}:${s.value}`);
    expect(t).toEqual(['L1-L4:-1.4', 'left femoral neck:-1.6', 'left total hip:-1.2']);
  });
});

describe('a wrap between a label and its value, inside brackets or before a unit word reads as a space', () => {
  test.each([
    'Bone density was measured on a GE Lunar iDXA this morning. The T-score at the\nleft femoral neck is\nabout -1.8 and the lumbar spine is within normal limits.',
    'Microarchitecture was assessed with TBS iNsight software on the lumbar images. The score for\nthe spine came\nout at 1.276, partially degraded.',
    'The trabecular bone score of the lumbar spine, measured with the software (TBS iNsight,\nL1-L4) was 1.198 on this visit, which is degraded.',
    'The ten-year probability of a major osteoporotic fracture, adjusted for the TBS, is 19\nper cent; the hip fracture probability is 2.4 per cent.',
    'FRAX, adjusted for the trabecular bone score, gives a major osteoporotic fracture probability of 28\npercent and a hip fracture probability of 6.2 percent.',
  ])('%j', (wrapped) => {
    const flat = wrapped.replace(/\n/g, ' ');
    expect(view(wrapped)).toEqual(view(flat));
    const v = view(flat);
    expect(v.tbs.length + v.t.length + v.risks.length).toBeGreaterThan(0);
  });
  test('a percent after a short line (a row, not a wrap) is not carried over the break', () => {
    const rows = 'Hip 12\nPercent young adult 85\n';
    const t = analyze(rows);
    expect(t.elements.risks).toEqual([]);
  });
});

describe('a label in capitals with a measured value is a row, not a section that cuts its heading off', () => {
  test.each([
    [
      'FRAX (TBS-adjusted), 10-year probability\nMajor osteoporotic fracture: 22%\nHip fracture: 4.1%\n',
      'FRAX (TBS-adjusted), 10-year probability\nMAJOR OSTEOPOROTIC FRACTURE: 22%\nHIP FRACTURE: 4.1%\n',
    ],
    [
      'Ten-year fracture risk adjusted for TBS (FRAX)\n  Major osteoporotic: 9.5 %\n  Hip: 1.2 %\n',
      'Ten-year fracture risk adjusted for TBS (FRAX)\n  MAJOR OSTEOPOROTIC: 9.5 %\n  HIP: 1.2 %\n',
    ],
  ])('%j', (title, capitals) => {
    expect(view(capitals)).toEqual(view(title));
    expect(view(title).risks.length).toBe(2);
  });
  test('a capitals header with text after its colon is still a section', () => {
    const a = analyze('FINDINGS: see below\nL1-L4 T-score -1.2.\n\nIMPRESSION: 1. Osteopenia.\n');
    expect(a.sections.map((s) => s.kind)).toContain('impression');
    expect(a.elements.whoStatements.map((w) => w.whoClass)).toEqual(['osteopenia']);
  });
});

describe('a legend under a bare signature block does not push the signature out of reach', () => {
  const signed = `${CURRENT.replace(/Signed:.*\n/, '')}\nDr. Anjali Vethanayagam\nMBBS, DMRD\nConsultant Radiologist\n`;
  test.each([
    '\nReference (WHO): normal T-score -1.0 or above\nosteopenia T-score between -1.0 and -2.5\nosteoporosis T-score -2.5 or below\nT-scores are compared with young adult reference values.\n',
    '\nTBS reference ranges:\nabove 1.310: normal\n1.230 to 1.310: partially degraded\nbelow 1.230: degraded\nthresholds for postmenopausal women.\n',
  ])('%j', (legend) => {
    expect(view(signed).providers).toEqual(['Dr. Anjali Vethanayagam']);
    expect(view(signed + legend).providers).toEqual(view(signed).providers);
  });
});

describe('a page break between the closing courtesy and the name is skipped', () => {
  const letter = (between: string) =>
    `Dear Dr Okafor,\n\nYour patient's DXA today: lumbar spine T-score -1.4, femoral neck T-score -2.0, TBS 1.247.\nTBS-adjusted FRAX 10-year probabilities: major osteoporotic fracture 15%, hip 2.3%.\n\nKind regards,\n${between}\nDr Imogen Waddell-Asante\nConsultant Rheumatologist\n`;
  const head = 'NORTH QUAY METABOLIC BONE UNIT, 4 Dock Street, Leith EH6 6QW\n';
  test.each([`\n${head}Page 2\n`, `\n${head}- page 2 of 3 -\n`, `\n${head}Continued\n`])('%j', (between) => {
    const v = view(`${head}\n${letter(between)}`);
    expect(v.providers).toEqual(['Dr Imogen Waddell-Asante']);
  });
});
