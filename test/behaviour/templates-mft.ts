/**
 * Minimum-functionality tests: one concept at a time, written in many phrasings inside an otherwise
 * clean report, must be read with its value (and its site, kind, adjustment or class) and must not
 * raise the concept's missing-* finding.
 */
import type { Analysis } from '../../server/src/engine';
import { fillTemplate, lowerLabel, NAMES, study, surname } from './gen';
import type { Case, Template } from './harness';
import { all, expectCode, list, near, siteKey } from './harness';
import type { Model, TbsCat, Who } from './phrases';
import {
  ADJUSTED_PREFIXES,
  ADJUSTED_SUFFIXES,
  AMENDING_LABELS,
  AGE_FRAMES,
  ANY_LABELS,
  BMI_FRAMES,
  CAROC_CATEGORY_FRAMES,
  CLOSINGS,
  CPT_LINES,
  EXCLUDED_ROLE_LABELS,
  FILLERS,
  HIP_LABELS,
  IMPRESSION_HEADERS,
  MODEL_NAMES,
  MOF_LABELS,
  RISK_PAIR_FRAMES,
  SIGNER_LABELS,
  SITE_NAMES,
  SITE_ROWS,
  T_FRAMES,
  T_LABELS,
  TBS_CAT_PHRASES,
  TBS_FRAMES,
  TBS_LABELS,
  WHO_PHRASES,
  Z_LABELS,
} from './phrases';
import type { Rng } from './prng';
import type { Facts, NumStyle, Style, TFact } from './report';
import {
  assemble,
  cap,
  fmtBmd,
  fmtPct,
  fmtT,
  fmtTbs,
  hy,
  lowestT,
  parts,
  PLAIN,
  render,
  siteName,
  siteRow,
  STYLES,
  tbsCatOf,
  whoOf,
} from './report';

// ---------------------------------------------------------------- checks shared by templates

export function tbsIs(a: Analysis, v: number): string | null {
  const got = a.elements.tbs;
  if (!got.some((t) => near(t.value, v))) return `expected TBS ${v.toFixed(3)}; read ${list(got)}`;
  const other = got.filter((t) => !near(t.value, v));
  if (other.length) return `read TBS values that the report does not state: ${list(other)}`;
  return null;
}

/** Every stated T-score is read with its value at its site; nothing else is read as a T-score. */
export function tScoresAre(a: Analysis, ts: TFact[], extraValues: number[] = []): string | null {
  const got = a.elements.tScores;
  for (const t of ts) {
    const same = got.filter((g) => near(g.value, t.value));
    if (!same.length)
      return `expected T-score ${t.value} (${t.region}); read ${JSON.stringify(got.map((g) => [g.value, g.site]))}`;
    const ok = same.some((g) => {
      const k = siteKey(g.site);
      return k.region === t.region && (t.side === null || k.side === null || k.side === t.side);
    });
    if (!ok)
      return `T-score ${t.value} read at the wrong site: expected ${t.side ?? ''} ${t.region}; read ${JSON.stringify(same.map((g) => g.site))}`;
  }
  const allowed = [...ts.map((t) => t.value), ...extraValues];
  const stray = got.filter((g) => !allowed.some((v) => near(v, g.value)));
  if (stray.length)
    return `read T-scores the report does not state: ${JSON.stringify(stray.map((g) => [g.value, g.site]))}`;
  return null;
}

interface RiskWant {
  kind: 'mof' | 'hip' | 'any';
  value: number;
  adjusted: boolean;
}

export function risksAre(a: Analysis, want: RiskWant[]): string | null {
  const got = a.elements.risks;
  const fmt = (r: RiskWant): string => `${r.kind} ${r.value}${r.adjusted ? ' adjusted' : ''}`;
  for (const w of want) {
    if (!got.some((g) => g.kind === w.kind && near(g.value, w.value) && g.adjusted === w.adjusted))
      return `expected risk ${fmt(w)}; read [${got.map(fmt).join(', ')}]`;
  }
  const stray = got.filter(
    (g) => !want.some((w) => w.kind === g.kind && near(g.value, w.value) && g.adjusted === w.adjusted),
  );
  if (stray.length) return `read risks the report does not state: [${stray.map(fmt).join(', ')}]`;
  return null;
}

export function numStyle(rng: Rng): NumStyle {
  return {
    decimal: rng.pick(['.', '.', ',', '·'] as const),
    minus: rng.pick(['-', '-', '\u2212', '\u2013'] as const),
    fullwidth: rng.chance(0.1),
    pctSpace: rng.pick(['', ' ', '\u00a0'] as const),
    hyphen: rng.pick(['-', '-', '\u2011'] as const),
  };
}

// ---------------------------------------------------------------- TBS

const tbsFrames: Template = {
  id: 'mft.tbs.frames',
  concept: 'tbs',
  type: 'MFT',
  n: 160,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const L = rng.pick(TBS_LABELS);
    const v = fmtTbs(f.tbs, PLAIN);
    const F = rng.pick(FILLERS).replace('{v}', v);
    x.tbs = [fillTemplate(rng.pick(TBS_FRAMES), { L: cap(L), l: L.startsWith('TBS') ? L : lowerLabel(L), F })];
    return {
      text: assemble(x, p),
      values: [v],
      check: (a) =>
        all(
          () => tbsIs(a, f.tbs),
          () => expectCode(a, 'missing-tbs-value', false),
        ),
    };
  },
};

const TBS_ROWS = [
  'TBS L1-L4 ........ {v}',
  'TBS L1-L4\t{v}',
  '| TBS (L1-L4) | {v} |',
  'Trabecular Bone Score (TBS) L1-L4 = {v}',
  'TBS value: {v} ({c})',
  'TBS:\n{v}',
  'L1-L4 TBS      {v}',
  'TBS iNsight result (L1-L4): {v}',
  'Trabecular bone score . . . . {v}',
  'TBS [L1-L4]: {v}',
];

const tbsRows: Template = {
  id: 'mft.tbs.rows',
  concept: 'tbs',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    x.tbs = [fillTemplate(rng.pick(TBS_ROWS), { v: fmtTbs(f.tbs, PLAIN), c: tbsCatOf(f.tbs) })];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tbsIs(a, f.tbs),
          () => expectCode(a, 'missing-tbs-value', false),
        ),
    };
  },
};

const tbsNumbers: Template = {
  id: 'mft.tbs.number-forms',
  concept: 'tbs',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const n = numStyle(rng);
    const x = parts(f, p);
    x.tbs = [`${rng.pick(['TBS', 'TBS L1-L4', 'Trabecular bone score'])}: ${fmtTbs(f.tbs, n)}`];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tbsIs(a, f.tbs),
          () => expectCode(a, 'missing-tbs-value', false),
        ),
    };
  },
};

// ---------------------------------------------------------------- T-scores

function tSentence(rng: Rng, t: TFact, n: NumStyle): string {
  const site = siteName(t, rng.pick(SITE_NAMES[t.region]));
  const T = hy(rng.pick(T_LABELS), n);
  const v = fmtT(t.value, n);
  return fillTemplate(rng.pick(T_FRAMES), {
    site,
    Site: cap(site),
    T,
    F: rng.pick(FILLERS).replace('{v}', v),
    v,
    bmd: fmtBmd(t.bmd, n),
  });
}

const tFrames: Template = {
  id: 'mft.t-score.frames',
  concept: 'tScore',
  type: 'MFT',
  n: 160,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    x.findings = f.tscores.map((t) => tSentence(rng, t, PLAIN));
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

/** Tables in the layouts of vendor printouts: columns by spaces, tabs, pipes, box drawing, grids. */
function table(rng: Rng, f: Facts, n: NumStyle, vertebrae: boolean): { lines: string[]; extraT: number[] } {
  const T = hy('T-score', n);
  const Z = hy('Z-score', n);
  const rows: Array<[string, string, string, string]> = [];
  const extraT: number[] = [];
  for (const t of f.tscores) {
    if (t.region === 'spine' && vertebrae) {
      for (const l of ['L1', 'L2', 'L3', 'L4']) {
        const v = Math.round((t.value + rng.num(-0.6, 0.6, 1)) * 10) / 10;
        extraT.push(v);
        rows.push([
          l,
          fmtBmd(t.bmd + rng.num(-0.05, 0.05, 3), n),
          fmtT(v, n),
          fmtT(Math.round((v + 0.8) * 10) / 10, n),
        ]);
      }
    }
    rows.push([siteRow(t, rng.pick(SITE_ROWS[t.region])), fmtBmd(t.bmd, n), fmtT(t.value, n), fmtT(t.z, n)]);
  }
  const head: [string, string, string, string] = ['Region', 'BMD (g/cm2)', T, Z];
  const kind = rng.int(0, 4);
  const w = [24, 12, 9, 9];
  let lines: string[];
  switch (kind) {
    case 0:
      lines = [head, ...rows].map((r) =>
        r
          .map((c, i) => c.padEnd(w[i]))
          .join('')
          .trimEnd(),
      );
      break;
    case 1:
      lines = [head, ...rows].map((r) => r.join('\t'));
      break;
    case 2:
      lines = [`| ${head.join(' | ')} |`, '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
      break;
    case 3:
      lines = [head, ...rows].map((r) => `│ ${r.map((c, i) => c.padEnd(w[i])).join('│ ')}│`);
      break;
    default: {
      const rule = `+${w.map((k) => '-'.repeat(k + 1)).join('+')}+`;
      lines = [
        rule,
        ...[head, ...rows].flatMap((r, i) => [
          `| ${r.map((c, j) => c.padEnd(w[j])).join('| ')}|`,
          ...(i === 0 ? [rule] : []),
        ]),
        rule,
      ];
    }
  }
  return { lines, extraT };
}

const tTables: Template = {
  id: 'mft.t-score.tables',
  concept: 'tScore',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const { lines, extraT } = table(rng, f, PLAIN, false);
    x.findings = lines;
    return {
      text: assemble(x, p),
      values: f.tscores.map((t) => fmtT(t.value, PLAIN)),
      check: (a) =>
        all(
          () => tScoresAre(a, f.tscores, extraT),
          () => expectCode(a, 'missing-t-score', false),
        ),
    };
  },
};

const tVertebrae: Template = {
  id: 'mft.t-score.per-vertebra-table',
  concept: 'tScore',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const { lines, extraT } = table(rng, f, PLAIN, true);
    x.findings = lines;
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tScoresAre(a, f.tscores, extraT),
          () => expectCode(a, 'missing-t-score', false),
        ),
    };
  },
};

const tNumbers: Template = {
  id: 'mft.t-score.number-forms',
  concept: 'tScore',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const n = numStyle(rng);
    const x = parts(f, p);
    x.findings = f.tscores.map(
      (t) => `${cap(siteName(t, SITE_NAMES[t.region][0]))} ${hy('T-score', n)}: ${fmtT(t.value, n)}`,
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

// ---------------------------------------------------------------- Z-scores

const zPremenopausal: Template = {
  id: 'mft.z-score.premenopausal',
  concept: 'zScore',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const age = rng.int(30, 48);
    const x = parts(f, p);
    x.history = [
      rng.pick([
        `${age}-year-old premenopausal woman.`,
        `Age ${age}, premenopausal.`,
        `${age} year old premenopausal female.`,
      ]),
    ];
    const Z = rng.pick(Z_LABELS);
    x.findings = f.tscores.map((t) =>
      rng.chance(0.5)
        ? `${cap(siteName(t, rng.pick(SITE_NAMES[t.region])))} ${Z}: ${fmtT(t.z, PLAIN)}.`
        : `The ${Z} at the ${siteName(t, rng.pick(SITE_NAMES[t.region]))} is ${fmtT(t.z, PLAIN)}.`,
    );
    x.impression = ['Bone density within the expected range for age.'];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => {
            const z = a.elements.zScores ?? [];
            const miss = f.tscores.filter((t) => !z.some((g) => near(g.value, t.z)));
            return miss.length ? `expected Z-scores ${miss.map((t) => t.z).join(', ')}; read ${list(z)}` : null;
          },
          () => (a.elements.tScores.length ? `Z-scores read as T-scores: ${list(a.elements.tScores)}` : null),
          () => expectCode(a, 'missing-t-score', false),
        ),
    };
  },
};

const zBesideT: Template = {
  id: 'mft.z-score.not-a-t-score',
  concept: 'zScore',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    x.findings = f.tscores.map(
      (t) =>
        `${cap(siteName(t, rng.pick(SITE_NAMES[t.region])))}: ${rng.pick(T_LABELS)} ${fmtT(t.value, PLAIN)}, ${rng.pick(Z_LABELS)} ${fmtT(t.z, PLAIN)}.`,
    );
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => tScoresAre(a, f.tscores),
          () => {
            const z = a.elements.zScores ?? [];
            const miss = f.tscores.filter((t) => !z.some((g) => near(g.value, t.z)));
            return miss.length ? `expected Z-scores ${miss.map((t) => t.z).join(', ')}; read ${list(z)}` : null;
          },
        ),
    };
  },
};

// ---------------------------------------------------------------- models and risks

const MODELS: Model[] = ['FRAX', 'Garvan', 'QFracture', 'CAROC'];

function modelResult(rng: Rng, m: Model, f: Facts, name: string): string {
  switch (m) {
    case 'FRAX':
    case 'QFracture':
      return `${name} 10-year probability of major osteoporotic fracture ${fmtPct(f.mof, f.riskDecimals, PLAIN)} and hip fracture ${fmtPct(f.hip, 1, PLAIN)}.`;
    case 'Garvan':
      return `${name} 10-year risk of any osteoporotic fracture ${fmtPct(f.mof, f.riskDecimals, PLAIN)} and of hip fracture ${fmtPct(f.hip, 1, PLAIN)}.`;
    case 'CAROC':
      return `${name}: ${rng.pick(['low', 'moderate', 'high'])} risk.`;
  }
}

const modelNames: Template = {
  id: 'mft.risk-model.names',
  concept: 'riskModel',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const m = rng.pick(MODELS);
    const name = rng.pick(MODEL_NAMES[m]);
    const x = parts(f, p);
    x.risk = [modelResult(rng, m, f, cap(name))];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => {
            const names = [...new Set(a.elements.riskModels.map((r) => r.name))];
            return names.length === 1 && names[0] === m ? null : `expected model ${m}; read [${names.join(', ')}]`;
          },
          () => expectCode(a, 'missing-risk-model', false),
        ),
    };
  },
};

function adjustedModel(rng: Rng, adjusted: boolean): string {
  if (!adjusted) return rng.pick(['FRAX', 'FRAX', 'The FRAX']);
  return rng.chance(0.5) ? `${rng.pick(ADJUSTED_PREFIXES)} FRAX` : `FRAX ${rng.pick(ADJUSTED_SUFFIXES)}`;
}

const riskPairs: Template = {
  id: 'mft.risk.mof-hip-frames',
  concept: 'risk',
  type: 'MFT',
  n: 160,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const adjusted = rng.chance(0.6);
    const x = parts(f, p);
    x.risk = [
      cap(
        fillTemplate(rng.pick(RISK_PAIR_FRAMES), {
          M: adjustedModel(rng, adjusted),
          mof: rng.pick(MOF_LABELS),
          hip: rng.pick(HIP_LABELS),
          a: fmtPct(f.mof, f.riskDecimals, PLAIN),
          b: fmtPct(f.hip, 1, PLAIN),
        }),
      ),
    ];
    return {
      text: assemble(x, p),
      values: [fmtPct(f.mof, f.riskDecimals, PLAIN), fmtPct(f.hip, 1, PLAIN)],
      check: (a) =>
        all(
          () =>
            risksAre(a, [
              { kind: 'mof', value: f.mof, adjusted },
              { kind: 'hip', value: f.hip, adjusted },
            ]),
          () => expectCode(a, 'missing-calculated-risk', false),
          () => expectCode(a, 'risk-not-tbs-adjusted', !adjusted),
        ),
    };
  },
};

const RISK_ROWS = [
  ['10-year probability (%)', 'MOF {a}   Hip {b}'],
  ['FRAX', 'Major osteoporotic fracture: {a}   Hip fracture: {b}'],
  ['FRAX 10-yr risk', 'MOF {a}, hip {b}'],
  ['10-yr risk (FRAX)', 'MOF: {a} | Hip: {b}'],
];

const riskKeyValue: Template = {
  id: 'mft.risk.key-value',
  concept: 'risk',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const adjusted = rng.chance(0.6);
    const x = parts(f, p);
    const a = fmtPct(f.mof, f.riskDecimals, PLAIN);
    const b = fmtPct(f.hip, 1, PLAIN);
    const k = rng.int(0, 3);
    if (k === 0) x.risk = [`Model: FRAX${adjusted ? ' (TBS-adjusted)' : ''}`, `MOF: ${a}`, `Hip: ${b}`];
    else if (k === 1)
      x.risk = [
        `- FRAX${adjusted ? ' adjusted for TBS' : ''}`,
        `  - Major osteoporotic fracture: ${a}`,
        `  - Hip fracture: ${b}`,
      ];
    else {
      const [label, row] = rng.pick(RISK_ROWS);
      x.risk = [`${adjusted ? 'TBS-adjusted ' : ''}${label}: ${fillTemplate(row, { a, b })}`];
    }
    return {
      text: assemble(x, p),
      check: (an) =>
        all(
          () =>
            risksAre(an, [
              { kind: 'mof', value: f.mof, adjusted },
              { kind: 'hip', value: f.hip, adjusted },
            ]),
          () => expectCode(an, 'missing-calculated-risk', false),
        ),
    };
  },
};

const riskBoth: Template = {
  id: 'mft.risk.unadjusted-and-adjusted',
  concept: 'risk',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const um = Math.round(f.mof * rng.num(0.7, 1.3, 2) * 10) / 10;
    const uh = Math.round(Math.min(um - 0.5, f.hip * rng.num(0.7, 1.3, 2)) * 10) / 10;
    const A = (v: number): string => fmtPct(v, 1, PLAIN);
    x.risk = [
      rng.pick([
        `FRAX without TBS: MOF ${A(um)}, hip ${A(uh)}. TBS-adjusted FRAX: MOF ${A(f.mof)}, hip ${A(f.hip)}.`,
        `Unadjusted FRAX: major osteoporotic fracture ${A(um)}, hip fracture ${A(uh)}.\nFRAX adjusted for TBS: major osteoporotic fracture ${A(f.mof)}, hip fracture ${A(f.hip)}.`,
        `TBS-adjusted FRAX: MOF ${A(f.mof)} (unadjusted ${A(um)}); hip ${A(f.hip)} (unadjusted ${A(uh)}).`,
        `FRAX 10-year probability${' '.repeat(6)}without TBS   with TBS\nMajor osteoporotic fracture${' '.repeat(3)}${A(um).padEnd(14)}${A(f.mof)}\nHip fracture${' '.repeat(18)}${A(uh).padEnd(14)}${A(f.hip)}`,
      ]),
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
          () => expectCode(a, 'conflicting-values', false),
        ),
    };
  },
};

const riskGarvan: Template = {
  id: 'mft.risk.garvan-any',
  concept: 'risk',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const x = parts(f, p);
    const a = fmtPct(f.mof, f.riskDecimals, PLAIN);
    const b = fmtPct(f.hip, 1, PLAIN);
    const anyL = rng.pick(ANY_LABELS);
    x.risk = [
      rng.pick([
        `${cap(rng.pick(MODEL_NAMES.Garvan))} 10-year risk of ${anyL} ${a} and of hip fracture ${b}.`,
        `Garvan: 10-year ${anyL} risk ${a}; hip fracture risk ${b}.`,
        `Using the Garvan calculator, the 10-year probability of ${anyL} is ${a} and of hip fracture ${b}.`,
      ]),
    ];
    return {
      text: assemble(x, p),
      check: (an) =>
        all(
          () =>
            risksAre(an, [
              { kind: 'any', value: f.mof, adjusted: false },
              { kind: 'hip', value: f.hip, adjusted: false },
            ]),
          () => expectCode(an, 'missing-calculated-risk', false),
        ),
    };
  },
};

const carocCategory: Template = {
  id: 'mft.caroc.category',
  concept: 'carocCategory',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    p.statements = false;
    const c = rng.pick(['low', 'moderate', 'high'] as const);
    const x = parts(f, p);
    x.risk = [fillTemplate(rng.pick(CAROC_CATEGORY_FRAMES), { c, C: cap(c) })];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => {
            const got = a.elements.riskCategories ?? [];
            return got.some((g) => g.category === c && g.model === 'CAROC')
              ? null
              : `expected CAROC category ${c}; read ${JSON.stringify(got.map((g) => [g.model, g.category]))}`;
          },
          () => expectCode(a, 'missing-calculated-risk', false),
          () => (a.elements.risks.length ? `a category read as a numeric risk: ${list(a.elements.risks)}` : null),
        ),
    };
  },
};

// ---------------------------------------------------------------- providers

export function providerFound(a: Analysis, name: string): string | null {
  const sur = surname(name).toLowerCase();
  const got = a.elements.providers;
  if (!got.some((g) => g.text.toLowerCase().includes(sur)))
    return `expected provider ${name}; read ${JSON.stringify(got.map((g) => `${g.label}: ${g.text}`))}`;
  return expectCode(a, 'missing-provider', false);
}

const providerLabels: Template = {
  id: 'mft.provider.labels',
  concept: 'provider',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const { name, cred } = f.provider;
    const label = rng.pick(SIGNER_LABELS);
    const who = rng.pick([
      `${name}, ${cred}`,
      `Dr ${name}`,
      `Dr. ${name}, ${cred}`,
      `${name} ${cred.replace(/,/g, '')}`,
    ]);
    x.signature = [rng.chance(0.5) ? `${label} ${who}` : `${label}\n${who}`, rng.chance(0.5) ? `${f.date} 15:41` : ''];
    return { text: assemble(x, p), values: [surname(name)], check: (a) => providerFound(a, name) };
  },
};
/**
 * Text copied from a PDF breaks the signer's line after the first name: the name goes on on the next
 * line with its credential (and sometimes the next field: "Date signed: ..."). The provider's text is
 * the whole name on one line.
 */
const providerWrapped: Template = {
  id: 'mft.provider.name-across-line-break',
  concept: 'provider',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const { name, cred } = f.provider;
    const [first, ...rest] = name.split(' ');
    const label = rng.pick(SIGNER_LABELS);
    const title = rng.pick(['', 'Dr ', 'Dr. ']);
    const tail = rng.pick(['', ` Date signed: ${f.date}`, `   ${f.date} 15:41`]);
    const second = `${rng.pick(['', '  '])}${rest.join(' ')}${rng.pick([`, ${cred}`, ` ${cred.replace(/,/g, '')}`])}`;
    x.signature = [`${label} ${title}${first}`, `${second}${tail}`];
    const want = `${title}${first} ${second.trim()}`;
    return {
      text: assemble(x, p).replace(/\n/g, rng.pick(['\n', '\r\n'])),
      values: [surname(name)],
      check: (a) =>
        all(
          () => providerFound(a, name),
          () =>
            a.elements.providers.some((q) => q.text === want)
              ? null
              : `expected the provider text ${JSON.stringify(want)}; read ${JSON.stringify(a.elements.providers.map((q) => q.text))}`,
        ),
    };
  },
};

const providerAmending: Template = {
  id: 'mft.provider.amended-and-addendum-lines',
  concept: 'provider',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const { name, cred } = f.provider;
    const label = rng.pick(AMENDING_LABELS);
    const who = rng.pick([
      `${name}, ${cred}`,
      `Dr ${name}`,
      `Dr. ${name}, ${cred}`,
      `${name} ${cred.replace(/,/g, '')}`,
    ]);
    x.signature = [rng.chance(0.5) ? `${label} ${who}` : `${label}\n${who}`, rng.chance(0.5) ? `${f.date} 15:41` : ''];
    return { text: assemble(x, p), values: [surname(name)], check: (a) => providerFound(a, name) };
  },
};

const providerSignoff: Template = {
  id: 'mft.provider.sign-off-blocks',
  concept: 'provider',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const { name, cred } = f.provider;
    const role = rng.pick([
      'Consultant Radiologist',
      'Radiologist',
      'Consultant in Nuclear Medicine',
      'Staff Radiologist',
      '',
    ]);
    const k = rng.int(0, 4);
    if (k === 0) x.signature = [rng.pick(CLOSINGS), '', `Dr ${name}`, ...(role ? [role] : [])];
    else if (k === 1) x.signature = [rng.pick(CLOSINGS), `${name}, ${cred}`, ...(role ? [role] : [])];
    else if (k === 2) x.signature = [`Thank you for your referral. Dr ${name}, ${cred} ${f.date}`];
    else if (k === 3) x.signature = ['', `${name} ${cred.replace(/,/g, '')}`, role || 'Radiologist'];
    else
      x.signature = [
        `Primary interpreting staff: ${name}, ${cred}`,
        `Verifier e-signature: ${name}, ${cred} ${f.date}`,
      ];
    return { text: assemble(x, p), check: (a) => providerFound(a, name) };
  },
};

const excludedOnly: Template = {
  id: 'mft.excluded-role.alone',
  concept: 'excludedRole',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, rng.pick(STYLES));
    const x = parts(f, p);
    const other = `${rng.pick(NAMES.first)} ${rng.pick(NAMES.last)}`;
    x.header = x.header.filter((l) => !/^Referring/.test(l));
    x.signature = [`${rng.pick(EXCLUDED_ROLE_LABELS)} ${other}, ${rng.pick(['MD', 'DO', 'NP', 'MBBS'])}`];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () =>
            a.elements.providers.length
              ? `an excluded role read as the provider: ${JSON.stringify(a.elements.providers.map((g) => `${g.label}: ${g.text}`))}`
              : null,
          () => expectCode(a, 'missing-provider', true),
        ),
    };
  },
};

const excludedWithSigner: Template = {
  id: 'mft.excluded-role.beside-signer',
  concept: 'excludedRole',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, rng.pick(STYLES));
    const x = parts(f, p);
    let other = `${rng.pick(NAMES.first)} ${rng.pick(NAMES.last)}`;
    while (surname(other) === surname(f.provider.name)) other = `${rng.pick(NAMES.first)} ${rng.pick(NAMES.last)}`;
    const excluded = `${rng.pick(EXCLUDED_ROLE_LABELS)} ${other}, ${rng.pick(['MD', 'DO', 'NP'])}`;
    if (rng.chance(0.5)) x.signature = [...x.signature, excluded];
    else x.signature = [excluded, ...x.signature];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => providerFound(a, f.provider.name),
          () => {
            const bad = a.elements.providers.filter((g) => g.text.toLowerCase().includes(surname(other).toLowerCase()));
            return bad.length
              ? `an excluded role read as a provider: ${JSON.stringify(bad.map((g) => `${g.label}: ${g.text}`))}`
              : null;
          },
        ),
    };
  },
};

// ---------------------------------------------------------------- statements

const whoAgrees: Template = {
  id: 'mft.who.statement-agrees',
  concept: 'who',
  type: 'MFT',
  n: 100,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const cls = whoOf(lowestT(f).value);
    x.impression = [rng.pick(WHO_PHRASES[cls]), `TBS ${fmtTbs(f.tbs, PLAIN)}.`];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => {
            const got = a.elements.whoStatements.map((w) => w.whoClass);
            return got.includes(cls) && got.every((g) => g === cls)
              ? null
              : `expected WHO class ${cls}; read [${got.join(', ')}]`;
          },
          () => expectCode(a, 'who-classification-mismatch', false),
        ),
    };
  },
};

const whoDisagrees: Template = {
  id: 'mft.who.statement-disagrees',
  concept: 'who',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const cls = whoOf(lowestT(f).value);
    const wrong = rng.pick((['normal', 'osteopenia', 'osteoporosis'] as Who[]).filter((c) => c !== cls));
    x.impression = [rng.pick(WHO_PHRASES[wrong]), `TBS ${fmtTbs(f.tbs, PLAIN)}.`];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'who-classification-mismatch', true) };
  },
};

const CAT_FRAMES = [
  'TBS {v}, {c}.',
  'TBS {v} ({c}).',
  'The TBS of {v} indicates {c}.',
  'Trabecular bone score {v}, consistent with {c}.',
  'TBS: {v} - {c}.',
];

const categoryAgrees: Template = {
  id: 'mft.tbs-category.agrees',
  concept: 'tbsCategory',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const cat = tbsCatOf(f.tbs);
    x.impression = [fillTemplate(rng.pick(CAT_FRAMES), { v: fmtTbs(f.tbs, PLAIN), c: rng.pick(TBS_CAT_PHRASES[cat]) })];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () => {
            const got = a.elements.categories.map((c) => c.category);
            return got.includes(cat) && got.every((g) => g === cat)
              ? null
              : `expected TBS category ${cat}; read [${got.join(', ')}]`;
          },
          () => expectCode(a, 'tbs-category-mismatch', false),
        ),
    };
  },
};

const categoryDisagrees: Template = {
  id: 'mft.tbs-category.disagrees',
  concept: 'tbsCategory',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const cat = tbsCatOf(f.tbs);
    const wrong = rng.pick((['normal', 'partially degraded', 'degraded'] as TbsCat[]).filter((c) => c !== cat));
    x.impression = [
      fillTemplate(rng.pick(CAT_FRAMES), { v: fmtTbs(f.tbs, PLAIN), c: rng.pick(TBS_CAT_PHRASES[wrong]) }),
    ];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'tbs-category-mismatch', true) };
  },
};

const categoryAway: Template = {
  id: 'mft.tbs-category.summary-line-away-from-value',
  concept: 'tbsCategory',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const cat = tbsCatOf(f.tbs);
    const wrong = rng.chance(0.5);
    const stated = wrong
      ? rng.pick((['normal', 'partially degraded', 'degraded'] as TbsCat[]).filter((c) => c !== cat))
      : cat;
    x.impression = [
      `${rng.pick(['TBS', 'Trabecular bone score', 'Microarchitecture'])}: ${cap(rng.pick(TBS_CAT_PHRASES[stated]))}.`,
    ];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'tbs-category-mismatch', wrong) };
  },
};

// ---------------------------------------------------------------- demographics, BMI, codes

const ageFrames: Template = {
  id: 'mft.demographics.age',
  concept: 'demographics',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    x.history = [fillTemplate(rng.pick(AGE_FRAMES), { a: String(f.age) })];
    return {
      text: assemble(x, p),
      check: (a) =>
        a.elements.age && near(a.elements.age.value, f.age)
          ? null
          : `expected age ${f.age}; read ${a.elements.age?.value}`,
    };
  },
};

const ageOutside: Template = {
  id: 'mft.demographics.age-outside-validated-range',
  concept: 'demographics',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const age = rng.chance(0.5) ? rng.int(91, 99) : rng.int(20, 39);
    x.history = [fillTemplate(rng.pick(AGE_FRAMES), { a: String(age) })];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'age-outside-validated-range', true) };
  },
};

const POPULATIONS = [
  { text: '{a}-year-old postmenopausal woman.', sex: 'female', menopause: 'postmenopausal' },
  { text: '{a}-year-old man.', sex: 'male', menopause: null },
  { text: 'Sex: M. Age: {a}.', sex: 'male', menopause: null },
  { text: 'Sex: F. Postmenopausal since age 51. Age {a}.', sex: 'female', menopause: 'postmenopausal' },
  { text: 'Age / sex ...... {a} y / male', sex: 'male', menopause: null },
  { text: '{a} yo perimenopausal female.', sex: 'female', menopause: 'perimenopausal' },
  { text: 'A {a}-year-old gentleman.', sex: 'male', menopause: null },
  { text: 'Premenopausal woman, age {a}.', sex: 'female', menopause: 'premenopausal' },
] as const;

const population: Template = {
  id: 'mft.demographics.sex-and-menopause',
  concept: 'demographics',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const pop = rng.pick(POPULATIONS);
    const age = pop.menopause === 'premenopausal' ? rng.int(35, 48) : f.age;
    x.history = [fillTemplate(pop.text, { a: String(age) })];
    x.impression = x.impression.filter((l) => !/^1\./.test(l));
    return {
      text: assemble(x, p),
      check: (a) => {
        const got = a.elements.population;
        if (!got) return 'population not read (elements.population is absent)';
        if (got.sex !== pop.sex) return `expected sex ${pop.sex}; read ${got.sex}`;
        if (pop.menopause && got.menopause !== pop.menopause) return `expected ${pop.menopause}; read ${got.menopause}`;
        return a.elements.age && near(a.elements.age.value, age)
          ? null
          : `expected age ${age}; read ${a.elements.age?.value}`;
      },
    };
  },
};

const bmiFrames: Template = {
  id: 'mft.bmi.frames',
  concept: 'bmi',
  type: 'MFT',
  n: 75,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const comma = rng.chance(0.2);
    const b = comma ? f.bmi.toFixed(1).replace('.', ',') : f.bmi.toFixed(1);
    x.history = [`${f.age}-year-old postmenopausal woman.`, fillTemplate(rng.pick(BMI_FRAMES), { b })];
    return {
      text: assemble(x, p),
      check: (a) =>
        all(
          () =>
            a.elements.bmi && near(a.elements.bmi.value, f.bmi)
              ? null
              : `expected BMI ${f.bmi}; read ${a.elements.bmi?.value}`,
          () => expectCode(a, 'bmi-outside-validated-range', false),
        ),
    };
  },
};

const bmiOutside: Template = {
  id: 'mft.bmi.outside-validated-range',
  concept: 'bmi',
  type: 'MFT',
  n: 50,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const bmi = rng.chance(0.5) ? rng.num(37.6, 48, 1) : rng.num(11, 14.4, 1);
    x.history = [`${f.age}-year-old postmenopausal woman.`, fillTemplate(rng.pick(BMI_FRAMES), { b: bmi.toFixed(1) })];
    return { text: assemble(x, p), check: (a) => expectCode(a, 'bmi-outside-validated-range', true) };
  },
};

const cptLines: Template = {
  id: 'mft.cpt.code-lines',
  concept: 'cpt',
  type: 'MFT',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    const line = rng.pick(CPT_LINES);
    x.header = [...x.header, line.text];
    return {
      text: assemble(x, p),
      check: (a) => {
        const got = [...new Set(a.elements.codes.map((c) => c.code))].sort();
        const want = [...line.codes].sort();
        return JSON.stringify(got) === JSON.stringify(want)
          ? null
          : `expected codes ${want.join(', ')}; read ${got.join(', ')}`;
      },
    };
  },
};

const sectionHeaders: Template = {
  id: 'mft.sections.impression-headers',
  concept: 'sections',
  type: 'MFT',
  n: 90,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const x = parts(f, p);
    x.impressionHeader = rng.pick(IMPRESSION_HEADERS);
    x.impression = [
      rng.pick([
        'Fracture risk is high; treatment is recommended.',
        'Moderate fracture risk. Repeat DXA in two years.',
        'Low fracture risk; no treatment is indicated.',
        'Degraded microarchitecture raises the fracture risk above what BMD alone suggests.',
      ]),
    ];
    return {
      text: assemble(x, p),
      settings: { profile: '77092' },
      check: (a) =>
        all(
          () => (a.elements.impression ? null : `impression not found under "${x.impressionHeader}"`),
          () => expectCode(a, 'missing-impression', false),
        ),
    };
  },
};

// ---------------------------------------------------------------- the whole clean report

function cleanReport(style: Style): Template {
  return {
    id: `mft.report.clean.${style}`,
    concept: 'report',
    type: 'MFT',
    n: 50,
    gen(rng) {
      const { facts: f, phrasing: p } = study(rng, style);
      return {
        text: render(f, p),
        values: [fmtTbs(f.tbs, PLAIN)],
        check: (a) =>
          all(
            () =>
              a.findings.length
                ? `a clean report has findings: ${a.findings.map((x) => `${x.code} (${x.message})`).join('; ')}`
                : null,
            () => tbsIs(a, f.tbs),
            () => tScoresAre(a, f.tscores),
            () =>
              risksAre(a, [
                { kind: 'mof', value: f.mof, adjusted: true },
                { kind: 'hip', value: f.hip, adjusted: true },
              ]),
            () => providerFound(a, f.provider.name),
            () => {
              const who = [...new Set(a.elements.whoStatements.map((w) => w.whoClass))];
              const want = whoOf(lowestT(f).value);
              return who.length === 1 && who[0] === want
                ? null
                : `expected WHO class ${want}; read [${who.join(', ')}]`;
            },
            () => {
              const cats = [...new Set(a.elements.categories.map((c) => c.category))];
              const want = tbsCatOf(f.tbs);
              return cats.length === 1 && cats[0] === want
                ? null
                : `expected TBS category ${want}; read [${cats.join(', ')}]`;
            },
          ),
      };
    },
  };
}

export const MFT_TEMPLATES: Template[] = [
  ...STYLES.map(cleanReport),
  tbsFrames,
  tbsRows,
  tbsNumbers,
  tFrames,
  tTables,
  tVertebrae,
  tNumbers,
  zPremenopausal,
  zBesideT,
  modelNames,
  riskPairs,
  riskKeyValue,
  riskBoth,
  riskGarvan,
  carocCategory,
  providerLabels,
  providerWrapped,
  providerAmending,
  providerSignoff,
  excludedOnly,
  excludedWithSigner,
  whoAgrees,
  whoDisagrees,
  categoryAgrees,
  categoryDisagrees,
  categoryAway,
  ageFrames,
  ageOutside,
  population,
  bmiFrames,
  bmiOutside,
  cptLines,
  sectionHeaders,
];

/** Used by the meta-test: a case of `mft.tbs.frames` whose check can be run on a mutated text. */
export const TBS_FRAMES_TEMPLATE: Template = tbsFrames;
export type { Case };
