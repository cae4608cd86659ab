/** Outline and folding (issue 13, item 8): the symbol provider's side of section detection. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { documentSymbols, foldingRanges } from '../../server/src/lsp/features';

const REPORT = [
  'BONE DENSITY REPORT WITH TRABECULAR BONE SCORE',
  '',
  'TECHNIQUE: DXA of the lumbar spine and left hip was performed on a Hologic Horizon A scanner with standard positioning and TBS iNsight software.',
  'FINDINGS:',
  'L1-L4 T-score -1.6',
  'Fracture Risk: Increased',
  'TBS L1-L4: 1.262',
  'IMPRESSION: Osteopenia.',
  '',
];
const a = analyze(REPORT.join('\n'));
const syms = documentSymbols(
  a,
  (l) => (REPORT[l] ?? '').length,
  (l) => REPORT[l] ?? '',
);

describe('outline', () => {
  test('a long dictated line that starts with a header is a section', () => {
    expect(syms.map((s) => s.name)).toContain('TECHNIQUE');
  });
  test('a summary line "Fracture Risk: Increased" is not a section; FINDINGS runs over it', () => {
    expect(syms.map((s) => s.name)).not.toContain('Fracture Risk');
    const findings = syms.find((s) => s.name === 'FINDINGS')!;
    expect(findings.range.end.line).toBe(6);
  });
  test('the report title is not called "findings"', () => {
    const title = syms.find((s) => s.range.start.line === 0)!;
    expect(title.name).toBe(REPORT[0]);
    expect(title.detail).toBeUndefined();
    expect(syms.find((s) => s.name === 'FINDINGS')!.detail).toBe('findings');
  });
  test('folding follows the outline', () => {
    const folds = foldingRanges(a);
    expect(folds.some((f) => f.startLine === 5)).toBe(false);
    expect(folds.find((f) => f.startLine === 3)?.endLine).toBe(6);
  });
});
