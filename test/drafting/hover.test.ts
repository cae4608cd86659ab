/** Hovers stay short when findings stack on one position, and the risk hover leads with its number (issue 13, item 6). */
import { describe, expect, test } from 'vitest';
import { analyze, DEFAULT_SETTINGS, explainAt } from '../../server/src/engine';
import type { Finding, RuleId } from '../../server/src/engine/types';

const REPORT =
  'EXAM: DXA with TBS (CPT 77080, 77091)\n\nFINDINGS:\nFemoral neck T-score: -2.1\nTBS L1-L4: 1.262\n\n' +
  'FRACTURE RISK:\nRisk model: FRAX\nTBS-adjusted 10-year probability: MOF 17%; hip 2.9%\n\n' +
  'IMPRESSION:\nOsteopenia.\n\nElectronically signed by: Jane Doe, MD\n';
const lines = REPORT.split('\n');
const at = (needle: string) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + 1 };
};
const link = (code: RuleId) => `file:///docs/rules/${code}.md`;

describe('risk hover', () => {
  test('the headline keeps the number and the %', () => {
    const h = explainAt(analyze(REPORT), at('17%'), DEFAULT_SETTINGS)!.markdown;
    expect(h.split('\n')[0]).toMatch(/^\*\*10-year MOF probability: 17 %\*\* \(TBS-adjusted, FRAX\)/);
    const hip = explainAt(analyze(REPORT), at('2.9%'), DEFAULT_SETTINGS)!.markdown;
    expect(hip.split('\n')[0]).toMatch(/^\*\*10-year hip fracture probability: 2\.9 %\*\*/);
  });
});

describe('stacked findings', () => {
  const a = analyze(REPORT);
  const pos = at('1.262');
  const range = { start: { ...pos, character: pos.character - 1 }, end: { ...pos, character: pos.character + 4 } };
  const stack = (codes: RuleId[]): Finding[] =>
    codes.map((code) => ({
      code,
      severity: 'warning',
      range,
      message:
        `A ${code} finding whose message runs long, with a worked example that belongs on the rule page. `.repeat(2),
    }));

  test('one short line per finding, with its rule id and a link to its page; the value headline once', () => {
    const codes: RuleId[] = ['tbs-category-mismatch', 'conflicting-values', 'tbs-value-implausible'];
    const h = explainAt({ ...a, findings: stack(codes) }, pos, DEFAULT_SETTINGS, link)!.markdown;
    const shown = h.split('\n').filter(Boolean);
    expect(shown).toHaveLength(1 + codes.length);
    expect(shown[0]).toMatch(/\*\*TBS 1\.262\*\*/);
    expect(h).not.toMatch(/Thresholds are a setting/);
    for (const [i, code] of codes.entries()) {
      expect(shown[i + 1]).toContain(`[${code}](${link(code)})`);
      // what the reader sees: the message and the rule id, not the link's address
      expect(shown[i + 1].replace(/\]\([^)]*\)/g, ']').length).toBeLessThanOrEqual(140);
    }
  });

  test('the hover is capped however many findings stack', () => {
    const codes: RuleId[] = [
      'tbs-category-mismatch',
      'conflicting-values',
      'tbs-value-implausible',
      'unfilled-placeholder',
      'risk-implausible',
      'hip-risk-exceeds-mof',
      't-score-implausible',
      'who-classification-mismatch',
    ];
    const h = explainAt({ ...a, findings: stack(codes) }, pos, DEFAULT_SETTINGS, link)!.markdown;
    const shown = h.split('\n').filter(Boolean);
    expect(shown.length).toBeLessThanOrEqual(6);
    expect(shown[shown.length - 1]).toMatch(/more findings/);
  });

  test('one finding alone leaves the full value explanation', () => {
    const h = explainAt({ ...a, findings: stack(['tbs-category-mismatch']) }, pos, DEFAULT_SETTINGS, link)!.markdown;
    expect(h).toMatch(/Thresholds are a setting/);
  });
});
