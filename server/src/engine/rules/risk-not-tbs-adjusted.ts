/**
 * risk-not-tbs-adjusted: TBS and a FRAX (or unnamed-model) risk result are present, but nothing
 * says the risk was adjusted for TBS. Only FRAX has a TBS adjustment: with Garvan, QFracture or
 * CAROC the hint is information-level and says that the model has none.
 */
import type { Finding } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';
import { modelOf, NON_FRAX } from './risks';

export const rule: Rule = {
  id: 'risk-not-tbs-adjusted',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary:
    'TBS and a FRAX (or unnamed-model) risk are present, but nothing says the risk was adjusted for TBS (information for Garvan, QFracture, CAROC).',
  source: 'McCloskey et al., Calcif Tissue Int 2015; domain reference section 5',
  docs: 'docs/rules/risk-not-tbs-adjusted.md',
  order: 150,
  check({ elements }): Finding[] {
    const categories = elements.riskCategories ?? [];
    if (!elements.tbs.length || (!elements.risks.length && !categories.length)) return [];
    if (elements.risks.some((r) => r.adjusted)) return [];
    const first = elements.risks[0] ?? categories[0];
    const model = modelOf(first, elements);
    if (model && NON_FRAX.has(model)) {
      return [
        finding(
          { id: rule.id, severity: 'information' },
          first.range,
          `${model} has no TBS adjustment: only FRAX can be adjusted for TBS.`,
        ),
      ];
    }
    return [
      finding(rule, first.range, `Nothing says this risk was adjusted for TBS: state the TBS-adjusted FRAX result.`),
    ];
  },
};
