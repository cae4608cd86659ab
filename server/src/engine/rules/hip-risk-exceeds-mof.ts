/** hip-risk-exceeds-mof: MOF includes hip fracture, so hip probability cannot exceed it. */
import type { Finding } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, lineNo } from './helpers';
import { riskGroups, riskName, sameModel } from './risks';

export const rule: Rule = {
  id: 'hip-risk-exceeds-mof',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary:
    'Hip-fracture probability exceeds the major osteoporotic (or, for Garvan, any) fracture probability it is part of.',
  source: 'FRAX definition of MOF (includes hip); domain reference sections 4 and 5',
  docs: 'docs/rules/hip-risk-exceeds-mof.md',
  order: 110,
  check({ elements }) {
    const out: Finding[] = [];
    // Without a hip result there is nothing to compare.
    if (!elements.risks.some((r) => r.kind === 'hip')) return out;
    for (const [adjusted, horizon] of riskGroups(elements.risks)) {
      const same = elements.risks.filter((r) => r.adjusted === adjusted && r.horizon === horizon);
      // MOF includes hip fracture, and so does Garvan's any-fracture risk.
      for (const kind of ['mof', 'any'] as const) {
        const whole = same.find((r) => r.kind === kind);
        const hip = whole && same.find((r) => r.kind === 'hip' && sameModel(r, whole));
        if (!whole || !hip || hip.value <= whole.value) continue;
        const name = kind === 'mof' ? 'MOF' : 'any-fracture';
        out.push(
          finding(
            rule,
            hip.range,
            `Hip risk ${hip.text} exceeds the ${name} risk ${whole.text} (line ${lineNo(whole.range)}), which includes hip fractures.`,
            { related: [{ range: whole.range, message: `${riskName(whole)} ${whole.text}` }] },
          ),
        );
      }
    }
    return out;
  },
};
