/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning accepts it: one run, every rule of the registry with
 * its help text, one result per finding with a 1-based region (columns in UTF-16 code units, as LSP
 * counts them). Files that could not be checked are tool execution notifications.
 *
 * helpUri must be an absolute URI (SARIF 2.1.0 section 3.49.12; GitHub rejects the upload otherwise),
 * so it is only written when --rule-docs-base gives the address the repository's docs/rules/<id>.md
 * pages are published under; the relative path is always in the help text and rule properties.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocPath } from '../engine/rules/registry';
import type { Severity } from '../engine/types';
import type { Outcome } from './report';
import type { Summary } from './summary';

export interface SarifOptions {
  version: string;
  /** Absolute URL the relative docs/rules/<id>.md paths resolve against, or null. */
  ruleDocsBase: string | null;
  /** Directory result paths are made relative to (the checkout root in CI). */
  cwd: string;
  exitCode: number;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

const encodeSegments = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** An artifact location: relative to %SRCROOT% when the file is under cwd, else an absolute file URI. */
export function artifactLocation(shown: string, cwd: string, isStdin: boolean): { uri: string; uriBaseId?: string } {
  if (isStdin) return { uri: encodeSegments(shown.replace(/\\/g, '/')) };
  const abs = path.resolve(cwd, shown);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: encodeSegments(rel.split(path.sep).join('/')), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

export function ruleDocsUri(base: string | null, id: string): string | undefined {
  if (!base) return undefined;
  return new URL(ruleDocPath(id as never), base.endsWith('/') ? base : `${base}/`).href;
}

export function sarifRules(ruleDocsBase: string | null) {
  return RULES.map((r) => {
    const doc = ruleDocPath(r.id);
    const helpUri = ruleDocsUri(ruleDocsBase, r.id);
    return {
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.summary },
      fullDescription: { text: `${r.summary} Source: ${r.source}.` },
      ...(helpUri ? { helpUri } : {}),
      help: {
        text: `${r.summary}\nSource: ${r.source}.\nDefault severity: ${r.severity}. Documentation: ${doc}`,
        markdown: `${r.summary}\n\n**Source:** ${r.source}.\n\n**Default severity:** ${r.severity}.\n\nDocumentation: [${doc}](${helpUri ?? doc})`,
      },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: ['documentation', 'tbs', 'cpt-77091'], docPath: doc, source: r.source },
    };
  });
}

export function buildSarif(outcomes: Outcome[], _summary: Summary, opts: SarifOptions, stdinPaths: ReadonlySet<string>) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const results = [];
  const notifications = [];
  for (const o of outcomes) {
    const loc = artifactLocation(o.path, opts.cwd, stdinPaths.has(o.path));
    if (!o.report) {
      notifications.push({
        level: 'error' as const,
        message: { text: `${o.path}: ${o.error ?? 'not checked'}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
        descriptor: { id: 'file-not-checked' },
      });
      continue;
    }
    for (const d of o.report.diagnostics) {
      const idx = ruleIndex.get(d.code);
      results.push({
        ruleId: d.code,
        ...(idx !== undefined ? { ruleIndex: idx } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: loc,
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'tbs-report',
            fullName: 'TBS Report Assistant (CPT 77091 documentation checks)',
            version: opts.version,
            semanticVersion: opts.version,
            rules: sarifRules(opts.ruleDocsBase),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(opts.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [{ executionSuccessful: notifications.length === 0, exitCode: opts.exitCode, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

export function formatSarif(outcomes: Outcome[], summary: Summary, opts: SarifOptions, stdinPaths: ReadonlySet<string>): string {
  return `${JSON.stringify(buildSarif(outcomes, summary, opts, stdinPaths), null, 2)}\n`;
}
