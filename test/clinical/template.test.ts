/**
 * The tbs-report template as a densitometrist would want it (issue 11 item 8): a code line, clinical
 * history with the FRAX risk factors, technique, comparison with the least significant change,
 * the femoral-neck BMD used for FRAX with unadjusted and TBS-adjusted FRAX, a WHO class or Z-score
 * statement, recommendation and follow-up. The model and the risk lines agree (a TBS-adjusted line
 * only with FRAX). Expanded, it yields placeholder findings only; filled in, none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../..');
let body: string[] = [];
let expanded = '';
let listSlots: (body: string[]) => Array<{ index: number; kind: string; options: string[] | null }>;

beforeAll(async () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'radiology-report.code-snippets'), 'utf8'));
  body = (Object.values(snippets) as Array<{ prefix: string; body: string[] }>).find(
    (s) => s.prefix === 'tbs-report',
  )!.body;
  const modulePath = path.join(ROOT, 'test', 'grammar', 'expand-snippet.mjs');
  const mod = await import(modulePath);
  expanded = mod.expandSnippet(body);
  listSlots = mod.listSlots;
});

/** The expanded template with each [blank line, filled line] pair replaced. */
function fill(pairs: Array<[string, string]>): string {
  let text = expanded;
  for (const [from, to] of pairs) {
    expect(text, `template line "${from}"`).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

const FILLED: Array<[string, string]> = [
  ['CPT: ___', 'CPT: 77080 + 77091'],
  ['CLINICAL HISTORY: ___', 'CLINICAL HISTORY: Rheumatoid arthritis on prednisone 7.5 mg daily.'],
  [
    'Age: ___   Sex: ___   Menopausal status: ___   BMI: ___ kg/m2',
    'Age: 67   Sex: female   Menopausal status: postmenopausal   BMI: 24.1 kg/m2',
  ],
  ['Risk factors entered into FRAX: ___', 'Risk factors entered into FRAX: glucocorticoids, rheumatoid arthritis.'],
  ['Scanner ___; software version ___', 'Scanner Hologic Horizon A; software version 4.0'],
  ['excluded: ___', 'excluded: none'],
  [
    'COMPARISON: ___; least significant change: ___',
    'COMPARISON: 03/2022; least significant change: 0.025 g/cm2 at the spine',
  ],
  ['L1-L4                ___         ___       ___', 'L1-L4                0.871         -1.6       -0.2'],
  ['Left femoral neck    ___         ___       ___', 'Left femoral neck    0.694         -2.1       -0.7'],
  ['Left total hip       ___         ___       ___', 'Left total hip       0.801         -1.5       -0.3'],
  ['TBS L1-L4: ___ (___ microarchitecture)', 'TBS L1-L4: 1.262 (partially degraded microarchitecture)'],
  ['(country: ___), femoral neck BMD ___ g/cm2', '(country: US), femoral neck BMD 0.694 g/cm2'],
  [
    'without TBS: major osteoporotic fracture ___%; hip fracture ___%',
    'without TBS: major osteoporotic fracture 14%; hip fracture 2.1%',
  ],
  [
    'TBS-adjusted FRAX 10-year probability: major osteoporotic fracture ___%; hip fracture ___%',
    'TBS-adjusted FRAX 10-year probability: major osteoporotic fracture 17%; hip fracture 2.9%',
  ],
  ['1. BMD: ___', '1. BMD: low bone mass (osteopenia).'],
  ['2. Microarchitecture: ___', '2. Microarchitecture: partially degraded.'],
  ['3. Fracture risk: ___', '3. Fracture risk: high (TBS-adjusted FRAX MOF 17%, hip 2.9%).'],
  ['RECOMMENDATIONS: ___', 'RECOMMENDATIONS: Pharmacological treatment is suggested.'],
  ['Follow-up DXA in: ___', 'Follow-up DXA in: 2 years'],
  ['Interpreting physician: ___', 'Interpreting physician: Jane Roe, MD'],
];

describe('the tbs-report template', () => {
  test('expanded as inserted: placeholder findings only, each element in a labelled slot', () => {
    const a = analyze(expanded);
    expect(new Set(a.findings.map((f) => f.code))).toEqual(new Set(['unfilled-placeholder']));
    expect(a.documented.missing).toEqual([]);
    expect([...a.documented.unfilled].sort()).toEqual(['provider', 'risk', 'tScore', 'tbs']);
  });
  test('holds every part a densitometrist documents', () => {
    for (const part of [
      /^CPT: /m,
      /^CLINICAL HISTORY: /m,
      /Age: ___ +Sex: ___ +Menopausal status: ___ +BMI: ___ kg\/m2/,
      /Risk factors entered into FRAX/,
      /^TECHNIQUE: Scanner ___; software version ___ \(TBS iNsight\)/m,
      /Vertebrae analysed: L1-L4; excluded: ___/,
      /^COMPARISON: .*least significant change/m,
      /femoral neck BMD ___ g\/cm2/,
      /^FRAX 10-year probability without TBS: /m,
      /^TBS-adjusted FRAX 10-year probability: /m,
      /^IMPRESSION:/m,
      /^RECOMMENDATIONS: /m,
      /^Follow-up DXA in: /m,
      /^Interpreting physician: ___/m,
    ])
      expect(expanded).toMatch(part);
  });
  test('the code line offers 77080 + 77091, 77080-26 + 77092 or 77089, each a coherent profile', () => {
    const code = listSlots(body).find((s) => s.index === 1)!;
    expect(code.options).toEqual(['___', '77080 + 77091', '77080-26 + 77092', '77089']);
    const profileOf: Record<string, string> = {
      '77080 + 77091': '77091',
      '77080-26 + 77092': '77092',
      '77089': '77089',
    };
    for (const [choice, profile] of Object.entries(profileOf)) {
      const a = analyze(fill([...FILLED.filter(([k]) => k !== 'CPT: ___'), ['CPT: ___', `CPT: ${choice}`]]));
      expect(a.profile, choice).toBe(profile);
      expect(
        a.findings.map((f) => f.code),
        choice,
      ).toEqual([]);
    }
  });
  test('the model and the risk lines agree: the TBS-adjusted line goes with FRAX only', () => {
    const a = analyze(expanded);
    expect(new Set(a.elements.riskModels.map((m) => m.name))).toEqual(new Set(['FRAX']));
    expect(expanded).not.toMatch(/Garvan|QFracture|CAROC/);
  });
  test('filled in for a postmenopausal woman: no findings', () => {
    expect(analyze(fill(FILLED)).findings).toEqual([]);
  });
  test('filled in for a premenopausal woman with a Z-score statement: no findings', () => {
    const young = FILLED.map(([k, v]): [string, string] =>
      k.startsWith('Age: ')
        ? [k, 'Age: 44   Sex: female   Menopausal status: premenopausal   BMI: 22.0 kg/m2']
        : k === '1. BMD: ___'
          ? [k, '1. BMD: within the expected range for age (Z-scores above -2.0).']
          : [k, v],
    );
    expect(analyze(fill(young)).findings).toEqual([]);
  });
});
