/** cpt-code-conflict: 77089 is reported together with 77090, 77091 or 77092. */
import type { Finding } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, lineNo } from './helpers';

export const rule: Rule = {
  id: 'cpt-code-conflict',
  severity: 'error',
  profiles: ALL_PROFILES,
  summary: '77089 is reported together with 77090, 77091 or 77092.',
  source: 'CPT parenthetical note; domain reference section 1',
  docs: 'docs/rules/cpt-code-conflict.md',
  order: 160,
  check({ elements }) {
    const out: Finding[] = [];
    const global = elements.codes.find((c) => c.code === '77089');
    if (!global) return out;
    const reported = new Set<string>();
    for (const c of elements.codes) {
      if (c.code !== '77090' && c.code !== '77091' && c.code !== '77092') continue;
      if (reported.has(c.code)) continue;
      reported.add(c.code);
      out.push(
        finding(
          rule,
          c.range,
          `Code ${c.code} is billed with 77089 (line ${lineNo(global.range)}), which already covers it: keep one.`,
          { related: [{ range: global.range, message: '77089 (global TBS code) named here' }] },
        ),
      );
    }
    return out;
  },
};
