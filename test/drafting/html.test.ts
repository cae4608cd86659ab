/** The QA HTML page (issue 13, item 10). */
import { describe, expect, test } from 'vitest';
import { checkText } from '../../server/src/cli/check';
import { formatHtml } from '../../server/src/cli/formatHtml';
import { summarize } from '../../server/src/cli/summary';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

const opts = { settings: DEFAULT_SETTINGS, maxBytes: 1e6, withLines: true };
const DRAFT = [
  'LAKEVIEW REGIONAL IMAGING - BONE DENSITY REPORT',
  'FINDINGS:',
  'L1-L4 T-score -1.6',
  'TBS L1-L4: 1.262 (partially degraded microarchitecture)',
  'TBS-adjusted 10-year probability: major osteoporotic fracture 17%; hip fracture 2.9%',
  '',
].join('\n');
function page(outcomes: ReturnType<typeof checkText>[]) {
  const s = summarize(
    outcomes.map((o) => ({
      error: o.error,
      findings: o.report?.diagnostics.map((d) => [d.code, d.severity]),
    })) as never,
    null,
  );
  return formatHtml(outcomes, s, {
    version: 't',
    generatedAt: new Date(0),
    defaultProfile: '77091',
    ruleDocsBase: null,
  });
}

describe('QA page', () => {
  const o = checkText('reports/a-very-long-folder-name/draft.radreport', DRAFT, opts);
  const html = page([o]);
  test('a "documented n of 5" column per report', () => {
    expect(html).toContain('<th class="n">Documented</th>');
    const missing = new Set(o.report!.diagnostics.filter((d) => d.code.startsWith('missing-')).map((d) => d.code));
    expect(missing.size).toBe(2); // risk model and provider
    expect(html).toContain(`<td class="n">3 of 5</td>`);
  });
  test("a missing element's finding does not show the report's first line as its own", () => {
    const rows = html.split('<tr class="finding">').slice(1);
    const missingRows = rows.filter((r) => /missing-/.test(r));
    expect(missingRows.length).toBe(2);
    for (const r of missingRows) expect(r).not.toContain('LAKEVIEW');
  });
  test('"0 errors" is not red', () => {
    expect(o.report!.diagnostics.some((d) => d.severity === 'error')).toBe(false);
    expect(html).toMatch(/<div class="card "><b>0<\/b><span>errors<\/span>/);
    expect(html).not.toMatch(/<div class="card error"><b>0<\/b>/);
  });
  test('table text wraps inside its card', () => {
    expect(html).toMatch(/td code\{white-space:normal;overflow-wrap:anywhere\}/);
    expect(html).not.toMatch(/td code\{white-space:nowrap\}/);
  });
  test('the rule table cites sources, not "domain reference section N"', () => {
    const rules = html.slice(html.indexOf('<section id="rules">'));
    expect(rules).not.toMatch(/domain reference section/i);
  });
});
