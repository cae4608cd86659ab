/** t-score-implausible: a T-score outside -7.0 .. +7.0 is almost certainly a typo. */
import { T_RANGE } from '../thresholds';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

export const rule: Rule = {
  id: 't-score-implausible',
  severity: 'error',
  profiles: ALL_PROFILES,
  summary: 'A T-score outside -7.0 .. +7.0 is almost certainly a typo.',
  source: 'domain reference section 4',
  docs: 'docs/rules/t-score-implausible.md',
  order: 90,
  check: ({ elements }) =>
    elements.tScores
      .filter((t) => t.value < T_RANGE[0] || t.value > T_RANGE[1])
      .map((t) =>
        finding(
          rule,
          t.range,
          `T-score ${t.text}${t.site ? ` (${t.site})` : ''} is outside -7.0 to +7.0: check for a dropped decimal point.`,
        ),
      ),
};
