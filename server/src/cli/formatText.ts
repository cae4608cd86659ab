/**
 * Human-readable output: one line per finding, "path:line:col: severity: message [rule]" (the form
 * editors and CI problem matchers understand), then a summary unless --quiet.
 */
import type { Severity } from '../engine/types';
import type { Outcome } from './report';
import type { Summary } from './summary';
import { plural } from './summary';
import { MAX_FINDINGS_SHOWN, moreNotShown } from '../engine/cap';
import { safeText } from './safeText';

const COLORS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '2' };

/**
 * One file's lines (empty when it has no finding): at most MAX_FINDINGS_SHOWN, then a line that
 * says how many more there are. The path and the message (which may quote the report) are escaped:
 * no control character, escape sequence or line break of theirs reaches the terminal or the log.
 */
export function textLines(o: Outcome, color: boolean): string {
  if (!o.report) return '';
  const file = safeText(o.path);
  const all = o.report.diagnostics;
  const shown = Math.min(all.length, MAX_FINDINGS_SHOWN);
  let out = '';
  for (let i = 0; i < shown; i++) {
    const d = all[i];
    const sev = color ? `\x1b[${COLORS[d.severity]}m${d.severity}\x1b[0m` : d.severity;
    const code = color ? `\x1b[2m[${safeText(d.code)}]\x1b[0m` : `[${safeText(d.code)}]`;
    out += `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev}: ${safeText(d.message)} ${code}\n`;
  }
  if (all.length > shown) out += `${file}: ${moreNotShown(all.length - shown)}\n`;
  return out;
}

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
    const w = s.byRule.reduce((m, r) => Math.max(m, r.id.length), 0);
    const cw = s.byRule.reduce((m, r) => Math.max(m, String(r.total).length), 0);
    lines.push('Findings per rule:');
    for (const r of s.byRule) lines.push(`  ${r.id.padEnd(w)}  ${String(r.total).padStart(cw)}`);
  }
  if (s.maxWarnings !== null && s.tooManyWarnings)
    lines.push(bold(`Too many warnings: ${s.bySeverity.warning} (maximum ${s.maxWarnings}, --max-warnings).`));
  return `${lines.join('\n')}\n`;
}

/** The whole text report from the files' parts (in input order). */
export function assembleText(parts: string[], summary: Summary, opts: { quiet: boolean; color: boolean }): string {
  const body = parts.join('');
  if (opts.quiet) return body;
  return `${body}${body ? '\n' : ''}${formatSummary(summary, opts.color)}`;
}
