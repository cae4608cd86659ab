/** Plausibility of single values: tbs-value-implausible, t-score-implausible, risk-implausible. */
import { TBS_RANGE, T_RANGE } from '../thresholds';
import type { Finding } from '../types';
import type { RuleInput } from './helpers';
import { finding } from './helpers';

export function valueRules({ elements }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const t of elements.tbs) {
    if (t.value < TBS_RANGE[0] || t.value > TBS_RANGE[1]) {
      out.push(
        finding(
          'tbs-value-implausible',
          t.range,
          `TBS ${t.text} is outside the plausible range 0.800-1.800: check for a misplaced decimal point (a TBS is usually written like 1.262).`,
        ),
      );
    }
  }
  for (const t of elements.tScores) {
    if (t.value < T_RANGE[0] || t.value > T_RANGE[1]) {
      out.push(
        finding(
          't-score-implausible',
          t.range,
          `T-score ${t.text}${t.site ? ` (${t.site})` : ''} is outside -7.0 .. +7.0: check for a dropped decimal point.`,
        ),
      );
    }
  }
  for (const r of elements.risks) {
    if (r.value <= 0 || r.value > 100) {
      out.push(
        finding(
          'risk-implausible',
          r.range,
          `${r.kind === 'mof' ? 'Major osteoporotic fracture' : 'Hip fracture'} probability ${r.text} is impossible: a probability must be above 0 % and at most 100 %.`,
        ),
      );
    }
  }
  return out;
}
