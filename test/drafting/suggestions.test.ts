/** Fixes that change a diagnosis are suggestions: never preferred, never automatic (issue 13, item 2). */
import { describe, expect, test } from 'vitest';
import type { CodeAction, CodeActionParams, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine';
import { isSuggestion, SUGGESTION_RULES } from '../../server/src/engine/fixes/suggestion';
import { codeActions, FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { INSERT_ALL_KIND } from '../../server/src/protocol';

/** A report whose T-score (-2.1) and TBS (1.262) contradict the stated class and category. */
const WRONG = [
  'EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT 77080, 77091)',
  'FINDINGS:',
  'Region               BMD (g/cm2)   T-score   Z-score',
  'L1-L4                  0.871        -1.6      -0.2',
  'Left femoral neck      0.694        -2.1      -0.7',
  'TRABECULAR BONE SCORE:',
  'TBS L1-L4: 1.262 (normal microarchitecture).',
  'FRACTURE RISK:',
  'TBS-adjusted 10-year probability: major osteoporotic fracture 17%; hip fracture 2.9%.',
  'IMPRESSION:',
  'Osteoporosis.',
  '',
].join('\n');

const uri = 'file:///tmp/wrong.radreport';
const doc = TextDocument.create(uri, 'radiology-report', 1, WRONG);
const analysis = analyze(WRONG);
const opts = { snippets: false, versioned: false };
const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
const params = (only?: string[]): CodeActionParams => ({
  textDocument: { uri },
  range: whole,
  context: { diagnostics: analysis.findings.map((f) => toDiagnostic(f, uri)), only },
});
const editsOf = (a: CodeAction): TextEdit[] => Object.values(a.edit?.changes ?? {}).flat();
const touches = (a: CodeAction, line: number) => editsOf(a).some((e) => e.range.start.line === line);

describe('diagnosis-changing fixes', () => {
  const codes = analysis.findings.map((f) => f.code);
  test('the report has both mismatches, each with a fix (fixture check)', () => {
    expect(codes).toContain('who-classification-mismatch');
    expect(codes).toContain('tbs-category-mismatch');
    for (const f of analysis.findings.filter((x) => SUGGESTION_RULES.has(x.code)))
      expect(f.fixes?.length).toBeGreaterThan(0);
  });

  test('are offered in the quick-fix menu, but never as the preferred fix', () => {
    const quick = codeActions(doc, analysis, params(['quickfix']), opts);
    for (const code of SUGGESTION_RULES) {
      const offered = quick.filter((a) => a.diagnostics?.some((d) => d.code === code));
      expect(offered.length, code).toBeGreaterThan(0);
      for (const a of offered) expect(a.isPreferred, `${code}: ${a.title}`).not.toBe(true);
    }
  });

  test('are never part of fix-all (source.fixAll) or of "Insert all missing elements"', () => {
    const impressionLine = WRONG.split('\n').indexOf('Osteoporosis.');
    const tbsLine = WRONG.split('\n').findIndex((l) => l.startsWith('TBS L1-L4'));
    for (const only of [[FIX_ALL_KIND], ['source.fixAll'], [INSERT_ALL_KIND], ['source']]) {
      for (const a of codeActions(doc, analysis, params(only), opts)) {
        expect(touches(a, impressionLine), `${a.title} edits the impression`).toBe(false);
        expect(touches(a, tbsLine), `${a.title} edits the TBS category`).toBe(false);
      }
    }
  });

  test('a fix a rule marks as a suggestion is one whatever its rule', () => {
    expect(isSuggestion({ code: 'conflicting-values' }, { title: 'x', edits: [], suggestion: true })).toBe(true);
    expect(isSuggestion({ code: 'missing-provider' }, { title: 'x', edits: [], preferred: true })).toBe(false);
    expect(isSuggestion({ code: 'who-classification-mismatch' }, { title: 'x', edits: [] })).toBe(true);
  });

  test('missing-element fixes stay preferred', () => {
    const text = WRONG.replace('FRACTURE RISK:\n', '');
    const a = analyze(text);
    const d = TextDocument.create(uri, 'radiology-report', 1, text);
    const quick = codeActions(
      d,
      a,
      {
        ...params(['quickfix']),
        context: { diagnostics: a.findings.map((f) => toDiagnostic(f, uri)), only: ['quickfix'] },
      },
      opts,
    );
    const insert = quick.find((x) => x.title === 'Insert provider');
    expect(insert?.isPreferred).toBe(true);
  });
});
