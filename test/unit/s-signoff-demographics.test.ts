/** Held-out wave 7 (S*): sign-offs and demographics read by general mechanisms (branch ssign). */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const demo = (s: string) => {
  const e = analyze(s).elements;
  return { age: e.age?.value ?? null, sex: e.population?.sex ?? null };
};

describe('a sex noun after a status adjective, with its age beside it', () => {
  test.each([
    ['Question: osteoporosis? Postmenopausal woman, 79 years.', 79, 'female'],
    ['Indication: post-menopausal female, 66 yrs. Height loss.', 66, 'female'],
    ['Clinical details: perimenopausal woman, 52. Early menopause in mother.', 52, 'female'],
  ])('%j', (s, age, sex) => {
    expect(demo(s)).toEqual({ age, sex });
  });
  test.each([
    // A population, not the patient.
    ['FRAX applies to postmenopausal women, 40 to 90 years.'],
    // Not a clause of its own: a count follows.
    ['Postmenopausal woman, 79 years of smoking history was noted and 3 falls.'],
  ])('no age: %j', (s) => {
    expect(demo(s).age === 79 || demo(s).age === 40).toBe(false);
  });
});

describe('an age after "of" following a person noun', () => {
  test.each([
    ['Mr Tobiah Ferreira-Lund, a retired engineer of 83, attended for DXA.', 83, 'male'],
    ['Mrs Ada Quill, a keen gardener of 71, was scanned today.', 71, 'female'],
    ['Ms J. Oduya, a teacher of 64 years, is referred for bone density.', 64, 'female'],
    ['Referral: a gentleman of 78 with back pain.', 78, 'male'],
    ['History: lady of 82, wrist fracture in 2024.', 82, 'female'],
  ])('%j', (s, age, sex) => {
    expect(demo(s)).toEqual({ age, sex });
  });
  test.each([
    // Experience, not an age: the clause goes on after the number.
    ['Mr Ian Hale, a consultant of 20 years standing, reviewed the scan.'],
    // A group, not the patient.
    ['FRAX was validated in men of 50 and over.'],
    // No person noun: a count of things.
    ['A series of 12 images was acquired.'],
  ])('no age: %j', (s) => {
    expect(demo(s).age).toBe(null);
  });
});

describe('an age from the date of birth and an exam date under more wordings of its label', () => {
  test.each([
    ['Date of birth: 11.05.1960            Date of investigation: 14.10.2026\nSex: female', 66],
    ['DOB 02.03.1950\nInvestigation date 20.11.2026', 76],
    ['Syntymäaika / Date of birth: 30.06.1949\nTutkimuspäivä: 01.07.2026', 77],
    ['Födelsedatum: 1955-08-19\nUndersökningsdatum: 2026-08-18', 70],
  ])('%j', (s, age) => {
    expect(demo(s).age).toBe(age);
  });
  test('a date of birth without any exam date gives no age', () => {
    expect(demo('Date of birth: 11.05.1960\nReport typed 14.10.2026 by the secretary.').age).toBe(null);
  });
});

describe('an age after the name on the patient line, with an age unit of more languages', () => {
  test.each([
    ['Potilas / Patient: Rautiainen Aino, 68 v, nainen (female)', 68],
    ['Patient: Karlsson Britt, 74 år\nExamination: DXA', 74],
    ['Pasient: Nordby Kari, 81 år, kvinne', 81],
    ['Patient: Hale Ruth, 66\nReferred by: Dr Lamb', 66],
    ['Potilas: Virtanen Eeva, 71 vuotta', 71],
  ])('%j', (s, age) => {
    expect(demo(s).age).toBe(age);
  });
  test.each([
    // A count after the name that does not end its clause.
    ['Patient: Hale Ruth, 66 kg weight loss noted'],
    // No patient label: a doctor's line.
    ['Referred by: Dr Lamb Mary, 12 v'],
  ])('no age: %j', (s) => {
    expect(demo(s).age).toBe(null);
  });
});

const signers = (s: string) =>
  analyze(`Lumbar spine T-score -1.2. TBS 1.300.\n\n${s}`).elements.providers.map((p) => p.text);

describe('German role labels and titles in the ASCII spelling of the umlauts (ae, oe, ue)', () => {
  test.each([
    ['Befundende Aerztin: Dr. med. Ruth Annaberg-Kisch, Fachaerztin fuer Innere Medizin', 'Annaberg-Kisch'],
    ['Befundende Oberaerztin: Dr. Lena Vogt', 'Lena Vogt'],
    ['Chefaerztin: Prof. Dr. Maria Ebner', 'Maria Ebner'],
    ['Dr. Jonas Kern, Facharzt fuer Radiologie', 'Jonas Kern'],
  ])('%j', (s, name) => {
    expect(signers(s).join(' | ')).toContain(name);
  });
  test('the umlaut spelling still reads', () => {
    expect(signers('Befundende Ärztin: Dr. med. Ruth Kisch').join(' | ')).toContain('Ruth Kisch');
  });
});

describe('Nordic and Finnish role labels and credentials after the name', () => {
  test.each([
    ['Radiolog: Haakon Stromsvik-Aune, lege, spesialist i radiologi', 'Stromsvik-Aune'],
    ['Radiolog: Karin Holm, överläkare', 'Karin Holm'],
    ['Sanna Lehtovirta-Hale, LL, radiologian erikoislaakari   16.09.2026', 'Lehtovirta-Hale'],
    ['Matti Korhonen, LT, erikoislääkäri', 'Matti Korhonen'],
    ['Ingrid Dahl, overlege', 'Ingrid Dahl'],
  ])('%j', (s, name) => {
    expect(signers(s).join(' | ')).toContain(name);
  });
  test.each([
    // A referring doctor stays excluded.
    ['Henvisende lege / Referred by: Ola Nordmann, lege'],
    // Radiology as a department, not a signer.
    ['Radiologisk avdeling, Sykehuset Innlandet'],
  ])('no signer: %j', (s) => {
    expect(signers(s)).toEqual([]);
  });
});

describe('a role label with a bracketed translation before its colon', () => {
  test.each([
    [
      'Report physician (报告医师): Li Wanqing      Reviewing physician (审核医师): Zhou Hanbo, chief physician',
      'Zhou Hanbo',
    ],
    ['Reporting radiologist (Befundender Arzt): Dr. Anna Weber', 'Anna Weber'],
    ['Interpreting physician (médecin interprète): Claire Dubois, MD', 'Claire Dubois'],
  ])('%j', (s, name) => {
    expect(signers(s).join(' | ')).toContain(name);
  });
  test.each([['Referring physician (médecin traitant): Paul Martin, MD'], ['Performed by (technologist): Jane Roe']])(
    'no signer: %j',
    (s) => {
      expect(signers(s)).toEqual([]);
    },
  );
});

describe('a signer title wrapped after a lower-case word goes on on the next line', () => {
  test.each([
    [
      'Befundende Aerztin: Dr. med. Ruth Kisch, Fachaerztin fuer\nInnere Medizin, Osteologin',
      'Fachaerztin fuer Innere Medizin, Osteologin',
    ],
    ['Reporting radiologist: Dr. Ana Ruiz, especialista en\nRadiodiagnóstico', 'especialista en Radiodiagnóstico'],
  ])('%j', (s, tail) => {
    expect(signers(s).join(' | ')).toContain(tail);
  });
  test('a label on the next line is not taken into the name', () => {
    expect(
      signers('Befundende Aerztin: Dr. med. Ruth Kisch, Fachaerztin fuer\nDatum: 12.10.2026').join(' | '),
    ).not.toContain('Datum');
  });
});

describe('German demographic words in the ASCII umlaut spelling', () => {
  test.each([
    ['Geschlecht: maennlich\nAlter: 71', 'male'],
    ['Geschlecht: männlich', 'male'],
    ['Patient, maennlich, 64 Jahre', 'male'],
  ])('%j', (s, sex) => {
    expect(demo(s).sex).toBe(sex);
  });
});
