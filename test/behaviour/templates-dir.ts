/**
 * Directional tests: a change that should move the reading one way. Each case holds a base text (the
 * sentence without the cue, or the report before the change) and the variant; the check states what
 * the base reads and how the variant must differ, so a cue that the engine ignores fails the case.
 */
import type { Analysis } from '../../server/src/engine';
import { fillTemplate, NAMES, study } from './gen';
import type { Template } from './harness';
import { all, expectCode, list, near } from './harness';
import {
  ADJUSTED_PREFIXES,
  ADJUSTED_SUFFIXES,
  EXCLUDED_ROLE_LABELS,
  TBS_CAT_PHRASES,
  WHO_NEGATED,
  WHO_PHRASES,
} from './phrases';
import type { Rng } from './prng';
import type { Facts } from './report';
import type { Style } from './report';
import { assemble, fmtPct, fmtT, fmtTbs, lowestT, parts, PLAIN, STYLES, tbsCatOf, whoOf } from './report';

/** Layouts whose signer is on a labelled line (sign-off blocks have MFTs of their own). */
const LABELLED_SIGNERS: readonly Style[] = ['us-prose', 'us-table', 'keyvalue', 'bullets', 'markdown', 'au-canada'];

/** A value that differs from `v` by at least `gap`, drawn in [lo, hi]. */
function other(rng: Rng, v: number, lo: number, hi: number, d: number, gap: number): number {
  for (;;) {
    const w = rng.num(lo, hi, d);
    if (Math.abs(w - v) >= gap) return w;
  }
}

const HISTORY_TBS = [
  'The TBS in 2021 was {w}.',
  'Prior TBS (03/2021): {w}.',
  'Compared with 2023, when the TBS was {w}, there is a decrease.',
  'On the previous study in 2022 the TBS measured {w}.',
  'Previous TBS {w} (2021).',
  'The prior trabecular bone score was {w}.',
];

const HISTORY_T = [
  'In 2021 the {site} T-score was {w}.',
  'Prior {site} T-score (2022): {w}.',
  'Compared with 2023, when the {site} T-score was {w}, bone density is stable.',
  'The {site} T-score on the previous study was {w}.',
];

const HISTORY_RISK = [
  'In 2021 the FRAX MOF probability was {w}.',
  'Prior FRAX (2022): major osteoporotic fracture {w}.',
  'Compared with 2023, when the 10-year MOF risk was {w}, the risk has risen.',
  'The previous MOF risk was {w}.',
];

const HYPOTHETICAL_RISK = [
  'MOF risk would be {w} if TBS were degraded.',
  'If the TBS were normal, the MOF probability would be {w}.',
  'The MOF treatment threshold is {w}.',
  'Treatment is advised when MOF risk reaches {w}.',
  'Were the patient 10 years older, the MOF risk would be {w}.',
  'MOF intervention threshold for age: {w}.',
];

function tbsValues(a: Analysis): number[] {
  return a.elements.tbs.map((t) => t.value);
}

/** The base reads the cue-less sentence's value; the variant must not, and keeps this study's. */
const historyTbs: Template = {
  id: 'dir.history.tbs',
  concept: 'tbs',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const w = other(rng, f.tbs, 1.1, 1.45, 3, 0.02);
    const x = parts(f, p);
    const baseX = { ...x, tbs: [...x.tbs, `The TBS is ${fmtTbs(w, PLAIN)}.`] };
    const varX = { ...x, tbs: [...x.tbs, fillTemplate(rng.pick(HISTORY_TBS), { w: fmtTbs(w, PLAIN) })] };
    return {
      base: assemble(baseX, p),
      text: assemble(varX, p),
      check: (a, b) =>
        all(
          () =>
            tbsValues(b!).some((v) => near(v, w))
              ? null
              : `base does not read the uncued TBS ${w}: ${list(b!.elements.tbs)}`,
          () => (tbsValues(a).some((v) => near(v, w)) ? `the prior TBS ${w} is read as this study's` : null),
          () => (tbsValues(a).some((v) => near(v, f.tbs)) ? null : `this study's TBS ${f.tbs} is lost`),
          () => expectCode(a, 'conflicting-values', false),
        ),
    };
  },
};

const historyT: Template = {
  id: 'dir.history.t-score',
  concept: 'tScore',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const t = f.tscores[rng.int(1, 2)];
    const site = `${t.side} ${t.region === 'neck' ? 'femoral neck' : 'total hip'}`;
    // Apart from every T-score of this study (a prior value equal to another site's would be read
    // there, and the check, which goes by value, could not tell them apart).
    let w = other(rng, t.value, t.value - 1, t.value + 1, 1, 0.2);
    while (f.tscores.some((u) => Math.abs(u.value - w) < 0.2))
      w = other(rng, t.value, t.value - 1, t.value + 1, 1, 0.2);
    const x = parts(f, p);
    const baseX = { ...x, findings: [...x.findings, `The ${site} T-score is ${fmtT(w, PLAIN)}.`] };
    const varX = { ...x, findings: [...x.findings, fillTemplate(rng.pick(HISTORY_T), { site, w: fmtT(w, PLAIN) })] };
    return {
      base: assemble(baseX, p),
      text: assemble(varX, p),
      check: (a, b) =>
        all(
          () =>
            b!.elements.tScores.some((g) => near(g.value, w)) ? null : `base does not read the uncued T-score ${w}`,
          () =>
            a.elements.tScores.some((g) => near(g.value, w)) ? `the prior T-score ${w} is read as this study's` : null,
          () => expectCode(a, 'conflicting-values', false),
        ),
    };
  },
};

function riskSentenceDir(id: string, concept: 'risk', frames: readonly string[], n: number): Template {
  return {
    id,
    concept,
    type: 'DIR',
    n,
    gen(rng) {
      const { facts: f, phrasing: p } = study(rng);
      const w = other(rng, f.mof, 5, 35, 0, 3);
      const ws = fmtPct(w, 0, PLAIN);
      const x = parts(f, p);
      const baseX = { ...x, risk: [...x.risk, `The ${'TBS-adjusted'} FRAX MOF probability is ${ws}.`] };
      const varX = { ...x, risk: [...x.risk, fillTemplate(rng.pick(frames), { w: ws })] };
      return {
        base: assemble(baseX, p),
        text: assemble(varX, p),
        check: (a, b) =>
          all(
            () =>
              b!.elements.risks.some((r) => r.kind === 'mof' && near(r.value, w))
                ? null
                : `base does not read the uncued MOF ${w}%`,
            () => {
              const bad = a.elements.risks.filter((r) => near(r.value, w));
              return bad.length
                ? `${ws} is read as a result: ${bad.map((r) => `${r.kind} ${r.value}`).join(', ')}`
                : null;
            },
            () =>
              a.elements.risks.some((r) => r.kind === 'mof' && near(r.value, f.mof))
                ? null
                : `this study's MOF ${f.mof}% is lost`,
            () => expectCode(a, 'conflicting-values', false),
          ),
      };
    },
  };
}

/** Redraws until the lowest T-score is in the osteopenia range. */
function osteopenic(rng: Rng): { f: Facts; p: ReturnType<typeof study>['phrasing'] } {
  for (;;) {
    const s = study(rng);
    if (whoOf(lowestT(s.facts).value) === 'osteopenia') return { f: s.facts, p: s.phrasing };
  }
}

const negatedWho: Template = {
  id: 'dir.negation.who',
  concept: 'who',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { f, p } = osteopenic(rng);
    const x = parts(f, p);
    const low = lowestT(f);
    const lead = `${rng.pick(WHO_PHRASES.osteopenia)} Lowest T-score ${fmtT(low.value, PLAIN)}.`;
    // The base's statement is a plain one, so that the base reads it whatever the variant's cue.
    const baseX = { ...x, impression: [`${lead} ${rng.pick(WHO_PHRASES.osteoporosis.slice(0, 3))}`] };
    const varX = { ...x, impression: [`${lead} ${rng.pick(WHO_NEGATED)}`] };
    return {
      base: assemble(baseX, p),
      text: assemble(varX, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, 'who-classification-mismatch', true),
          () => expectCode(a, 'who-classification-mismatch', false),
          () =>
            a.elements.whoStatements.some((w) => w.whoClass === 'osteoporosis')
              ? 'a negated or hypothetical "osteoporosis" is read as a statement'
              : null,
        ),
    };
  },
};

/**
 * Statements dated earlier than the study: a WHO class or a TBS category with a year or a month
 * before or after it is an earlier study's (the study's own date, where written, is in 2024).
 */
const HISTORY_WHO = [
  'Osteoporosis in 2018.',
  'In 2019 she had osteoporosis.',
  'Osteoporosis was diagnosed in 2017.',
  'Findings were consistent with osteoporosis in 2020.',
  'Densitometric osteoporosis was documented 03/2019.',
  'In 11/2020 the bone density was in the osteoporotic range.',
];

const HISTORY_TBS_CATEGORY = [
  'The TBS was {cat} in 2019.',
  'In 2020 the TBS showed {cat}.',
  'TBS category {cat} in 2018.',
  'In 06/2021 the trabecular bone score indicated {cat}.',
  'There was {cat} in 2019 on TBS.',
];

const historyWho: Template = {
  id: 'dir.history.who',
  concept: 'who',
  type: 'DIR',
  n: 60,
  gen(rng) {
    const { f, p } = osteopenic(rng);
    const x = parts(f, p);
    const low = lowestT(f);
    const lead = `${rng.pick(WHO_PHRASES.osteopenia)} Lowest T-score ${fmtT(low.value, PLAIN)}.`;
    const baseX = { ...x, impression: [`${lead} ${rng.pick(WHO_PHRASES.osteoporosis.slice(0, 3))}`] };
    const varX = { ...x, impression: [`${lead} ${rng.pick(HISTORY_WHO)}`] };
    return {
      base: assemble(baseX, p),
      text: assemble(varX, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, 'who-classification-mismatch', true),
          () => expectCode(a, 'who-classification-mismatch', false),
          () =>
            a.elements.whoStatements.some((w) => w.whoClass === 'osteoporosis')
              ? 'an earlier study\'s "osteoporosis" is read as this study\'s statement'
              : null,
          () =>
            a.elements.whoStatements.some((w) => w.whoClass === 'osteopenia') ? null : "this study's class is lost",
        ),
    };
  },
};

const historyTbsCategory: Template = {
  id: 'dir.history.tbs-category',
  concept: 'tbs',
  type: 'DIR',
  n: 60,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng);
    const own = tbsCatOf(f.tbs);
    const cat = rng.pick((['normal', 'partially degraded', 'degraded'] as const).filter((c) => c !== own));
    const words = rng.pick(TBS_CAT_PHRASES[cat]);
    const x = parts(f, p);
    const baseX = { ...x, tbs: [...x.tbs, `The TBS shows ${words}.`] };
    const varX = { ...x, tbs: [...x.tbs, fillTemplate(rng.pick(HISTORY_TBS_CATEGORY), { cat: words })] };
    return {
      base: assemble(baseX, p),
      text: assemble(varX, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, 'tbs-category-mismatch', true),
          () => expectCode(a, 'tbs-category-mismatch', false),
          () =>
            a.elements.categories.some((c) => c.category === cat)
              ? `an earlier study's "${cat}" is read as this study's category`
              : null,
          () => (tbsValues(a).some((v) => near(v, f.tbs)) ? null : `this study's TBS ${f.tbs} is lost`),
        ),
    };
  },
};

const flipAdjusted: Template = {
  id: 'dir.adjustment.flips-adjusted',
  concept: 'risk',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, rng.pick(STYLES.filter((x) => x !== 'patient-letter')));
    const a = fmtPct(f.mof, f.riskDecimals, PLAIN);
    const b = fmtPct(f.hip, 1, PLAIN);
    const x = parts(f, p);
    const plain = `FRAX 10-year probability: major osteoporotic fracture ${a}, hip fracture ${b}.`;
    const k = rng.int(0, 4);
    let risk: string[];
    let header: string | null = null;
    if (k === 0) risk = [`${rng.pick(ADJUSTED_PREFIXES)} ${plain}`];
    else if (k === 1)
      risk = [
        `FRAX ${rng.pick(ADJUSTED_SUFFIXES)}, 10-year probability: major osteoporotic fracture ${a}, hip fracture ${b}.`,
      ];
    else if (k === 2) risk = [`Accounting for the trabecular bone score, the ${plain.replace(/^FRAX/, 'FRAX')}`];
    else if (k === 3) risk = [`${plain.replace(/\.$/, '')} (adjusted for TBS).`];
    else {
      risk = [plain];
      header = rng.pick([
        'FRACTURE RISK (TBS-ADJUSTED):',
        'Fracture risk (TBS-adjusted):',
        'TBS-adjusted fracture risk:',
      ]);
    }
    const baseText = assemble({ ...x, risk: [plain] }, p);
    let text = assemble({ ...x, risk }, p);
    if (header) text = text.replace(/^(FRACTURE RISK:?|Fracture risk:?|Fracture Risk Assessment:)$/m, header);
    return {
      base: baseText,
      text,
      check: (an, bn) =>
        all(
          () =>
            bn!.elements.risks.length && bn!.elements.risks.every((r) => !r.adjusted)
              ? null
              : `base should read unadjusted risks: ${JSON.stringify(bn!.elements.risks.map((r) => [r.kind, r.value, r.adjusted]))}`,
          () => expectCode(bn!, 'risk-not-tbs-adjusted', true),
          () =>
            an.elements.risks.length >= 2 && an.elements.risks.every((r) => r.adjusted)
              ? null
              : `expected adjusted risks: ${JSON.stringify(an.elements.risks.map((r) => [r.kind, r.value, r.adjusted]))}`,
          () => expectCode(an, 'risk-not-tbs-adjusted', false),
        ),
    };
  },
};

const providerRemoved: Template = {
  id: 'dir.provider.removed',
  concept: 'provider',
  type: 'DIR',
  n: 70,
  gen(rng) {
    // The UK sign-off block is an MFT of its own (mft.provider.sign-off-blocks).
    const { facts: f, phrasing: p } = study(rng, rng.pick(LABELLED_SIGNERS));
    const x = parts(f, p);
    return {
      base: assemble(x, p),
      text: assemble({ ...x, signature: [rng.pick(['', `${f.date} 15:41`, 'End of report.'])] }, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, 'missing-provider', false),
          () => expectCode(a, 'missing-provider', true),
          () =>
            a.elements.providers.length
              ? `a provider is still read: ${a.elements.providers.map((g) => g.text).join('; ')}`
              : null,
        ),
    };
  },
};

const providerReplacedByExcluded: Template = {
  id: 'dir.provider.replaced-by-excluded-role',
  concept: 'excludedRole',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(rng, rng.pick(LABELLED_SIGNERS));
    const x = parts(f, p);
    const label = rng.pick(EXCLUDED_ROLE_LABELS.filter((l) => !/technologist/i.test(l)));
    const name = `${rng.pick(NAMES.first)} ${rng.pick(NAMES.last)}`;
    return {
      base: assemble(x, p),
      text: assemble({ ...x, signature: [`${label} ${name}, ${rng.pick(['MD', 'DO'])}`] }, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, 'missing-provider', false),
          () => expectCode(a, 'missing-provider', true),
        ),
    };
  },
};

const implausible: Template = {
  id: 'dir.plausibility.out-of-range',
  concept: 'report',
  type: 'DIR',
  n: 70,
  gen(rng) {
    const { facts: f, phrasing: p } = study(
      rng,
      rng.pick(['us-prose', 'keyvalue', 'bullets', 'us-table', 'markdown'] as const),
    );
    const which = rng.int(0, 2);
    const x = parts(f, p);
    const f2: Facts = { ...f, tscores: f.tscores.map((t) => ({ ...t })) };
    if (which === 1) f2.tscores[1].value = -rng.num(7.6, 14, 1);
    else if (which === 2) f2.mof = rng.int(101, 180);
    const y = parts(f2, p);
    // A TBS with its decimal point slipped: 1.262 -> 12.62 or 0.126.
    if (which === 0) y.tbs = [`TBS L1-L4: ${rng.chance(0.5) ? (f.tbs * 10).toFixed(2) : (f.tbs / 10).toFixed(3)}`];
    const v = {
      ...x,
      tbs: which === 0 ? y.tbs : x.tbs,
      findings: which === 1 ? y.findings : x.findings,
      risk: which === 2 ? y.risk : x.risk,
    };
    v.impression = ['See above.'];
    const rule = (['tbs-value-implausible', 't-score-implausible', 'risk-implausible'] as const)[which];
    return {
      base: assemble({ ...x, impression: ['See above.'] }, p),
      text: assemble(v, p),
      check: (a, b) =>
        all(
          () => expectCode(b!, rule, false),
          () => expectCode(a, rule, true),
        ),
    };
  },
};

export const DIR_TEMPLATES: Template[] = [
  historyTbs,
  historyT,
  riskSentenceDir('dir.history.risk', 'risk', HISTORY_RISK, 70),
  riskSentenceDir('dir.hypothetical.risk', 'risk', HYPOTHETICAL_RISK, 70),
  negatedWho,
  historyWho,
  historyTbsCategory,
  flipAdjusted,
  providerRemoved,
  providerReplacedByExcluded,
  implausible,
];
