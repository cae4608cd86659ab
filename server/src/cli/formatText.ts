/**
 * Human-readable output: one line per finding, "path:line:col: severity: message [rule]" (the form
 * editors and CI problem matchers understand), then a summary unless --quiet.
 */
import type { Severity } from '../engine/types';
import type { Outcome } from './report';
import type { Summary } from './summary';
import { plural } from './summary';

export interface TextOptions {
  color: boolean;
  /** Leave the summary out. */
  quiet: boolean;
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '2' };

export function formatSummary(s: Summary, color = false): string {
  const bold = (t: string) => (color ? `\x1b[1m${t}\x1b[0m` : t);
  const lines: string[] = [];
  let files = `${plural(s.filesChecked, 'file')} checked: ${s.filesClean} clean, ${s.filesWithFindings} with findings`;
  if (s.unreadable) files += `; ${s.unreadable} could not be checked`;
  lines.push(bold(`${files}.`));
  const sev = (['error', 'warning', 'information', 'hint'] as const)
    .filter((k) => s.bySeverity[k] > 0)
    .map((k) => (k === 'information' ? `${s.bySeverity[k]} information` : plural(s.bySeverity[k], k)));
  lines.push(`${plural(s.findings, 'finding')}${sev.length ? `: ${sev.join(', ')}` : ''}.`);
  if (s.byRule.length) {
    const w = Math.max(...s.byRule.map((r) => r.id.length));
    const cw = Math.max(...s.byRule.map((r) => String(r.total).length));
    lines.push('Findings per rule:');
    for (const r of s.byRule) lines.push(`  ${r.id.padEnd(w)}  ${String(r.total).padStart(cw)}`);
  }
  if (s.maxWarnings !== null && s.tooManyWarnings) lines.push(bold(`Too many warnings: ${s.bySeverity.warning} (maximum ${s.maxWarnings}, --max-warnings).`));
  return `${lines.join('\n')}\n`;
}

export function formatText(outcomes: Outcome[], summary: Summary, opts: TextOptions): string {
  const out: string[] = [];
  for (const o of outcomes) {
    if (!o.report) continue;
    for (const d of o.report.diagnostics) {
      const sev = opts.color ? `\x1b[${COLORS[d.severity]}m${d.severity}\x1b[0m` : d.severity;
      const code = opts.color ? `\x1b[2m[${d.code}]\x1b[0m` : `[${d.code}]`;
      out.push(`${o.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev}: ${d.message} ${code}\n`);
    }
  }
  if (!opts.quiet) {
    if (out.length) out.push('\n');
    out.push(formatSummary(summary, opts.color));
  }
  return out.join('');
}
