/**
 * conflicting-values: two different values stated for the same measurement. TBS values are keyed by
 * vertebral range (L1-L4, L2-L4 and single vertebrae are different measurements), T-scores by site,
 * risks by kind, adjustment, horizon and (when the report names several) model.
 */
import type { Finding, Risk, TScore } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, lineNo } from './helpers';
import { riskName } from './risks';

/** Groups T-scores by site; a site without side joins the one sided group of its region. */
function tScoreGroups(tScores: readonly TScore[]): Map<string, TScore[]> {
  const groups = new Map<string, TScore[]>();
  for (const t of tScores) {
    if (!t.site) continue;
    const g = groups.get(t.site);
    if (g) g.push(t);
    else groups.set(t.site, [t]);
  }
  // Deleting the entry being visited leaves the iteration over the others as it was.
  for (const [key, list] of groups) {
    if (key.startsWith('left ') || key.startsWith('right ')) continue;
    const left = groups.get(`left ${key}`);
    const right = groups.get(`right ${key}`);
    if (left && right) groups.delete(key);
    else if (left || right) {
      const into = (left ?? right)!;
      for (const t of list) into.push(t);
      groups.delete(key);
    }
  }
  return groups;
}

/** Groups by a key; null keys are left out. */
function groupBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The first value of a group and the first that differs from it, in document order. */
function conflict<T extends { value: number; span: { start: number } }>(list: T[]): [T, T] | null {
  if (list.length < 2) return null;
  const sorted = [...list].sort((a, b) => a.span.start - b.span.start);
  const other = sorted.find((x) => x.value !== sorted[0].value);
  return other ? [sorted[0], other] : null;
}

export const rule: Rule = {
  id: 'conflicting-values',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary:
    'Two different values are stated for the same measurement (TBS of one vertebral range, T-score at one site, risk of one kind).',
  source: 'domain reference section 4',
  docs: 'docs/rules/conflicting-values.md',
  order: 140,
  check({ elements }) {
    const out: Finding[] = [];
    // A TBS without a stated range is the L1-L4 TBS, the one reports give.
    for (const [region, list] of groupBy(elements.tbs, (t) => t.region ?? 'L1-L4')) {
      const c = conflict(list);
      if (!c) continue;
      const [first, other] = c;
      const what = region === 'L1-L4' ? 'TBS' : `TBS ${region}`;
      out.push(
        finding(rule, other.range, `${what} is ${other.text} here but ${first.text} on line ${lineNo(first.range)}.`, {
          related: [
            { range: first.range, message: `${what} ${first.text}` },
            { range: other.range, message: `${what} ${other.text}` },
          ],
        }),
      );
    }
    for (const [site, list] of tScoreGroups(elements.tScores)) {
      const c = conflict(list);
      if (!c) continue;
      const [first, other] = c;
      out.push(
        finding(
          rule,
          other.range,
          `The ${site} T-score is ${other.text} here but ${first.text} on line ${lineNo(first.range)}.`,
          {
            related: [
              { range: first.range, message: `${site} T-score ${first.text}` },
              { range: other.range, message: `${site} T-score ${other.text}` },
            ],
          },
        ),
      );
    }
    // Results of different models are different measurements; when the report names only one
    // model, every result is that model's.
    const models = new Set(elements.risks.map((r) => r.model).filter((m) => m));
    const key = (r: Risk): string | null =>
      models.size > 1
        ? r.model
          ? `${r.model}/${r.kind}/${r.adjusted}/${r.horizon}`
          : null
        : `${r.kind}/${r.adjusted}/${r.horizon}`;
    for (const list of groupBy(elements.risks, key).values()) {
      const c = conflict(list);
      if (!c) continue;
      const [first, other] = c;
      const name = riskName(other);
      out.push(
        finding(
          rule,
          other.range,
          `The ${name} is ${other.text} here but ${first.text} on line ${lineNo(first.range)}.`,
          {
            related: [
              { range: first.range, message: `${riskName(first)} ${first.text}` },
              { range: other.range, message: `${name} ${other.text}` },
            ],
          },
        ),
      );
    }
    return out;
  },
};
