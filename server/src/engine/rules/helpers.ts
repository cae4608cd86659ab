/** What every rule file shares: the input it reads and how it makes a finding. */
import type { Ctx } from '../context';
import type { Elements, Finding, Fix, ProfileId, Range, RelatedInfo, RuleId } from '../types';
import { RULE_BY_ID } from './registry';
import type { Thresholds } from '../thresholds';

export interface RuleInput {
  ctx: Ctx;
  elements: Elements;
  profile: ProfileId;
  profileFromCode: boolean;
  thresholds: Thresholds;
}

export function finding(
  code: RuleId,
  range: Range,
  message: string,
  extra: { related?: RelatedInfo[]; fixes?: Fix[] } = {},
): Finding {
  const info = RULE_BY_ID.get(code);
  return { code, severity: info ? info.severity : 'warning', message, range, ...extra };
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
