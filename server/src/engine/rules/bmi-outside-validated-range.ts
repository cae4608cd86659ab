/**
 * bmi-outside-validated-range: TBS was not considered valid above BMI 37 kg/m2 (MrOS analysis;
 * imaging centres state 15-37). TBS iNsight v4 corrects for soft-tissue thickness, so the range is
 * a setting and the finding stays information.
 */
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

export const rule: Rule = {
  id: 'bmi-outside-validated-range',
  severity: 'information',
  profiles: ALL_PROFILES,
  summary: 'BMI outside the range (default 15-37 kg/m2) in which TBS is considered valid.',
  source: 'MrOS analysis (BMI above 37); TBS iNsight v4 corrects for soft tissue; domain reference section 4',
  docs: 'docs/rules/bmi-outside-validated-range.md',
  order: 190,
  check({ ctx, elements }) {
    const [min, max] = ctx.settings.validatedBmiRange;
    const bmi = elements.bmi;
    if (!bmi || !elements.tbs.length || (bmi.value >= min && bmi.value <= max)) return [];
    return [
      finding(
        rule,
        bmi.range,
        `BMI ${bmi.value} kg/m2 is outside ${min}-${max}, the range in which TBS is considered valid.`,
      ),
    ];
  },
};
