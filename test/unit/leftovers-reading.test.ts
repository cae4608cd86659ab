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
import { fileReport } from '../../server/src/cli/report';

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
    // A terminator or the other end of a change ends the dated scope forward too.
    [
      'Osteoporosis in 2019 but osteopenia now.',
      (r: ReturnType<typeof read>) => r.who.includes('osteopenia') && !r.who.includes('osteoporosis'),
    ],
    [
      'In 2018 osteoporosis, whereas osteopenia on this study.',
      (r: ReturnType<typeof read>) => r.who.includes('osteopenia') && !r.who.includes('osteoporosis'),
    ],
    [
      'Osteopenia. The TBS category changed from normal in 2019 to partially degraded.',
      (r: ReturnType<typeof read>) => r.categories.includes('partially degraded') && !r.categories.includes('normal'),
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

/**
 * 2. HL7 v2 demographics: PID-7 date of birth, PID-8 sex, and the age from PID-7 and the exam date
 *    (OBR-7, else OBX-14) when no age is stated (`reading/demographics.ts`, fields as data in
 *    `vocab/demographics.ts` `HL7_FIELDS`).
 */
describe('MFT HL7 v2 demographics', () => {
  const obx = [
    'OBX|1|NM|38265-9^DXA Femur neck [T-score] Bone density^LN||-2.1|{T-score}|||||F',
    'OBX|2|NM|TBS^Trabecular bone score L1-L4^L||1.251||||||F',
    'OBX|3|NM|FRAXMOF^FRAX 10y major osteoporotic fracture probability, TBS-adjusted^L||18|%|||||F',
    'OBX|4|NM|FRAXHIP^FRAX 10y hip fracture probability, TBS-adjusted^L||2.4|%|||||F',
    'OBX|5|TX|IMP^Impression^L||Osteopenia. Partially degraded bone microarchitecture.||||||F',
    'OBX|6|TX|SIGN^Interpreting radiologist^L||Farida Nazarova, MD||||||F',
  ];
  function demo(head: string[], sep = '\n', body = obx) {
    const a = analyze([...head, ...body].join(sep));
    return {
      age: a.elements.age?.value ?? null,
      sex: a.elements.population?.sex ?? null,
      codes: a.findings.map((f) => f.code),
    };
  }
  const MSH = 'MSH|^~\\&|RIS|NORTHRIDGE|EHR|NORTHRIDGE|20260412143055||ORU^R01|MSG1|P|2.5.1';

  test.each([
    [
      'PID|1||MRN4471920^^^ELM||PETRAKIS^DESPINA||19560809|F',
      'OBR|1||ACC1|77080^DXA BONE DENSITY AXIAL^CPT|||20260216',
      69,
      'female',
    ],
    // Repeated identifiers, a time on the birth date, an address after the sex.
    [
      'PID|1||MRN1^^^NIMG^MR~123-45-6789^^^SS||QUINTERO^ADELINE^M||195407191530|F|||18 LARCH WAY^^SPRINGVALE^OR^97222',
      'OBR|1|ORD55190|ACC77120|77080^DXA^CPT4|||20260412091500',
      71,
      'female',
    ],
    // Birthday not reached yet in the exam year.
    ['PID|1||X1||DOE^JOHN||19501230|M', 'OBR|1||A|77080^DXA^CPT|||20250101', 74, 'male'],
    // Birthday on the exam day.
    ['PID|1||X1||DOE^JOHN||19500412|M', 'OBR|1||A|77080^DXA^CPT|||20250412', 75, 'male'],
    // An unknown sex code names no sex.
    ['PID|1||X1||DOE^PAT||19600101|U', 'OBR|1||A|77080^DXA^CPT|||20250601', 65, null],
  ])('%s / %s', (pid, obr, age, sex) => {
    for (const sep of ['\n', '\r', '\r\n']) {
      const r = demo([MSH, pid, obr], sep);
      expect(r.age, JSON.stringify(sep)).toBe(age);
      expect(r.sex).toBe(sex);
      expect(r.codes).toEqual([]);
    }
  });

  test('the exam date from OBX-14 when OBR-7 is empty', () => {
    const body = [...obx];
    body[0] = 'OBX|1|NM|38265-9^DXA Femur neck [T-score]^LN||-2.1|{T-score}|||||F|||20240305';
    expect(demo(['PID|1||X1||DOE^JANE||19560809|F', 'OBR|1||A|77080^DXA^CPT'], '\n', body).age).toBe(67);
  });

  test('no exam date: no age from the date of birth alone; the sex is still read', () => {
    const r = demo(['PID|1||X1||DOE^JANE||19560809|F', 'OBR|1||A|77080^DXA^CPT']);
    expect(r.age).toBeNull();
    expect(r.sex).toBe('female');
  });

  test('an age stated in the text outranks the one from the dates', () => {
    const body = [...obx, 'OBX|7|TX|HX^History^L||HISTORY: 71-year-old woman.||||||F'];
    expect(demo(['PID|1||X1||DOE^JANE||19500809|F', 'OBR|1||A|77080^DXA^CPT|||20260216'], '\n', body).age).toBe(71);
  });

  test('a field count off by one reads nothing wrong (PID-6 and PID-9 are not the birth date or sex)', () => {
    // The date in PID-6 (mother's maiden name's place) and "F" in PID-9 (alias).
    const r = demo(['PID|1||X1||DOE^JANE|19560809|||F', 'OBR|1||A|77080^DXA^CPT|||20260216']);
    expect(r.age).toBeNull();
    expect(r.sex).toBeNull();
  });

  test('a prose line is no segment', () => {
    const r = demo(['PID 19560809 F', 'OBR 20260216']);
    expect(r.age).toBeNull();
  });
});

/**
 * 3. A signer's name joined across a line break (text copied from a PDF) reads as one line where a
 *    user sees it (the engine's provider text, the CLI's report); its range still covers both lines.
 *    After the credential, words ending in a colon are the next field's label, not the name.
 */
describe('MFT a signer joined across a line break reads as one line', () => {
  function signer(signature: string[]) {
    const text = [
      'TBS L1-L4: 1.262 (partially degraded microarchitecture).',
      'Left femoral neck T-score -2.1.',
      'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
      'IMPRESSION: Osteopenia.',
      '',
      ...signature,
      '',
    ].join('\n');
    const a = analyze(text);
    return { a, p: a.elements.providers };
  }
  test.each([
    [
      ['Interpreting physician: Cornelius', 'Ashdown-Mwangi, MD Date signed: 04/05/2026'],
      'Cornelius Ashdown-Mwangi, MD',
    ],
    [['Reported by: Dr Philippa', 'Oyelaran-Strand FRCR'], 'Dr Philippa Oyelaran-Strand FRCR'],
    [
      ['Reviewing radiologist: Dr. Amara', '   Okonkwo-Baptiste MBBS FRANZCR'],
      'Dr. Amara Okonkwo-Baptiste MBBS FRANZCR',
    ],
    [['Electronically signed by: Henrik', 'Vasquez-Lund, DO'], 'Henrik Vasquez-Lund, DO'],
    [
      ['Read by: Ingrid', 'Sollberger-Nwosu, MBChB FRCR PhD Date signed: 2026-05-04'],
      'Ingrid Sollberger-Nwosu, MBChB FRCR PhD',
    ],
  ])('%j', (signature, name) => {
    for (const eol of ['\n', '\r\n']) {
      const text = signature.join(eol);
      const { a, p } = signer(text.split('\n'));
      expect(p.map((x) => x.text)).toEqual([name]);
      expect(p[0].text).not.toMatch(/[\r\n]/);
      // The range still runs from the first line of the name to the second.
      expect(p[0].range.end.line).toBe(p[0].range.start.line + 1);
      expect(fileReport('x.txt', a).elements.provider?.text).toBe(name);
      expect(a.findings.map((f) => f.code)).not.toContain('missing-provider');
    }
  });

  test('a name on one line keeps its text as written', () => {
    expect(signer(['Electronically signed by: Jane  Roe, MD']).p.map((x) => x.text)).toEqual(['Jane  Roe, MD']);
  });

  test('a name ending in a colon is still a name when no credential came before', () => {
    expect(signer(['Signed: Jane Roe, MD']).p.map((x) => x.text)).toEqual(['Jane Roe, MD']);
  });
});

/**
 * 4. German "re" (rechts) and "li" (links) are sides only on a German line (a German word or a word
 *    with ä, ö, ü, ß on it; `reading/language.ts`, words in `vocab/sites.ts`). English "re", "Re:",
 *    "re-scan", "re check", "with re to" and the surname "Li" never make a side or break a site.
 */
describe('DIR German "re" / "li" against English "re"', () => {
  function sites(lines: string[]): Array<[string | null, number]> {
    const text = [
      'TBS L1-L4: 1.262',
      ...lines,
      'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
      'IMPRESSION: Osteopenia.',
      'Signed by: Jane Roe, MD',
    ].join('\n');
    return analyze(text).elements.tScores.map((t) => [t.site ?? null, t.value]);
  }
  test.each([
    ['Femoral neck T-score -2.1 (re-scan).', 'femoral neck'],
    ['Femoral neck re-scan T-score -2.1.', 'femoral neck'],
    ['Re femoral neck T-score -2.1.', 'femoral neck'],
    ['Total hip re: T-score -2.1', 'total hip'],
    ['Femoral neck, re-analysed: T-score -2.1', 'femoral neck'],
    ['Femoral neck T-score re -2.1', 'femoral neck'],
    ['With re to the total hip, the T-score is -2.1.', 'total hip'],
    ['Total hip T-score -2.1; re check positioning.', 'total hip'],
    ['Left femoral neck T-score -2.1 (re-scan, re-analysed).', 'left femoral neck'],
    ['Femoral neck T-score -2.1 (reviewed with Dr Li).', 'femoral neck'],
    ['Re: Mrs Hanna Li, femoral neck T-score -2.1.', 'femoral neck'],
  ])('English: "%s" reads %s', (line, site) => {
    expect(sites([line])).toEqual([[site, -2.1]]);
  });

  test.each([
    ['Schenkelhals re  T-Score -2,1', 'right femoral neck'],
    ['Schenkelhals li: T-Score -2,1', 'left femoral neck'],
    ['Gesamthüfte re   T-Score -2,1', 'right total hip'],
    ['Hüfte gesamt li   -2,1', 'left total hip'],
    ['Femoral neck re  T-score -2.1 (Messung rechts)', 'right femoral neck'],
    ['Total hip li -2.1, Beurteilung: Osteopenie', 'left total hip'],
    ['Femurhals re   T-Score -2,1', 'right femoral neck'],
  ])('German: "%s" reads %s', (line, site) => {
    expect(sites([line])).toEqual([[site, -2.1]]);
  });

  test('the same row in English and in German: the German line alone has a side', () => {
    expect(sites(['Femoral neck re -2.1'])).toEqual([['femoral neck', -2.1]]);
    expect(sites(['Schenkelhals re -2.1'])).toEqual([['right femoral neck', -2.1]]);
  });

  test('a German line does not lend its language to the next line', () => {
    expect(sites(['Befund: Knochendichte', 'Femoral neck re-scan T-score -2.1'])).toEqual([['femoral neck', -2.1]]);
  });
});

describe('DIR time: a date that opens its line as a label', () => {
  function lines(extra: string[]) {
    return read(
      [
        'Exam date: 12/03/2024',
        'TBS L1-L4: 1.262',
        'Left femoral neck T-score -2.1.',
        'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
        ...extra,
        'IMPRESSION: Osteopenia. Partially degraded microarchitecture.',
        'Signed by: Jane Roe, MD',
      ].join('\n'),
    );
  }
  test.each([
    [['Prior studies:', '2019: TBS 1.350, normal microarchitecture. Osteoporosis.']],
    [['03/2021: TBS 1.402 (normal); osteoporosis at the femoral neck.']],
    [['History', '2018: osteoporosis, TBS 1.350 normal', '2020: osteoporosis']],
  ])('%j is an earlier study', (extra) => {
    const r = lines(extra);
    expect(r.tbs).toEqual([1.262]);
    expect(r.categories).not.toContain('normal');
    expect(r.who).not.toContain('osteoporosis');
    expect(r.codes).toEqual([]);
  });

  test("this study's date as a line label stays this study's", () => {
    const r = read(
      [
        'Exam date: 12/03/2024',
        '12/03/2024: TBS 1.262, partially degraded microarchitecture.',
        'Left femoral neck T-score -2.1.',
        'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
        'IMPRESSION: Osteopenia.',
        'Signed by: Jane Roe, MD',
      ].join('\n'),
    );
    expect(r.tbs).toEqual([1.262]);
    expect(r.categories).toContain('partially degraded');
  });

  test('the undated line is read (the cases above can fail)', () => {
    const r = lines(['Prior studies:', 'TBS 1.350, normal microarchitecture.']);
    expect(r.tbs).toContain(1.35);
  });
});

describe("DIR time: with no date written to the day, the latest year named is the study's", () => {
  function undated(impression: string) {
    return read(
      [
        'TBS L1-L4: 1.262',
        'Left femoral neck T-score -2.1.',
        'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
        `IMPRESSION: ${impression}`,
        'Signed by: Jane Roe, MD',
      ].join('\n'),
    );
  }
  test('two years: the earlier one is history, the latest is this study', () => {
    const r = undated(
      'Osteoporosis in 2018. Osteopenia in 2024. Partially degraded microarchitecture in 2024, normal in 2019.',
    );
    expect(r.who).toEqual(['osteopenia']);
    expect(r.categories).toEqual(['partially degraded']);
    expect(r.codes).toEqual([]);
  });
  test('one year alone is an earlier study', () => {
    const r = undated('Osteopenia. Osteoporosis in 2018.');
    expect(r.who).toEqual(['osteopenia']);
  });
});
