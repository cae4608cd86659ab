/**
 * A deterministic, seeded generator of DXA + TBS reports in the styles of the shared corpus and
 * examples/ (Lakeview, Harborside, comprehensive, Markdown, interpretation-only), 2-6 KB each by
 * default, with varied values and, on request, the defects real drafts have (missing elements,
 * template placeholders, Unicode minus, decimal commas, CRLF). Used by the robustness tests and by
 * `npm run bench` (bundled with esbuild), so it imports nothing but plain TypeScript.
 */

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Style = 'lakeview' | 'harborside' | 'comprehensive' | 'markdown' | 'interpretation';
export const STYLES: readonly Style[] = ['lakeview', 'harborside', 'comprehensive', 'markdown', 'interpretation'];

export interface GenOptions {
  /** Smallest size in UTF-8 bytes (default 2048). */
  minBytes?: number;
  /** Largest size in UTF-8 bytes (default 6144). */
  maxBytes?: number;
  style?: Style;
  /** Probability that the report carries defects (default 0.35); 0 gives clean reports. */
  defectRate?: number;
  /** Line break; by default "\n", and "\r\n" for about one report in eight. */
  eol?: '\n' | '\r\n' | '\r';
}

const FIRST = [
  'Harriet',
  'Walter',
  'Imelda',
  'Rosalind',
  'Eugenie',
  'Valentina',
  'Bartholomew',
  'Cordelia',
  'Philippa',
  'Augustin',
  'Lucinda',
  'Thaddeus',
  'Margarethe',
  'Benedikt',
  'Ottoline',
  'Clementine',
  'Soren',
  'Amara',
  'Joaquin',
  'Ingrid',
  'Tomasz',
  'Yusra',
  'Keiko',
  'Oluwaseun',
];
const LAST = [
  'Delacourt',
  'Brumfield',
  'Castellane',
  'Achterfeld',
  'Thornbury',
  'Okonkwo-Reyes',
  'Ainslie-Grant',
  'Fenwright',
  'Durand-Okeke',
  'Pelletier-Moss',
  'Marrak-Oduya',
  'Wellingborough',
  'Solberg-Nwosu',
  'Oyelowo-Marsh',
  'Grabowski-Fairweather',
  'Abara',
  'Lindqvist',
  'Haddad',
  'Mbeki-Larsen',
  'Ferreira',
];
const DOCTORS = [
  'Celeste Marrow-Ibanez, MD',
  'Gideon Farrowby, MD',
  'Tobias Rennequin, MD',
  'Noor Halvorsen-Achebe, MD, CCD',
  'Priya Natarajan, MD',
  'Dana Whitfield, MD',
  'Ibrahim Castellanos, DO',
  'Mireille Okafor, MD, PhD',
];
const REFERRERS = [
  'Martin Ellsworth-Crane, MD',
  'Anika Soderholm, NP',
  'Paulin Oyenuga, MD',
  'Laurence Whitcombe, MD',
  'Sandrine Kowalczyk, DO',
  'Felicity Moorcroft, MD',
  'Ruth Abernathy-Singh, MD',
  'Ophelia Brandtner, MD',
];
const FACILITIES = [
  'LAKEVIEW REGIONAL IMAGING',
  'HARBORSIDE BONE HEALTH CLINIC',
  'RIVERBEND IMAGING',
  'WESTMERE OUTPATIENT IMAGING',
  'NORTHGATE MEDICAL CENTER',
];
const SCANNERS = ['Hologic Horizon A', 'Hologic Horizon W', 'GE Lunar iDXA', 'GE Lunar Prodigy', 'Hologic Discovery W'];
const INDICATIONS = [
  'Postmenopausal. Screening for osteoporosis. Prior wrist fracture in 2019.',
  'Long-term glucocorticoid use (prednisone 7.5 mg daily for polymyalgia rheumatica).',
  'Androgen deprivation therapy for prostate cancer. Assess fracture risk.',
  'Aromatase inhibitor therapy (anastrozole) for breast cancer.',
  'Type 2 diabetes; assess fracture risk.',
  'Rheumatoid arthritis, postmenopausal.',
  'Primary hyperparathyroidism.',
  'Kyphosis and 4 cm height loss.',
  'Early menopause at age 44. Mother with hip fracture.',
  'Follow-up, on alendronate since 2021.',
  'Systemic lupus erythematosus, prednisone 10 mg daily for 14 months.',
  'Hypogonadism.',
];
const SITES = [
  ['L1-L4', 'Left femoral neck', 'Left total hip'],
  ['L1-L4', 'Right femoral neck', 'Right total hip'],
  ['L1-L4', 'Left femoral neck', 'Left total hip', 'Right femoral neck', 'Right total hip'],
];
const RECOMMENDATIONS = [
  '- Consider pharmacologic therapy given the fracture probability.',
  '- Fall-risk assessment and home safety review.',
  '- Review calcium and vitamin D intake; check serum 25-hydroxyvitamin D.',
  '- Repeat DXA in 2 years on the same scanner.',
  '- Weight-bearing and resistance exercise as tolerated.',
  '- Correlate with clinical history and secondary causes of bone loss.',
  '- Consider referral to the fracture liaison service.',
  '- Dental review before starting antiresorptive therapy.',
];
const NOTES = [
  "Quality control: daily phantom scans were within the manufacturer's limits.",
  'The region of interest was placed by the technologist and reviewed by the interpreting physician.',
  'Positioning was adequate; no motion artefact was identified.',
  'Degenerative change can raise spine BMD; the hip values are used for classification.',
  'The least significant change at this facility is 2.0% at the spine and 2.5% at the hip.',
  'Values are compared only with studies from the same scanner model.',
  'Trabecular bone score is a texture index of the lumbar spine image and does not replace BMD.',
  'FRAX inputs were confirmed with the patient at the time of the scan.',
  'No vertebral body height loss meeting Genant grade 1 criteria was seen on VFA images.',
  'Mild facet degeneration at L4-L5 does not overlap the region of interest.',
  'Incidental calcification of the abdominal aorta is noted.',
  'The patient was asked about falls in the past year and reported none.',
  'Height measured today is 3 cm below the height the patient recalls from early adulthood.',
  'Lateral spine images of T4-L4 were acquired for vertebral fracture assessment.',
  'Hip axis length and femoral neck geometry are within the reference range.',
  'The scan was performed with the patient supine; the left hip was internally rotated 15 degrees.',
  'Results were discussed with the patient, who received written information about bone health.',
  'The spine region excludes no vertebrae; all four levels are evaluable.',
  'BMD values are expressed in g/cm2; T-scores use the NHANES III white female reference.',
  'Z-scores compare the patient with people of the same age, sex and ethnicity.',
  "The report was prepared from the scanner export and the technologist's worksheet.",
  'Medication history: calcium 1200 mg and vitamin D 1000 IU daily; no prior antiresorptive therapy.',
];

function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function num(r: Rng, lo: number, hi: number, digits: number): string {
  return (lo + r() * (hi - lo)).toFixed(digits);
}

function name(r: Rng): string {
  return `${pick(r, FIRST)} ${String.fromCharCode(65 + Math.floor(r() * 26))}. ${pick(r, LAST)}`;
}

function date(r: Rng): string {
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${2022 + Math.floor(r() * 4)}`;
}

function category(tbs: number): string {
  if (tbs > 1.31) return 'normal';
  if (tbs > 1.23) return 'partially degraded';
  return 'degraded';
}

function who(t: number): string {
  if (t <= -2.5) return 'Osteoporosis';
  if (t < -1) return 'Low bone mass (osteopenia)';
  return 'Normal bone density';
}

interface Values {
  age: number;
  bmi: string;
  rows: Array<{ site: string; bmd: string; t: string; z: string }>;
  lowest: { site: string; t: string };
  tbs: string;
  cat: string;
  mof: string;
  hip: string;
  code: string;
  doctor: string;
}

function values(r: Rng, style: Style): Values {
  const sites = pick(r, SITES);
  const rows = sites.map((site) => ({
    site,
    bmd: num(r, 0.55, 1.25, 3),
    t: num(r, -3.6, 0.8, 1),
    z: num(r, -2.0, 1.8, 1),
  }));
  const lowest = rows.reduce((a, b) => (Number(b.t) < Number(a.t) ? b : a));
  const tbs = num(r, 1.05, 1.45, 3);
  const mofN = 3 + r() * 30;
  const hipN = Math.min(mofN * 0.6, 0.2 + r() * 9);
  const code = style === 'interpretation' ? '77092' : r() < 0.8 ? '77080, 77091' : r() < 0.5 ? '77089' : '77080, 77089';
  return {
    age: 45 + Math.floor(r() * 44),
    bmi: num(r, 17, 34, 1),
    rows,
    lowest: { site: lowest.site, t: lowest.t },
    tbs,
    cat: category(Number(tbs)),
    mof: mofN >= 10 ? mofN.toFixed(0) : mofN.toFixed(1),
    hip: hipN.toFixed(1),
    code,
    doctor: pick(r, DOCTORS),
  };
}

interface Defects {
  noTbs: boolean;
  noProvider: boolean;
  noModel: boolean;
  noRisk: boolean;
  noImpression: boolean;
  placeholders: boolean;
  unicode: boolean;
  decimalComma: boolean;
  wrongCategory: boolean;
}

function defects(r: Rng, rate: number): Defects {
  const on = r() < rate;
  const d = (p: number) => on && r() < p;
  return {
    noTbs: d(0.25),
    noProvider: d(0.25),
    noModel: d(0.2),
    noRisk: d(0.15),
    noImpression: d(0.1),
    placeholders: d(0.3),
    unicode: d(0.3),
    decimalComma: d(0.15),
    wrongCategory: d(0.15),
  };
}

function pad(s: string, w: number): string {
  return s.length >= w ? `${s} ` : s + ' '.repeat(w - s.length);
}

/** The report's parts in order; `extras` is where padding paragraphs go. */
function build(r: Rng, style: Style, v: Values, d: Defects): { head: string[]; body: string[][]; tail: string[] } {
  const patient = name(r);
  const facility = style === 'lakeview' ? FACILITIES[0] : style === 'harborside' ? FACILITIES[1] : pick(r, FACILITIES);
  const scanner = pick(r, SCANNERS);
  const tbsCat = d.wrongCategory
    ? pick(
        r,
        ['normal', 'partially degraded', 'degraded'].filter((c) => c !== v.cat),
      )
    : v.cat;
  const model = d.noModel
    ? '10-year probability'
    : pick(r, ['TBS-adjusted FRAX', 'FRAX adjusted for TBS', 'TBS-adjusted FRAX (US, Caucasian)']);
  const tbsValue = d.noTbs ? (d.placeholders ? '___' : '') : v.tbs;
  const provider = d.noProvider ? (d.placeholders ? '<name>' : '') : v.doctor;
  const head: string[] = [];
  const body: string[][] = [];
  const tail: string[] = [];

  if (style === 'markdown') {
    head.push(
      '## DXA + Trabecular Bone Score',
      '',
      `Billing: CPT ${v.code}`,
      '',
      `**Age:** ${v.age} · **BMI:** ${v.bmi} kg/m2`,
      '',
    );
    body.push(['## Indication', pick(r, INDICATIONS), '']);
    body.push([
      '## Findings',
      '| Region            | BMD (g/cm2) | T-score | Z-score |',
      '|-------------------|-------------|---------|---------|',
      ...v.rows.map((row) => `| ${pad(row.site, 17)}| ${pad(row.bmd, 11)} | ${pad(row.t, 7)} | ${pad(row.z, 7)} |`),
      '',
    ]);
    body.push([
      '## Trabecular bone score',
      d.noTbs ? `TBS (L1-L4) = ${tbsValue}` : `TBS (L1-L4) = ${tbsValue}, ${tbsCat} microarchitecture.`,
      '',
    ]);
    if (!d.noRisk) body.push(['## Fracture risk', `${model}: MOF ${v.mof} %, hip ${v.hip} %.`, '']);
    if (!d.noImpression)
      body.push([
        '## Impression',
        `1. ${who(Number(v.lowest.t))}.`,
        d.noTbs ? '' : `2. TBS ${v.tbs}, ${tbsCat} microarchitecture.`,
        '',
      ]);
    tail.push(provider ? `Interpreting physician: ${provider}` : '');
    return { head, body, tail };
  }

  if (style === 'interpretation') {
    head.push(
      `TBS interpretation note (CPT ${v.code}) - ${facility} - ${date(r)}`,
      `${patient}, ${v.age} ${r() < 0.7 ? 'F' : 'M'}. TBS received from outside facility.`,
      '',
    );
    body.push([
      'TBS DATA RECEIVED:',
      d.noTbs
        ? `Lumbar spine TBS: ${tbsValue}`
        : `Lumbar spine TBS of ${v.tbs} (L1-L4), acquired on ${scanner}, TBS iNsight v3.${Math.floor(r() * 2)}.`,
      '',
    ]);
    body.push(['BMD:', ...v.rows.map((row) => `${row.site} T ${row.t}`), '']);
    if (!d.noRisk) body.push(['FRACTURE RISK:', `${model}: MOF ${v.mof}%; hip ${v.hip}%.`, '']);
    if (!d.noImpression)
      body.push([
        'IMPRESSION:',
        d.noTbs
          ? 'Trabecular bone score pending.'
          : `Trabecular bone score of ${v.tbs} indicates ${tbsCat} microarchitecture.`,
        d.noRisk
          ? ''
          : `After adjustment for TBS, the 10-year probability of major osteoporotic fracture is ${v.mof}% and of hip fracture ${v.hip}%.`,
        '',
      ]);
    tail.push(provider ? `Reviewed and interpreted by: ${provider}` : 'Signed:', `Date: ${date(r)}`);
    return { head, body, tail };
  }

  head.push(
    facility,
    style === 'harborside' ? 'DXA REPORT WITH TRABECULAR BONE SCORE' : 'Department of Radiology - Bone Densitometry',
    '',
  );
  if (style === 'harborside') {
    head.push(
      `Name: ${pad(patient, 33)}Clinic no.: HBH-${10 + Math.floor(r() * 89)}-${1000 + Math.floor(r() * 8999)}`,
      `Age: ${pad(String(v.age), 35)}Sex: ${r() < 0.7 ? 'F' : 'M'}`,
      `Date: ${date(r)}`,
      `Ordering clinician: ${pick(r, REFERRERS)}`,
      '',
    );
  } else {
    head.push(
      `Patient: ${pad(patient, 32)}MRN: LRI-${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      `DOB: ${date(r)} (Age ${v.age})                 Sex: ${r() < 0.7 ? 'F' : 'M'}`,
      `Exam date: ${pad(date(r), 26)}Accession: DX24-${100000 + Math.floor(r() * 899999)}`,
      `Referring physician: ${pick(r, REFERRERS)}`,
      '',
    );
  }
  if (style === 'comprehensive') {
    body.push([
      'EXAMS AND CODES:',
      '1. DXA axial skeleton (lumbar spine and both proximal femora) - CPT 77080',
      `2. Trabecular bone score - CPT ${v.code.replace('77080, ', '')}`,
      '',
    ]);
  } else {
    body.push([`EXAM: DXA lumbar spine and hip with trabecular bone score (CPT ${v.code})`, '']);
  }
  body.push([`INDICATION: ${pick(r, INDICATIONS)}`, '']);
  if (style === 'comprehensive')
    body.push([
      'CLINICAL RISK FACTORS (FRAX INPUT):',
      `Age: ${v.age}`,
      `BMI: ${v.bmi} kg/m2`,
      `Previous fragility fracture: ${r() < 0.3 ? 'yes' : 'no'}`,
      `Parent fractured hip: ${r() < 0.2 ? 'yes' : 'no'}`,
      `Current smoking: ${r() < 0.2 ? 'yes' : 'no'}`,
      `Glucocorticoids: ${r() < 0.2 ? 'yes' : 'no'}`,
      '',
    ]);
  body.push([
    `TECHNIQUE: ${scanner}, lumbar spine L1-L4 and proximal femur. Trabecular bone score calculated from the L1-L4 image with TBS iNsight.`,
    `BMI ${v.bmi} kg/m2.`,
    '',
  ]);
  if (style === 'comprehensive' || r() < 0.3)
    body.push([
      'COMPARISON:',
      d.placeholders ? 'DXA of XX/XX/XXXX, same scanner.' : `DXA of ${date(r)}, same scanner.`,
      '',
    ]);
  body.push([
    'FINDINGS:',
    'Region               BMD (g/cm2)   T-score   Z-score',
    ...v.rows.map((row) => `${pad(row.site, 21)}${pad('  ' + row.bmd, 14)}${pad(row.t, 10)}${row.z}`),
    '',
  ]);
  body.push([
    'TRABECULAR BONE SCORE:',
    d.noTbs
      ? `TBS: ${tbsValue}`
      : pick(r, [
          `TBS L1-L4 ${v.tbs} (${tbsCat} microarchitecture).`,
          `TBS value: ${v.tbs} (${tbsCat}).`,
          `Trabecular bone score (L1-L4) = ${v.tbs}, ${tbsCat} microarchitecture.`,
        ]),
    '',
  ]);
  if (!d.noRisk)
    body.push([
      'FRACTURE RISK:',
      pick(r, [
        `${model}: MOF ${v.mof}%; hip ${v.hip}%.`,
        `${model}: 10-year probability of major osteoporotic fracture ${v.mof}% and hip fracture ${v.hip}%.`,
      ]),
      '',
    ]);
  if (!d.noImpression)
    body.push([
      'IMPRESSION:',
      `1. ${who(Number(v.lowest.t))}. Lowest T-score ${v.lowest.t} at the ${v.lowest.site.toLowerCase()}.`,
      d.noTbs ? '2. Trabecular bone score not available.' : `2. TBS ${v.tbs}, ${tbsCat} microarchitecture.`,
      d.noRisk
        ? ''
        : `3. TBS-adjusted FRAX 10-year probability of major osteoporotic fracture ${v.mof}% and hip fracture ${v.hip}%.`,
      d.placeholders ? '4. Comparison with prior: [ ]' : '',
      '',
    ]);
  tail.push(
    provider ? `Electronically signed by: ${provider}` : '',
    `${date(r)} ${String(7 + Math.floor(r() * 11)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`,
  );
  return { head, body, tail };
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** One report of minBytes..maxBytes (UTF-8), fully determined by the seed and options. */
export function generateReport(seed: number, opts: GenOptions = {}): string {
  const r = makeRng(seed);
  const minBytes = opts.minBytes ?? 2048;
  const maxBytes = Math.max(minBytes, opts.maxBytes ?? 6144);
  const style = opts.style ?? pick(r, STYLES);
  const d = defects(r, opts.defectRate ?? 0.35);
  const v = values(r, style);
  const { head, body, tail } = build(r, style, v, d);
  const target = minBytes + Math.floor(r() * (maxBytes - minBytes + 1));
  const md = style === 'markdown';
  const notes: string[] = [];
  const recs: string[] = [];
  const join = () =>
    [
      ...head,
      ...body.flat(),
      ...(notes.length ? [md ? '## Notes' : 'NOTES:', ...notes, ''] : []),
      ...(recs.length ? [md ? '## Recommendations' : 'RECOMMENDATIONS:', ...recs, ''] : []),
      ...tail,
      '',
    ].join('\n');
  const finish = (t: string): string => {
    // Seeded per report so that trimming below gives the same substitutions again.
    const r2 = makeRng(seed ^ 0x5bd1e995);
    if (d.unicode)
      t = t
        .replace(/ -(\d)/g, (m, dgt: string) => (r2() < 0.5 ? ` \u2212${dgt}` : m))
        .replace(/: /g, (m) => (r2() < 0.1 ? ':\u00a0' : m));
    if (d.decimalComma) t = t.replace(/(\d)\.(\d)/g, (m, a: string, b: string) => (r2() < 0.3 ? `${a},${b}` : m));
    return eol === '\n' ? t : t.replace(/\n/g, eol);
  };
  const eol = opts.eol ?? (r() < 0.125 ? '\r\n' : '\n');
  const room = maxBytes - 64; // CRLF and Unicode substitutions add a little
  // Sizes are tracked as lines are added (joining the whole report each time is quadratic).
  let size = bytes(join());
  const header = (useRec: boolean) =>
    useRec ? (md ? '## Recommendations' : 'RECOMMENDATIONS:') : md ? '## Notes' : 'NOTES:';
  // Pad with notes and recommendations (whole sentences) up to the target size.
  for (let guard = 0; size < target && guard < 400; guard++) {
    const useRec = r() < 0.35;
    const list = useRec ? recs : notes;
    const fits = (useRec ? RECOMMENDATIONS : NOTES).filter((l) => size + bytes(l) + 20 <= room);
    // Each sentence once before any repeats.
    const fresh = fits.filter((l) => !list.includes(l));
    const pool = fresh.length ? fresh : fits;
    if (!pool.length) break;
    const line = pick(r, pool);
    // A new block adds its header line and a blank line too.
    size += bytes(line) + 1 + (list.length ? 0 : bytes(header(useRec)) + 2);
    list.push(line);
  }
  let text = join();
  text = finish(text);
  while (bytes(text) > maxBytes && (notes.length || recs.length)) {
    if (notes.length) notes.pop();
    else recs.pop();
    text = finish(join());
  }
  return text;
}

/** `count` reports from consecutive seeds starting at `seed`. */
export function generateReports(count: number, seed = 1, opts: GenOptions = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(generateReport(seed + i * 7919, opts));
  return out;
}

/** A document of about `bytes` UTF-8 bytes: generated reports one after another (thousands of sections). */
export function generateLargeDocument(bytesWanted: number, seed = 1): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytesWanted; i++) {
    const rep = generateReport(seed + i * 104729, { eol: '\n' });
    parts.push(rep);
    size += bytes(rep) + 1;
  }
  const text = parts.join('\n');
  return text.length > bytesWanted ? text.slice(0, bytesWanted) : text;
}
