/** tbs-category-mismatch: the stated TBS category does not match the value under the thresholds. */
import { categoryOf, TBS_RANGE } from '../thresholds';
import type { Finding } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, matchCase } from './helpers';

export const rule: Rule = {
  id: 'tbs-category-mismatch',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary: 'The stated TBS category does not match the value under the configured thresholds.',
  source:
    'Medimaps TBS report guidance; Shevroja et al., Osteoporos Int 2023 (default thresholds); domain reference section 4',
  docs: 'docs/rules/tbs-category-mismatch.md',
  order: 120,
  check({ elements, thresholds, original }) {
    const out: Finding[] = [];
    for (const st of elements.categories) {
      const v = st.tbs.value;
      if (v < TBS_RANGE[0] || v > TBS_RANGE[1]) continue;
      // The thresholds are for a lumbar range (L1-L4); a single vertebra's TBS has none.
      if (st.tbs.region && /^L\d$/.test(st.tbs.region)) continue;
      const expected = categoryOf(v, thresholds);
      if (expected === st.category) continue;
      out.push(
        finding(
          rule,
          st.range,
          `TBS ${st.tbs.text} is "${expected}", not "${st.category}", under the ${thresholds.name} thresholds.`,
          {
            related: [{ range: st.tbs.range, message: `TBS ${st.tbs.text}` }],
            // A category is a clinical statement: offered on request, never preferred or applied in bulk.
            fixes: [
              {
                // The title quotes the report's own words, in its own casing.
                title: `Change "${original.slice(st.span.start, st.span.end)}" to "${matchCase(original.slice(st.span.start, st.span.end), expected)}"`,
                suggestion: true,
                edits: [{ range: st.range, newText: matchCase(original.slice(st.span.start, st.span.end), expected) }],
              },
            ],
          },
        ),
      );
    }
    return out;
  },
};
