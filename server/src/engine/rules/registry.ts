/**
 * Every rule the engine knows: id (public contract), default severity, one-line summary and source.
 * Docs pages (docs/rules/<id>.md), the README's table, the SARIF rule list and the settings schema
 * are checked against this table by the tests.
 */
import type { RuleId, Severity } from '../types';

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  summary: string;
  source: string;
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'missing-tbs-value',
    severity: 'warning',
    summary: 'No numeric TBS value is stated.',
    source: 'CPT 77091 descriptor; domain reference section 3',
  },
  {
    id: 'missing-t-score',
    severity: 'warning',
    summary: 'No BMD T-score is stated (a Z-score or a TBS T-score does not count).',
    source: 'FRAX inputs (femoral neck T-score); domain reference section 3',
  },
  {
    id: 'missing-risk-model',
    severity: 'warning',
    summary: 'The fracture-risk model used (FRAX, Garvan, QFracture, CAROC) is not named.',
    source: 'domain reference sections 3 and 5',
  },
  {
    id: 'missing-calculated-risk',
    severity: 'warning',
    summary: 'No numeric fracture-risk result (10-year MOF or hip probability in %) is stated.',
    source: 'CPT 77089/77091/77092 descriptors ("fracture risk"); domain reference section 3',
  },
  {
    id: 'missing-provider',
    severity: 'warning',
    summary:
      'No performing, interpreting or signing provider is named (a referring or ordering clinician does not count).',
    source: 'domain reference section 3',
  },
  {
    id: 'missing-impression',
    severity: 'warning',
    summary: 'Profiles 77089 and 77092 need an interpretation / impression of fracture risk.',
    source: 'CPT 77089 and 77092 descriptors ("interpretation and report")',
  },
  {
    id: 'unfilled-placeholder',
    severity: 'warning',
    summary: 'A template placeholder (___, [ ], [...], XX, ***, <...>, {{...}}) is still in the report.',
    source: 'domain reference section 4',
  },
  {
    id: 'tbs-value-implausible',
    severity: 'error',
    summary: 'A TBS outside 0.800-1.800 is almost certainly a typo.',
    source: 'domain reference section 4',
  },
  {
    id: 't-score-implausible',
    severity: 'error',
    summary: 'A T-score outside -7.0 .. +7.0 is almost certainly a typo.',
    source: 'domain reference section 4',
  },
  {
    id: 'risk-implausible',
    severity: 'error',
    summary: 'A probability must be above 0 % and at most 100 %.',
    source: 'domain reference section 4',
  },
  {
    id: 'hip-risk-exceeds-mof',
    severity: 'warning',
    summary: 'Hip-fracture probability exceeds the major osteoporotic fracture probability it is part of.',
    source: 'FRAX definition of MOF (includes hip); domain reference sections 4 and 5',
  },
  {
    id: 'tbs-category-mismatch',
    severity: 'warning',
    summary: 'The stated TBS category does not match the value under the configured thresholds.',
    source: 'vendor guidance / 2023 ESCEO-IOF update (default thresholds); domain reference section 4',
  },
  {
    id: 'who-classification-mismatch',
    severity: 'warning',
    summary: 'The stated WHO class does not match the lowest BMD T-score.',
    source: 'WHO densitometric classification; domain reference section 4',
  },
  {
    id: 'conflicting-values',
    severity: 'warning',
    summary: 'Two different values are stated for the same measurement.',
    source: 'domain reference section 4',
  },
  {
    id: 'risk-not-tbs-adjusted',
    severity: 'warning',
    summary: 'A TBS value and a risk result are present, but nothing says the risk was adjusted for TBS.',
    source: 'McCloskey et al., Calcif Tissue Int 2015; domain reference section 5',
  },
  {
    id: 'cpt-code-conflict',
    severity: 'error',
    summary: '77089 is reported together with 77090, 77091 or 77092.',
    source: 'CPT parenthetical note; domain reference section 1',
  },
  {
    id: 'tbs-code-modifier',
    severity: 'information',
    summary: 'Modifier 26 / TC on a TBS code is unusual: the split is built into the codes.',
    source: 'domain reference section 1 (no payer source confirms a rule)',
  },
  {
    id: 'age-outside-validated-range',
    severity: 'information',
    summary: 'TBS-adjusted FRAX is validated for ages 40-90.',
    source: 'FDA 510(k) K152299 intended use; domain reference section 4',
  },
  {
    id: 'bmi-outside-validated-range',
    severity: 'information',
    summary: 'TBS is reported as not computable outside BMI 15-37 kg/m2.',
    source: "an imaging centre's statement, not the manufacturer's; domain reference section 4",
  },
];

export const RULE_BY_ID: ReadonlyMap<RuleId, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

/** Where each rule's documentation lives, relative to the repository root. */
export function ruleDocPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
