/**
 * What the assistant says about a value under the cursor (hover text, in Markdown): a TBS value's
 * category and its source, a T-score's WHO class (where the WHO classes apply), a Z-score against
 * the expected range for age, what a risk result and a model are, what a CPT code is. Worked
 * examples and sources live here and on the rule pages, not in the findings.
 */
import type { Analysis } from './analyze';
import { decidesWhoClass, Z_BELOW_EXPECTED, zScorePopulation } from './rules/population';
import { modelOf } from './rules/risks';
import type { EngineSettings } from './settings';
import { categoryOf, thresholdsFor, WHO_LABEL, whoClassOf, TBS_RANGE, T_RANGE } from './thresholds';
import type { Located, Position, Range, RiskCategoryName, RiskModelName, RuleId } from './types';

/**
 * Each code named by a short paraphrase of our own. The AMA's CPT descriptors are copyrighted text
 * and are not shipped.
 */
export const CPT_NAMES: Record<string, string> = {
  '77089': 'TBS calculated and interpreted, with a fracture-risk report (global: technical + professional).',
  '77090': 'TBS data prepared and sent for the analysis to be done elsewhere (technical).',
  '77091': 'TBS technical calculation only (technical).',
  '77092': 'TBS interpretation and fracture-risk report only (professional).',
  '77080': 'DXA bone density of the axial skeleton (spine, hips).',
  '77081': 'DXA bone density of the appendicular skeleton (forearm, heel).',
  '77085': 'Axial DXA bone density with vertebral fracture assessment.',
  '77086': 'Vertebral fracture assessment by DXA alone.',
};
/** @deprecated The old name of CPT_NAMES (which holds paraphrases, not the AMA descriptors). */
export const CPT_DESCRIPTORS = CPT_NAMES;

const CODE_FAMILY =
  'The four TBS codes: **77089** is the global service (calculation + interpretation); **77090** sends the data elsewhere; **77091** is the technical calculation; **77092** the interpretation and report. Do not report 77089 with 77090, 77091 or 77092. TBS is computed from the lumbar-spine DXA image, so a TBS code goes with a spine DXA, **77080** or **77085** (not 77081 or 77086); the same date is not required (77090 exists for data sent elsewhere).';

/** What each fracture-risk model gives (hover and completion). */
export const MODEL_OUTPUTS: Record<RiskModelName, string> = {
  FRAX: '10-year probability (%) of a major osteoporotic fracture (clinical spine, forearm, hip or shoulder) and of hip fracture. The only model with a TBS adjustment (McCloskey et al., Calcif Tissue Int 2015; TBS iNsight v2.1 or later).',
  Garvan: '5- and 10-year risk (%) of any osteoporotic fracture and of hip fracture. No TBS adjustment.',
  QFracture:
    '10-year risk (%) of a major osteoporotic fracture and of hip fracture, without BMD input. No TBS adjustment.',
  CAROC:
    '10-year risk category of a major osteoporotic fracture: low (< 10 %), moderate (10-20 %) or high (> 20 %); no percentage and no hip value. No TBS adjustment.',
};

const CATEGORY_BAND: Record<RiskCategoryName, string> = {
  low: 'below 10 %',
  moderate: '10-20 %',
  high: 'above 20 %',
};

const BHOF =
  "US treatment cut-points (BHOF Clinician's Guide 2022) apply to US-adapted FRAX in patients with low bone mass: MOF >= 20 % or hip >= 3 %. UK practice uses NOGG's age-dependent intervention thresholds.";

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export interface Explanation {
  range: Range;
  markdown: string;
}

/** The most lines a hover shows when findings stack on one position. */
export const MAX_HOVER_LINES = 6;
const MAX_LINE_CHARS = 110;

function shortLine(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= MAX_LINE_CHARS ? one : `${one.slice(0, MAX_LINE_CHARS - 1).trimEnd()}\u2026`;
}

/**
 * The hover at a position. One value alone gets its full explanation. When findings stack on the
 * position (two or more), the hover stays short: the value's headline paragraph (its worked example
 * only, not its sources), then one line per finding with its rule id and a link to its page
 * (`ruleLink`, when the caller knows where the pages are), at most MAX_HOVER_LINES lines in all.
 */
export function explainAt(
  analysis: Analysis,
  pos: Position,
  settings: EngineSettings,
  ruleLink?: (code: RuleId) => string,
): Explanation | null {
  const value = explainValue(analysis, pos, settings);
  const here = analysis.findings.filter((f) => contains(f.range, pos));
  if (here.length < 2) return value;
  const lines: string[] = [];
  if (value) lines.push(value.markdown.split('\n\n')[0]);
  const room = MAX_HOVER_LINES - lines.length;
  const shown = here.length > room ? here.slice(0, room - 1) : here;
  for (const f of shown) {
    const link = ruleLink ? ` ([${f.code}](${ruleLink(f.code)}))` : ` (\`${f.code}\`)`;
    lines.push(`${shortLine(f.message)}${link}`);
  }
  if (shown.length < here.length) lines.push(`\u2026 and ${here.length - shown.length} more findings here.`);
  return { range: value?.range ?? here[0].range, markdown: lines.join('\n\n') };
}

function explainValue(analysis: Analysis, pos: Position, settings: EngineSettings): Explanation | null {
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
    if (tbs.region && /^L\d$/.test(tbs.region)) {
      return {
        range: tbs.range,
        markdown: `**TBS ${tbs.region} ${tbs.text}**: a single vertebra's TBS. The categories are defined for the lumbar TBS (L1-L4).`,
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
    const head = `**BMD T-score ${ts.text}**${ts.site ? ` (${ts.site})` : ''}`;
    if (zScorePopulation(el)) {
      return {
        range: ts.range,
        markdown: `${head}: the report states a premenopausal woman or a patient under 50. For them BMD is read as **Z-scores** against the expected range for age (ISCD: a Z-score of -2.0 or lower is below it); the WHO classes do not apply.`,
      };
    }
    if (!decidesWhoClass(ts.site)) {
      return {
        range: ts.range,
        markdown: `${head}: not an ISCD diagnostic site, so it does not decide the WHO class. The class follows the lowest T-score at L1-L4 (or at least two evaluable vertebrae), total hip, femoral neck or 33 % radius.`,
      };
    }
    const who = whoClassOf(ts.value);
    return {
      range: ts.range,
      markdown: `${head}: ${WHO_LABEL[who]} by WHO criteria (<= -2.5 osteoporosis; between -1.0 and -2.5 low bone mass; >= -1.0 normal). The WHO class follows the lowest T-score at an ISCD diagnostic site (L1-L4, total hip, femoral neck, 33 % radius), for postmenopausal women and men aged 50 or more.`,
    };
  }
  const zs = at(el.zScores ?? []);
  if (zs) {
    const below = zs.value <= Z_BELOW_EXPECTED;
    return {
      range: zs.range,
      markdown: `**BMD Z-score ${zs.text}**${zs.site ? ` (${zs.site})` : ''}: ${below ? '**below**' : '**within**'} the expected range for age (ISCD: -2.0 or lower is below). For premenopausal women and men under 50, Z-scores are the BMD result and document the BMD element of the 77091 checklist.`,
    };
  }
  const risk = at(el.risks);
  if (risk) {
    const model = modelOf(risk, el);
    const years = `${risk.horizon}-year`;
    const what =
      risk.kind === 'mof'
        ? `the ${years} probability of a **major osteoporotic fracture** (clinical spine, forearm, hip or shoulder)`
        : risk.kind === 'hip'
          ? `the ${years} probability of a **hip fracture** (part of MOF, so it cannot exceed the MOF probability)`
          : `the ${years} risk of **any osteoporotic fracture** (Garvan)`;
    let adj: string;
    if (model && model !== 'FRAX')
      adj = risk.adjusted
        ? `Stated as TBS-adjusted, but **${model} has no TBS adjustment**: only FRAX has one.`
        : `**${model} has no TBS adjustment**: a TBS-adjusted result needs FRAX.`;
    else
      adj = risk.adjusted
        ? '**TBS-adjusted** (McCloskey et al., Calcif Tissue Int 2015).'
        : '**not stated as TBS-adjusted**: the 77091 checklist documents the TBS-adjusted FRAX result.';
    const cut = model === 'FRAX' && risk.kind !== 'any' ? `\n\n${BHOF}` : '';
    // The headline keeps the number: "10-year MOF probability: 17 % (TBS-adjusted, FRAX)".
    const noun =
      risk.kind === 'mof' ? 'MOF probability' : risk.kind === 'hip' ? 'hip fracture probability' : 'any-fracture risk';
    const tags = [risk.adjusted ? 'TBS-adjusted' : 'not stated as TBS-adjusted', ...(model ? [model] : [])];
    return {
      range: risk.range,
      markdown: `**${years} ${noun}: ${risk.value} %** (${tags.join(', ')}): ${what}. ${adj}${cut}`,
    };
  }
  const category = at(el.riskCategories ?? []);
  if (category) {
    return {
      range: category.range,
      markdown: `**${category.category} risk**${category.model ? ` (${category.model})` : ''}: a CAROC 10-year risk category of a major osteoporotic fracture, ${CATEGORY_BAND[category.category]}. CAROC gives a category, not a number, so a stated category is the calculated risk.`,
    };
  }
  const code = at(el.codes);
  if (code) {
    const desc = CPT_NAMES[code.code] ?? '';
    const family = ['77089', '77090', '77091', '77092'].includes(code.code) ? `\n\n${CODE_FAMILY}` : '';
    return {
      range: code.range,
      markdown: `**CPT ${code.code}**${code.modifier ? `-${code.modifier}` : ''}: ${desc}${family}`,
    };
  }
  const model = at(el.riskModels);
  if (model) {
    const extra =
      model.name === 'FRAX'
        ? ' The assistant checks that an adjusted result is documented; it does not recompute it.'
        : '';
    return { range: model.range, markdown: `**${model.name}**: ${MODEL_OUTPUTS[model.name]}${extra}` };
  }
  return null;
}
