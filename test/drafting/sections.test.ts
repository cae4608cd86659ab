/**
 * The section reader's answers that drive where "Insert all missing elements" puts lines (issue 13,
 * item 8): a report title is not the findings section, and a summary line in ordinary case
 * ("Fracture Risk: Increased") is not a risk section. The outline already filters both
 * (outline.test.ts); these tests state what `analyze(text).sections` should say.
 *
 * The tests marked `test.fails` fail on main today: the engine helper is moving section headers to
 * vocabulary data (server/src/engine/reading/headers.ts, vocab/sections.ts). When that work lands
 * they turn red as "expected to fail but passed": then remove the `.fails`.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import type { TextEditSpec } from '../../server/src/engine/types';

const ENGINE_WORK = 'section headers from vocabulary data (engine helper, reading/headers.ts) not on main yet';

function apply(text: string, edits: readonly TextEditSpec[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The kind of the section whose header is on `line`, or null when no section starts there. */
const kindAt = (text: string, line: number) => analyze(text).sections.find((s) => s.headerLine === line)?.kind ?? null;
const NOT_A_TITLE_KIND = ['findings', 'tbs', 'risk', 'impression'];

const body =
  '\n\nTECHNIQUE: DXA of the lumbar spine.\nFINDINGS:\nL1-L4 T-score -1.6\nTBS L1-L4: 1.262\nIMPRESSION: Osteopenia.\n';

describe('a report title is not a findings (or TBS, or risk) section', () => {
  test.each(['DXA REPORT WITH TRABECULAR BONE SCORE', 'BONE DENSITOMETRY REPORT'])('"%s"', (title) => {
    expect(NOT_A_TITLE_KIND).not.toContain(kindAt(title + body, 0));
  });

  // "BONE DENSITY" reads as a findings header today.
  test.fails(`"BONE DENSITY REPORT WITH TRABECULAR BONE SCORE" (${ENGINE_WORK})`, () => {
    expect(NOT_A_TITLE_KIND).not.toContain(kindAt('BONE DENSITY REPORT WITH TRABECULAR BONE SCORE' + body, 0));
  });

  test.fails(
    `"Insert all" puts a missing T-score under a FINDINGS header, not under the title (${ENGINE_WORK})`,
    () => {
      const text =
        'BONE DENSITY REPORT WITH TRABECULAR BONE SCORE\n\nPatient: Jane Q, 67 F\nTBS L1-L4: 1.262\n\nIMPRESSION:\nOsteopenia.\n';
      const out = apply(text, analyze(text).insertAll).split('\n');
      const t = out.findIndex((l) => l.startsWith('Femoral neck T-score:'));
      expect(out[t - 1]).toBe('FINDINGS:');
    },
  );
});

describe('a summary line "Fracture Risk: Increased" is not a risk section', () => {
  const REPORT = [
    'DXA REPORT WITH TRABECULAR BONE SCORE',
    '',
    'FINDINGS:',
    'Femoral neck T-score: -2.1',
    'TBS L1-L4: 1.262',
    'Fracture Risk: Increased',
    '',
    'IMPRESSION:',
    'Osteopenia.',
    '',
  ].join('\n');

  test('a header in capitals alone on its line still is one', () => {
    expect(kindAt(REPORT.replace('Fracture Risk: Increased', 'FRACTURE RISK:\nIncreased'), 5)).toBe('risk');
  });

  test.fails(`no section starts at the summary line; FINDINGS runs over it (${ENGINE_WORK})`, () => {
    const a = analyze(REPORT);
    expect(a.sections.find((s) => s.headerLine === 5)).toBeUndefined();
    expect(a.sections.find((s) => s.kind === 'findings')?.endLine).toBeGreaterThanOrEqual(5);
  });

  test.fails(`"Insert all" creates a FRACTURE RISK section for the missing risk lines (${ENGINE_WORK})`, () => {
    const out = apply(REPORT, analyze(REPORT).insertAll).split('\n');
    const model = out.findIndex((l) => l.startsWith('Risk model:'));
    expect(out[model - 1]).toBe('FRACTURE RISK:');
    expect(out).toContain('Fracture Risk: Increased');
  });
});
