/** One checked file as the CLI reports it: the public JSON contract (schemaVersion 1). */
import type { Analysis } from '../engine/analyze';
import type { ProfileId, Range, RiskCategoryName, RiskKind, RiskModelName, Severity } from '../engine/types';

export interface FileReport {
  path: string;
  profile: ProfileId;
  elements: {
    tbs: { value: number; range: Range } | null;
    tScores: Array<{ value: number; site: string | null; range: Range }>;
    riskModel: { name: string; range: Range } | null;
    risks: Array<{ kind: RiskKind; value: number; adjusted: boolean; range: Range }>;
    /** Stated CAROC-style risk categories: the calculated risk of a model that gives no number (added to schema 1). */
    riskCategories: Array<{ model: RiskModelName | null; category: RiskCategoryName; range: Range }>;
    provider: { text: string; range: Range } | null;
  };
  diagnostics: Diagnostic[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** A file that could not be checked. Kept out of `files`, listed in `errors`. */
export interface FileError {
  path: string;
  error: string;
}

export function fileReport(path: string, a: Analysis): FileReport {
  const el = a.elements;
  return {
    path,
    profile: a.profile,
    elements: {
      tbs: el.tbs.length ? { value: el.tbs[0].value, range: el.tbs[0].range } : null,
      tScores: el.tScores.map((t) => ({ value: t.value, site: t.site, range: t.range })),
      riskModel: el.riskModels.length ? { name: el.riskModels[0].name, range: el.riskModels[0].range } : null,
      risks: el.risks.map((r) => ({ kind: r.kind, value: r.value, adjusted: r.adjusted, range: r.range })),
      riskCategories: (el.riskCategories ?? []).map((c) => ({ model: c.model, category: c.category, range: c.range })),
      provider: el.providers.length ? { text: el.providers[0].text, range: el.providers[0].range } : null,
    },
    diagnostics: a.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range })),
  };
}

/**
 * What checking one input gives: a report, or the reason it could not be checked. `lines` (only
 * when asked for, for the HTML page) holds the text of the line each diagnostic starts on.
 */
export interface Outcome {
  path: string;
  report?: FileReport;
  lines?: string[];
  error?: string;
}
