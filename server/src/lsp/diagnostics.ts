/** Findings to LSP diagnostics: rule id as code, a link to the rule's page, related information. */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'tbs-report';

/** The folder that holds docs/rules: next to dist/ in the extension and in the repository. */
function docsRoot(): string {
  return path.resolve(__dirname, '..', 'docs', 'rules');
}

/**
 * The extension's own Markdown (README, docs/**): never checked, though it speaks of TBS all along
 * (a rule page opened from a finding must not show findings of its own).
 */
export function isOwnDocumentation(uri: string): boolean {
  if (!/\.(md|markdown)$/i.test(uri)) return false;
  const root = pathToFileURL(path.resolve(__dirname, '..')).href;
  if (!uri.startsWith(`${root}/`)) return false;
  const rel = uri.slice(root.length + 1);
  return rel.startsWith('docs/') || /^(README|CHANGELOG)\.md$/i.test(rel);
}

export function ruleDocUri(code: string): string {
  return pathToFileURL(path.join(docsRoot(), `${code}.md`)).href;
}

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUri(f.code) },
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
  };
}
