/** missing-provider: No performing, interpreting or signing provider is named (a referring or ordering clinician does not count). */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-provider',
  severity: 'warning',
  profiles: ['77091', '77089', '77092'],
  summary:
    'No performing, interpreting or signing provider is named (a referring or ordering clinician does not count).',
  source:
    '77091 checklist: the TBS workflow (a qualified provider reviews the calculation); domain reference section 3',
  docs: 'docs/rules/missing-provider.md',
  order: 50,
  check: (input) => missingFinding(rule, 'provider', input),
};
