/**
 * risk-implausible: a probability must lie in 0-100 %. 0.0 % can be a rounded FRAX output, so only
 * a negative value or one above 100 % is implausible.
 */
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

const KIND = { mof: 'Major osteoporotic fracture', hip: 'Hip fracture', any: 'Any-fracture' } as const;

export const rule: Rule = {
  id: 'risk-implausible',
  severity: 'error',
  profiles: ALL_PROFILES,
  summary: 'A fracture probability below 0 % or above 100 % is impossible (0.0 % can be a rounded result).',
  source: 'domain reference section 4',
  docs: 'docs/rules/risk-implausible.md',
  order: 100,
  check: ({ elements }) =>
    elements.risks
      .filter((r) => r.value < 0 || r.value > 100)
      .map((r) =>
        finding(rule, r.range, `${KIND[r.kind]} risk ${r.text} is impossible: a probability lies in 0-100 %.`),
      ),
};
