/**
 * Deterministic generator of typical DXA + TBS reports (about 3 KB each) for the CLI batch tests:
 * most are complete, some lack an element, hold a placeholder, an implausible value or a conflict,
 * so a batch exercises every kind of finding. Same seed, same reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeRng } from '../robustness/reportGen';

const FIRST = [
  'Harriet',
  'Maria',
  'Joan',
  'Aiko',
  'Fatima',
  'Ingrid',
  'Lucia',
  'Grace',
  'Olga',
  'Nadia',
  'Ruth',
  'Carmen',
];
const LAST = [
  'Delacourt',
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'Haddad',
  'Moreau',
  'Kowalski',
  'Brennan',
  'Ivanova',
  'Sato',
  'Greene',
  'Vargas',
];
const DOCS = ['Celeste Marrow-Ibanez, MD', 'Paul Osei, MD', 'Dana Whitfield, DO', 'Rafael Quint, MD', 'Mei Lin Ho, MD'];
const HISTORY = [
  'The patient reports no new fractures since the prior study. She takes calcium and vitamin D supplements daily and walks thirty minutes most days.',
  'There is no history of glucocorticoid use, rheumatoid arthritis or secondary causes of osteoporosis. Family history is notable for a maternal hip fracture at age 79.',
  'She does not smoke and drinks alcohol rarely. Menopause occurred at age 51. No hormone replacement therapy.',
  'Prior DXA two years ago at this facility is available for comparison; positioning and analysis regions were matched to the prior examination.',
  'The patient was counselled about fall prevention, adequate dietary calcium and weight-bearing exercise by the referring clinician.',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const fix = (n: number, d: number) => n.toFixed(d);

/** One report. `kind` chooses the defect (0 = complete). */
export function makeReport(i: number, seed = 7): string {
  const r = makeRng(seed * 100003 + i); // the robustness tests' seeded generator
  const kind = r() < 0.7 ? 0 : 1 + Math.floor(r() * 8);
  const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const age = 48 + Math.floor(r() * 38);
  // Values are rounded as printed, so that stated classes agree with them.
  const round = (n: number, d: number) => Number(n.toFixed(d));
  const tbs = round(1.15 + r() * 0.3, 3);
  const fn = round(-(0.5 + r() * 2.6), 1);
  const l14 = round(-(0.2 + r() * 2.4), 1);
  const hipT = round(fn + 0.6, 1);
  const mof = round(6 + r() * 22, 1);
  const hip = round(0.4 + r() * Math.min(5, mof / 4), 1);
  const cat =
    tbs > 1.31
      ? 'normal microarchitecture'
      : tbs > 1.23
        ? 'partially degraded microarchitecture'
        : 'degraded microarchitecture';
  const lowest = Math.min(fn, l14, hipT);
  const who = lowest <= -2.5 ? 'Osteoporosis' : lowest < -1 ? 'Low bone mass (osteopenia)' : 'Normal bone density';
  const tbsText = kind === 3 ? '___' : kind === 4 ? fix(tbs * 10, 2) : fix(tbs, 3);
  const lines = [
    'LAKEVIEW REGIONAL IMAGING',
    'Department of Radiology - Bone Densitometry',
    '',
    `Patient: ${name}            MRN: LRI-${String(100000 + i).padStart(7, '0')}`,
    `DOB: 03/14/${2024 - age} (Age ${age})                 Sex: F`,
    `Exam date: 04/${String(1 + (i % 28)).padStart(2, '0')}/2024                    Accession: DX24-${100000 + i}`,
    'Referring physician: Martin Ellsworth-Crane, MD',
    '',
    'EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT 77080, 77091)',
    '',
    'INDICATION: Postmenopausal. Screening for osteoporosis.',
    '',
    'CLINICAL HISTORY:',
    ...HISTORY.filter(() => r() < 0.85),
    '',
    'TECHNIQUE: Hologic Horizon A DXA of the lumbar spine (L1-L4) and left proximal femur.',
    'Trabecular bone score calculated from the L1-L4 spine image with TBS iNsight v3.1.',
    `Height 16${Math.floor(r() * 9)} cm, weight 6${Math.floor(r() * 9)} kg, BMI 2${Math.floor(r() * 6)}.${Math.floor(r() * 9)} kg/m2.`,
    '',
    'QUALITY: Scan acquisition and analysis were reviewed by the technologist. No motion, no metal, no',
    'degenerative change or compression deformity excluded from L1-L4. Hip positioning is adequate with the',
    'femoral shaft parallel to the table and 15-25 degrees of internal rotation. Daily phantom QC was within limits.',
    '',
    'FINDINGS:',
    'Region               BMD (g/cm2)   T-score   Z-score',
    `L1-L4                  0.${800 + Math.floor(r() * 150)}        ${fix(l14, 1)}      ${fix(l14 + 1.3, 1)}`,
    kind === 2
      ? ''
      : `Left femoral neck      0.${650 + Math.floor(r() * 120)}        ${fix(fn, 1)}      ${fix(fn + 1.4, 1)}`,
    `Left total hip         0.${700 + Math.floor(r() * 150)}        ${fix(hipT, 1)}      ${fix(hipT + 1.2, 1)}`,
    '',
    'TRABECULAR BONE SCORE:',
    `TBS L1-L4 ${tbsText} (${cat}).`,
    '',
    'FRACTURE RISK:',
    kind === 5
      ? 'Fracture risk was discussed with the patient.'
      : `TBS-adjusted FRAX: MOF ${fix(mof, 1)}%; hip ${fix(kind === 6 ? mof + 3 : hip, 1)}%.`,
    `FRAX inputs: age ${age}, prior fragility fracture none, femoral neck T-score ${fix(fn, 1)}.`,
    '',
    'COMPARISON:',
    'Compared with the DXA of 2022 at this facility. Lumbar spine BMD is stable within the least significant',
    'change of this device. Left femoral neck BMD has decreased, within the least significant change. The same',
    'scanner, software version and regions of interest were used; vertebral levels were reviewed for artefact.',
    '',
    'IMPRESSION:',
    `1. ${who}. Lowest T-score ${fix(lowest, 1)}.`,
    `2. TBS ${kind === 3 ? '[ ]' : fix(tbs, 3)}, ${cat}.`,
    kind === 5
      ? '3. See clinical notes.'
      : `3. TBS-adjusted FRAX 10-year probability of major osteoporotic fracture ${fix(mof, 1)}% and hip fracture ${fix(hip, 1)}%.`,
    kind === 8 ? `4. TBS of 1.${100 + Math.floor(r() * 99)} on the prior examination.` : '',
    '',
    'RECOMMENDATIONS:',
    'Follow-up DXA with TBS in two years on the same device is suggested, or sooner if treatment changes.',
    'Correlate with clinical risk factors, fall history and laboratory evaluation for secondary causes.',
    '',
    kind === 7 ? 'Dictated, not signed.' : `Electronically signed by: ${pick(r, DOCS)}`,
    `04/22/2024 15:${String(10 + Math.floor(r() * 49))}`,
    '',
  ];
  return lines.join('\n');
}

/** Writes `count` reports into dir (in nested folders of 500) and returns their paths in walk order. */
export function writeBatch(dir: string, count: number, seed = 7): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) fs.mkdirSync(sub, { recursive: true });
    const f = path.join(sub, `report-${String(i).padStart(5, '0')}.radreport`);
    fs.writeFileSync(f, makeReport(i, seed));
    files.push(f);
  }
  return files;
}
