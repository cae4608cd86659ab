/**
 * tbs-adjustment-non-frax: the report claims a TBS-adjusted Garvan, QFracture or CAROC result; none
 * of these calculators offers a TBS adjustment (only FRAX does).
 */
import { spaced } from '../regex';
import type { Finding, Range } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';
import { modelOf, NON_FRAX } from './risks';

/** A TBS adjustment named in a model's clause ("TBS-adjusted Garvan", "QFracture adjusted for TBS"). */
const ADJUSTMENT = spaced(
  /tbs[- ]?adjusted|adjusted (?:for|with|by|using) (?:the )?(?:tbs|trabecular)|tbs[- ]adjustment|adjustment (?:for|with|by) (?:the )?(?:tbs|trabecular)|tbs[- ]corrected|corrected for (?:the )?tbs|with tbs\b|\+ ?tbs\b/,
);
/** A negation or another model in the clause: "Garvan has no TBS adjustment", "TBS-adjusted FRAX and Garvan". */
const NEGATION = /\b(?:no|not|without|cannot|never|none|unadjusted|non[- ]?adjusted|n't)\b/;
const OTHER_MODEL = /\b(?:frax|garvan|q-?fracture|caroc)\b/;

export const rule: Rule = {
  id: 'tbs-adjustment-non-frax',
  severity: 'information',
  profiles: ALL_PROFILES,
  summary: 'A TBS-adjusted Garvan, QFracture or CAROC result is claimed; only FRAX has a TBS adjustment.',
  source: 'Garvan, QFracture and CAROC calculators (no TBS input); domain reference section 5',
  docs: 'docs/rules/tbs-adjustment-non-frax.md',
  order: 155,
  check({ ctx, elements }) {
    const out: Finding[] = [];
    const flagged = new Set<number>();
    const flag = (range: Range, line: number, model: string) => {
      if (flagged.has(line)) return;
      flagged.add(line);
      out.push(finding(rule, range, `${model} has no TBS adjustment, so this result cannot be TBS-adjusted.`));
    };
    // A result read as TBS-adjusted and tied to a model without an adjustment.
    for (const r of elements.risks) {
      const model = modelOf(r, elements);
      if (r.adjusted && model && NON_FRAX.has(model)) flag(r.range, r.range.start.line, model);
    }
    // The model named with an adjustment in its clause ("TBS-adjusted CAROC: moderate risk").
    const { norm } = ctx.doc;
    for (const m of elements.riskModels) {
      if (!NON_FRAX.has(m.name)) continue;
      let a = m.span.start;
      while (a > 0 && a > m.span.start - 60 && !/[.;,:\n]/.test(norm[a - 1])) a--;
      let b = m.span.end;
      while (b < norm.length && b < m.span.end + 60 && !/[.;,:\n]/.test(norm[b])) b++;
      const before = norm.slice(a, m.span.start);
      const after = norm.slice(m.span.end, b);
      const claims = (t: string) => ADJUSTMENT.test(t) && !NEGATION.test(t) && !OTHER_MODEL.test(t);
      if (claims(before) || claims(after)) flag(m.range, m.range.start.line, m.name);
    }
    return out;
  },
};
