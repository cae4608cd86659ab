/**
 * Facts of one study and the renderers that write them as a report in several real-world layouts.
 * The facts are drawn so that a report stating them is clean: WHO class and TBS category agree with
 * the numbers (under the domain reference's rules, coded here independently of the engine), hip
 * risk is below MOF risk, age and BMI are in the validated ranges, and the risk is TBS-adjusted FRAX.
 */
import type { Region, Side, TbsCat, Who } from './phrases';
import { SITE_NAMES, SITE_ROWS } from './phrases';
import type { Rng } from './prng';

export interface TFact {
  region: Region;
  side: Side;
  value: number;
  bmd: number;
  z: number;
}

export interface Facts {
  age: number;
  sex: 'female' | 'male';
  bmi: number;
  tbs: number;
  tscores: TFact[];
  mof: number;
  hip: number;
  /** Decimals the risk values are written with (0 or 1). */
  riskDecimals: number;
  patient: string;
  referring: string;
  provider: { name: string; cred: string };
  date: string;
}

// ---------------------------------------------------------------- the domain's rules, restated

/** WHO class of a T-score (domain reference section 4). */
export function whoOf(t: number): Who {
  if (t <= -2.5) return 'osteoporosis';
  if (t < -1.0) return 'osteopenia';
  return 'normal';
}

/** TBS category under the default 2023 thresholds (domain reference section 4). */
export function tbsCatOf(v: number): TbsCat {
  if (v > 1.31) return 'normal';
  if (v <= 1.23) return 'degraded';
  return 'partially degraded';
}

export function lowestT(f: Facts): TFact {
  return f.tscores.reduce((a, b) => (b.value < a.value ? b : a));
}

// ---------------------------------------------------------------- drawing facts

function awayFrom(rng: Rng, lo: number, hi: number, d: number, bad: number[], gap: number): number {
  for (;;) {
    const v = rng.num(lo, hi, d);
    if (bad.every((b) => Math.abs(v - b) >= gap)) return v;
  }
}

const PATIENTS = ['Harriet Delacourt', 'Mary Sample', 'Aiko Tanaka', 'Beatrix Holm', 'Rosa Alvarez', 'Joan Pike'];
const REFERRERS = ['Dr Martin Ellsworth', 'Dr Samuel Otieno', 'Dr Fiona Grant', 'Dr Paul Becker'];

export function drawFacts(
  rng: Rng,
  names: { first: readonly string[]; last: readonly string[]; creds: readonly string[] },
): Facts {
  const side: Side = rng.pick(['left', 'right'] as const);
  // The lowest T-score, away from the WHO boundaries, then the others above it.
  const low = awayFrom(rng, -3.6, 0.8, 1, [-2.5, -1.0], 0.15);
  const regions: Region[] = ['spine', 'neck', 'totalHip'];
  const lowAt = rng.int(0, 2);
  const tscores: TFact[] = regions.map((region, i) => {
    const value = i === lowAt ? low : Math.round((low + rng.num(0.2, 1.6, 1)) * 10) / 10;
    return {
      region,
      side: region === 'spine' ? null : side,
      value: value === 0 ? 0.1 : value,
      bmd: rng.num(region === 'spine' ? 0.72 : 0.55, region === 'spine' ? 1.15 : 0.98, 3),
      z: Math.round((value + rng.num(0.4, 1.5, 1)) * 10) / 10,
    };
  });
  const riskDecimals = rng.int(0, 1);
  const mof = rng.num(4, 38, riskDecimals);
  const hip = Math.min(rng.num(0.3, 12, 1), Math.round((mof - 1) * 10) / 10);
  return {
    age: rng.int(52, 86),
    sex: 'female',
    bmi: rng.num(18.6, 33.8, 1),
    tbs: awayFrom(rng, 1.105, 1.455, 3, [1.23, 1.31], 0.006),
    tscores,
    mof,
    hip: hip <= 0 ? 0.4 : hip,
    riskDecimals,
    patient: rng.pick(PATIENTS),
    referring: rng.pick(REFERRERS),
    provider: { name: `${rng.pick(names.first)} ${rng.pick(names.last)}`, cred: rng.pick(names.creds) },
    date: `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/2024`,
  };
}

// ---------------------------------------------------------------- writing numbers

export interface NumStyle {
  /** Decimal separator: '.', ',' (European) or '·' (UK mid-dot). */
  decimal: '.' | ',' | '·';
  /** What a minus sign is written as. */
  minus: '-' | '\u2212' | '\u2013' | 'negative ';
  /** Full-width digits (U+FF10..). */
  fullwidth: boolean;
  /** Space between a value and "%": none, a space or a no-break space. */
  pctSpace: '' | ' ' | '\u00a0';
  /** The hyphen in "T-score" / "Z-score" / "TBS-adjusted": '-' or U+2011. */
  hyphen: '-' | '\u2011';
}

export const PLAIN: NumStyle = { decimal: '.', minus: '-', fullwidth: false, pctSpace: '', hyphen: '-' };

function digits(s: string, n: NumStyle): string {
  let out = n.decimal === '.' ? s : s.replace('.', n.decimal);
  if (n.fullwidth) out = out.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return out;
}

export function fmtTbs(v: number, n: NumStyle): string {
  return digits(v.toFixed(3), n);
}

export function fmtT(v: number, n: NumStyle): string {
  const abs = digits(Math.abs(v).toFixed(1), n);
  return v < 0 ? `${n.minus}${abs}` : v > 0 ? `+${abs}` : abs;
}

export function fmtPct(v: number, decimals: number, n: NumStyle): string {
  return `${digits(v.toFixed(decimals), n)}${n.pctSpace}%`;
}

export function fmtBmd(v: number, n: NumStyle): string {
  return digits(v.toFixed(3), n);
}

export function hy(s: string, n: NumStyle): string {
  return n.hyphen === '-'
    ? s
    : s.replace(/([TZ])-(score)/gi, `$1${n.hyphen}$2`).replace(/TBS-adj/g, `TBS${n.hyphen}adj`);
}

// ---------------------------------------------------------------- sites

export function siteName(t: TFact, template: string): string {
  return template.replace('{s}', t.side ?? 'left');
}

export function siteRow(t: TFact, template: string): string {
  const side = t.side ?? 'left';
  return template.replace('{S}', side[0].toUpperCase() + side.slice(1));
}

/** Default (first) site names. */
export function defaultSite(t: TFact): string {
  return siteName(t, SITE_NAMES[t.region][0]);
}
export function defaultRow(t: TFact): string {
  return siteRow(t, SITE_ROWS[t.region][0]);
}

export function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

// ---------------------------------------------------------------- layouts

export type Style =
  | 'us-prose'
  | 'us-table'
  | 'keyvalue'
  | 'bullets'
  | 'uk-letter'
  | 'markdown'
  | 'patient-letter'
  | 'au-canada'
  | 'va'
  | 'vendor';
export const STYLES: readonly Style[] = [
  'us-prose',
  'us-table',
  'keyvalue',
  'bullets',
  'uk-letter',
  'markdown',
  'patient-letter',
  'au-canada',
  'va',
  'vendor',
];

/** Layouts written as sentences, where fillers between label and value belong. */
export const PROSE_STYLES: readonly Style[] = ['us-prose', 'uk-letter', 'patient-letter', 'au-canada'];

/** Phrasing choices that do not change a fact. */
export interface Phrasing {
  num: NumStyle;
  style: Style;
  /** Label of the TBS ("TBS", "trabecular bone score", "trabecular score"). */
  tbsLabel: string;
  /** Filler between a label and its value in prose: a FILLERS entry ("{v}" is the value). */
  filler: string;
  mofLabel: string;
  hipLabel: string;
  /** Write the FINDINGS sentences in this order (indices into the T-scores); null: as drawn. */
  order: number[] | null;
  /** State the TBS category and WHO class (in the impression). */
  statements: boolean;
  /** Put the risk result before the TBS section. */
  riskFirst: boolean;
}

export function defaultPhrasing(style: Style = 'us-prose'): Phrasing {
  return {
    num: PLAIN,
    style,
    tbsLabel: 'TBS',
    filler: ': {v}',
    mofLabel: 'major osteoporotic fracture',
    hipLabel: 'hip fracture',
    order: null,
    statements: true,
    riskFirst: false,
  };
}

/** Sections a renderer produces, joined by `assemble`. A test may replace any of them. */
export interface Parts {
  header: string[];
  history: string[];
  technique: string[];
  findings: string[];
  tbs: string[];
  risk: string[];
  impressionHeader: string;
  impression: string[];
  signature: string[];
}

const WHO_WORDS: Record<Who, string> = {
  normal: 'Normal bone density',
  osteopenia: 'Low bone mass (osteopenia)',
  osteoporosis: 'Osteoporosis',
};

function ordered(f: Facts, p: Phrasing): TFact[] {
  return p.order ? p.order.map((i) => f.tscores[i]) : f.tscores;
}

function fill(p: Phrasing, v: string): string {
  return p.filler.replace('{v}', v);
}

/** "label ....... value" as vendor printouts align it. */
function dots(label: string, value: string, width = 34): string {
  return `${label} ${'.'.repeat(Math.max(3, width - label.length))} ${value}`;
}

function findingsLines(f: Facts, p: Phrasing): string[] {
  const n = p.num;
  const ts = ordered(f, p);
  const T = hy('T-score', n);
  switch (p.style) {
    case 'us-prose':
    case 'uk-letter':
    case 'au-canada':
      return [ts.map((t) => `The ${defaultSite(t)} ${T}${fill(p, fmtT(t.value, n))}.`).join(' ')];
    case 'patient-letter':
      return ts.map((t) => `Your ${T} at the ${defaultSite(t)}${fill(p, fmtT(t.value, n))}.`);
    case 'us-table': {
      const rows = ts.map(
        (t) =>
          `${defaultRow(t).padEnd(22)} ${fmtBmd(t.bmd, n).padStart(6)}   ${fmtT(t.value, n).padStart(5)}   ${fmtT(t.z, n).padStart(5)}`,
      );
      return [`${'Region'.padEnd(22)} ${'BMD'.padStart(6)}   ${T.padStart(5)}   ${hy('Z-score', n)}`, ...rows];
    }
    case 'va':
      return ts.map(
        (t) =>
          `${cap(defaultSite(t))}: BMD ${fmtBmd(t.bmd, n)} g/cm2; ${T} ${fmtT(t.value, n)}; ${hy('Z-score', n)} ${fmtT(t.z, n)}.`,
      );
    case 'vendor':
      return ts.map((t) => dots(`${defaultRow(t)} ${T}`, fmtT(t.value, n)));
    case 'keyvalue':
      return ts.map((t) => `${cap(defaultSite(t))} ${T}: ${fmtT(t.value, n)}`);
    case 'bullets':
      return ts.map((t) => `- ${cap(defaultSite(t))}: BMD ${fmtBmd(t.bmd, n)} g/cm2, ${T} ${fmtT(t.value, n)}`);
    case 'markdown':
      return [
        `| Region | BMD (g/cm2) | ${T} | ${hy('Z-score', n)} |`,
        '|---|---|---|---|',
        ...ts.map((t) => `| ${defaultRow(t)} | ${fmtBmd(t.bmd, n)} | ${fmtT(t.value, n)} | ${fmtT(t.z, n)} |`),
      ];
  }
}

function tbsLines(f: Facts, p: Phrasing): string[] {
  const v = fmtTbs(f.tbs, p.num);
  const L = p.tbsLabel;
  const l = L === 'TBS' ? 'TBS' : L.toLowerCase();
  switch (p.style) {
    case 'us-prose':
    case 'uk-letter':
    case 'au-canada':
    case 'va':
      return [`The ${l} (L1-L4)${fill(p, v)}.`];
    case 'patient-letter':
      return [`Your ${l}, a measure of the texture of the bone in your spine,${fill(p, v).replace(/^:/, ' is')}.`];
    case 'vendor':
      return [dots(`${cap(L)} L1-L4`, v)];
    case 'keyvalue':
      return [`${cap(L)} (L1-L4): ${v}`];
    case 'bullets':
      return [`- ${cap(L)} L1-L4: ${v}`];
    case 'us-table':
    case 'markdown':
      return [`${cap(L)} L1-L4: ${v}`];
  }
}

function riskLines(f: Facts, p: Phrasing): string[] {
  const n = p.num;
  const a = fmtPct(f.mof, f.riskDecimals, n);
  const b = fmtPct(f.hip, 1, n);
  const adj = hy('TBS-adjusted', n);
  switch (p.style) {
    case 'us-prose':
    case 'uk-letter':
      return [`${adj} FRAX 10-year probability of ${p.mofLabel} ${a} and of ${p.hipLabel} ${b}.`];
    case 'au-canada':
      return [`FRAX adjusted for TBS: 10-year probability of ${p.mofLabel} ${a}; of ${p.hipLabel} ${b}.`];
    case 'patient-letter':
      return [
        `Taking your TBS into account (${adj} FRAX), your 10-year chance of a ${p.mofLabel} is ${a} and of a ${p.hipLabel} ${b}.`,
      ];
    case 'va':
      return [`FRAX 10-year probability (${adj}): ${p.mofLabel} ${a}, ${p.hipLabel} ${b}.`];
    case 'vendor':
      return [`FRAX (${adj})`, dots(`  10-year ${p.mofLabel}`, a), dots(`  10-year ${p.hipLabel}`, b)];
    case 'keyvalue':
      return [
        `Risk model: FRAX (${adj})`,
        `10-year ${p.mofLabel} probability: ${a}`,
        `10-year ${p.hipLabel} probability: ${b}`,
      ];
    case 'bullets':
      return [`- ${adj} FRAX 10-year ${p.mofLabel}: ${a}`, `- ${adj} FRAX 10-year ${p.hipLabel}: ${b}`];
    case 'us-table':
    case 'markdown':
      return [`${adj} FRAX: ${p.mofLabel} ${a}; ${p.hipLabel} ${b}.`];
  }
}

function impressionLines(f: Facts, p: Phrasing): string[] {
  if (!p.statements) return ['Results as above.'];
  const low = lowestT(f);
  const n = p.num;
  return [
    `1. ${WHO_WORDS[whoOf(low.value)]}. Lowest ${hy('T-score', n)} ${fmtT(low.value, n)} at the ${defaultSite(low)}.`,
    `2. ${p.tbsLabel === 'TBS' ? 'TBS' : cap(p.tbsLabel)} ${fmtTbs(f.tbs, n)}, ${tbsCatWords(tbsCatOf(f.tbs))}.`,
  ];
}

export function tbsCatWords(c: TbsCat): string {
  return `${c} microarchitecture`;
}

function headerLines(f: Facts, p: Phrasing): string[] {
  switch (p.style) {
    case 'uk-letter':
      return [`Dear ${f.referring},`, '', `Re: ${f.patient}, DXA and trabecular bone score of ${f.date}`];
    case 'patient-letter':
      return [`Dear ${f.patient},`, '', `Here are the results of your bone density scan of ${f.date}.`];
    case 'au-canada':
      return [`${f.referring}`, `Re: ${f.patient}`, '', 'Thank you for referring this patient for bone densitometry.'];
    case 'va':
      return [`Exam: DXA BONE DENSITY AXIAL W/TBS`, `Requesting provider: ${f.referring}`, `Exam date: ${f.date}`];
    case 'vendor':
      return [
        'DXA RESULTS SUMMARY',
        dots('Patient', f.patient),
        dots('Scan date', f.date),
        dots('Referring physician', f.referring),
      ];
    default:
      return [
        `Patient: ${f.patient}`,
        `Exam date: ${f.date}`,
        `Referring physician: ${f.referring}, MD`,
        '',
        'EXAM: DXA lumbar spine and hip with trabecular bone score',
      ];
  }
}

function signatureLines(f: Facts, p: Phrasing): string[] {
  const { name, cred } = f.provider;
  switch (p.style) {
    case 'uk-letter':
      return ['Yours sincerely,', '', `Dr ${name} ${cred.replace(/,/g, '')}`, 'Consultant Radiologist'];
    case 'patient-letter':
      return ['With best wishes,', '', `${name}, ${cred}`, 'Radiologist'];
    case 'au-canada':
      return [`Reporting radiologist: Dr ${name} ${cred.replace(/,/g, '')}`];
    case 'va':
      return [
        `Primary interpreting staff: ${name}, ${cred}`,
        `/es/ ${name.toUpperCase()}, ${cred}`,
        `Verifier e-signature: ${f.date} 15:41`,
      ];
    case 'vendor':
      return [dots('Calc./reviewed', `${name}, ${cred}`)];
    default:
      return [`Electronically signed by: ${name}, ${cred}`, `${f.date} 15:41`];
  }
}

/** The report's parts in the given phrasing. */
export function parts(f: Facts, p: Phrasing): Parts {
  const bmi = p.num.decimal === '.' ? f.bmi.toFixed(1) : f.bmi.toFixed(1).replace('.', p.num.decimal);
  return {
    header: headerLines(f, p),
    history: [`${f.age}-year-old postmenopausal woman. BMI ${bmi} kg/m2.`],
    technique: ['Hologic Horizon A DXA of the lumbar spine and proximal femur; TBS iNsight v3.1 on the L1-L4 image.'],
    findings: findingsLines(f, p),
    tbs: tbsLines(f, p),
    risk: riskLines(f, p),
    impressionHeader:
      { 'uk-letter': 'Opinion:', 'au-canada': 'Conclusion:', 'patient-letter': 'Conclusion:', va: 'Impression:' }[
        p.style as string
      ] ?? 'IMPRESSION:',
    impression: impressionLines(f, p),
    signature: signatureLines(f, p),
  };
}

const TITLES: Record<string, [string, string, string, string, string]> = {
  // indication, technique, findings, tbs, risk
  'uk-letter': ['Clinical details', 'Technique', 'Findings', 'Trabecular bone score', 'Fracture risk'],
  'au-canada': ['Clinical history:', 'Technique:', 'Findings:', 'Trabecular bone score:', 'Fracture risk:'],
  'patient-letter': ['', '', '', '', ''],
  va: ['Clinical History:', 'Technique:', 'Report:', 'TBS:', 'Fracture Risk Assessment:'],
  vendor: ['', '', 'BMD', 'TBS', 'FRACTURE RISK'],
};

/** Joins the parts into a report. */
export function assemble(x: Parts, p: Phrasing): string {
  const t = TITLES[p.style] ?? ['INDICATION:', 'TECHNIQUE:', 'FINDINGS:', 'TRABECULAR BONE SCORE:', 'FRACTURE RISK:'];
  const sec = (title: string, body: string[]): string[] =>
    body.length ? [...(title ? [title] : []), ...body, ''] : [];
  const tbs = sec(t[3], x.tbs);
  const risk = sec(t[4], x.risk);
  const lines = [
    ...x.header,
    '',
    ...sec(t[0], x.history),
    ...sec(t[1], x.technique),
    ...sec(t[2], x.findings),
    ...(p.riskFirst ? [...risk, ...tbs] : [...tbs, ...risk]),
    ...(x.impression.length ? [x.impressionHeader, ...x.impression, ''] : []),
    ...x.signature,
  ];
  return lines.join('\n') + '\n';
}

export function render(f: Facts, p: Phrasing): string {
  return assemble(parts(f, p), p);
}
