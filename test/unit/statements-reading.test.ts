/**
 * Statements the report makes about the patient and its numbers, read on the token pipeline
 * (reading/demographics.ts, categories.ts, codes.ts, impression.ts, history.ts). Cases in the style
 * of CheckList: minimum functionality (MFT) per mechanism, invariance (INV: a fact-preserving change
 * leaves the reading alone) and direction (DIR: a cue changes it). The phrasings are written in
 * several national styles (US dictation, UK letters to the GP, Australian and Canadian reports,
 * letters to the patient) and were not the ones the readers were built around.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

/** A clean study around the statement under test (TBS 1.262 is partially degraded under 2023 thresholds). */
function report(history: string, impression = 'Osteopenia.'): string {
  return [
    history,
    'TBS L1-L4: 1.262',
    'Left femoral neck T-score -2.1.',
    'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
    `IMPRESSION: ${impression}`,
    'Signed by: Jane Roe, MD',
    '',
  ].join('\n');
}

function demo(text: string) {
  const e = analyze(text).elements;
  return {
    age: e.age?.value ?? null,
    sex: e.population?.sex ?? null,
    menopause: e.population?.menopause ?? null,
    bmi: e.bmi?.value ?? null,
  };
}

function categories(impression: string, history = '72-year-old woman.'): string[] {
  return analyze(report(history, impression)).elements.categories.map((c) => c.category);
}

function mismatches(impression: string): number {
  return analyze(report('72-year-old woman.', impression)).findings.filter((f) => f.code === 'tbs-category-mismatch')
    .length;
}

describe('MFT demographics: age and sex', () => {
  const cases: Array<[string, number | null, 'female' | 'male' | null]> = [
    ['Age / sex ...... 93 y / male', 93, 'male'],
    ['Age/Sex: 71/F', 71, 'female'],
    ['Sex / Age . . . . F / 64', 64, 'female'],
    ['Thank you for referring Mrs X, a 72 year-old lady, for bone densitometry.', 72, 'female'],
    ['Clinical details: 64yo woman on letrozole.', 64, 'female'],
    ['Indication: a 68 yo F with rheumatoid arthritis.', 68, 'female'],
    ['Referral: 58M, prostate cancer on ADT.', 58, 'male'],
    ['Female, 67', 67, 'female'],
    ['M, 58', 58, 'male'],
    ['Sex: F  Age: 71', 71, 'female'],
    ['AGE: 68   SEX: MALE', 68, 'male'],
    ['Sex: Female Age: 67 yrs', 67, 'female'],
    ['Patient age 64y', 64, null],
    ['Age at scan: 68.4', 68.4, null],
    ['Thank you for asking me to see this 81 year old gentleman.', 81, 'male'],
    ['Dear Mrs Jones, you are 66 years old and this letter explains your scan.', 66, null],
    ['Gender: M', null, 'male'],
    ['Pt: Okafor, Grace   F   74 y', 74, 'female'],
    ['Indication: 81M, recurrent falls.', 81, 'male'],
    ['**Age:** 66 · **Sex:** Female', 66, 'female'],
    ['Patient: Mrs Jane Doe   Hosp no. 12345', null, 'female'],
    ['Re: Mr John Smith (hospital number 998877)', null, 'male'],
    ['He is 59 and takes prednisolone.', 59, null],
  ];
  for (const [text, age, sex] of cases)
    test(JSON.stringify(text), () => {
      const d = demo(report(text));
      expect(d.age).toBe(age);
      expect(d.sex).toBe(sex);
    });
});

describe('MFT demographics: a titled name with an age beside it is the patient', () => {
  const cases: Array<[string, number | null, 'female' | 'male' | null]> = [
    ['Ms Harriet Obi (59) was scanned today.', 59, 'female'],
    ['We saw Miss T. Rowe, 47 years, in the bone clinic.', 47, 'female'],
    ["Mr O'Neill-Baptiste, 77, has had two falls this year.", 77, 'male'],
    ['Review of Mr Kwame A. Mensah (64 yrs), referred after a wrist fracture.', 64, 'male'],
    ['Mrs Fenwick, aged 81, lives alone.', 81, 'female'],
    ['Mrs Ilse Varga, 69-year-old, on letrozole.', 69, 'female'],
  ];
  for (const [text, age, sex] of cases)
    test(JSON.stringify(text), () => {
      const d = demo(report(text));
      expect(d.age).toBe(age);
      expect(d.sex).toBe(sex);
    });
  const none = [
    'cc: Mr Peter Smith, 12 Harbour Road, Leeds',
    'Copy to Mr A Khan (Orthopaedics)',
    'Mrs Drummond (2 falls this year) uses a stick.',
    'Seen with Mr Lowe, her son.',
  ];
  for (const text of none)
    test(`no patient in ${JSON.stringify(text)}`, () => {
      const d = demo(report(text));
      expect(d.age).toBeNull();
      expect(d.sex).toBeNull();
    });
});

describe('MFT demographics: a sex letter alone in a cell of the patient line', () => {
  test('after the name, before the date of birth', () =>
    expect(demo(report('Name: Okoro, Ada      F      Hosp no 44120')).sex).toBe('female'));
  test('with a stop, beside a DOB label', () =>
    expect(demo(report('Vance-Ito, Reuben    m.    DOB 1950-02-01')).sex).toBe('male'));
  test('not in a row of values', () => expect(demo(report('Ward 7      F      Bed 12')).sex).toBeNull());
});

describe('MFT demographics: an exam date after an unlabelled exam word', () => {
  test('"scanned" before an ISO date', () => expect(demo(report('DOB 1948-06-30; scanned 2025-01-15')).age).toBe(76));
  test('"Examined:" before a dotted date', () =>
    expect(demo(report('Born 02.02.1950. Examined: 10.10.2024.')).age).toBe(74));
  test('another date (a letter date) is not the exam date', () =>
    expect(demo(report('DOB 1948-06-30. Typed 2025-01-15.')).age).toBeNull());
});

describe('MFT demographics: ages and exam dates in running text', () => {
  test.each([
    ['DOB 21.09.1957. Scanned on 04.03.2026.', 68],
    ['Date of birth 1950-02-10; examined on 2025-02-09.', 74],
  ])('%s', (s, age) => expect(demo(report(s)).age).toBe(age));
  test.each([
    ['FRAX is not appropriate for this 52-year-old man.', 52],
    ['Garvan was not used in this 61 yo woman.', 61],
  ])('a negation nearby does not deny a unit age: %s', (s, age) => expect(demo(report(s)).age).toBe(age));
});

describe('MFT demographics: menopausal status', () => {
  const cases: Array<[string, 'premenopausal' | 'perimenopausal' | 'postmenopausal' | null]> = [
    ['Postmenopausal woman referred by her GP.', 'postmenopausal'],
    ['Patient: 74 y.o. female, post-menopausal.', 'postmenopausal'],
    ['Premenopausal, age 44.', 'premenopausal'],
    ['Menopausal status: perimenopausal.', 'perimenopausal'],
    ['Ms A, 59F, with early menopause at 42.', 'postmenopausal'],
    ['Bilateral oophorectomy in 2015.', 'postmenopausal'],
    ['FRAX applies to postmenopausal women and men aged 50 and over.', null],
  ];
  for (const [text, status] of cases)
    test(JSON.stringify(text), () => {
      const d = demo(report(text));
      expect(d.menopause).toBe(status);
      if (status) expect(d.sex).toBe('female');
    });
});

describe('MFT demographics: age from the date of birth and the exam date', () => {
  test('ISO dates', () => expect(demo(report('Date of birth: 1951-03-12\nExam date: 2024-04-09')).age).toBe(73));
  test('month names (UK style)', () =>
    expect(demo(report('Date of birth: 3 March 1951. Date of exam: 9 April 2024.')).age).toBe(73));
  test('month names (US style)', () =>
    expect(demo(report('DOB: March 3, 1951\nStudy date: April 9, 2024')).age).toBe(73));
  test('a day above 12 settles day/month order', () =>
    expect(demo(report('DOB: 25/03/1951  Exam date: 04/09/2024')).age).toBe(73));
  test('another date of the document settles month/day order', () =>
    expect(demo(report('Name: Jane Doe   DOB: 03/12/1950   Exam Date: 11/15/2024')).age).toBe(74));
  test('an order that gives the same age either way', () =>
    expect(demo(report('DOB 01/02/1950, exam date 03/04/2024')).age).toBe(74));
  test('an order nothing settles and that changes the age: no age', () =>
    // 12 March 1951 to 4 September 2024 is 73; 3 December 1951 to 9 April 2024 is 72.
    expect(demo(report('DOB 12/03/1951, exam date 04/09/2024')).age).toBeNull());
  test('a stated age wins over the dates', () =>
    expect(demo(report('Age 71 (DOB 1953-03-12)\nExam date: 2024-04-09')).age).toBe(71));
  test('the age fact keeps the span of what it was read from', () => {
    const text = report('Date of birth: 1951-03-12\nExam date: 2024-04-09');
    const age = analyze(text).elements.age;
    expect(age && text.slice(age.span.start, age.span.end)).toBe('1951-03-12');
  });
});

describe('DIR demographics: an event, a group or a bound is not the patient', () => {
  const none: string[] = [
    'Her mother had a hip fracture at age 80.',
    'Since the age of 50 she has taken HRT.',
    'At the age of 45 she fractured her wrist.',
    'Screening is advised for women aged 65 and over.',
    'FRAX is validated for men aged 50 and over.',
    'Women over 65 should be screened.',
    'Z-score compared with age-matched controls.',
    'cc: Mr Peter Smith, Consultant Orthopaedic Surgeon',
    'She was 45 when she fractured her wrist.',
  ];
  for (const text of none)
    test(JSON.stringify(text), () => {
      const d = demo(report(text));
      expect(d.age).toBeNull();
      expect(d.sex).toBeNull();
    });
  test('"premenopausal women" in a sentence about a group sets no status', () =>
    expect(demo(report('TBS has not been validated in premenopausal women.')).menopause).toBeNull());
  test('a pasted earlier report is not read', () => {
    const text = `${report('Age: 71')}\n===== PRIOR REPORT (2019) =====\nAge: 66. Premenopausal woman. BMI 22.0\n`;
    const d = demo(text);
    expect([d.age, d.menopause, d.bmi]).toEqual([71, null, null]);
  });
});

describe('MFT / DIR BMI', () => {
  const read: Array<[string, number]> = [
    ['BMI 27.4', 27.4],
    ['BMI: 27.4 kg/m²', 27.4],
    ['BMI (kg/m²): 27,4', 27.4],
    ['Her body mass index of 31 is noted.', 31],
    ['BMI is 24', 24],
    ['BMI = 28.5', 28.5],
    ['Weight 60 kg Height 160 cm BMI 23.4', 23.4],
    ['| BMI | 31.2 |', 31.2],
    ['BMI (kg/m2)   22.9', 22.9],
    ['BMI 27.4 kg/m2 (normal range 18.5-24.9)', 27.4],
    ['Age: 64   BMI: 29.5   Sex: F', 29.5],
  ];
  for (const [text, bmi] of read) test(`MFT ${JSON.stringify(text)}`, () => expect(demo(report(text)).bmi).toBe(bmi));
  const none = [
    'TBS is not valid for BMI > 37.',
    'TBS is considered valid for a BMI between 15 and 37.',
    'Height 165 cm, weight 70 kg.',
    'BMI 15-37 is the validated range.',
  ];
  for (const text of none) test(`DIR ${JSON.stringify(text)}`, () => expect(demo(report(text)).bmi).toBeNull());
  test('INV: a BMI outside the validated range still reads (the rule flags it)', () => {
    const a = analyze(report('Body mass index of 40.1'));
    expect(a.elements.bmi?.value).toBe(40.1);
    expect(a.findings.some((f) => f.code === 'bmi-outside-validated-range')).toBe(true);
  });
});

describe('MFT TBS category statements', () => {
  test('beside the value', () => {
    expect(categories('TBS 1.262 (partially degraded).')).toEqual(['partially degraded']);
    expect(categories('The TBS of 1.262 indicates degraded microarchitecture.')).toEqual(['degraded']);
    expect(categories('TBS 1.262, normal.')).toEqual(['normal']);
  });
  test('on a summary line away from the value', () => {
    expect(categories('Osteopenia.\nTBS: Normal microarchitecture.')).toEqual(['normal']);
    expect(categories('Osteopenia.\nTrabecular bone score: partially degraded.')).toEqual(['partially degraded']);
    expect(categories('Osteopenia. Microarchitecture: Normal.')).toEqual(['normal']);
    expect(categories('Osteopenia.\nCategory: degraded')).toEqual(['degraded']);
    expect(categories('Osteopenia.\nPartially degraded.')).toEqual(['partially degraded']);
  });
  test('a bare "normal" linked to the value', () =>
    expect(categories('TBS 1.262, which is normal.')).toEqual(['normal']));
  test('in the impression, in prose of several styles', () => {
    expect(categories('Osteopenia with partially degraded bone microarchitecture.')).toEqual(['partially degraded']);
    expect(categories('Osteopenia. Normal TBS.')).toEqual(['normal']);
    expect(categories('Low bone mass; the bone microarchitecture appears normal.')).toEqual(['normal']);
    expect(categories('Your bone texture score suggests degraded trabecular microarchitecture.')).toEqual(['degraded']);
  });
  test('checked against the value: a summary line that disagrees is a mismatch, one that agrees is not', () => {
    expect(mismatches('Osteopenia.\nTBS: Normal microarchitecture.')).toBe(1);
    expect(mismatches('Osteopenia.\nTBS: partially degraded microarchitecture.')).toBe(0);
  });
  test('the statement span covers the category words only (the fix replaces them)', () => {
    const text = report('72-year-old woman.', 'Osteopenia. Degraded bone microarchitecture.');
    const st = analyze(text).elements.categories[0];
    expect(text.slice(st.span.start, st.span.end)).toBe('Degraded');
  });
});

describe('DIR TBS category statements: negated, hedged, hypothetical, historical, legends', () => {
  const none = [
    'Osteopenia. The TBS is not degraded.',
    'Osteopenia. TBS possibly degraded.',
    'Osteopenia. If the TBS were degraded, the risk would be higher.',
    'Osteopenia, with degraded microarchitecture on the prior study.',
    'Osteopenia. TBS reference: normal > 1.310, partially degraded 1.230-1.310, degraded < 1.230.',
    'Osteopenia. Image quality degraded by motion.',
    'Normal bone density.',
    'Osteopenia. A lower TBS is associated with degraded microarchitecture and more fractures.',
    'Osteopenia. Degraded bone microarchitecture predicts fractures independently of BMD.',
  ];
  for (const text of none) test(JSON.stringify(text), () => expect(categories(text)).toEqual([]));
  test('a category beside a threshold (not this TBS) states nothing about this TBS', () =>
    expect(categories('Osteopenia. Values of 1.310 or above are normal microarchitecture.')).toEqual([]));
});

describe('MFT impression: assessment-and-plan headers of clinic notes', () => {
  test.each([
    ['A/P: osteopenia; start alendronate.'],
    ['Assessment/Plan: osteopenia.'],
    ['A&P: osteopenia, recheck in 2 years.'],
  ])('%s', (line) => {
    const text = `L1-L4 T-score -1.8. TBS 1.25.\n${line}\nSigned by: Jane Roe, MD`;
    expect(analyze(text).elements.whoStatements.map((w) => w.whoClass)).toEqual(['osteopenia']);
  });
});

describe('MFT TBS category under a key that names the TBS', () => {
  const cats = (s: string) => analyze(s).elements.categories.map((c) => c.category);
  test.each([
    ['TBS (L1-L4): 1.274\nMicroarchitecture (TBS category): normal'],
    ['TBS L1-L4 1.374\nTBS category: normal'],
    ['Trabecular bone score 1.374 | Trabecular bone score category | normal'],
  ])('%s', (s) => expect(cats(s)).toEqual(['normal']));
  test('a bare "Category: normal" is not taken for the TBS', () =>
    expect(cats('TBS 1.274. L1-L4 T-score -0.5.\nCategory: normal')).toEqual([]));
  test('the mismatch with the value is raised', () =>
    expect(
      analyze('TBS (L1-L4): 1.274\nMicroarchitecture (TBS category): normal').findings.map((f) => f.code),
    ).toContain('tbs-category-mismatch'));
});

describe('MFT TBS category after a spoken value and before the next sentence', () => {
  const cats = (s: string) => analyze(s).elements.categories.map((c) => c.category);
  test.each([
    ['trabecular bone score one point three two eight which is normal. left femoral neck t score minus one point one.'],
    ['TBS 1.328, which is normal. Left total hip T-score -0.4.'],
  ])('%s', (s) => expect(cats(s)).toEqual(['normal']));
  test('"normal" before a site in its own sentence is not the TBS category', () =>
    expect(cats('TBS 1.328 which is normal bone density at the hip.')).toEqual([]));
});

describe('MFT CPT codes', () => {
  const cases: Array<[string, Array<[string, string | null]>]> = [
    [
      'CPT 77080, 77091-26',
      [
        ['77080', null],
        ['77091', '26'],
      ],
    ],
    ['Procedure: 77091 TC', [['77091', 'TC']]],
    ['Billed as 77091 with modifier 26.', [['77091', '26']]],
    [
      'Code 77085 + 77091-TC.',
      [
        ['77085', null],
        ['77091', 'TC'],
      ],
    ],
    [
      'Codes: 77080 and 77092',
      [
        ['77080', null],
        ['77092', null],
      ],
    ],
  ];
  for (const [text, want] of cases)
    test(JSON.stringify(text), () =>
      expect(analyze(report(text)).elements.codes.map((c) => [c.code, c.modifier])).toEqual(want),
    );
  test('DIR: digits inside another number or a reference are no code', () => {
    for (const text of ['Ref 2024-77091', 'Acc# 177091', 'MRN 77091.5', 'Phone 555/77091'])
      expect(analyze(report(text)).elements.codes).toEqual([]);
  });
});

describe('MFT impression from the header vocabulary', () => {
  const body = 'TBS L1-L4: 1.262\nLeft femoral neck T-score -2.1.\nTBS-adjusted FRAX: MOF 17%, hip 2.9%.\n';
  const headers = [
    'Opinion:\nOsteopenia.',
    'Impression and recommendation:\nOsteopenia.',
    'ASSESSMENT\nOsteopenia.',
    'Conclusion: osteopenia.',
    'Comment:\nOsteopenia; partially degraded microarchitecture.',
    'Summary\nOsteopenia.',
    'Results are above. In summary, osteopenia with partially degraded TBS.',
    'Imp: osteopenia.',
    'Impression osteopenia with partially degraded microarchitecture.',
  ];
  for (const h of headers)
    test(JSON.stringify(h), () =>
      expect(analyze(`${body}${h}\nSigned by: Jane Roe, MD\n`).elements.impression).not.toBeNull(),
    );
  test('DIR: a header word then ordinary words is no dictated impression', () =>
    expect(
      analyze(`${body}Summary of the technique follows.\nSigned by: Jane Roe, MD\n`).elements.impression,
    ).toBeNull());
  test('DIR: a header with only a signing line under it is no impression', () =>
    expect(analyze(`${body}IMPRESSION:\nElectronically signed by: Jane Roe, MD\n`).elements.impression).toBeNull());
});

describe('DIR history: an earlier study is not this one', () => {
  const prior = (line: string) => analyze(`${report('72-year-old woman.')}${line}\n`).findings.map((f) => f.code);
  test('a prior value in the findings does not conflict', () => {
    for (const line of [
      'Previous TBS-adjusted FRAX (09/2022): MOF 24%, hip 4.8%.',
      'In 2021 the TBS-adjusted FRAX MOF was 12%.',
      'Compared with the prior DXA, MOF 20% and hip 4%.',
    ])
      expect(prior(line)).not.toContain('conflicting-values');
  });
  test('INV: "with prior fracture" is a FRAX input, not an earlier study', () => {
    const a = analyze(
      report('72-year-old woman.').replace('TBS-adjusted FRAX:', 'TBS-adjusted FRAX (with prior fracture):'),
    );
    expect(a.elements.risks.map((r) => r.value)).toEqual([17, 2.9]);
  });
});
