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
import type { Diagnostic, FileError } from './report';
import { spliceItems } from './jsonText';

export interface SarifOptions {
  version: string;
  /** Absolute URL the relative docs/rules/<id>.md paths resolve against, or null. */
  ruleDocsBase: string | null;
  /** Directory result paths are made relative to (the checkout root in CI). */
  cwd: string;
  exitCode: number;
}

export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

const encodeSegments = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** An artifact location: relative to %SRCROOT% when the file is under cwd, else an absolute file URI. */
export function artifactLocation(shown: string, cwd: string, isStdin: boolean): { uri: string; uriBaseId?: string } {
  if (isStdin) return { uri: encodeSegments(shown.replace(/\\/g, '/')) };
  const abs = path.resolve(cwd, shown);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    return { uri: encodeSegments(rel.split(path.sep).join('/')), uriBaseId: '%SRCROOT%' };
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

const RULE_INDEX = new Map(RULES.map((r, i) => [r.id as string, i]));

/** One finding as a SARIF result. */
export function sarifResult(shown: string, d: Diagnostic, cwd: string, isStdin: boolean) {
  const idx = RULE_INDEX.get(d.code);
  return {
    ruleId: d.code,
    ...(idx !== undefined ? { ruleIndex: idx } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(shown, cwd, isStdin),
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  };
}

const MARK = '@@tbs-report:results@@';

/**
 * The SARIF log, from each file's results already serialised (see render.ts) and the files that
 * could not be checked: pretty-printed, each result on one line.
 */
export function assembleSarif(
  resultParts: string[],
  errors: FileError[],
  opts: SarifOptions,
  stdinPaths: ReadonlySet<string>,
): string {
  const notifications = errors.map((e) => ({
    level: 'error' as const,
    message: { text: `${e.path}: ${e.error}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path, opts.cwd, stdinPaths.has(e.path)) } }],
    descriptor: { id: 'file-not-checked' },
  }));
  const parts = resultParts.filter((p) => p.length > 0).flatMap((p) => p.split('\n'));
  const log = {
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
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            exitCode: opts.exitCode,
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits' as const,
        results: parts.length ? [MARK] : [],
      },
    ],
  };
  return `${spliceItems(JSON.stringify(log, null, 2), MARK, parts)}\n`;
}
