/** Billing codes: cpt-code-conflict and tbs-code-modifier. */
import type { Finding } from '../types';
import type { RuleInput } from './helpers';
import { finding, lineNo } from './helpers';

export function codeRules({ elements }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const global = elements.codes.find((c) => c.code === '77089');
  if (global) {
    const reported = new Set<string>();
    for (const c of elements.codes) {
      if (c.code !== '77090' && c.code !== '77091' && c.code !== '77092') continue;
      if (reported.has(c.code)) continue;
      reported.add(c.code);
      out.push(
        finding(
          'cpt-code-conflict',
          c.range,
          `CPT ${c.code} is reported together with 77089 (line ${lineNo(global.range)}): 77089 already includes the technical and professional TBS work, so do not report it with 77090, 77091 or 77092. Keep one.`,
          {
            related: [{ range: global.range, message: '77089 (global TBS code) named here' }],
          },
        ),
      );
    }
  }
  for (const c of elements.codes) {
    if (c.modifier && ['77089', '77090', '77091', '77092'].includes(c.code)) {
      out.push(
        finding(
          'tbs-code-modifier',
          c.range,
          `Modifier ${c.modifier} on TBS code ${c.code} is unusual: the technical / professional split is built into 77090-77092. Check the payer's guidance.`,
        ),
      );
    }
  }
  return out;
}
