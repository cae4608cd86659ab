/** tbs-code-modifier: modifier 26 / TC on a TBS code is unusual (information, never an error). */
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

const TBS_CODES = new Set(['77089', '77090', '77091', '77092']);

export const rule: Rule = {
  id: 'tbs-code-modifier',
  severity: 'information',
  profiles: ALL_PROFILES,
  summary: 'Modifier 26 / TC on a TBS code is unusual: the split is built into the codes.',
  source: 'domain reference section 1 (no payer source confirms a rule)',
  docs: 'docs/rules/tbs-code-modifier.md',
  order: 170,
  check: ({ elements }) =>
    elements.codes
      .filter((c) => c.modifier && TBS_CODES.has(c.code))
      .map((c) =>
        finding(
          rule,
          c.range,
          `Modifier ${c.modifier} on ${c.code} is unusual: the TBS codes split the work already; check with the payer.`,
        ),
      ),
};
