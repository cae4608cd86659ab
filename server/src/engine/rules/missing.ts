/**
 * Required elements of the active profile (missing-*), and template placeholders
 * (unfilled-placeholder). A labelled slot holding a placeholder is the element's place, unfilled:
 * it raises unfilled-placeholder alone.
 */
import { planInsertions, SLOT_SPECS } from '../fixes/insert';
import { ELEMENT_NAMES, PROFILE_REQUIRES } from '../profiles';
import { lineContentRange } from '../text';
import type { ElementId, Finding, Range, RuleId, Slot } from '../types';
import type { RuleInput } from './helpers';
import { finding } from './helpers';

export const MISSING_RULE: Record<ElementId, RuleId> = {
  tbs: 'missing-tbs-value',
  tScore: 'missing-t-score',
  riskModel: 'missing-risk-model',
  risk: 'missing-calculated-risk',
  provider: 'missing-provider',
  impression: 'missing-impression',
};

function message(el: ElementId, profile: string): string {
  switch (el) {
    case 'tbs':
      return `No TBS value: CPT ${profile} documentation needs the numeric trabecular bone score, e.g. "TBS L1-L4: 1.262".`;
    case 'tScore':
      return `No BMD T-score: CPT ${profile} documentation needs a BMD T-score (the femoral neck one feeds FRAX), e.g. "Left femoral neck T-score: -2.1". Z-scores and TBS T-scores do not count.`;
    case 'riskModel':
      return `No risk model named: say which model calculated the fracture risk (FRAX, Garvan, QFracture or CAROC), e.g. "TBS-adjusted FRAX".`;
    case 'risk':
      return `No calculated fracture risk: CPT ${profile} documentation needs the numeric result, the 10-year probability (%) of major osteoporotic fracture and/or hip fracture, e.g. "TBS-adjusted FRAX: MOF 17%; hip 2.9%".`;
    case 'provider':
      return `No provider: name the qualified provider who performed or interpreted the calculation, with credential, e.g. "Interpreting physician: Jane Roe, MD". A referring or ordering clinician does not count.`;
    case 'impression':
      return `No impression: CPT ${profile} includes the interpretation and report on fracture risk; add an IMPRESSION section that interprets the TBS and the risk.`;
  }
}

export interface Documented {
  required: ElementId[];
  documented: ElementId[];
  missing: ElementId[];
  /** Required elements whose slot holds a placeholder. */
  unfilled: ElementId[];
}

export function documentedElements(input: RuleInput, slots: readonly Slot[]): Documented {
  const { elements, profile } = input;
  // An element whose missing-* rule is turned off is not required.
  const required = PROFILE_REQUIRES[profile].filter((e) => input.ctx.settings.severity[MISSING_RULE[e]] !== 'off');
  const present: Record<ElementId, boolean> = {
    tbs: elements.tbs.length > 0,
    tScore: elements.tScores.length > 0,
    riskModel: elements.riskModels.length > 0,
    risk: elements.risks.length > 0,
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

export function missingRules(input: RuleInput, doc: Documented, providerLines: readonly number[]): Finding[] {
  const out: Finding[] = [];
  for (const el of doc.missing) {
    const edits = planInsertions(input.ctx, [el], providerLines);
    out.push(
      finding(MISSING_RULE[el], anchorRange(input, el), message(el, input.profile), {
        fixes: [{ title: `Insert ${ELEMENT_NAMES[el]}`, preferred: true, edits }],
      }),
    );
  }
  return out;
}

const SLOT_NAMES: Record<ElementId, string> = ELEMENT_NAMES;

export function placeholderRule(input: RuleInput): Finding[] {
  const { elements } = input;
  const slotAt = new Map<number, Slot>();
  for (const s of elements.slots) slotAt.set(s.span.start, s);
  return elements.placeholders.map((p) => {
    const slot = slotAt.get(p.span.start);
    const what = slot
      ? `The ${SLOT_NAMES[slot.element]} is still the placeholder "${p.text}"`
      : `Template placeholder "${p.text}" is still in the report`;
    return finding(
      'unfilled-placeholder',
      p.range,
      `${what}: replace it with the real ${slot ? 'value' : 'text'} or remove it.`,
    );
  });
}
