/**
 * What every rule file shares: the metadata it declares, the input it reads and how it makes a
 * finding. Each rule lives in its own file (`rules/<id>.ts`) exporting `rule: Rule`; the registry
 * (`rules/registry.ts`), the settings schema and the severity settings of package.json are
 * generated from those files by scripts/gen-rules.mjs.
 */
import type { Ctx } from '../context';
import type { Thresholds } from '../thresholds';
import type { Elements, Finding, Fix, ProfileId, Range, RelatedInfo, RuleId, Severity } from '../types';
import type { Documented } from './missing';

export interface RuleInput {
  ctx: Ctx;
  elements: Elements;
  profile: ProfileId;
  profileFromCode: boolean;
  thresholds: Thresholds;
  /** The document as written (not normalised): fixes keep the author's spelling around an edit. */
  original: string;
  /** Which required elements the report documents. */
  documented: Documented;
  /** Lines of the provider (or its slot): insertions go above them. */
  providerLines: readonly number[];
  /**
   * Plan the insertion fixes of missing elements (true by default). A caller that shows no fix
   * (the CLI) turns it off: the planning is the costliest part of a missing-* finding.
   */
  planFixes?: boolean;
}

/** A rule's metadata: its public id and how it is documented and configured. */
export interface RuleMeta {
  id: RuleId;
  /** Default severity (a setting can change it or turn the rule off). */
  severity: Severity;
  /** Profiles under which the rule runs. */
  profiles: readonly ProfileId[];
  /** One-line summary for the README table, the settings and SARIF. */
  summary: string;
  /** Where the rule's facts come from. */
  source: string;
  /** The rule's documentation page, relative to the repository root. */
  docs: string;
  /** Position in the rules table and the settings (ascending). */
  order: number;
}

export interface Rule extends RuleMeta {
  check(input: RuleInput): Finding[];
}

export const ALL_PROFILES: readonly ProfileId[] = ['77091', '77089', '77092'];

export function finding(
  rule: Pick<RuleMeta, 'id' | 'severity'>,
  range: Range,
  message: string,
  extra: { related?: RelatedInfo[]; fixes?: Fix[] } = {},
): Finding {
  return { code: rule.id, severity: rule.severity, message, range, ...extra };
}

export function lineNo(range: Range): number {
  return range.start.line + 1;
}

/** Keeps the capitalisation of the first letter of `original` in `replacement`. */
export function matchCase(original: string, replacement: string): string {
  if (!original) return replacement;
  if (original === original.toUpperCase() && /[A-Z]/.test(original)) return replacement.toUpperCase();
  if (original[0] === original[0].toUpperCase() && /[A-Za-z]/.test(original[0]))
    return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
