/** Totals over a run: files, findings per severity and per rule, and the exit status they give. */
import { RULES } from '../engine/rules/registry';
import type { Severity } from '../engine/types';
import type { FileReport, Outcome } from './report';

/** What the summary needs of one input: its error, or the code and severity of each finding. */
export interface Tally {
  error?: string;
  findings?: Array<[string, Severity]>;
}

export type SeverityCounts = Record<Severity, number>;

export interface RuleCount {
  id: string;
  total: number;
  bySeverity: SeverityCounts;
}

export interface Summary {
  /** Files analysed (unreadable ones not included). */
  filesChecked: number;
  /** Files analysed with no finding reported. */
  filesClean: number;
  filesWithFindings: number;
  /** Inputs that could not be checked (missing, unreadable, binary, too large). */
  unreadable: number;
  findings: number;
  bySeverity: SeverityCounts;
  /** Most frequent first, then by rule id. */
  byRule: RuleCount[];
  /** The --max-warnings limit (-1: none), or null when not given (any warning fails the run). */
  maxWarnings: number | null;
  tooManyWarnings: boolean;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const zero = (): SeverityCounts => ({ error: 0, warning: 0, information: 0, hint: 0 });
const ORDER = new Map(RULES.map((r, i) => [r.id as string, i]));

export function summarize(tallies: Tally[], maxWarnings: number | null): Summary {
  const bySeverity = zero();
  const rules = new Map<string, RuleCount>();
  let filesChecked = 0;
  let filesClean = 0;
  let unreadable = 0;
  let findings = 0;
  for (const t of tallies) {
    if (t.error !== undefined || !t.findings) {
      unreadable++;
      continue;
    }
    filesChecked++;
    const ds = t.findings;
    if (!ds.length) filesClean++;
    findings += ds.length;
    for (const [code, severity] of ds) {
      bySeverity[severity]++;
      let rc = rules.get(code);
      if (!rc) rules.set(code, (rc = { id: code, total: 0, bySeverity: zero() }));
      rc.total++;
      rc.bySeverity[severity]++;
    }
  }
  const byRule = [...rules.values()].sort(
    (a, b) => b.total - a.total || (ORDER.get(a.id) ?? 999) - (ORDER.get(b.id) ?? 999) || (a.id < b.id ? -1 : 1),
  );
  // null: the default, any warning is too many; -1: no limit.
  const limit = maxWarnings ?? 0;
  const tooManyWarnings = limit >= 0 && bySeverity.warning > limit;
  return {
    filesChecked,
    filesClean,
    filesWithFindings: filesChecked - filesClean,
    unreadable,
    findings,
    bySeverity,
    byRule,
    maxWarnings,
    tooManyWarnings,
  };
}

/** 0 nothing to fix; 1 errors, or warnings above the limit; 2 some input could not be checked. */
export function exitStatus(s: Summary): 0 | 1 | 2 {
  if (s.unreadable) return 2;
  if (s.bySeverity.error > 0 || s.tooManyWarnings) return 1;
  return 0;
}

/** --quiet: information and hint findings are left out of every format. */
export function dropMinor(outcomes: Outcome[]): Outcome[] {
  return outcomes.map((o) => {
    if (!o.report || o.report.diagnostics.every((d) => d.severity === 'error' || d.severity === 'warning')) return o;
    const keep: number[] = [];
    o.report.diagnostics.forEach((d, i) => {
      if (d.severity === 'error' || d.severity === 'warning') keep.push(i);
    });
    const report: FileReport = { ...o.report, diagnostics: keep.map((i) => o.report!.diagnostics[i]) };
    return { ...o, report, lines: o.lines ? keep.map((i) => o.lines![i]) : undefined };
  });
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
