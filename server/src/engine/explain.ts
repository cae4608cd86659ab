/**
 * What the assistant says about a value under the cursor (hover text, in Markdown): a TBS value's
 * category and its source, a T-score's WHO class, what a risk means, what a CPT code is.
 */
import type { Analysis } from './analyze';
import type { EngineSettings } from './settings';
import { categoryOf, thresholdsFor, WHO_LABEL, whoClassOf, TBS_RANGE, T_RANGE } from './thresholds';
import type { Located, Position, Range } from './types';

export const CPT_DESCRIPTORS: Record<string, string> = {
  '77089':
    'Trabecular bone score (TBS), structural condition of the bone microarchitecture; using DXA or other imaging data on gray-scale variogram, calculation, with interpretation and report on fracture risk (global: technical + professional).',
  '77090':
    'Trabecular bone score (TBS), structural condition of the bone microarchitecture; technical preparation and transmission of data for analysis to be performed elsewhere (technical).',
  '77091':
    'Trabecular bone score (TBS), structural condition of the bone microarchitecture; technical calculation only (technical).',
  '77092':
    'Trabecular bone score (TBS), structural condition of the bone microarchitecture; interpretation and report on fracture risk only, by other qualified health care professional (professional).',
  '77080': 'DXA, bone density study, 1 or more sites; axial skeleton (hips, pelvis, spine).',
  '77081': 'DXA, bone density study, 1 or more sites; appendicular skeleton (peripheral).',
  '77085': 'DXA, bone density study, axial skeleton, including vertebral fracture assessment.',
  '77086': 'Vertebral fracture assessment via DXA.',
};

const CODE_FAMILY =
  'The four TBS codes: **77089** is the global service (calculation + interpretation); **77090** sends data elsewhere; **77091** is the technical calculation; **77092** the interpretation and report. Do not report 77089 with 77090, 77091 or 77092. 77091 usually goes with a lumbar-spine DXA (77080/77081/77085/77086) on the same date.';

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export interface Explanation {
  range: Range;
  markdown: string;
}

export function explainAt(analysis: Analysis, pos: Position, settings: EngineSettings): Explanation | null {
  const el = analysis.elements;
  const at = <T extends Located>(list: readonly T[]) => list.find((x) => contains(x.range, pos));
  const t = thresholdsFor(settings);

  const tbs = at(el.tbs);
  if (tbs) {
    if (tbs.value < TBS_RANGE[0] || tbs.value > TBS_RANGE[1]) {
      return {
        range: tbs.range,
        markdown: `**TBS ${tbs.text}**: outside the plausible range 0.800-1.800; probably a typo.`,
      };
    }
    const cat = categoryOf(tbs.value, t);
    return {
      range: tbs.range,
      markdown: `**TBS ${tbs.text}**: ${cat} microarchitecture under the **${t.name}** thresholds.\n\n${t.source}.\n\nThresholds are a setting (\`tbsReport.thresholds\`: 2023, legacy, custom).`,
    };
  }
  const ts = at(el.tScores);
  if (ts) {
    if (ts.value < T_RANGE[0] || ts.value > T_RANGE[1])
      return { range: ts.range, markdown: `**T-score ${ts.text}**: outside -7.0 .. +7.0; probably a typo.` };
    const who = whoClassOf(ts.value);
    return {
      range: ts.range,
      markdown: `**BMD T-score ${ts.text}**${ts.site ? ` (${ts.site})` : ''}: ${WHO_LABEL[who]} by WHO criteria (<= -2.5 osteoporosis; between -1.0 and -2.5 low bone mass; >= -1.0 normal). The WHO class of a report follows its lowest BMD T-score.`,
    };
  }
  const risk = at(el.risks);
  if (risk) {
    const what =
      risk.kind === 'mof'
        ? 'the 10-year probability of a **major osteoporotic fracture** (clinical spine, forearm, hip or shoulder)'
        : 'the 10-year probability of a **hip fracture** (part of MOF, so it cannot exceed the MOF probability)';
    const adj = risk.adjusted
      ? '**TBS-adjusted** (McCloskey et al., Calcif Tissue Int 2015).'
      : '**not stated as TBS-adjusted**: for 77091 document the TBS-adjusted result.';
    return {
      range: risk.range,
      markdown: `**${risk.text}**: ${what}. ${adj}\n\nCommon US treatment cut-points: MOF >= 20 %, hip >= 3 %.`,
    };
  }
  const code = at(el.codes);
  if (code) {
    const desc = CPT_DESCRIPTORS[code.code] ?? '';
    const family = ['77089', '77090', '77091', '77092'].includes(code.code) ? `\n\n${CODE_FAMILY}` : '';
    return {
      range: code.range,
      markdown: `**CPT ${code.code}**${code.modifier ? `-${code.modifier}` : ''}: ${desc}${family}`,
    };
  }
  const model = at(el.riskModels);
  if (model) {
    return {
      range: model.range,
      markdown:
        model.name === 'FRAX'
          ? '**FRAX**: 10-year probability of major osteoporotic and hip fracture; TBS-adjusted FRAX needs TBS iNsight v2.1 or later. The assistant checks that an adjusted result is documented; it does not recompute it.'
          : `**${model.name}**: a fracture-risk model; no published TBS adjustment exists for it.`,
    };
  }
  return null;
}
