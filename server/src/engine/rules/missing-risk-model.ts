/** missing-risk-model: The fracture-risk model used (FRAX, Garvan, QFracture, CAROC) is not named. */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-risk-model',
  severity: 'warning',
  profiles: ['77091', '77089'],
  summary: 'The fracture-risk model used (FRAX, Garvan, QFracture, CAROC) is not named.',
  source: '77091 checklist: the TBS workflow and the FRAX inputs; domain reference sections 3 and 5',
  docs: 'docs/rules/missing-risk-model.md',
  order: 30,
  check: (input) => missingFinding(rule, 'riskModel', input),
};
