/**
 * How many findings a document shows (issue 14): a hostile 0.7 MB report once gave 55,559 findings
 * and 14.6 MB per publish. The server and the CLI show the first MAX_FINDINGS_SHOWN, in document
 * order, and say how many more there are.
 */
import type { Finding } from './types';

export const MAX_FINDINGS_SHOWN = 1000;

export interface Capped {
  shown: Finding[];
  /** Findings left out (0 when all are shown). */
  hidden: number;
}

export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_SHOWN): Capped {
  if (findings.length <= max) return { shown: findings.slice(), hidden: 0 };
  return { shown: findings.slice(0, max), hidden: findings.length - max };
}

/** "1 more finding not shown" / "N more findings not shown". */
export function moreNotShown(hidden: number, max = MAX_FINDINGS_SHOWN): string {
  return `${hidden} more ${hidden === 1 ? 'finding' : 'findings'} not shown (at most ${max} are shown per document)`;
}
