/**
 * Minimum-functionality tests for the layouts and clinical points that issues 10 and 11 name one by
 * one: comparison tables with a change column, trochanter and both-hips rows, without/with-TBS risk
 * tables under a short heading, bracketed unadjusted pairs, TBS of two vertebral ranges, 0.0 %
 * risks, a TBS adjustment claimed for a model that has none, non-diagnostic sites and the WHO class,
 * age from the date of birth.
 */
import { study } from './gen';
import type { Template } from './harness';
import { all, expectCode, list, near } from './harness';
import { MODEL_NAMES } from './phrases';
import type { Facts } from './report';
import { assemble, cap, defaultRow, fmtBmd, fmtPct, fmtT, fmtTbs, lowestT, parts, PLAIN, whoOf } from './report';
import { risksAre, tScoresAre } from './templates-mft';

const P = PLAIN;

const comparisonTable: Template = {
  id: 'mft.t-score.comparison-table-change-column',
  concept: 'tScore',
  type: 'MFT',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const year = rng.pick(['2021', '2022']);
    const rows = f.tscores.map((t) => {
      const prior = t.bmd * rng.num(0.97, 1.04, 3);
      const change = ((t.bmd - prior) / prior) * 100;
      const ch = `${change < 0 ? rng.pick(['-', '\u2212']) : '+'}${Math.abs(change).toFixed(1)}%`;
      return [defaultRow(t), fmtBmd(t.bmd, P), fmtT(t.value, P), fmtBmd(prior, P), ch];
    });
    const head = ['Region', 'BMD', 'T-score', `BMD ${year}`, 'Change'];
    const w = [22, 8, 9, 10, 8];
    x.findings = [head, ...rows].map((r) =>
      r
        .map((c, i) => c.padEnd(w[i]))
        .join('')
        .trimEnd(),
    );
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tScoresAre(a, f.tscores),
          () => expectCode(a, 'missing-t-score', false),
        ),
    };
  },
};

const hipRows: Template = {
  id: 'mft.t-score.trochanter-and-both-hips-rows',
  concept: 'tScore',
  type: 'MFT',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const side = f.tscores[1].side === 'left' ? 'Left' : 'Right';
    const troch = Math.round((f.tscores[2].value + rng.num(-0.5, 0.3, 1)) * 10) / 10;
    const mean = Math.round((f.tscores[2].value + rng.num(-0.2, 0.2, 1)) * 10) / 10;
    const rows: string[][] = f.tscores.map((t) => [defaultRow(t), fmtBmd(t.bmd, P), fmtT(t.value, P)]);
    rows.splice(2, 0, [`${side} trochanter`, fmtBmd(f.tscores[2].bmd - 0.1, P), fmtT(troch, P)]);
    rows.push([
      rng.pick(['Mean total hip (both)', 'Dual femur mean total']),
      fmtBmd(f.tscores[2].bmd, P),
      fmtT(mean, P),
    ]);
    x.findings = [['Region', 'BMD', 'T-score'], ...rows].map((r) => `${r[0].padEnd(24)}${r[1].padEnd(9)}${r[2]}`);
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tScoresAre(a, f.tscores, [troch, mean]),
          () => expectCode(a, 'missing-t-score', false),
        ),
    };
  },
};

const riskMatrix: Template = {
  id: 'mft.risk.without-with-tbs-table-short-heading',
  concept: 'risk',
  type: 'MFT',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const um = Math.round(f.mof * rng.num(0.75, 1.25, 2) * 10) / 10;
    const uh = Math.round(Math.min(um - 0.5, f.hip * rng.num(0.75, 1.25, 2)) * 10) / 10;
    const A = (v: number): string => fmtPct(v, 1, P);
    const heading = rng.pick(['FRAX (US, Caucasian):', 'FRAX (UK):', 'FRAX:', 'FRAX 10-year probability (%)']);
    const cols = rng.pick([
      ['without TBS', 'with TBS'],
      ['Unadjusted', 'TBS-adjusted'],
    ]);
    x.risk = [
      heading,
      `${''.padEnd(30)}${cols[0].padEnd(16)}${cols[1]}`,
      `${'Major osteoporotic fracture'.padEnd(30)}${A(um).padEnd(16)}${A(f.mof)}`,
      `${'Hip fracture'.padEnd(30)}${A(uh).padEnd(16)}${A(f.hip)}`,
    ];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () =>
            risksAre(a, [
              { kind: 'mof', value: um, adjusted: false },
              { kind: 'hip', value: uh, adjusted: false },
              { kind: 'mof', value: f.mof, adjusted: true },
              { kind: 'hip', value: f.hip, adjusted: true },
            ]),
          () => expectCode(a, 'risk-not-tbs-adjusted', false),
        ),
    };
  },
};

const bracketedPair: Template = {
  id: 'mft.risk.bracketed-unadjusted-pair',
  concept: 'risk',
  type: 'MFT',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const um = Math.round(f.mof * rng.num(0.75, 1.25, 2) * 10) / 10;
    const uh = Math.round(Math.min(um - 0.5, f.hip * rng.num(0.75, 1.25, 2)) * 10) / 10;
    const A = (v: number): string => fmtPct(v, 1, P);
    x.risk = [
      rng.pick([
        `TBS-adjusted FRAX 10-year probabilities: MOF ${A(f.mof)} and hip ${A(f.hip)} (before the adjustment: ${A(um)} and ${A(uh)}).`,
        `FRAX adjusted for TBS: major osteoporotic fracture ${A(f.mof)}, hip fracture ${A(f.hip)} [unadjusted ${A(um)} and ${A(uh)} respectively].`,
      ]),
    ];
    return {
      text: assemble(x, p),
      check: (a) =>
        risksAre(a, [
          { kind: 'mof', value: um, adjusted: false },
          { kind: 'hip', value: uh, adjusted: false },
          { kind: 'mof', value: f.mof, adjusted: true },
          { kind: 'hip', value: f.hip, adjusted: true },
        ]),
    };
  },
};

const twoRanges: Template = {
  id: 'mft.tbs.two-vertebral-ranges-no-conflict',
  concept: 'tbs',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const w = Math.round((f.tbs + rng.pick([-1, 1]) * rng.num(0.015, 0.06, 3)) * 1000) / 1000;
    const other = rng.pick(['L2-L4', 'L1-L3', 'L1-L2']);
    x.tbs = [
      rng.pick([
        `TBS L1-L4: ${fmtTbs(f.tbs, P)}; TBS ${other}: ${fmtTbs(w, P)}.`,
        `TBS (L1-L4) ${fmtTbs(f.tbs, P)}. Excluding L${other === 'L2-L4' ? '1' : '4'}, TBS ${other} ${fmtTbs(w, P)}.`,
      ]),
    ];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () =>
            a.elements.tbs.some((t) => near(t.value, f.tbs)) ? null : `TBS ${f.tbs} not read: ${list(a.elements.tbs)}`,
          () =>
            a.elements.tbs.some((t) => near(t.value, w)) ? null : `TBS ${other} ${w} not read: ${list(a.elements.tbs)}`,
          () => {
            const r = a.elements.tbs.find((t) => near(t.value, w))?.region;
            return r && r.toUpperCase().replace(/\s/g, '') === other
              ? null
              : `TBS ${w} should have region ${other}; got ${r}`;
          },
          () => expectCode(a, 'conflicting-values', false),
        ),
    };
  },
};

const zeroRisk: Template = {
  id: 'mft.risk.zero-percent-is-plausible',
  concept: 'risk',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    x.risk = [`TBS-adjusted FRAX: MOF ${fmtPct(f.mof, f.riskDecimals, P)}; hip ${rng.pick(['0.0%', '0%', '0.0 %'])}.`];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => expectCode(a, 'risk-implausible', false),
          () =>
            a.elements.risks.some((r) => r.kind === 'hip' && r.value === 0) ? null : 'the hip risk 0.0% is not read',
        ),
    };
  },
};

const nonFraxAdjusted: Template = {
  id: 'mft.risk-model.tbs-adjustment-claimed-for-non-frax',
  concept: 'riskModel',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const m = rng.pick(['Garvan', 'QFracture'] as const);
    const name = cap(rng.pick(MODEL_NAMES[m]));
    const kind = m === 'Garvan' ? 'any fracture' : 'major osteoporotic fracture';
    x.risk = [
      rng.pick([
        `TBS-adjusted ${name}: 10-year ${kind} risk ${fmtPct(f.mof, f.riskDecimals, P)}, hip fracture ${fmtPct(f.hip, 1, P)}.`,
        `${name} adjusted for TBS: 10-year risk of ${kind} ${fmtPct(f.mof, f.riskDecimals, P)} and of hip fracture ${fmtPct(f.hip, 1, P)}.`,
      ]),
    ];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'tbs-adjustment-non-frax', true) };
  },
};

/** The lowest T-score is at a site that never decides the WHO class. */
const nonDiagnostic: Template = {
  id: 'mft.who.non-diagnostic-site-does-not-decide',
  concept: 'who',
  type: 'MFT',
  n: 70,
  gen(rng) {
    let s = study(rng);
    while (whoOf(lowestT(s.facts).value) !== 'osteopenia') s = study(rng);
    const f: Facts = s.facts;
    const p = s.phrasing;
    const x = parts(f, p);
    const low = rng.num(-3.6, -2.6, 1);
    const site = rng.pick([
      'Left trochanter',
      'Right trochanter',
      'L3',
      'Ward\u2019s triangle',
      'Intertrochanteric (left)',
    ]);
    const rows: string[][] = f.tscores.map((t) => [defaultRow(t), fmtBmd(t.bmd, P), fmtT(t.value, P)]);
    rows.push([site, fmtBmd(0.6, P), fmtT(low, P)]);
    x.findings = [['Region', 'BMD', 'T-score'], ...rows].map((r) => `${r[0].padEnd(26)}${r[1].padEnd(9)}${r[2]}`);
    x.impression = [`Low bone mass (osteopenia). Lowest diagnostic T-score ${fmtT(lowestT(f).value, P)}.`];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'who-classification-mismatch', false) };
  },
};

const ageFromDob: Template = {
  id: 'mft.demographics.age-from-date-of-birth',
  concept: 'demographics',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const exam = { y: 2024, m: rng.int(1, 12), d: rng.int(1, 28) };
    const birth = { y: 2024 - f.age - rng.int(0, 1), m: rng.int(1, 12), d: rng.int(1, 28) };
    const before = birth.m < exam.m || (birth.m === exam.m && birth.d <= exam.d);
    const age = exam.y - birth.y - (before ? 0 : 1);
    const iso = (t: { y: number; m: number; d: number }): string =>
      `${t.y}-${String(t.m).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;
    x.header = [`Patient: ${f.patient}`, `Date of birth: ${iso(birth)}`, `Exam date: ${iso(exam)}`];
    x.history = ['Postmenopausal woman.'];
    return {
      text: assemble(x, p),
      check: (a) =>
        a.elements.age && near(a.elements.age.value, age) ? null : `expected age ${age}; read ${a.elements.age?.value}`,
    };
  },
};

/**
 * "re" is the German abbreviation of "rechts" (right) and "li" of "links" (left) only in a German
 * report: rows "Schenkelhals re  T-Score -2,1" name the side. In English, "re" is a prefix or a
 * preposition ("re-scan", "re check", "with re to") and names no side: a hip row without a side keeps
 * none (never "right").
 */
const GERMAN_REGIONS: Record<'neck' | 'totalHip', readonly string[]> = {
  neck: ['Schenkelhals', 'Femurhals'],
  totalHip: ['Gesamthüfte', 'Hüfte gesamt'],
};
const ENGLISH_REGIONS: Record<'neck' | 'totalHip', readonly string[]> = {
  neck: ['femoral neck', 'neck of femur'],
  totalHip: ['total hip', 'total femur'],
};
const ENGLISH_RE = [
  'The {r} T-score (re-scan) is {v}.',
  '{R}, re-analysed after repositioning: T-score {v}.',
  'With re to the {r}, the T-score is {v}.',
  '{R} T-score {v}; re check positioning next time.',
  'Re-scanned {r}: T-score {v}.',
];
const germanAndEnglishRe: Template = {
  id: 'mft.t-score.german-sides-and-english-re',
  concept: 'tScore',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, rng.pick(['us-prose', 'uk-letter', 'keyvalue'] as const));
    p.statements = false;
    const x = parts(f, p);
    const hips = f.tscores.filter((t) => t.region === 'neck' || t.region === 'totalHip');
    const spine = f.tscores.filter((t) => t.region === 'spine');
    const german = rng.chance(0.5);
    const comma = { ...P, decimal: ',' as const };
    let expected = f.tscores;
    if (german) {
      x.findings = [
        'Messort            T-Score',
        ...spine.map((t) => `LWS L1-L4          ${fmtT(t.value, comma)}`),
        ...hips.map(
          (t) =>
            `${rng.pick(GERMAN_REGIONS[t.region as 'neck' | 'totalHip'])} ${t.side === 'left' ? 'li' : 're'}   ${fmtT(t.value, comma)}`,
        ),
      ];
    } else {
      // The hips' rows name no side: the reading must keep none.
      expected = f.tscores.map((t) => (t.region === 'spine' ? t : { ...t, side: null }));
      x.findings = [
        ...spine.map((t) => `Lumbar spine L1-L4 T-score: ${fmtT(t.value, P)}.`),
        ...hips.map((t) => {
          const r = rng.pick(ENGLISH_REGIONS[t.region as 'neck' | 'totalHip']);
          return rng.pick(ENGLISH_RE).replace('{r}', r).replace('{R}', cap(r)).replace('{v}', fmtT(t.value, P));
        }),
      ];
    }
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tScoresAre(a, expected),
          () =>
            german
              ? null
              : a.elements.tScores.some((g) => /right|left/.test(g.site ?? ''))
                ? `an English "re" made a side: ${JSON.stringify(a.elements.tScores.map((g) => g.site))}`
                : null,
          () =>
            german
              ? hips.every((t) =>
                  a.elements.tScores.some(
                    (g) => near(g.value, t.value) && (g.site ?? '').startsWith(`${t.side ?? 'right'} `),
                  ),
                )
                ? null
                : `a German side is lost: ${JSON.stringify(a.elements.tScores.map((g) => [g.value, g.site]))}`
              : null,
        ),
    };
  },
};

/**
 * An HL7 v2 result message (ORU^R01) whose report text is carried in OBX text segments: the
 * patient's sex is the PID segment's 8th field, the age comes from its 7th (date of birth) and the
 * order's observation date (OBR-7) or, with none, an OBX's 14th field. No age or sex is written in
 * the text.
 */
const hl7Demographics: Template = {
  id: 'mft.demographics.hl7-pid',
  concept: 'demographics',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, 'us-prose');
    const x = parts(f, p);
    const exam = { y: rng.int(2023, 2026), m: rng.int(1, 12), d: rng.int(1, 28) };
    const birth = { y: exam.y - f.age - rng.int(0, 1), m: rng.int(1, 12), d: rng.int(1, 28) };
    const before = birth.m < exam.m || (birth.m === exam.m && birth.d <= exam.d);
    const age = exam.y - birth.y - (before ? 0 : 1);
    const ts = (t: { y: number; m: number; d: number }, time: boolean): string =>
      `${t.y}${String(t.m).padStart(2, '0')}${String(t.d).padStart(2, '0')}${time ? `${rng.int(10, 23)}${rng.int(10, 59)}` : ''}`;
    const sex = rng.pick(['F', 'M'] as const);
    const [family, given] = f.patient.toUpperCase().split(' ').reverse();
    x.header = [];
    x.history = [rng.pick(['Screening for osteoporosis.', 'Indication: long-term glucocorticoid therapy.'])];
    const inObr = rng.chance(0.5);
    const examTs = ts(exam, rng.chance(0.5));
    const text = assemble(x, p)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => `OBX|${i + 1}|TX|77080^DXA REPORT^CPT4||${l}||||||F${!inObr && i === 0 ? `|||${examTs}` : ''}`);
    const segments = [
      `MSH|^~\\&|RIS|HOSP|EHR|HOSP|${ts(exam, true)}||ORU^R01|MSG${rng.int(1000, 9999)}|P|2.5.1`,
      `PID|1||MRN${rng.int(100000, 999999)}^^^HOSP^MR||${family}^${given}||${ts(birth, rng.chance(0.5))}|${sex}|||${rng.int(1, 99)} OAK ST^^TOWN^OR^97222`,
      `OBR|1|ORD${rng.int(1000, 9999)}|ACC${rng.int(1000, 9999)}|77080^DXA BONE DENSITY AXIAL^CPT4|||${inObr ? examTs : ''}`,
      ...text,
    ];
    return {
      text: segments.join(rng.pick(['\n', '\r', '\r\n'])),
      check: (a) =>
        all(
          () =>
            a.elements.age && near(a.elements.age.value, age)
              ? null
              : `expected age ${age}; read ${a.elements.age?.value}`,
          () => {
            const want = sex === 'F' ? 'female' : 'male';
            return a.elements.population?.sex === want
              ? null
              : `expected sex ${want}; read ${a.elements.population?.sex}`;
          },
        ),
    };
  },
};

/** ISCD: below 50 / premenopausal, BMD is "below / within the expected range for age", not a WHO class. */
const youngPatient: Template = {
  id: 'mft.who.premenopausal-or-young-man-expected-range',
  concept: 'who',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const age = rng.int(30, 48);
    x.history = [
      rng.pick([`${age}-year-old premenopausal woman.`, `${age}-year-old man.`, `Premenopausal woman, age ${age}.`]),
    ];
    // T-scores in the osteoporotic range, Z-scores low: the report speaks of the expected range for age.
    const ts = f.tscores.map((t) => ({ ...t, value: rng.num(-3.6, -2.6, 1), z: rng.num(-2.9, -2.1, 1) }));
    x.findings = ts.map(
      (t) =>
        `${cap(defaultRow(t))}: BMD ${fmtBmd(t.bmd, P)} g/cm2, T-score ${fmtT(t.value, P)}, Z-score ${fmtT(t.z, P)}.`,
    );
    x.impression = [
      rng.pick([
        'Bone mineral density is below the expected range for age.',
        'BMD below the expected range for age (Z-score -2.0 or lower).',
        'Low bone density for age.',
      ]),
    ];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => expectCode(a, 'who-classification-mismatch', false),
          () => {
            const bad = a.findings.flatMap((fd) => (fd.fixes ?? []).flatMap((fx) => fx.edits.map((e) => e.newText)));
            const dx = bad.filter((t) => /osteoporosis|osteopenia|low bone mass/i.test(t));
            return dx.length
              ? `a fix writes a WHO diagnosis for a patient the WHO classes do not apply to: ${dx.join(' | ')}`
              : null;
          },
        ),
    };
  },
};

/** Every risk carries the model it was calculated with (Risk.model). */
const riskModelAttached: Template = {
  id: 'mft.risk-model.attached-to-each-risk',
  concept: 'riskModel',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const m = rng.pick(['FRAX', 'QFracture', 'Garvan'] as const);
    const name = cap(rng.pick(MODEL_NAMES[m]));
    const kind = m === 'Garvan' ? 'any osteoporotic fracture' : 'major osteoporotic fracture';
    x.risk = [
      `${name} 10-year probability of ${kind} ${fmtPct(f.mof, f.riskDecimals, P)} and of hip fracture ${fmtPct(f.hip, 1, P)}.`,
    ];
    return {
      text: assemble(x, p),
      check: (a) => {
        const r = a.elements.risks;
        if (r.length < 2) return `expected two risks; read ${list(r)}`;
        const wrong = r.filter((k) => k.model !== m);
        return wrong.length
          ? `risks without model ${m}: ${JSON.stringify(wrong.map((k) => [k.kind, k.value, k.model]))}`
          : null;
      },
    };
  },
};

export const LAYOUT_TEMPLATES: Template[] = [
  youngPatient,
  riskModelAttached,
  comparisonTable,
  hipRows,
  riskMatrix,
  bracketedPair,
  twoRanges,
  zeroRisk,
  nonFraxAdjusted,
  nonDiagnostic,
  ageFromDob,
  hl7Demographics,
  germanAndEnglishRe,
];
