/** Populations outside the validated range: age-outside-validated-range, bmi-outside-validated-range. */
import type { Finding } from '../types';
import type { RuleInput } from './helpers';
import { finding } from './helpers';

export function validatedRules({ ctx, elements }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const [minAge, maxAge] = ctx.settings.validatedAgeRange;
  const age = elements.age;
  if (age && elements.risks.some((r) => r.adjusted) && (age.value < minAge || age.value > maxAge)) {
    out.push(
      finding(
        'age-outside-validated-range',
        age.range,
        `Age ${age.value} is outside ${minAge}-${maxAge}, the ages for which TBS-adjusted FRAX is validated (FDA 510(k) K152299): interpret the adjusted risk with care.`,
      ),
    );
  }
  const [minBmi, maxBmi] = ctx.settings.validatedBmiRange;
  const bmi = elements.bmi;
  if (bmi && elements.tbs.length && (bmi.value < minBmi || bmi.value > maxBmi)) {
    out.push(
      finding(
        'bmi-outside-validated-range',
        bmi.range,
        `BMI ${bmi.value} kg/m2 is outside ${minBmi}-${maxBmi}, where TBS is reported as computable: the TBS may be unreliable.`,
      ),
    );
  }
  return out;
}
