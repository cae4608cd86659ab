/**
 * Held-out waves 8 and 9 (T*, U*): sign-offs, section headers, statements and demographics read by
 * general mechanisms (branch tsign). Every phrasing here is invented; none is a file's wording.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const who = (s: string) => analyze(s).elements.whoStatements.map((w) => w.whoClass);

describe('a criteria or population bracket after a class keeps it a statement of this patient', () => {
  test.each([
    ['Impression: Osteopenia (WHO criteria, men 50 and over).', 'osteopenia'],
    ['Conclusion: osteoporosis (WHO, postmenopausal women aged 65 and older).', 'osteoporosis'],
    ['Impression: Low bone mass (per ISCD criteria, age 50 or above).', 'osteopenia'],
    ['Spine T-score -2.7. Lowest T-score -2.7 at the lumbar spine: osteoporosis (WHO, women over 50).', 'osteoporosis'],
    ['Beurteilung: Osteopenie (WHO-Kriterien, Männer ab 50 Jahren).', 'osteopenia'],
    // The criteria the class was given by, then the bounds that define them.
    ['Spine T-score -2.7.\n\nImpression: Osteoporosis by WHO criteria (T-score -2.5 or below).', 'osteoporosis'],
    [
      'Spine T-score -2.7.\n\nConclusion: osteoporosis according to WHO criteria (T-score of -2.5 or lower in postmenopausal women).',
      'osteoporosis',
    ],
    ['Spine T-score -1.7.\n\nImpression: osteopenia, per ISCD criteria (T-score between -1.0 and -2.5).', 'osteopenia'],
  ])('%j', (s, cls) => {
    expect(who(s)).toEqual([cls]);
  });
  test.each([
    // A legend: a T-score bound beside the population stays a legend's entry.
    ['Osteopenia: T-score between -1.0 and -2.5 (men aged 50 and over).'],
    ['Osteoporosis: T-score -2.5 or below in women over 50.'],
    ['WHO classification (1994): osteoporosis -2.5 or lower, osteopenia -1.0 to -2.5.'],
    // A legend that lists the classes each with its criteria.
    [
      'Osteoporosis by WHO criteria (T-score -2.5 or below); osteopenia by WHO criteria (-1.0 to -2.5).\nSpine T-score -1.2.',
    ],
    ['Osteoporosis WHO (T-score <= -2.5); osteopenia WHO (-1.0 to -2.5).\nSpine T-score -1.2.'],
    ['Osteoporosis by WHO criteria: T-score -2.5 or below.\nSpine T-score -1.2.'],
  ])('no statement: %j', (s) => {
    expect(who(s)).toEqual([]);
  });
});

describe('bilingual and accentless section headers', () => {
  test.each([
    [
      'Hallazgos / Findings:\nSpine T-score -1.3.\n\nImpresion / Impression:\nOsteopenia (masa osea baja).',
      'osteopenia',
    ],
    ['Resultados / Results: spine T-score -2.8.\n\nConclusion / Conclusión:\nOsteoporosis.', 'osteoporosis'],
    ['Befund: LWS T-Score -1.4.\n\nKommentar / Comment:\nOsteopenia. Repeat in two years.', 'osteopenia'],
    ['Spine T-score -1.6.\n\nZakljucak / Conclusion:\nosteopenia of the spine.', 'osteopenia'],
    ['DIAGNOSTICO / DIAGNOSIS:\nOsteoporosis lumbar.\n', 'osteoporosis'],
    ['Spine T-score -1.7.\n\nImpresión diagnóstica / Diagnostic impression:\nOsteopenia.', 'osteopenia'],
    ['Spine T-score -1.7.\n\nDiagnóstico / Diagnosis: Osteopenia.', 'osteopenia'],
    // One half in another script.
    ['Spine T-score -1.6.\n\nKết luận / Conclusion: Osteopenia.', 'osteopenia'],
    ['Spine T-score -1.6.\n\nالخلاصة / Conclusion: Osteopenia.', 'osteopenia'],
    ['Spine T-score -1.6.\n\n结论 / Conclusion:\nOsteopenia.', 'osteopenia'],
    ['Spine T-score -1.6.\n\n소견 / Impression:\nOsteopenia.', 'osteopenia'],
  ])('%j', (s, cls) => {
    const a = analyze(s);
    expect(a.elements.impression).not.toBe(null);
    expect(who(s)).toEqual([cls]);
  });
  test.each([
    // Bilingual field labels with a value are no headers, and name no class.
    ['Paciente / Patient: Ana Ruiz\nEdad / Age: 71\nSpine T-score -1.4.'],
    ['Medico referente / Referring physician: Dr. Lopez\nSpine T-score -1.4.'],
    ['الاسم / Name: Ahmad\nSpine T-score -1.4.'],
  ])('no impression: %j', (s) => {
    expect(analyze(s).elements.impression).toBe(null);
  });
});

describe('abbreviated impression headers of terse notes', () => {
  test.each([
    ['DXA 3/2/26. L1-4 T -1.9, FN -2.2.\nImpr: osteopenia. F/u 2 yrs.', 'osteopenia'],
    ['L1-4 T -2.9\nImp: osteoporosis, start tx.', 'osteoporosis'],
    ['L1-4 T -2.9, TH -2.1\nIMP. Osteoporosis of the spine.', 'osteoporosis'],
    ['Spine T -1.1\nConcl.: osteopenia at the spine.', 'osteopenia'],
    ['FN T -3.0\nDx: osteoporosis (WHO).', 'osteoporosis'],
    ['FN T -1.7\nA/P: osteopenia; calcium and vitamin D.', 'osteopenia'],
  ])('%j', (s, cls) => {
    expect(who(s)).toEqual([cls]);
  });
  test.each([
    // A class named with no header and no classifying value is no statement.
    ['Hx: osteoporosis in her mother. Spine BMD 0.912 g/cm2.'],
    // "Dx" inside a sentence is no header.
    ['Prior dx of osteoporosis was questioned. Spine BMD 0.912 g/cm2.'],
  ])('no statement: %j', (s) => {
    expect(who(s)).toEqual([]);
  });
});

describe('problem-list items under an assessment header', () => {
  test.each([
    [
      'L FN T -2.0\n\nASSESSMENT/PLAN\n# Osteopenia (WHO), on bisphosphonate\n  - continue\n# HTN - stable',
      'osteopenia',
    ],
    [
      'Spine T -2.8\n\nAssessment and plan:\n# Osteoporosis, high risk\n  - start zoledronate\n# CKD 3a',
      'osteoporosis',
    ],
    ['Hip T -1.4\n\nA/P:\n1. Osteopenia - stable since 2023.\n2. Vitamin D deficiency - replete.', 'osteopenia'],
  ])('%j', (s, cls) => {
    expect(who(s)).toEqual([cls]);
  });
  test('a "#" line that is no item of an assessment still opens a section', () => {
    const a = analyze('# DXA report\nSpine T-score -1.2.\n\n# Impression\nOsteopenia.');
    expect(a.elements.whoStatements.map((w) => w.whoClass)).toEqual(['osteopenia']);
  });
});

const signer = (s: string) => analyze(s).elements.providers.map((p) => p.text);

describe('academic titles before a name are part of the signer, never the whole name', () => {
  test.each([
    ['Spine T-score -2.6.\n\nReported by:\nprof. dr. sc. Ivan Horvat, dr. med.', 'Horvat'],
    ['Spine T-score -2.6.\n\nRadiologist: mr. sc. Ana Babic, dr. med.', 'Babic'],
    ['Spine T-score -2.6.\n\nReported by:\ndr hab. n. med. Anna Nowak', 'Nowak'],
    ['Spine T-score -2.6.\n\nSigned: Ass.-Prof. Dr. Eva Gruber, Radiologin', 'Gruber'],
    ['Spine T-score -2.6.\n\nSigned: Priv.-Doz. Dr. med. Jonas Keller', 'Keller'],
    ['Spine T-score -2.6.\n\nBefundet von: Univ.-Prof. Dr. Karl Huber', 'Huber'],
    ['Spine T-score -2.6.\n\nReported by:\nprim. dr. sc. Ivan Horvat, dr. med.', 'Horvat'],
    ['Spine T-score -2.6.\n\nReported by:\nizv. prof. dr. sc. Ana Kovac', 'Kovac'],
    ['Spine T-score -2.6.\n\nReported by: Dr. med. Dr. rer. nat. Eva Berger', 'Berger'],
  ])('%j', (s, name) => {
    const names = signer(s);
    expect(names.length).toBe(1);
    expect(names[0]).toContain(name);
  });
  test('a title alone is no signer', () => {
    expect(signer('Spine T-score -2.6.\n\nReported by: doc. dr. sc.\n')).toEqual([]);
  });
});

const sexOf = (s: string) => analyze(s).elements.population?.sex ?? null;

describe('a bilingual sex field', () => {
  test.each([
    ['Patient: NOVAK, Ana    DOB: 03.09.1950   Ž / F\nSpine T-score -2.6.', 'female'],
    ['Patient: Horvat Ivan   DOB 1950-01-02   M / M\nSpine T-score -2.6.', 'male'],
    ['Pacjent: Nowak Anna    DOB 1950-01-02    K / F\nSpine T-score -2.6.', 'female'],
    ['Sex / Sexo: F\nSpine T-score -2.6.', 'female'],
    ['Sexo / Sex: M\nSpine T-score -2.6.', 'male'],
    ['Spol / Sex: Ž / F\nSpine T-score -2.6.', 'female'],
    ['Geschlecht / Sex: W / F\nSpine T-score -2.6.', 'female'],
    ['Pohlaví / Sex: M / M\nSpine T-score -2.6.', 'male'],
  ])('%j', (s, sex) => {
    expect(sexOf(s)).toBe(sex);
  });
  test.each([
    // Two sex letters that disagree: no reading.
    ['Patient: Nowak Anna    DOB 1950-01-02    M / F\nSpine T-score -2.6.'],
    // Letters in a cell of a line that is no patient line.
    ['Region   A / F\nSpine T-score -2.6.'],
    // A form's unticked choice.
    ['Sex: M / F\nSpine T-score -2.6.'],
  ])('no sex: %j', (s) => {
    expect(sexOf(s)).toBe(null);
  });
});

describe('attestations and trainee lines: the attending or signing physician is the provider', () => {
  test.each([
    [
      'Spine T -2.0.\n\nFellow: Priya Rao, MD, Endocrinology Fellow\nAttending attestation: I saw and examined the patient with the fellow and agree with the findings\nand plan as documented. - Ada Obi, MD, Associate Professor of Medicine',
      ['Obi'],
    ],
    [
      "Spine T -2.0.\n\nResident: Tom Ng, MD\nTeaching physician statement: I have seen and examined the patient and agree with the resident's note.\nMaria Lopez, MD 01/22/2026",
      ['Lopez'],
    ],
    ['Spine T -2.0.\n\nResident: Tom Ng, MD\nAttending: Jane Roe, MD', ['Roe']],
    [
      'Spine T -2.0.\n\nFellow: Priya Rao, MD\nI have seen and examined the patient with the fellow and agree with the plan. -- John Smith, MD, Attending',
      ['Smith'],
    ],
    ['Spine T -2.0.\n\nDictated by: Tom Ng, MD (resident)\nSigned by: Jane Roe, MD', ['Ng', 'Roe']],
    // A trainee alone signs.
    ['Spine T -2.0.\n\nResident: Tom Ng, MD', ['Ng']],
    [
      'Spine T -2.0.\n\nResident physician: Tom Ng, MD\nI have seen and examined the patient and agree with the resident note. Jane Roe, MD',
      ['Roe'],
    ],
    ['Spine T -2.0.\n\nI agree with the interpretation above. Jane Roe, MD, PhD 01/22/2026 10:14', ['Roe']],
    ['Spine T -2.0.\n\nTeaching Physician: Jane Roe, MD', ['Roe']],
    ['Spine T -2.0.\n\nResident: Tom Ng, MD\nStaff: Jane Roe, MD', ['Roe']],
    [
      "Spine T -2.0.\n\nAttending Physician Attestation: I have reviewed the resident's interpretation and agree. Electronically signed by Jane Roe, MD",
      ['Roe'],
    ],
    ['Spine T -2.0.\n\nFellow: Tom Ng, MD\nCo-signed by: Jane Roe, MD 01/22/2026', ['Roe']],
    ['Spine T -2.0.\n\nResident: Tomasz Wren, MD. Attending: Ana Lan, MD - I have reviewed the images.', ['Lan']],
  ])('%j', (s, names) => {
    const got = signer(s);
    expect(got.length).toBe(names.length);
    names.forEach((name, i) => expect(got[i]).toContain(name));
  });
  test.each([
    // An attestation that names no credentialed signer.
    ['Spine T -2.0.\n\nAttestation: I agree with the findings as documented by Dr. Ng.'],
    // "resident" as a word of the history.
    ['Spine T -2.0. She is a nursing home resident.'],
    // Dashes between values, no signature.
    ['Spine T -2.0 - stable. Hip -1.2 - stable.'],
    // "staff" inside a sentence is no label.
    ['Spine T -2.0. Discussed with staff: no change.'],
    // A credentialed name inside a sentence, not closing it.
    ['Spine T -2.0. Discussed with the patient. Jane Roe, MD will follow up in clinic.'],
  ])('no provider: %j', (s) => {
    expect(signer(s)).toEqual([]);
  });
});

const ageOf = (s: string) => analyze(s).elements.age?.value ?? null;

describe('an age in brackets after a date of birth', () => {
  test.each([
    ['Re: Mrs Ann Lee   DOB 02/08/1944 (81 years)   Ref: X-1\nSpine T-score -2.6.', 81],
    ['Patient born 3.4.1950 (75 y). Spine T-score -2.6.', 75],
    ['Name: Ruiz, Ana  Date of birth: 12 March 1951 (aged 74)\nSpine T-score -2.6.', 74],
    ['Geburtsdatum: 01.02.1948 (78 J.)\nSpine T-score -2.6.', 78],
    ['DOB: 1950-05-06 (75)\nSpine T-score -2.6.', 75],
    ['Re: Mrs A Lee  DOB 02/08/1944 [81 y]\nSpine T-score -2.6.', 81],
    ['Patient: A Lee, DOB: 02/08/1944, 81 years\nSpine T-score -2.6.', 81],
    ['Patient: A Lee   Date of birth 1950-03-12 (75 ans)\nSpine T-score -2.6.', 75],
  ])('%j', (s, age) => {
    expect(ageOf(s)).toBe(age);
  });
  test.each([
    ['DOB 02/08/1944 (81 kg)\nSpine T-score -2.6.'],
    ['DOB 02/08/1944 (see chart)\nSpine T-score -2.6.'],
    ['DOB 02/08/1944 (81.5)\nSpine T-score -2.6.'],
    // After a comma, a bare number or one the clause goes on after is no age.
    ['Patient: A Lee, DOB: 02/08/1944, 81\nSpine T-score -2.6.'],
    ['Patient: A Lee, DOB: 02/08/1944, 81 years smoking history\nSpine T-score -2.6.'],
  ])('no age: %j', (s) => {
    expect(ageOf(s)).toBe(null);
  });
});
