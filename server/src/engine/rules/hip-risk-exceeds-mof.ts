/** hip-risk-exceeds-mof: MOF includes hip fracture, so hip probability cannot exceed it. */
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, lineNo } from './helpers';
import { riskGroups, riskName, sameModel } from './risks';

export const rule: Rule = {
  id: 'hip-risk-exceeds-mof',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary: 'Hip-fracture probability exceeds the major osteoporotic fracture probability it is part of.',
  source: 'FRAX definition of MOF (includes hip); domain reference sections 4 and 5',
  docs: 'docs/rules/hip-risk-exceeds-mof.md',
  order: 110,
  check({ elements }) {
    const out = [];
    for (const [adjusted, horizon] of riskGroups(elements.risks)) {
      const same = elements.risks.filter((r) => r.adjusted === adjusted && r.horizon === horizon);
      const mof = same.find((r) => r.kind === 'mof');
      const hip = same.find((r) => r.kind === 'hip' && mof && sameModel(r, mof));
      if (!mof || !hip || hip.value <= mof.value) continue;
      out.push(
        finding(
          rule,
          hip.range,
          `Hip risk ${hip.text} exceeds the MOF risk ${mof.text} (line ${lineNo(mof.range)}), which includes hip fractures.`,
          { related: [{ range: mof.range, message: `${riskName(mof)} ${mof.text}` }] },
        ),
      );
    }
    return out;
  },
};
