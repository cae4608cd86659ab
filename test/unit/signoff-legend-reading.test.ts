/**
 * Issue 10, failure classes 1 (sign-offs) and 2 (legends and prior studies), tested as classes: each
 * mechanism with phrasings in several national styles that the code was not written around.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const BODY = 'TBS L1-L4 1.262. Left femoral neck T-score -1.8.\nTBS-adjusted FRAX: MOF 12%, hip 1.9%.\n\n';
const names = (s: string) => analyze(BODY + s).elements.providers.map((p) => p.text);

describe('class 1: the signer is the part that looks like a person', () => {
  test('a job title after the name (same line or the line below) is not the name', () => {
    expect(names('Reported by: Dr Fenella Ogilvie-Marr, Consultant Radiologist in Musculoskeletal Imaging')).toEqual([
      'Dr Fenella Ogilvie-Marr',
    ]);
    expect(names('Reporter: Prof. Aled Pryce-Jenkins, Consultant Rheumatologist')).toEqual([
      'Prof. Aled Pryce-Jenkins',
    ]);
    expect(names('Yours sincerely,\n\nDr Moira Abernethy\nConsultant Physician, Osteoporosis Service\n')).toEqual([
      'Dr Moira Abernethy',
    ]);
    expect(names('Kind regards,\nDr Tane Whaanga\nStaff Specialist, Bone Health Unit, Hutt Hospital\n')).toEqual([
      'Dr Tane Whaanga',
    ]);
  });

  test('a role line naming a place never reads as the signer', () => {
    for (const s of [
      'Consultant Physician, Falls and Bone Health Service',
      'Staff Radiologist, Department of Medical Imaging',
      'Attending Physician, Metabolic Bone Disease Clinic',
    ])
      expect(names(s), s).toEqual([]);
  });

  test('a credential on the line below the name makes a signature block', () => {
    expect(names('Dr. Sushmita Venkatraman\nDNB (Radio-diagnosis)\n')).toEqual(['Dr. Sushmita Venkatraman']);
    expect(names('Dr Thabo Mokoena-Pillay\nMBChB, FCRad(D)SA\n')).toEqual(['Dr Thabo Mokoena-Pillay']);
    expect(names('Dr Jean-Luc Tremblay\nMD, FRCPC\n')).toEqual(['Dr Jean-Luc Tremblay']);
  });

  test('a foreign job title after a comma ends the name', () => {
    expect(names('dr. Willemijn de Vries-Bakker, radioloog')).toEqual(['dr. Willemijn de Vries-Bakker']);
  });

  test('abbreviated signing verbs and agent nouns with a colon', () => {
    expect(names('Dictated: Dr Oluwaseun Adebayo-Clarke\nTranscribed: mt 02/02/2026')).toEqual([
      'Dr Oluwaseun Adebayo-Clarke',
    ]);
    expect(names('Reviewed: Harpreet Sandhu-Gill, MD')).toEqual(['Harpreet Sandhu-Gill, MD']);
    expect(names('Interpreter: Dr Ines Castelo-Branco')).toEqual(['Dr Ines Castelo-Branco']);
    expect(names('Study interpreter: Wen-Li Zhou, MD, FRCPC')).toEqual(['Wen-Li Zhou, MD, FRCPC']);
  });

  test('a verb label needs a person after it', () => {
    expect(names('Reviewed: with the patient in clinic')).toEqual([]);
    expect(names('Amended: hip probability corrected from 1.2% to 1.9%')).toEqual([]);
  });

  test('a label of several role words ("Physician Signature:")', () => {
    expect(names('Reading Radiologist Signature: Amara Okonkwo-Lee, MD   Date: 06/01/2026')).toEqual([
      'Amara Okonkwo-Lee, MD',
    ]);
    expect(names('Attending Physician e-Signature: Bjorn Halvorsen, DO')).toEqual(['Bjorn Halvorsen, DO']);
  });

  test('an all-capitals name on the line after the label is not a header', () => {
    expect(names('PRIMARY INTERPRETING STAFF:\nOKAFOR,CHIDINMA A  STAFF RADIOLOGIST')).toEqual(['OKAFOR,CHIDINMA A']);
    expect(names('VERIFIED BY:\nDELACROIX,MARIE-HELENE')).toEqual(['DELACROIX,MARIE-HELENE']);
  });

  test('a spaced dash ends the name', () => {
    expect(names('Electronically signed by: Ruth Abara, MD — agree with the resident findings')).toEqual([
      'Ruth Abara, MD',
    ]);
  });

  test('excluded roles stay excluded', () => {
    for (const s of [
      'Referring doctor: Dr Ann Bell',
      'Ordering Physician: Sam Poe, MD',
      'Transcribed: Dr Ann Bell',
      'cc: Dr Ann Bell, GP',
      'DXA technologist: Lee Moss, RT(R)',
    ])
      expect(names(s), s).toEqual([]);
  });
});

const read = (s: string) => {
  const e = analyze(BODY + s).elements;
  return {
    tbs: e.tbs.map((x) => x.value),
    t: e.tScores.map((x) => x.value),
    who: e.whoStatements.map((w) => w.whoClass),
  };
};

describe('class 2: legends, footnotes and prior studies state nothing about this study', () => {
  test('a WHO legend entry (class with bounds or ranges only) is no stated class and no T-score', () => {
    for (const legend of [
      'Osteoporosis: T-score -2.5 and below',
      'T-score of -2.5 or worse = osteoporosis',
      'Osteopenia: T-score between -1.0 and -2.5; osteoporosis: T-score at or below -2.5',
      'WHO classification: normal >= -1.0; low bone mass -1.0 to -2.5; osteoporosis <= -2.5',
      'Key - osteopenia -1.0 through -2.5, osteoporosis -2.5 and lower',
    ]) {
      const r = read(`Impression: osteopenia.\n\n${legend}`);
      expect(r.who, legend).toEqual(['osteopenia']);
      expect(r.t, legend).toEqual([-1.8]);
    }
  });

  test('a class stated with its value is still stated', () => {
    expect(read('Osteoporosis at the spine (T-score -2.8, below the -2.5 threshold).').who).toEqual(['osteoporosis']);
    expect(read('Conclusion: osteopenia, lowest T-score -1.8 at the left femoral neck.').who).toEqual(['osteopenia']);
  });

  test('a line led by a threshold cue and a colon is a legend, whatever values it lists', () => {
    for (const foot of [
      '* Least significant change (95% CI): spine 0.027 g/cm2; TBS 0.041.',
      'Reference ranges: TBS >= 1.310 normal; 1.230-1.310 partially degraded; <= 1.230 degraded.',
      'Precision (LSC) at this site: BMD 2.8%; TBS 0.035',
    ])
      expect(read(foot).tbs, foot).toEqual([1.262]);
  });

  test('a TBS bound in a sentence is no TBS value', () => {
    for (const s of [
      'A TBS at or below 1.230 is consistent with degraded microarchitecture.',
      'TBS values of 1.310 and above are normal.',
    ])
      expect(read(s).tbs, s).toEqual([1.262]);
  });

  test("a COMPARISON header's paragraph is the earlier study's, hard-wrapped or not", () => {
    expect(read('COMPARISON: DXA of 14/03/2022. At that time the\nTBS was 1.174.').tbs).toEqual([1.262]);
    expect(read('Comparison: 2021 study, TBS 1.190 and\nfemoral neck T-score -2.2.\n').tbs).toEqual([1.262]);
    // Under a bare header, current values are read by their own rules.
    expect(read('COMPARISON:\nNone available.\nTBS L1-L4 1.262.').tbs).toEqual([1.262, 1.262]);
  });

  test("the COMPARISON paragraph's T-scores are the earlier study's too", () => {
    const t = (s: string) => analyze(BODY + s).elements.tScores.map((x) => x.value);
    for (const s of [
      'COMPARISON: 09/2021. At that time the left femoral neck\nT-score was -2.6 and the spine -2.9.',
      'Comparison: prior DXA 2022 with femoral neck T-score -2.4 and\ntotal hip -2.0.',
    ])
      expect(t(s), s).toEqual([-1.8]);
  });
});
