/** "Insert all missing elements" as good as the single fixes (issue 13, item 5). */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import type { TextEditSpec } from '../../server/src/engine/types';

/** Applies edits (non-overlapping) from the last to the first. */
function apply(text: string, edits: TextEditSpec[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
const stops = (edits: TextEditSpec[]) =>
  edits.flatMap((e) => [...(e.snippet ?? '').matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1])));

describe('Insert all missing elements', () => {
  test('every inserted slot is a tab stop, numbered in document order from 1 (the cursor lands in the first)', () => {
    const text = 'EXAM: DXA with TBS (CPT 77080, 77091)\n\nFINDINGS:\nL1-L4 BMD 0.871\n\nIMPRESSION:\nOsteopenia.\n';
    const a = analyze(text);
    expect(a.insertAll.length).toBeGreaterThan(1);
    const n = stops(a.insertAll);
    expect(n).toEqual(n.map((_, i) => i + 1));
    const slots = apply(text, a.insertAll).match(/___/g)?.length ?? 0;
    expect(n.length).toBe(slots);
  });

  test('Markdown reports get Markdown headings for new sections', () => {
    const text =
      '# DXA report\n\n## Findings\n\nTBS L1-L4: 1.262\nFemoral neck T-score: -2.1\n\n## Impression\n\nOsteopenia.\n';
    const out = apply(text, analyze(text).insertAll);
    expect(out).toMatch(/^## Fracture risk$/m);
    expect(out).not.toMatch(/^FRACTURE RISK:$/m);
  });

  test('no line is glued onto a bullet list', () => {
    const text =
      '## Findings\n\n- TBS L1-L4: 1.262\n- Femoral neck T-score: -2.1\n\n## Fracture risk\n\n- TBS-adjusted 10-year probability: MOF 17%; hip 2.9%\n';
    const out = apply(text, analyze(text).insertAll);
    const lines = out.split('\n');
    const model = lines.findIndex((l) => l.startsWith('Risk model:'));
    expect(model).toBeGreaterThan(0);
    expect(lines[model - 1]).toBe('');
  });

  test('nothing the author wrote changes', () => {
    const text = 'FINDINGS:\nTBS L1-L4: 1.262\n\nIMPRESSION:\nOsteopenia.\n';
    const out = apply(text, analyze(text).insertAll);
    const kept = text.split('\n').filter(Boolean);
    const outLines = out.split('\n');
    let i = 0;
    for (const l of outLines) if (l === kept[i]) i++;
    expect(i).toBe(kept.length);
  });
});
