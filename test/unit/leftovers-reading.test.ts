/**
 * Reading leftovers of session 5, each read by a general mechanism and tested with phrasings the
 * mechanism was not written around:
 * 1. Time: a statement (TBS category, WHO class, CAROC category) or a value dated earlier than the
 *    study ("TBS was normal in 2019", "osteoporosis diagnosed 03/2020") is an earlier study's; the
 *    study's own date, a later one, and a year that names a document ("the 2019 ISCD positions") are
 *    not (ConText dated cues in `reading/context.ts`, words in `vocab/cues.ts`).
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

/** A clean study (TBS 1.262: partially degraded; lowest T-score -2.1: osteopenia) around `extra` lines. */
function study(
  header: string[],
  extra: string[],
  impression = 'Osteopenia. Partially degraded microarchitecture.',
): string {
  return [
    ...header,
    'TBS L1-L4: 1.262',
    'Left femoral neck T-score -2.1.',
    'TBS-adjusted FRAX: MOF 17%, hip 2.9%. CAROC moderate risk.',
    ...extra,
    `IMPRESSION: ${impression}`,
    'Signed by: Jane Roe, MD',
    '',
  ].join('\n');
}

/** Ways a report carries its study's date (in 2024), or none. */
const HEADERS: Array<[string, string[]]> = [
  ['labelled exam date', ['Exam date: 12/03/2024']],
  ['ISO date of service', ['Date of service: 2024-03-12']],
  ['dotted scan date', ['Scan date 12.03.2024']],
  ['month-name study date', ['Study date: March 12, 2024']],
  ['no date', []],
];

function read(text: string) {
  const a = analyze(text);
  return {
    categories: a.elements.categories.map((c) => c.category),
    who: a.elements.whoStatements.map((w) => w.whoClass),
    caroc: (a.elements.riskCategories ?? []).map((c) => c.category),
    tbs: a.elements.tbs.map((t) => t.value),
    t: a.elements.tScores.map((t) => t.value),
    codes: a.findings.map((f) => f.code),
  };
}

describe("DIR time: a statement dated earlier than the study is an earlier study's", () => {
  type R = ReturnType<typeof read>;
  // [dated sentence, the same without its date, what the dated one must not read]
  const earlier: Array<[string, string, (r: R) => boolean]> = [
    ['TBS was normal in 2019.', 'TBS was normal.', (r) => r.categories.includes('normal')],
    ['In 2019 her TBS category was normal.', 'Her TBS category was normal.', (r) => r.categories.includes('normal')],
    [
      'The trabecular bone score indicated degraded microarchitecture in 2020.',
      'The trabecular bone score indicated degraded microarchitecture.',
      (r) => r.categories.includes('degraded'),
    ],
    ['TBS (normal in 2018) has fallen.', 'TBS (normal) has fallen.', (r) => r.categories.includes('normal')],
    ['Osteoporosis in 2018.', 'Osteoporosis.', (r) => r.who.includes('osteoporosis')],
    [
      'She had osteoporosis by WHO criteria in 2018.',
      'She had osteoporosis by WHO criteria.',
      (r) => r.who.includes('osteoporosis'),
    ],
    ['Osteoporosis was first diagnosed 03/2020.', 'Osteoporosis is diagnosed.', (r) => r.who.includes('osteoporosis')],
    [
      'WHO classification in 2017: osteoporosis.',
      'WHO classification: osteoporosis.',
      (r) => r.who.includes('osteoporosis'),
    ],
    ['CAROC high risk in 2020.', 'CAROC high risk.', (r) => r.caroc.includes('high')],
    ['High fracture risk (CAROC) in 2021.', 'High fracture risk (CAROC).', (r) => r.caroc.includes('high')],
    ['TBS 1.402 in 2021.', 'TBS 1.402.', (r) => r.tbs.includes(1.402)],
    [
      'The right femoral neck T-score was -2.9 in 2019.',
      'The right femoral neck T-score was -2.9.',
      (r) => r.t.includes(-2.9),
    ],
  ];
  const base = 'Osteopenia. Partially degraded microarchitecture.';
  for (const [name, header] of HEADERS)
    for (const [dated, undated, reads] of earlier)
      test(`${name}: "${dated}"`, () => {
        // The undated sentence is read as this study's (so the dated case can fail) ...
        expect(reads(read(study(header, [], `${base} ${undated}`))), undated).toBe(true);
        // ... the dated one is not, and this study's reading stays, with no mismatch or conflict.
        const r = read(study(header, [], `${base} ${dated}`));
        expect(reads(r), JSON.stringify(r)).toBe(false);
        expect(r.categories).toContain('partially degraded');
        expect(r.who).toContain('osteopenia');
        expect(r.tbs).toContain(1.262);
        expect(r.codes).toEqual([]);
      });

  test('a signature time stamp dates the study when no date is labelled', () => {
    const text = study([], [], 'Osteopenia. Osteoporosis in 2022.').replace(
      'Signed by: Jane Roe, MD',
      'Signed by: Jane Roe, MD\n11/28/2023 15:41',
    );
    // 2022 is earlier than 2023: an earlier study's.
    expect(read(text).who).not.toContain('osteoporosis');
  });

  test('a date of birth dates no study', () => {
    const r = read(study(['DOB: 03/04/1950'], [], 'Osteopenia. Partially degraded. TBS was normal in 2019.'));
    expect(r.categories).not.toContain('normal');
    expect(r.categories).toContain('partially degraded');
  });
});

describe("DIR time: the study's own date, a later one and a document's year date no history", () => {
  test.each([
    ['On 12/03/2024 the TBS was 1.262, partially degraded microarchitecture.', ['Exam date: 12/03/2024']],
    ['On 12/03/2024 the TBS was 1.262, partially degraded microarchitecture.', []],
    ['On March 12, 2024 the TBS measured 1.262 (partially degraded microarchitecture).', ['Study date: 2024-03-12']],
    ['In 2024 the TBS is 1.262, partially degraded microarchitecture.', ['Exam date: 12/03/2024']],
  ])('%s', (sentence, header) => {
    const text = [
      ...header,
      sentence,
      'Left femoral neck T-score -2.1.',
      'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
      'IMPRESSION: Osteopenia.',
      'Signed by: Jane Roe, MD',
    ].join('\n');
    const r = read(text);
    expect(r.tbs).toEqual([1.262]);
    expect(r.categories).toContain('partially degraded');
    expect(r.codes).not.toContain('missing-tbs-value');
  });

  test.each([
    'Classification according to the 2019 ISCD Official Positions: osteopenia.',
    'Per the 2019 ISCD positions, osteopenia.',
    'Osteopenia in the 1994 WHO classification.',
    'Interpreted on the 2023 guidance: partially degraded microarchitecture.',
  ])('a year naming a document: "%s"', (sentence) => {
    const r = read(study(['Exam date: 12/03/2024'], [], sentence));
    expect(r.who.length + r.categories.length).toBeGreaterThan(0);
    expect(r.codes).toEqual([]);
  });

  test.each([
    ['Osteopenia, stable since 2019.', (r: ReturnType<typeof read>) => r.who.includes('osteopenia')],
    ['TBS 1.262, lower than in 2019.', (r: ReturnType<typeof read>) => r.tbs.includes(1.262)],
    [
      'The TBS is partially degraded and was normal in 2019.',
      (r: ReturnType<typeof read>) => r.categories.includes('partially degraded') && !r.categories.includes('normal'),
    ],
    [
      'Osteopenia, down from normal bone density in 2019.',
      (r: ReturnType<typeof read>) => r.who.includes('osteopenia'),
    ],
  ])('the present part of "%s" stays current', (sentence, ok) => {
    const text = [
      'Exam date: 12/03/2024',
      'TBS L1-L4: 1.262',
      'Left femoral neck T-score -2.1.',
      'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
      `IMPRESSION: ${sentence}`,
      'Signed by: Jane Roe, MD',
    ].join('\n');
    const r = read(text);
    expect(ok(r), JSON.stringify(r)).toBe(true);
    expect(r.codes).toEqual([]);
  });
});
