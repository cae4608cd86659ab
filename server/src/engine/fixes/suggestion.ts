/**
 * Fixes that change a clinical statement (a WHO class, a TBS category) are suggestions, as ESLint
 * calls them: offered on request in the quick-fix menu, never preferred, never part of fix-all,
 * source.fixAll or "Insert all missing elements". A rule marks such a fix with `suggestion: true`;
 * until every rule does, the fixes of the rules below count as suggestions (the one place that
 * lists them).
 */
import type { Finding, Fix, RuleId } from '../types';

export const SUGGESTION_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'who-classification-mismatch',
  'tbs-category-mismatch',
]);

export function isSuggestion(finding: Pick<Finding, 'code'>, fix: Fix): boolean {
  return fix.suggestion === true || SUGGESTION_RULES.has(finding.code);
}

/** The fixes of a finding that may be applied without asking (fix-all, on save). */
export function automaticFixes(finding: Finding): Fix[] {
  return (finding.fixes ?? []).filter((fix) => !isSuggestion(finding, fix));
}
