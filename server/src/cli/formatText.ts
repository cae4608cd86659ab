/** Human-readable output: one line per finding, "path:line:col severity message [rule]". */
import type { FileError, FileReport } from './report';

export function formatText(files: FileReport[], errors: FileError[]): string {
  const lines: string[] = [];
  let problems = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      problems++;
      lines.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
    }
  }
  const clean = files.filter((f) => f.diagnostics.length === 0).length;
  lines.push(`${files.length} file${files.length === 1 ? '' : 's'} checked, ${clean} clean, ${problems} finding${problems === 1 ? '' : 's'}${errors.length ? `, ${errors.length} unreadable` : ''}.`);
  return `${lines.join('\n')}\n`;
}
