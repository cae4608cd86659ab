/**
 * Invariance tests: a fact-preserving change to a clean report must leave the elements (a normalised
 * projection: TBS values, T-score values and sites, models, risks, provider found, WHO classes, TBS
 * categories) and the set of finding codes exactly as they were.
 */
import { fillTemplate, study, wrap } from './gen';
import type { Concept, Template } from './harness';
import { diffProjection, project } from './harness';
import { FILLERS, LEGENDS, MOF_SYNONYMS, PRIOR_BANNERS, TBS_SYNONYMS, THRESHOLDS } from './phrases';
import type { Rng } from './prng';
import type { Facts, NumStyle, Parts, Phrasing, Style } from './report';
import { assemble, drawFacts, PROSE_STYLES, fmtPct, fmtTbs, hy, parts, PLAIN, render, STYLES } from './report';
import { NAMES } from './gen';

/** An invariance template: the base is the clean report; `variant` rewrites it without changing a fact. */
function inv(
  id: string,
  n: number,
  variant: (rng: Rng, f: Facts, p: Phrasing) => string,
  styles: readonly Style[] = STYLES,
  concept: Concept = 'report',
): Template {
  return {
    id,
    concept,
    type: 'INV',
    n,
    gen(rng) {
      const { facts, phrasing } = study(rng, rng.pick(styles));
      const base = render(facts, phrasing);
      const text = variant(rng, facts, { ...phrasing, num: { ...phrasing.num } });
      return { base, text, check: (a, b) => diffProjection(project(b!), project(a)) };
    },
  };
}

/** Renders with a changed number style. */
function withNum(change: (n: NumStyle, rng: Rng) => void): (rng: Rng, f: Facts, p: Phrasing) => string {
  return (rng, f, p) => {
    const num = { ...PLAIN };
    change(num, rng);
    return render(f, { ...p, num });
  };
}

function insertBlock(rng: Rng, f: Facts, p: Phrasing, lines: string[], where: number): string {
  const x: Parts = parts(f, p);
  if (where === 0) x.findings = [...x.findings, '', ...lines];
  else if (where === 1) x.risk = [...x.risk, ...lines];
  else x.signature = [...x.signature, '', ...lines];
  return assemble(x, p);
}

/** A prior study of the same patient: other values, other date, maybe another signer. */
function priorFacts(rng: Rng, f: Facts): Facts {
  const other = drawFacts(rng, NAMES);
  return {
    ...other,
    patient: f.patient,
    age: f.age - rng.int(2, 4),
    date: `${other.date.slice(0, 6)}${rng.pick(['2020', '2021', '2022'])}`,
  };
}

export const INV_TEMPLATES: Template[] = [
  inv(
    'inv.filler-words',
    60,
    (rng, f, p) => render(f, { ...p, filler: rng.pick(FILLERS.filter((x) => x !== ': {v}')) }),
    PROSE_STYLES,
  ),
  inv(
    'inv.synonym.tbs',
    60,
    (rng, f, p) => render(f, { ...p, tbsLabel: rng.pick(TBS_SYNONYMS.filter((x) => x !== 'TBS')) }),
    STYLES,
    'tbs',
  ),
  inv(
    'inv.synonym.mof-hip',
    60,
    (rng, f, p) =>
      render(f, {
        ...p,
        mofLabel: rng.pick(MOF_SYNONYMS.filter((x) => x !== p.mofLabel)),
        hipLabel: rng.pick(['hip fracture', 'hip']),
      }),
    STYLES,
    'risk',
  ),
  inv('inv.reordered-sentences', 60, (rng, f, p) => {
    let order = rng.shuffle([0, 1, 2]);
    if (order.join() === '0,1,2') order = [2, 0, 1];
    return render(f, { ...p, order, riskFirst: rng.chance(0.5) });
  }),
  inv('inv.layout.prose-table-keyvalue-bullets', 60, (rng, f, p) =>
    render(f, { ...p, style: rng.pick(STYLES.filter((s) => s !== p.style)) }),
  ),
  inv(
    'inv.unicode.minus-sign',
    60,
    withNum((n, rng) => (n.minus = rng.pick(['\u2212', '\u2013'] as const))),
  ),
  inv(
    'inv.unicode.non-breaking-hyphen',
    60,
    withNum((n) => (n.hyphen = '\u2011')),
  ),
  inv(
    'inv.unicode.nbsp-before-percent',
    60,
    withNum((n, rng) => (n.pctSpace = rng.pick([' ', '\u00a0'] as const))),
  ),
  inv(
    'inv.unicode.mid-dot-decimal',
    60,
    withNum((n) => (n.decimal = '·')),
  ),
  inv(
    'inv.decimal-comma',
    60,
    withNum((n) => (n.decimal = ',')),
  ),
  inv(
    'inv.unicode.full-width-digits',
    60,
    withNum((n) => (n.fullwidth = true)),
  ),
  inv(
    'inv.dictated-negative',
    60,
    withNum((n) => (n.minus = 'negative ')),
    [...PROSE_STYLES, 'keyvalue', 'va'],
  ),
  inv('inv.hard-wrap', 60, (rng, f, p) => wrap(render(f, p), rng.int(60, 72))),
  inv('inv.crlf', 60, (_rng, f, p) => render(f, p).replace(/\n/g, '\r\n')),
  inv('inv.bom', 60, (_rng, f, p) => `\ufeff${render(f, p)}`),
  inv('inv.added-legend', 60, (rng, f, p) =>
    insertBlock(rng, f, p, rng.shuffle(LEGENDS).slice(0, rng.int(1, 2)), rng.int(0, 2)),
  ),
  inv(
    'inv.added-threshold',
    60,
    (rng, f, p) => insertBlock(rng, f, p, [rng.pick(THRESHOLDS)], rng.int(1, 2)),
    STYLES,
    'risk',
  ),
  inv('inv.pasted-prior-report', 60, (rng, f, p) => {
    const prior = priorFacts(rng, f);
    const banner = fillTemplate(rng.pick(PRIOR_BANNERS), { d: prior.date });
    return `${render(f, p)}\n${banner}\n${render(prior, p)}`;
  }),
  inv('inv.addendum-restating-values', 60, (rng, f, p) => {
    const n = PLAIN;
    const restate = rng.pick([
      `ADDENDUM: To clarify, the ${hy('TBS-adjusted', n)} FRAX 10-year probabilities are ${fmtPct(f.mof, f.riskDecimals, n)} for major osteoporotic fracture and ${fmtPct(f.hip, 1, n)} for hip fracture; the TBS is ${fmtTbs(f.tbs, n)}.`,
      `Addendum (${f.date}): the TBS of ${fmtTbs(f.tbs, n)} was used for the adjustment. ${hy('TBS-adjusted', n)} FRAX: MOF ${fmtPct(f.mof, f.riskDecimals, n)}, hip ${fmtPct(f.hip, 1, n)}. No change to the impression.`,
    ]);
    return `${render(f, p)}\n${restate}\n${rng.pick(['Addendum by:', 'Amended by:', 'Electronically signed by:'])} ${f.provider.name}, ${f.provider.cred}\n`;
  }),
  inv('inv.combined-transport', 60, (rng, f, p) => {
    const num = {
      ...PLAIN,
      minus: rng.pick(['\u2212', '\u2013', '-'] as const),
      pctSpace: rng.pick(['', ' ', '\u00a0'] as const),
    };
    let t = insertBlock(rng, f, { ...p, num }, [rng.pick(LEGENDS)], 2);
    t = wrap(t, rng.int(60, 72));
    if (rng.chance(0.5)) t = t.replace(/\n/g, '\r\n');
    return rng.chance(0.5) ? `\ufeff${t}` : t;
  }),
];
