/** tbs-value-implausible: a TBS outside 0.800-1.800 is almost certainly a typo. */
import { TBS_RANGE } from '../thresholds';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

export const rule: Rule = {
  id: 'tbs-value-implausible',
  severity: 'error',
  profiles: ALL_PROFILES,
  summary: 'A TBS outside 0.800-1.800 is almost certainly a typo.',
  source: 'domain reference section 4',
  docs: 'docs/rules/tbs-value-implausible.md',
  order: 80,
  check: ({ elements }) =>
    elements.tbs
      .filter((t) => t.value < TBS_RANGE[0] || t.value > TBS_RANGE[1])
      .map((t) => finding(rule, t.range, `TBS ${t.text} is outside 0.800-1.800: check for a misplaced decimal point.`)),
};
