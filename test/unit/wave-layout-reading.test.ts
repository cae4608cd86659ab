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
