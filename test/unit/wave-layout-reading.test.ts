/**
 * Reading mechanisms added for the layouts of real public reports of many countries (realistic set,
 * wave 3, test/fixtures/realworld/V*): signer titles and role words of other languages, medical
 * registration marks, demographic labels of other languages, bilingual section titles, a software
 * name before a TBS value, "corrected for TBS", and a prior fracture listed among FRAX risk factors.
 * Each mechanism is tested with phrasings and layouts other than the files that revealed it.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

/** A clean study; `head` goes first (demographics), `tail` last (the signature block). */
function study(head: string, tail: string, impressionHeader = 'IMPRESSION:'): string {
  return [
    head,
    'TBS L1-L4: 1.262',
    'Left femoral neck T-score -2.1.',
    'TBS-adjusted FRAX: MOF 17%, hip 2.9%.',
    `${impressionHeader} Osteopenia.`,
    '',
    tail,
    '',
  ].join('\n');
}

const providers = (text: string): string[] => analyze(text).elements.providers.map((p) => p.text);

describe('signature blocks: titles and role words of other languages', () => {
  test.each([
    ['Dra. Carmen Olivares-Prieto\nReumatóloga', 'Olivares-Prieto'],
    ['Dra. Beatriz Nunes-Halloran\nMédica radiologista', 'Nunes-Halloran'],
    ['Dott.ssa Francesca Lombardi\nSpecialist in Rheumatology', 'Lombardi'],
    ['Dott. Marco Bellandi-Achebe\nRadiologo', 'Bellandi-Achebe'],
    ['Dre Sophie Tremblay-Nkemelu\nRhumatologue', 'Tremblay-Nkemelu'],
    ['Prof. Dr. Annegret Vollmer\nEndokrinologin', 'Vollmer'],
    ['Dr. Pieter Claes\nNuclear medicine physician', 'Claes'],
  ])('"%s" is the signer', (block, name) => {
    expect(providers(study('Patient: F, 70.', block)).join(' ')).toContain(name);
  });

  test('a registration mark under the name is no name ("Radiologue - INAMI 1-234...")', () => {
    const got = providers(study('Patient: F, 70.', 'Dr Amélie Dubois-Kone\nRadiologue - INAMI 1-23456-78-901'));
    expect(got.join(' ')).toContain('Dubois-Kone');
    expect(got.join(' ')).not.toMatch(/^INAMI/);
  });

  test.each([
    'Dra. Luiza Campos-Whitley\nCRM-RJ 52-31877 - Radiologista',
    'Dr Owen Pryce-Mensah\nGMC No. 7012345',
    'Dra. Rosa Elena Ibarra\nCédula profesional 8812345',
  ])('a registration line below marks a signature block: %s', (block) => {
    expect(providers(study('Patient: F, 70.', block)).length).toBe(1);
  });

  test('a title and a name alone, without a role or credential line, is still no signer', () => {
    expect(providers(study('Patient: F, 70.', 'Dra. Carmen Olivares-Prieto'))).toEqual([]);
  });
});

describe('demographic labels of other languages', () => {
  const demo = (head: string) => {
    const e = analyze(study(head, 'Signed by: Jane Roe, MD')).elements;
    return { age: e.age?.value ?? null, sex: e.population?.sex ?? null };
  };
  test.each([
    ['Età: 75 anni    Sesso: F', 75, 'female'],
    ['Edad: 68 años   Sexo: Femenino', 68, 'female'],
    ['Idade / Age: 66 anos   Sexo: Masculino', 66, 'male'],
    ['Patient: Mme Claire Lenoir (72 ans)   Sexe: féminin', 72, 'female'],
    ['Geschlecht: weiblich   Alter / Age: 81 Jahre', 81, 'female'],
  ])('"%s"', (head, age, sex) => {
    expect(demo(head)).toEqual({ age, sex });
  });

  test.each([
    ['Patiente: Mme Odile Ferrand, née le 03/09/1953\nExam date: 27/04/2026', 72],
    ['Paziente: Sig.ra Rita Galli, nata il 22/07/1950\nData esame: 11/06/2026', 75],
    ['Paciente: Sra. Luz Medina, fecha de nacimiento 14/02/1961\nFecha del estudio: 20/05/2026', 65],
  ])('age from a date of birth labelled in another language: %s', (head, age) => {
    expect(demo(head).age).toBe(age);
  });
});

describe('a prior fracture among FRAX risk factors does not make what precedes it history', () => {
  test.each([
    ['Reported Risk Factors: US (Caucasian), BMI 24.5, prior fracture', 24.5],
    ['Risk factors entered: BMI 27.1, previous fracture, smoker', 27.1],
    ['FRAX inputs: BMI 19.8; prior fragility fracture; glucocorticoids', 19.8],
  ])('%s', (line, bmi) => {
    expect(analyze(study(line, 'Signed by: Jane Roe, MD')).elements.bmi?.value).toBe(bmi);
  });

  test('"TBS 1.233, prior fracture" keeps the TBS', () => {
    expect(analyze('TBS 1.233, prior fracture, current smoker.').elements.tbs.map((v) => v.value)).toEqual([1.233]);
  });

  test('DIR: a value after "prior" is still history', () => {
    expect(analyze('Prior TBS 1.301. TBS today: 1.262.').elements.tbs.map((v) => v.value)).toEqual([1.262]);
  });
});

describe('a software name before a TBS value', () => {
  test.each([
    'TBS (iNsight): 1.249',
    'TBS iNsight: 1.249',
    'TBS (Medimaps) = 1.249',
    'Trabecular bone score (TBS iNsight): 1.249 - partially degraded',
  ])('"%s" reads the value', (line) => {
    expect(analyze(line).elements.tbs.map((v) => v.value)).toEqual([1.249]);
  });

  test.each(['TBS iNsight 3.1 was used. TBS: 1.249', 'Software: TBS iNsight v2.1. TBS L1-L4 1.249'])(
    'a version number after the name is still no TBS: "%s"',
    (line) => {
      expect(analyze(line).elements.tbs.map((v) => v.value)).toEqual([1.249]);
    },
  );
});

describe('"corrected for TBS" and "uncorrected" set the adjustment', () => {
  const risks = (text: string) =>
    analyze(text)
      .elements.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'a' : 'u'}`)
      .sort();
  test.each([
    ['FRAX corrected for TBS: MOF 17%, hip 3.6%\n(uncorrected: MOF 14%, hip 2.8%)'],
    ['FRAX with TBS correction: MOF 17%, hip 3.6%. Without correction: MOF 14%, hip 2.8%.'],
    ['FRAX (not corrected): MOF 14%, hip 2.8%. FRAX corrected for the TBS: MOF 17%, hip 3.6%.'],
  ])('%s', (text) => {
    expect(risks(`TBS 1.249\n${text}`)).toEqual(['hip 2.8 u', 'hip 3.6 a', 'mof 14 u', 'mof 17 a']);
  });
});

describe('section headers: vendor comment fields and bilingual titles', () => {
  const who = (header: string) =>
    analyze(study('72-year-old woman.', 'Signed by: Jane Roe, MD', header)).elements.whoStatements.map(
      (w) => w.whoClass,
    );
  test.each([
    'Physician comment:',
    "Physician's Comments:",
    'Reviewer comments:',
    'CONCLUSÃO / CONCLUSION:',
    'Conclusión / Conclusion:',
    'BEURTEILUNG / ASSESSMENT:',
    'Conclusie:',
  ])('"%s" opens the impression', (header) => {
    expect(who(header)).toEqual(['osteopenia']);
  });

  test('a bilingual title of a list of inputs is still no impression', () => {
    const text = study('72-year-old woman.', 'Signed by: Jane Roe, MD', 'Facteurs de risque / Risk factors:');
    expect(analyze(text).elements.whoStatements).toEqual([]);
  });
});

describe('a second "... by" label on the signer line', () => {
  test.each([
    ['Report dictated by: JKL, MD, signed by: Juliet K. Lindqvist, MD', 'Lindqvist'],
    ['Dictated by: Dr A. Okafor; reviewed and signed by: Dr Mina Castellanos-Reid, MD', 'Castellanos-Reid'],
    ['Prepared by: P. Osei, MD, verified by: Hamid Rezaei-Grant, MD', 'Rezaei-Grant'],
  ])('%s', (line, name) => {
    expect(providers(study('Patient: F, 70.', line)).join(' | ')).toContain(name);
  });

  test('an excluded role after the comma adds no provider', () => {
    expect(providers(study('Patient: F, 70.', 'Read by: Jane Roe, MD, transcribed by: KL'))).toEqual(['Jane Roe, MD']);
  });
});

const risks = (text: string) =>
  analyze(text)
    .elements.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'a' : 'u'}`)
    .sort();

describe('an adjustment cue that opens a bracket with its own values stays in the bracket', () => {
  test.each([
    'FRAX, with TBS adjustment:\nMajor osteoporotic fracture 21 %; hip fracture 11 %\n(Without TBS: 18 % and 9.3 % respectively)',
    'TBS-adjusted FRAX: MOF 21%, hip 11% (unadjusted: MOF 18%, hip 9.3%)',
    'FRAX adjusted for TBS\nMOF 21 % ; hip 11 %\n(not adjusted: 18 % and 9.3 %)',
  ])('%s', (text) => {
    expect(risks(`TBS 1.154\n${text}`)).toEqual(['hip 11 a', 'hip 9.3 u', 'mof 18 u', 'mof 21 a']);
  });

  test('a bracket of a cue alone still qualifies the value before it: "11 % (TBS-adjusted)"', () => {
    expect(risks('TBS 1.154\nFRAX: MOF 21 % (TBS-adjusted), hip 11 % (TBS-adjusted).')).toEqual([
      'hip 11 a',
      'mof 21 a',
    ]);
  });

  test('"(TBS-adjusted; unadjusted 15%)": the first cue still qualifies the value before the bracket', () => {
    expect(risks('TBS 1.208\nMajor osteoporotic fracture risk: 19% (TBS-adjusted; unadjusted 15%).')).toEqual([
      'mof 15 u',
      'mof 19 a',
    ]);
  });
});

describe('bare coordinated percentages restated under another adjustment take the kinds above', () => {
  test.each([
    'FRAX adjusted for TBS\n10-year probability of major osteoporotic fracture: 15 %\n10-year probability of hip fracture: 2.6 %\nFRAX without TBS: 12 % and 1.9 %',
    'TBS-adjusted FRAX: MOF 15%, hip 2.6%.\nUnadjusted: 12% / 1.9%',
    'TBS-adjusted FRAX\nMajor osteoporotic fracture 15%\nHip fracture 2.6%\nConventional FRAX 12% and 1.9%',
  ])('%s', (text) => {
    expect(risks(`TBS 1.2\n${text}`)).toEqual(['hip 1.9 u', 'hip 2.6 a', 'mof 12 u', 'mof 15 a']);
  });

  test('percentages of another measure after the risks take no kind', () => {
    expect(
      risks('TBS 1.2\nFRAX adjusted for TBS: MOF 15%, hip 2.6%.\nSpine BMD fell 3.1% and 2.0% at the hip since 2023.'),
    ).toEqual(['hip 2.6 a', 'mof 15 a']);
  });

  test('a threshold pair takes no kind', () => {
    expect(risks('TBS 1.2\nFRAX adjusted for TBS: MOF 15%, hip 2.6%.\nFRAX treatment thresholds: 20% and 3%.')).toEqual(
      ['hip 2.6 a', 'mof 15 a'],
    );
  });
});

const tScores = (text: string) => analyze(text).elements.tScores.map((t) => `${t.site}:${t.value}`);

describe('a total with a side is the total hip', () => {
  test.each([
    ['Reference: Total Left  BMD 0.801  T-score -1.6  Z-score 0.1', 'left total hip:-1.6'],
    ['Total Right: T-score -1.9', 'right total hip:-1.9'],
    ['Total Mean   T-score -1.5', 'mean total hip:-1.5'],
  ])('%s', (line, want) => {
    expect(tScores(line)).toEqual([want]);
  });

  test('a total without a side is still no hip', () => {
    expect(tScores('Total: T-score -1.6')).toEqual(['null:-1.6']);
  });
});

describe('trend tables: the latest study row is this study, of the region the heading names', () => {
  test('oldest first, slash dates, change columns', () => {
    const text = [
      'Left total hip trend',
      'Scan Date    Age    BMD (g/cm²)   T-score   Change vs Baseline',
      '03/02/2020   64     0.790         -1.4      -',
      '03/07/2024   68     0.751         -1.7      -4.9%',
      '03/16/2026   70     0.739         -1.8      -6.5%',
    ].join('\n');
    expect(tScores(text)).toEqual(['left total hip:-1.8']);
  });

  test('latest first, ISO dates, heading two lines above', () => {
    const text = [
      'AP Spine L1-L4',
      'Trend:',
      'Measured Date   Age    BMD     T-Score   BMD Change vs Previous',
      '2026-01-08      77.4   0.838   -2.9      -1.8%',
      '2024-01-11      75.4   0.853   -2.8      -2.2%',
    ].join('\n');
    expect(tScores(text)).toEqual(['L1-L4:-2.9']);
  });

  test('a two-line header under a DualFemur heading', () => {
    const text = [
      'DualFemur Total Mean Trend',
      'Measured     Age       BMD        T-score',
      'Date         (years)   (g/cm²)',
      '04/15/2024   74.4      0.834      -1.4',
      '04/28/2026   76.4      0.822      -1.5',
    ].join('\n');
    expect(tScores(text)).toEqual(['mean total hip:-1.5']);
  });

  test('without a heading that names a region, no row is this study', () => {
    const text = [
      'Trend',
      'Scan Date    BMD (g/cm²)   T-score',
      '03/02/2020   0.790         -1.4',
      '03/16/2026   0.739         -1.8',
    ].join('\n');
    expect(tScores(text)).toEqual([]);
  });
});

describe('a sideways TBS row under vertebra columns', () => {
  const tbs = (text: string) => analyze(text).elements.tbs.map((v) => `${v.region}:${v.value}`);
  test.each([
    ['Region   L1      L2      L3      L4      L1-L4\nTBS      1.198   1.231   1.262   1.279   1.244', ['L1-L4:1.244']],
    ['TBS      L1      L2      L3      L4      L1-L4\n         1.198   1.231   1.262   1.279   1.244', ['L1-L4:1.244']],
    ['Vertebra   L1-L2   L3-L4   L1-L4\nTBS        1.210   1.268   1.241', ['L1-L4:1.241']],
    ['TBS      L2-L3   L2-L4\n         1.262   1.270', ['L2-L3:1.262', 'L2-L4:1.27']],
  ])('%s', (text, want) => {
    expect(tbs(text)).toEqual(want);
  });

  test('single vertebrae only: each is its own region, and none conflicts', () => {
    const text = 'TBS      L2      L3      L4\n         1.231   1.262   1.279';
    expect(tbs(text)).toEqual(['L2:1.231', 'L3:1.262', 'L4:1.279']);
    expect(analyze(text).findings.map((f) => f.code)).not.toContain('conflicting-values');
  });
});

describe('text copied from a PDF: phrases and names cut by line breaks', () => {
  test.each([
    '10-Year Fracture Probability (FRAX\nadjusted for TBS) Major Osteoporotic\nFracture 13% Hip Fracture 1.9%',
    'FRAX adjusted for TBS: Major Osteoporotic\nFracture 13% Hip Fracture 1.9%',
    'TBS-adjusted FRAX: 10-year probability of major\nosteoporotic fracture 13% and of hip fracture 1.9%',
  ])('a risk kind cut by the line break keeps its value: %s', (text) => {
    expect(risks(`TBS 1.27\n${text}`)).toEqual(['hip 1.9 a', 'mof 13 a']);
  });

  test.each([
    ['Interpreting physician: Cornelius\nAshdown-Mwangi, MD Date signed:\n01/23/2026', 'Ashdown-Mwangi'],
    ['Reviewed by: Dr Jane\nRoe-Whitaker, FRCR', 'Roe-Whitaker'],
    ['Electronically signed by: Priya\nVenkataraman-Lowe, DO on 02/02/2026', 'Venkataraman-Lowe'],
  ])('a signer name cut by the line break: %s', (block, name) => {
    expect(providers(study('Patient: F, 70.', block)).join(' ')).toContain(name);
  });

  test.each(['Signed by: Jane Roe\nJohn Smith, MD', 'Signed by: Jane Roe\nConsultant Radiologist'])(
    'a whole name is not joined with the next line: %s',
    (block) => {
      expect(providers(study('Patient: F, 70.', block))).toEqual(['Jane Roe']);
    },
  );
});

describe('risk kinds, WHO classes and TBS categories written in other languages', () => {
  test.each([
    [
      'FRAX France ajusté au TBS / adjusted for TBS : fracture majeure 22 % ; col du fémur 5,4 %',
      ['hip 5.4 a', 'mof 22 a'],
    ],
    [
      'FRAX (España) ajustado por TBS: fractura osteoporótica principal 9 %, fractura de cadera 1,2 %',
      ['hip 1.2 a', 'mof 9 a'],
    ],
    [
      'FRAX Italia corretto per TBS / corrected for TBS: frattura maggiore 15 %, frattura di femore 3,3 %',
      ['hip 3.3 a', 'mof 15 a'],
    ],
    [
      'FRAX Deutschland, TBS-adjustiert / adjusted for TBS: Hauptfraktur 18 %, Hüftfraktur 4,0 %',
      ['hip 4 a', 'mof 18 a'],
    ],
  ])('%s', (line, want) => {
    expect(risks(`TBS 1,205\n${line}`)).toEqual(want);
  });

  const statements = (impression: string) => {
    const e = analyze(study('Patient: F, 70.', 'Signed by: Jane Roe, MD').replace('Osteopenia.', impression)).elements;
    return { who: e.whoStatements.map((w) => w.whoClass), cat: e.categories.map((c) => c.category) };
  };
  test.each([
    ['Ostéoporose densitométrique. Microarchitecture dégradée.', 'osteoporosis', 'degraded'],
    ['Osteopenia. Microarquitectura parcialmente degradada.', 'osteopenia', 'partially degraded'],
    ['Osteopenia; microarchitettura parzialmente degradata.', 'osteopenia', 'partially degraded'],
    ['Osteoporose. Mikroarchitektur degradiert.', 'osteoporosis', 'degraded'],
  ])('%s', (impression, who, cat) => {
    const got = statements(impression);
    expect(got.who).toEqual([who]);
    expect(got.cat).toEqual([cat]);
  });
});

describe('an indented row continues the block of the row above it', () => {
  test('"Left Femur  Neck ..." then an indented "Total ..." row', () => {
    const text = [
      'Lumbar Spine (L1-L4)      BMD 0.902 g/cm2     T-score -1.7 (Z-score +0.4)',
      'Left Femur   Neck         BMD 0.611 g/cm2     T-score -2.4 (Z-score -0.5)',
      '             Total        BMD 0.744 g/cm2     T-score -1.8 (Z-score -0.2)',
      'Right Femur  Neck         BMD 0.625 g/cm2     T-score -2.3 (Z-score -0.4)',
      '             Total        BMD 0.760 g/cm2     T-score -1.7 (Z-score -0.1)',
    ].join('\n');
    expect(tScores(text)).toEqual([
      'L1-L4:-1.7',
      'left femoral neck:-2.4',
      'left total hip:-1.8',
      'right femoral neck:-2.3',
      'right total hip:-1.7',
    ]);
  });

  test('a left hip block with indented neck and trochanter rows', () => {
    const text = [
      'Left hip     Total hip   T-score -1.6',
      '             Neck        T-score -2.2',
      '             Troch       T-score -1.1',
    ].join('\n');
    expect(tScores(text)).toEqual(['left total hip:-1.6', 'left femoral neck:-2.2', 'left trochanter:-1.1']);
  });
});

describe('exam dates labelled "Exam:" or "Date:" give the age with a date of birth', () => {
  const age = (head: string) => analyze(study(head, 'Signed by: Jane Roe, MD')).elements.age?.value ?? null;
  test.each([
    ['Name: Roe, Jane   DOB: 02/11/1950   Exam: 05/20/2026', 76],
    ['Patient: Jane Roe\nDate of birth: 14/08/1958\nDate: 21/05/2026', 67],
  ])('%s', (head, want) => {
    expect(age(head)).toBe(want);
  });
});

describe('LOINC observation names: "[T-score] Bone density" before the value', () => {
  test.each([
    ['OBX|1|NM|38267-8^DXA Lumbar spine [T-score] Bone density^LN||-2.1|{T-score}|||||F', 'L1-L4:-2.1'],
    ['DXA Femur neck [T-score] Bone density: -2.6', 'femoral neck:-2.6'],
    ['DXA Hip [T-score] Bone density   -2.2', 'hip:-2.2'],
  ])('%s', (line, want) => {
    expect(tScores(line)).toEqual([want]);
  });

  test('the Z-score of the same naming is a Z-score', () => {
    const e = analyze('DXA Hip [Z-score] Bone density = -0.4').elements;
    expect(e.tScores).toEqual([]);
    expect((e.zScores ?? []).map((z) => z.value)).toEqual([-0.4]);
  });
});
