/** missing-tbs-value: No numeric TBS value is stated. */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-tbs-value',
  severity: 'warning',
  profiles: ['77091', '77089', '77092'],
  summary: 'No numeric TBS value is stated.',
  source: '77091 checklist: the TBS workflow (seed document); domain reference section 3',
  docs: 'docs/rules/missing-tbs-value.md',
  order: 10,
  check: (input) => missingFinding(rule, 'tbs', input),
};
