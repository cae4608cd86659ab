/** missing-impression: Profiles 77089 and 77092 need an interpretation / impression of fracture risk. */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-impression',
  severity: 'warning',
  profiles: ['77089', '77092'],
  summary: 'Profiles 77089 and 77092 need an interpretation / impression of fracture risk.',
  source: '77089 and 77092 checklists (interpretation and report on fracture risk); domain reference section 3',
  docs: 'docs/rules/missing-impression.md',
  order: 60,
  check: (input) => missingFinding(rule, 'impression', input),
};
