/**
 * age-outside-validated-range: TBS-adjusted FRAX is validated for men and postmenopausal women aged
 * 40-90 (FDA 510(k) K152299 intended use); the range is a setting.
 */
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

export const rule: Rule = {
  id: 'age-outside-validated-range',
  severity: 'information',
  profiles: ALL_PROFILES,
  summary: 'TBS-adjusted FRAX is validated for men and postmenopausal women aged 40-90.',
  source: 'FDA 510(k) K152299 intended use; domain reference section 4',
  docs: 'docs/rules/age-outside-validated-range.md',
  order: 180,
  check({ ctx, elements }) {
    const [min, max] = ctx.settings.validatedAgeRange;
    const age = elements.age;
    if (!age || !elements.risks.some((r) => r.adjusted) || (age.value >= min && age.value <= max)) return [];
    return [
      finding(
        rule,
        age.range,
        `Age ${age.value} is outside ${min}-${max}, the validated ages of TBS-adjusted FRAX (men, postmenopausal women).`,
      ),
    ];
  },
};
