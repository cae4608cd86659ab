/** missing-calculated-risk: No calculated fracture risk (a 10-year probability in %, or a stated CAROC category) is stated. */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-calculated-risk',
  severity: 'warning',
  profiles: ['77091', '77089', '77092'],
  summary: 'No calculated fracture risk (a 10-year probability in %, or a stated CAROC category) is stated.',
  source: '77091 checklist: the TBS workflow (the provider documents the calculated risk); domain reference section 3',
  docs: 'docs/rules/missing-calculated-risk.md',
  order: 40,
  check: (input) => missingFinding(rule, 'risk', input),
};
