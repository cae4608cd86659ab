/**
 * What the missing-* rules share: which required elements of the active profile the report
 * documents, and the finding for one that is missing. A labelled slot holding a placeholder is the
 * element's place, unfilled: it raises unfilled-placeholder alone, not the element's missing-*.
 */
import { planInsertions, SLOT_SPECS } from '../fixes/insert';
import { ELEMENT_NAMES, PROFILE_REQUIRES } from '../profiles';
import { lineContentRange } from '../text';
import type { ElementId, Finding, Range, RuleId, Slot } from '../types';
import type { RuleInput, RuleMeta } from './helpers';
import { finding } from './helpers';
import { zScorePopulation } from './population';

export const MISSING_RULE: Record<ElementId, RuleId> = {
  tbs: 'missing-tbs-value',
  tScore: 'missing-t-score',
  riskModel: 'missing-risk-model',
  risk: 'missing-calculated-risk',
  provider: 'missing-provider',
  impression: 'missing-impression',
};

/** One sentence, at most about 100 characters; the rule page holds the sources and examples. */
function message(input: RuleInput, el: ElementId): string {
  const p = input.profile;
  switch (el) {
    case 'tbs':
      return `No TBS value: the ${p} checklist includes the numeric TBS (usually L1-L4).`;
    case 'tScore':
      return zScorePopulation(input.elements)
        ? `No BMD score: the ${p} checklist includes BMD Z-scores (or T-scores) for this patient.`
        : `No BMD T-score: the ${p} checklist includes one (femoral neck for FRAX); Z-scores do not count.`;
    case 'riskModel':
      return 'No risk model named: say which model calculated the risk (FRAX, Garvan, QFracture or CAROC).';
    case 'risk':
      return `No calculated fracture risk: the ${p} checklist includes the 10-year risk (%, or a CAROC category).`;
    case 'provider':
      return 'No provider: name who performed or interpreted the calculation (not the referring clinician).';
    case 'impression':
      return `No impression: the ${p} checklist includes an interpretation of the TBS and fracture risk.`;
  }
}

export interface Documented {
  required: ElementId[];
  documented: ElementId[];
  missing: ElementId[];
  /** Required elements whose slot holds a placeholder. */
  unfilled: ElementId[];
}

export function documentedElements(
  input: Omit<RuleInput, 'documented' | 'providerLines' | 'original'>,
  slots: readonly Slot[],
): Documented {
  const { elements, profile } = input;
  // An element whose missing-* rule is turned off is not required.
  const required = PROFILE_REQUIRES[profile].filter((e) => input.ctx.settings.severity[MISSING_RULE[e]] !== 'off');
  const present: Record<ElementId, boolean> = {
    tbs: elements.tbs.length > 0,
    // For premenopausal women and men under 50, BMD is reported as Z-scores (ISCD).
    tScore: elements.tScores.length > 0 || (zScorePopulation(elements) && (elements.zScores?.length ?? 0) > 0),
    riskModel: elements.riskModels.length > 0,
    // CAROC gives a category, not a number: a stated category is the calculated risk.
    risk: elements.risks.length > 0 || (elements.riskCategories?.length ?? 0) > 0,
    provider: elements.providers.length > 0,
    impression: elements.impression !== null,
  };
  const slotted = new Set(slots.map((s) => s.element));
  const documented = required.filter((e) => present[e]);
  const unfilled = required.filter((e) => !present[e] && slotted.has(e));
  const missing = required.filter((e) => !present[e] && !slotted.has(e));
  return { required, documented, missing, unfilled };
}

/** Where a missing element's diagnostic points: the section it belongs in, or the first line. */
function anchorRange(input: RuleInput, el: ElementId): Range {
  const { ctx } = input;
  const kind = SLOT_SPECS[el].section;
  const s = ctx.sections.find((x) => x.kind === kind);
  if (s) return s.headerRange;
  for (let i = 0; i < ctx.doc.lines.length; i++) if (!ctx.blankLine[i]) return lineContentRange(ctx.doc, i);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The finding of a missing element (none when it is documented, unfilled or not required). */
export function missingFinding(rule: RuleMeta, el: ElementId, input: RuleInput): Finding[] {
  if (!input.documented.missing.includes(el)) return [];
  const edits = input.planFixes === false ? [] : planInsertions(input.ctx, [el], input.providerLines);
  // No fix where the planner inserts nothing (a provider line in an addendum to a signed report).
  const fixes = edits.length ? [{ title: `Insert ${ELEMENT_NAMES[el]}`, preferred: true, edits }] : [];
  return [finding(rule, anchorRange(input, el), message(input, el), { fixes })];
}
