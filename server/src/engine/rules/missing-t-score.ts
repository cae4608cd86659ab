/** missing-t-score: No BMD T-score is stated (Z-scores count only for premenopausal women and men under 50). */
import type { Rule } from './helpers';
import { missingFinding } from './missing';

export const rule: Rule = {
  id: 'missing-t-score',
  severity: 'warning',
  profiles: ['77091', '77089'],
  summary: 'No BMD T-score is stated (Z-scores count only for premenopausal women and men under 50).',
  source:
    'FRAX inputs (femoral neck T-score); ISCD official positions (Z-scores before menopause and under 50); domain reference section 3',
  docs: 'docs/rules/missing-t-score.md',
  order: 20,
  check: (input) => missingFinding(rule, 'tScore', input),
};
