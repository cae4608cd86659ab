/**
 * "Insert all missing elements" and the single "Insert ..." fixes put lines where a radiologist
 * would: never below the signature block, and in an addendum into the addendum, with no second
 * signature line (issue 13, item 5). Both share the planner, so both are checked.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import type { TextEditSpec } from '../../server/src/engine/types';

/** Applies edits (non-overlapping) from the last to the first. */
function apply(text: string, edits: readonly TextEditSpec[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The report after the single "Insert ..." fix of one missing-* rule. */
function singleFix(text: string, code: string): string {
  const f = analyze(text).findings.find((x) => x.code === code);
  expect(f, code).toBeDefined();
  const fix = f!.fixes?.find((x) => x.title.startsWith('Insert'));
  expect(fix, `${code} insert fix`).toBeDefined();
  return apply(text, fix!.edits);
}

const lineIndex = (out: string, start: string) => out.split('\n').findIndex((l) => l.startsWith(start));

const SIGNED_RISK_LAST =
  'EXAM: DXA with TBS (CPT 77080, 77091)\n\nFINDINGS:\nFemoral neck T-score: -2.1\nTBS L1-L4: 1.262\n\n' +
  'IMPRESSION:\nOsteopenia with degraded microarchitecture.\n\n' +
  'FRACTURE RISK:\nTBS-adjusted 10-year probability: MOF 17%; hip 2.9%\n\n' +
  'Electronically signed by: Jane Doe, MD on 12/01/2026\n';

const LETTER =
  'Dear Dr Smith,\n\nFINDINGS:\nFemoral neck T-score: -2.1\nTBS L1-L4: 1.262\n\n' + 'Sincerely,\nJane Doe, MD\n';

describe('placement above the signature block', () => {
  test('a line for a section that ends in the signature block goes above "Electronically signed by"', () => {
    expect(analyze(SIGNED_RISK_LAST).documented.missing).toContain('riskModel');
    for (const out of [
      apply(SIGNED_RISK_LAST, analyze(SIGNED_RISK_LAST).insertAll),
      singleFix(SIGNED_RISK_LAST, 'missing-risk-model'),
    ]) {
      const model = lineIndex(out, 'Risk model:');
      expect(model).toBeGreaterThan(lineIndex(out, 'TBS-adjusted'));
      expect(model).toBeLessThan(lineIndex(out, 'Electronically signed by'));
      expect(out.trimEnd().endsWith('on 12/01/2026')).toBe(true);
    }
  });

  test('a new section goes above a letter\'s sign-off ("Sincerely," + name), not between them', () => {
    expect(analyze(LETTER).documented.missing).toContain('riskModel');
    for (const out of [apply(LETTER, analyze(LETTER).insertAll), singleFix(LETTER, 'missing-risk-model')]) {
      const lines = out.split('\n');
      const model = lineIndex(out, 'Risk model:');
      const sincerely = lineIndex(out, 'Sincerely,');
      expect(model).toBeGreaterThan(lineIndex(out, 'TBS L1-L4'));
      expect(model).toBeLessThan(sincerely);
      expect(lines[sincerely + 1]).toBe('Jane Doe, MD');
    }
  });

  test('"Interpreting physician:" as the last line stays last', () => {
    const text =
      'FINDINGS:\nFemoral neck T-score: -2.1\nTBS L1-L4: 1.262\n\nFRACTURE RISK:\nTBS-adjusted 10-year probability: MOF 17%; hip 2.9%\nInterpreting physician: Jane Doe, MD\n';
    const out = apply(text, analyze(text).insertAll);
    expect(out).toMatch(/Risk model: ___/);
    expect(out.trimEnd().split('\n').pop()).toBe('Interpreting physician: Jane Doe, MD');
  });
});

describe('addendum', () => {
  const ORIGINAL =
    'FINDINGS:\nFemoral neck T-score: -2.1\nTBS L1-L4: 1.262\n\nIMPRESSION:\nOsteopenia with degraded microarchitecture.\n\n';

  test('no second signature line when the original part is signed', () => {
    const text =
      ORIGINAL +
      'Jane Doe, MD\n\nADDENDUM:\nFRAX was recalculated with the TBS adjustment.\nRisk model: FRAX\n' +
      'TBS-adjusted 10-year probability: MOF 17%; hip 2.9%\nThe patient was informed.\nNo change to the impression.\n' +
      'Results were discussed with the referring clinician.\n';
    const out = apply(text, analyze(text).insertAll);
    expect(out).not.toMatch(/Interpreting physician|signed by/i);
    expect(out.match(/Jane Doe/g)).toHaveLength(1);
    // and no "Insert provider" fix that would do nothing
    const provider = analyze(text).findings.find((f) => f.code === 'missing-provider');
    expect(provider).toBeDefined();
    expect(provider!.fixes ?? []).toEqual([]);
  });

  test('other missing elements go into the addendum, above its own signature', () => {
    const text =
      ORIGINAL +
      'Electronically signed by: Jane Doe, MD on 12/01/2026\n\n' +
      'ADDENDUM:\nFRAX recalculated with TBS.\n\nElectronically signed by: Jane Doe, MD on 12/02/2026\n';
    expect(analyze(text).documented.missing).toContain('risk');
    for (const out of [apply(text, analyze(text).insertAll), singleFix(text, 'missing-calculated-risk')]) {
      const lines = out.split('\n');
      const risk = lineIndex(out, 'TBS-adjusted 10-year probability');
      const addendum = lines.indexOf('ADDENDUM:');
      const secondSig = lines.findIndex((l) => l.includes('12/02/2026'));
      expect(risk).toBeGreaterThan(addendum);
      expect(risk).toBeLessThan(secondSig);
      expect(out.match(/signed by/gi)).toHaveLength(2);
    }
  });

  test('an addendum without its own signature gets the lines at its end', () => {
    const text =
      ORIGINAL + 'Electronically signed by: Jane Doe, MD on 12/01/2026\n\nADDENDUM:\nFRAX recalculated with TBS.\n';
    const out = apply(text, analyze(text).insertAll);
    expect(lineIndex(out, 'TBS-adjusted 10-year probability')).toBeGreaterThan(out.split('\n').indexOf('ADDENDUM:'));
    expect(out.match(/signed by|Interpreting physician/gi)).toHaveLength(1);
  });
});
