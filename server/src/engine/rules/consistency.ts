/**
 * Values that contradict each other: hip-risk-exceeds-mof, tbs-category-mismatch,
 * who-classification-mismatch, conflicting-values, risk-not-tbs-adjusted.
 */
import { categoryOf, TBS_RANGE, T_RANGE, WHO_LABEL, whoClassOf } from '../thresholds';
import type { Finding, Risk, TScore } from '../types';
import type { RuleInput } from './helpers';
import { finding, lineNo, matchCase } from './helpers';

function riskName(r: Risk): string {
  return `${r.adjusted ? 'TBS-adjusted' : 'unadjusted'} ${r.kind === 'mof' ? 'MOF' : 'hip'} probability`;
}

/** The distinct (adjusted, horizon) pairs: risks are compared only within one. */
function riskGroups(risks: readonly Risk[]): Array<[boolean, number]> {
  const seen = new Map<string, [boolean, number]>();
  for (const r of risks) seen.set(`${r.adjusted}/${r.horizon}`, [r.adjusted, r.horizon]);
  return [...seen.values()];
}

export function hipVsMof({ elements }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const [adjusted, horizon] of riskGroups(elements.risks)) {
    const mof = elements.risks.find((r) => r.kind === 'mof' && r.adjusted === adjusted && r.horizon === horizon);
    const hip = elements.risks.find((r) => r.kind === 'hip' && r.adjusted === adjusted && r.horizon === horizon);
    if (!mof || !hip || hip.value <= mof.value) continue;
    out.push(
      finding(
        'hip-risk-exceeds-mof',
        hip.range,
        `${riskName(hip)} ${hip.text} exceeds the ${riskName(mof)} ${mof.text} (line ${lineNo(mof.range)}): MOF includes hip fracture, so hip probability cannot be higher. Check both values.`,
        {
          related: [{ range: mof.range, message: `${riskName(mof)} ${mof.text}` }],
        },
      ),
    );
  }
  return out;
}

export function categoryRule({ elements, thresholds }: RuleInput, original: string): Finding[] {
  const out: Finding[] = [];
  for (const st of elements.categories) {
    const v = st.tbs.value;
    if (v < TBS_RANGE[0] || v > TBS_RANGE[1]) continue;
    const expected = categoryOf(v, thresholds);
    if (expected === st.category) continue;
    // The title quotes the report's own words, in its own casing ("Normal", "DEGRADED").
    const written = original.slice(st.span.start, st.span.end);
    const replacement = matchCase(written, expected);
    out.push(
      finding(
        'tbs-category-mismatch',
        st.range,
        `TBS ${st.tbs.text} is "${expected}", not "${st.category}", under the ${thresholds.name} thresholds (${thresholds.source}).`,
        {
          related: [{ range: st.tbs.range, message: `TBS ${st.tbs.text}` }],
          fixes: [
            {
              title: `Change "${written}" to "${replacement}"`,
              preferred: true,
              edits: [{ range: st.range, newText: replacement }],
            },
          ],
        },
      ),
    );
  }
  return out;
}

export function whoRule({ elements }: RuleInput, original: string): Finding[] {
  const out: Finding[] = [];
  const plausible = elements.tScores.filter((t) => t.value >= T_RANGE[0] && t.value <= T_RANGE[1]);
  if (!plausible.length) return out;
  let lowest: TScore = plausible[0];
  for (const t of plausible) if (t.value < lowest.value) lowest = t;
  const expected = whoClassOf(lowest.value);
  for (const st of elements.whoStatements) {
    if (st.whoClass === expected) continue;
    // Osteoporosis diagnosed clinically (fragility fracture) may stand above the densitometric class.
    if (st.whoClass === 'osteoporosis' && st.clinical) continue;
    const written = original.slice(st.span.start, st.span.end);
    const replacement = matchCase(written, WHO_LABEL[expected]);
    out.push(
      finding(
        'who-classification-mismatch',
        st.range,
        `"${written}" does not match the lowest BMD T-score ${lowest.text}${lowest.site ? ` (${lowest.site})` : ''}, which is ${WHO_LABEL[expected]} by WHO criteria (<= -2.5 osteoporosis; -1.0 to -2.5 low bone mass; >= -1.0 normal). A fragility fracture can justify a clinical diagnosis of osteoporosis; say so if that is meant.`,
        {
          related: [{ range: lowest.range, message: `lowest BMD T-score ${lowest.text}` }],
          fixes: [
            {
              title: `Change "${written}" to "${replacement}"`,
              preferred: true,
              edits: [{ range: st.range, newText: replacement }],
            },
          ],
        },
      ),
    );
  }
  return out;
}

/** Groups T-scores by site; a site without side joins the one sided group of its region. */
function tScoreGroups(tScores: readonly TScore[]): Map<string, TScore[]> {
  const groups = new Map<string, TScore[]>();
  for (const t of tScores) {
    if (!t.site) continue;
    const g = groups.get(t.site) ?? [];
    g.push(t);
    groups.set(t.site, g);
  }
  for (const [key, list] of [...groups]) {
    if (key.startsWith('left ') || key.startsWith('right ')) continue;
    const sided = [...groups.keys()].filter((k) => k === `left ${key}` || k === `right ${key}`);
    if (sided.length === 1) {
      const into = groups.get(sided[0])!;
      for (const t of list) into.push(t); // not push(...list): the list is unbounded
      groups.delete(key);
    } else if (sided.length > 1) groups.delete(key);
  }
  return groups;
}

export function conflictRule({ elements }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const tbs = elements.tbs;
  if (tbs.length > 1) {
    const first = tbs[0];
    const other = tbs.find((t) => t.value !== first.value);
    if (other) {
      out.push(
        finding(
          'conflicting-values',
          other.range,
          `TBS stated as ${other.text} here but ${first.text} on line ${lineNo(first.range)}: one study has one TBS. Correct the wrong one.`,
          {
            related: [
              { range: first.range, message: `TBS ${first.text}` },
              { range: other.range, message: `TBS ${other.text}` },
            ],
          },
        ),
      );
    }
  }
  for (const [site, list] of tScoreGroups(elements.tScores)) {
    list.sort((a, b) => a.span.start - b.span.start);
    const first = list[0];
    const other = list.find((t) => t.value !== first.value);
    if (!other) continue;
    out.push(
      finding(
        'conflicting-values',
        other.range,
        `${site} T-score stated as ${other.text} here but ${first.text} on line ${lineNo(first.range)}. Correct the wrong one.`,
        {
          related: [
            { range: first.range, message: `${site} T-score ${first.text}` },
            { range: other.range, message: `${site} T-score ${other.text}` },
          ],
        },
      ),
    );
  }
  for (const kind of ['mof', 'hip'] as const) {
    for (const [adjusted, horizon] of riskGroups(elements.risks)) {
      const list = elements.risks.filter((r) => r.kind === kind && r.adjusted === adjusted && r.horizon === horizon);
      if (list.length < 2) continue;
      const first = list[0];
      const other = list.find((r) => r.value !== first.value);
      if (!other) continue;
      out.push(
        finding(
          'conflicting-values',
          other.range,
          `${riskName(other)} stated as ${other.text} here but ${first.text} on line ${lineNo(first.range)}. Correct the wrong one.`,
          {
            related: [
              { range: first.range, message: `${riskName(first)} ${first.text}` },
              { range: other.range, message: `${riskName(other)} ${other.text}` },
            ],
          },
        ),
      );
    }
  }
  return out;
}

export function adjustmentRule({ elements, profile }: RuleInput): Finding[] {
  if (!elements.tbs.length || !elements.risks.length) return [];
  if (elements.risks.some((r) => r.adjusted)) return [];
  const r = elements.risks[0];
  return [
    finding(
      'risk-not-tbs-adjusted',
      r.range,
      `The report states TBS ${elements.tbs[0].text} and a fracture risk (${r.text}), but nothing says the risk was adjusted for TBS. For CPT ${profile} document the TBS-adjusted result, e.g. "TBS-adjusted FRAX: MOF 17%; hip 2.9%".`,
    ),
  ];
}
