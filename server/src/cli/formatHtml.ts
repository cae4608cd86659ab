/**
 * One self-contained HTML page for QA managers: totals, an inline SVG bar chart of findings per
 * rule, the files ranked by findings, and every finding with its line. No script, no external
 * asset: a Content-Security-Policy forbids the page to load anything at all. Report text is
 * protected health information and may contain markup, so every string from a report, a path or a
 * message goes through `esc` before it reaches the page.
 */
import { PROFILE_REQUIRES } from '../engine/profiles';
import { RULES, RULE_BY_ID, ruleDocPath } from '../engine/rules/registry';
import type { RuleId, Severity } from '../engine/types';
import type { Outcome } from './report';
import type { RuleCount, Summary } from './summary';
import { SEVERITIES, plural } from './summary';
import { ruleDocsUri } from './formatSarif';

export interface HtmlOptions {
  version: string;
  generatedAt: Date;
  defaultProfile: string;
  ruleDocsBase: string | null;
  /** Files whose findings are shown expanded; the rest are collapsed (big runs stay light). */
  openFiles?: number;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function esc(s: string): string {
  // Lone surrogates and C0 controls (other than tab / line feed) cannot appear in an HTML page.
  return String(s)
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    );
}

const COLOR: Record<Severity, string> = {
  error: '#c62828',
  warning: '#b86e00',
  information: '#1e6fd9',
  hint: '#7a7a7a',
};
const LABEL: Record<Severity, string> = {
  error: 'errors',
  warning: 'warnings',
  information: 'information',
  hint: 'hints',
};

const CSS = `
:root{--fg:#1d232b;--muted:#5b6470;--line:#dde2e8;--bg:#fff;--soft:#f5f7fa;--error:${COLOR.error};--warning:${COLOR.warning};--information:${COLOR.information};--hint:${COLOR.hint}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:24px 28px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}h3{font-size:15px;margin:0;display:inline}
.meta{color:var(--muted);margin:0}.phi{display:inline-block;margin-top:8px;padding:3px 8px;border:1px solid #e0b4b4;background:#fdf3f3;color:#8a1f1f;border-radius:4px;font-size:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin-top:20px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--soft)}.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.card.error b{color:var(--error)}.card.warning b{color:var(--warning)}.card.information b{color:var(--information)}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{background:var(--soft);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td{overflow-wrap:anywhere}td code{white-space:normal;overflow-wrap:anywhere}details.file{overflow:hidden}.card{min-width:0;overflow-wrap:anywhere}
code,.src{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.src{white-space:pre-wrap;word-break:break-word;color:#333;background:var(--soft);padding:1px 4px;border-radius:3px}
.sev{display:inline-block;min-width:74px;padding:0 6px;border-radius:3px;color:#fff;font-size:12px;text-align:center}
.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.information{background:var(--information)}.sev.hint{background:var(--hint)}
details.file{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:#fff}details.file>summary{cursor:pointer;padding:8px 12px;background:var(--soft);border-radius:6px}
details.file[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}details.file table{margin:0}
.counts{color:var(--muted);margin-left:8px;font-size:12px}.empty{color:var(--muted);font-style:italic}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}svg .axis{stroke:var(--line)}svg .tick{fill:var(--muted);font-size:11px}
a{color:#0b5cad}footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{details.file{break-inside:avoid}body{padding:0}}
`;

/** "n of m": the elements the report's profile requires that it documents (no missing-* finding). */
function documented(rep: NonNullable<Outcome['report']>): string {
  const required = PROFILE_REQUIRES[rep.profile as keyof typeof PROFILE_REQUIRES] ?? [];
  const missing = new Set(rep.diagnostics.filter((d) => d.code.startsWith('missing-')).map((d) => d.code));
  return `${Math.max(0, required.length - missing.size)} of ${required.length}`;
}

/** A rule's sources as published references: the project's own "domain reference section N" is no source. */
function citation(source: string): string {
  const real = source
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p && !/^domain reference\b/i.test(p));
  return real.length ? real.join('; ') : 'see the rule page';
}

/** Whole-number axis ticks: a step of 1, 2 or 5 times a power of ten, four or five steps. */
export function axisTicks(max: number): number[] {
  const raw = Math.max(1, max / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw && Number.isInteger(s)) ?? Math.ceil(raw);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** A horizontal stacked bar chart: one bar per rule, one segment per severity. */
export function ruleChart(rules: RuleCount[]): string {
  const labelW = 230;
  const barW = 560;
  const rowH = 26;
  const top = 40;
  const width = labelW + barW + 70;
  if (!rules.length) {
    return `<svg id="rule-chart" role="img" aria-labelledby="rule-chart-title" width="${width}" height="60" viewBox="0 0 ${width} 60" xmlns="http://www.w3.org/2000/svg"><title id="rule-chart-title">Findings per rule: none</title><text x="0" y="34" class="empty">No findings: every checked report documents what its profile needs.</text></svg>`;
  }
  const ticks = axisTicks(Math.max(...rules.map((r) => r.total)));
  const max = ticks[ticks.length - 1];
  const height = top + rules.length * rowH + 10;
  const scale = (n: number) => (n / max) * barW;
  const parts: string[] = [];
  parts.push(
    `<svg id="rule-chart" role="img" aria-labelledby="rule-chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">`,
  );
  parts.push(
    `<title id="rule-chart-title">Findings per rule (${rules.length} rules, ${rules.reduce((a, r) => a + r.total, 0)} findings)</title>`,
  );
  // legend
  let lx = labelW;
  for (const s of SEVERITIES) {
    parts.push(
      `<rect x="${lx}" y="4" width="10" height="10" fill="${COLOR[s]}"/><text x="${lx + 14}" y="13">${LABEL[s]}</text>`,
    );
    lx += 22 + LABEL[s].length * 7;
  }
  // ticks
  for (const v of ticks) {
    const x = (labelW + scale(v)).toFixed(1);
    parts.push(`<line class="axis" x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 6}"/>`);
    parts.push(`<text class="tick" x="${x}" y="${top - 7}" text-anchor="middle">${v}</text>`);
  }
  rules.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(`<g class="rule-row" data-rule="${esc(r.id)}">`);
    parts.push(`<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(r.id)}</text>`);
    let x = labelW;
    for (const s of SEVERITIES) {
      const n = r.bySeverity[s];
      if (!n) continue;
      const w = Math.max(1, scale(n));
      parts.push(
        `<rect class="bar ${s}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOR[s]}"><title>${esc(r.id)}: ${n} ${s === 'information' ? 'information' : n === 1 ? s : LABEL[s]}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 16}">${r.total}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

interface Ranked {
  index: number;
  o: Outcome;
  counts: Record<Severity, number>;
  total: number;
}

function ruleLink(id: string, base: string | null): string {
  const info = RULE_BY_ID.get(id as RuleId);
  const title = info ? ` title="${esc(info.summary)}"` : '';
  const href = ruleDocsUri(base, id);
  return href ? `<a href="${esc(href)}"${title}><code>${esc(id)}</code></a>` : `<code${title}>${esc(id)}</code>`;
}

export function formatHtml(outcomes: Outcome[], s: Summary, opts: HtmlOptions): string {
  const ranked: Ranked[] = [];
  outcomes.forEach((o, index) => {
    if (!o.report || !o.report.diagnostics.length) return;
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const d of o.report.diagnostics) counts[d.severity]++;
    ranked.push({ index, o, counts, total: o.report.diagnostics.length });
  });
  ranked.sort(
    (a, b) =>
      b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || b.total - a.total || a.index - b.index,
  );
  const unreadable = outcomes.filter((o) => o.error !== undefined);
  const openFiles = opts.openFiles ?? 50;

  const h: string[] = [];
  h.push('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">');
  h.push(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
  );
  h.push('<meta name="referrer" content="no-referrer">\n<meta name="robots" content="noindex, nofollow">');
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<meta name="generator" content="tbs-report ${esc(opts.version)}">`);
  h.push(
    `<title>TBS documentation audit: ${esc(plural(s.filesChecked, 'report'))}, ${esc(plural(s.findings, 'finding'))}</title>`,
  );
  h.push(`<style>${CSS}</style>\n</head>\n<body>`);
  h.push('<header><h1>TBS documentation audit</h1>');
  h.push(
    `<p class="meta">CPT 77091 / 77089 / 77092 documentation checks · generated ${esc(
      opts.generatedAt
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
    )} by tbs-report ${esc(opts.version)} · default profile ${esc(opts.defaultProfile)}</p>`,
  );
  h.push(
    '<p class="phi">Contains protected health information: store and share this page as you would the reports.</p></header>',
  );

  h.push('<section class="cards" aria-label="Totals">');
  const card = (cls: string, n: number, label: string) =>
    h.push(`<div class="card ${cls}"><b>${n}</b><span>${esc(label)}</span></div>`);
  card('', s.filesChecked, 'reports checked');
  card('', s.filesClean, 'clean');
  card('', s.filesWithFindings, 'with findings');
  if (s.unreadable) card('error', s.unreadable, 'could not be checked');
  // a severity's colour only when there is something of it ("0 errors" is good news, not red)
  card(s.bySeverity.error ? 'error' : '', s.bySeverity.error, 'errors');
  card(s.bySeverity.warning ? 'warning' : '', s.bySeverity.warning, 'warnings');
  card('information', s.bySeverity.information + s.bySeverity.hint, 'information and hints');
  h.push('</section>');

  h.push('<section id="chart"><h2>Findings per rule</h2>');
  h.push(ruleChart(s.byRule));
  h.push('</section>');

  h.push('<section id="ranking"><h2>Reports ranked by findings</h2>');
  if (!ranked.length) h.push('<p class="empty">No report has a finding.</p>');
  else {
    h.push(
      '<table><thead><tr><th class="n">#</th><th>Report</th><th>Profile</th><th class="n">Documented</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Info / hints</th><th class="n">Total</th></tr></thead><tbody>',
    );
    ranked.forEach((r, i) => {
      h.push(
        `<tr><td class="n">${i + 1}</td><td><a href="#f${r.index}"><code>${esc(r.o.path)}</code></a></td><td>${esc(r.o.report!.profile)}</td><td class="n">${esc(documented(r.o.report!))}</td><td class="n">${r.counts.error}</td><td class="n">${r.counts.warning}</td><td class="n">${r.counts.information + r.counts.hint}</td><td class="n">${r.total}</td></tr>`,
      );
    });
    h.push('</tbody></table>');
  }
  h.push('</section>');

  h.push('<section id="findings"><h2>Findings by report</h2>');
  if (!ranked.length) h.push('<p class="empty">Nothing to show.</p>');
  ranked.forEach((r, i) => {
    const rep = r.o.report!;
    const counts = SEVERITIES.filter((k) => r.counts[k]).map(
      (k) => `${r.counts[k]} ${r.counts[k] === 1 || k === 'information' ? k : LABEL[k]}`,
    );
    h.push(
      `<details class="file" id="f${r.index}"${i < openFiles ? ' open' : ''}><summary><h3><code>${esc(r.o.path)}</code></h3><span class="counts">profile ${esc(rep.profile)} · ${esc(counts.join(', '))}</span></summary>`,
    );
    h.push(
      '<table><thead><tr><th class="n">Line</th><th class="n">Col</th><th>Severity</th><th>Rule</th><th>Finding</th><th>Line text</th></tr></thead><tbody>',
    );
    rep.diagnostics.forEach((d, k) => {
      // a missing element has no line of its own: its finding only points at the report's top
      const line = d.code.startsWith('missing-') ? undefined : r.o.lines?.[k];
      h.push(
        `<tr class="finding"><td class="n">${d.range.start.line + 1}</td><td class="n">${d.range.start.character + 1}</td><td><span class="sev ${d.severity}">${d.severity}</span></td><td>${ruleLink(d.code, opts.ruleDocsBase)}</td><td>${esc(d.message)}</td><td>${line !== undefined && line.trim() ? `<span class="src">${esc(line)}</span>` : ''}</td></tr>`,
      );
    });
    h.push('</tbody></table></details>');
  });
  h.push('</section>');

  if (unreadable.length) {
    h.push(
      '<section id="unreadable"><h2>Files that could not be checked</h2><table><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>',
    );
    for (const o of unreadable)
      h.push(`<tr><td><code>${esc(o.path)}</code></td><td>${esc(o.error ?? 'not checked')}</td></tr>`);
    h.push('</tbody></table></section>');
  }

  h.push(
    '<section id="rules"><h2>Rules</h2><table><thead><tr><th>Rule</th><th>Default</th><th class="n">Findings</th><th>What it checks</th><th>Source</th></tr></thead><tbody>',
  );
  const found = new Map(s.byRule.map((r) => [r.id, r.total]));
  for (const r of RULES) {
    h.push(
      `<tr><td>${ruleLink(r.id, opts.ruleDocsBase)}</td><td><span class="sev ${r.severity}">${r.severity}</span></td><td class="n">${found.get(r.id) ?? 0}</td><td>${esc(r.summary)}</td><td>${esc(citation(r.source))} <span class="counts">(${esc(ruleDocPath(r.id))})</span></td></tr>`,
    );
  }
  h.push('</tbody></table></section>');
  h.push(
    `<footer>tbs-report ${esc(opts.version)}. The tool checks that documentation is present and consistent; it does not recompute FRAX or the TBS adjustment and sends no report text anywhere.</footer>`,
  );
  h.push('</body>\n</html>\n');
  return h.join('\n');
}
