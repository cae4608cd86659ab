/**
 * Calm drafts, the plain-note gate and suppressions (issue 13, items 3 and 4): engine/drafting.ts,
 * the code actions that use it, and the command line's side of the gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine';
import {
  applySuppressions,
  calmDraft,
  checklistApplies,
  isReady,
  lineKey,
  readSuppressions,
  sameFile,
} from '../../server/src/engine/drafting';
import { checkText } from '../../server/src/cli/check';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';

const ROOT = path.resolve(__dirname, '..', '..');

function template(): string {
  const s = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'radiology-report.code-snippets'), 'utf8'));
  const t = Object.values(s as Record<string, { prefix: string; body: string[] }>).find(
    (x) => x.prefix === 'tbs-report',
  )!;
  return t.body
    .join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}
const warnings = (fs: { severity: string }[]) => fs.filter((f) => f.severity === 'warning' || f.severity === 'error');

describe('calm drafts', () => {
  test('an empty new report shows no warnings', () => {
    const a = analyze('');
    expect(a.findings.length).toBeGreaterThan(0); // the checklist still knows what is missing
    expect(warnings(calmDraft(a, '', false).findings)).toEqual([]);
  });

  test('a freshly expanded template: at most one warning, every blank still a finding (as a hint)', () => {
    const text = template();
    const a = analyze(text);
    const calm = calmDraft(a, text, false);
    expect(warnings(calm.findings).length).toBeLessThanOrEqual(1);
    const blanks = calm.findings.filter((f) => f.code === 'unfilled-placeholder');
    expect(blanks.length).toBe(a.findings.filter((f) => f.code === 'unfilled-placeholder').length);
    expect(blanks.length).toBe((text.match(/___/g) ?? []).length);
    expect(new Set(blanks.map((b) => b.severity))).toEqual(new Set(['hint']));
  });

  test('a draft with text: what is missing is information (listed, not a warning squiggle)', () => {
    const text = 'TBS L1-L4: 1.262 (partially degraded microarchitecture)\nFemoral neck T-score: -2.1\n';
    const calm = calmDraft(analyze(text), text, false);
    const missing = calm.findings.filter((f) => f.code.startsWith('missing-'));
    expect(missing.map((f) => f.code).sort()).toEqual([
      'missing-calculated-risk',
      'missing-provider',
      'missing-risk-model',
    ]);
    expect(new Set(missing.map((f) => f.severity))).toEqual(new Set(['information']));
  });

  test('wrong values keep their severity in drafts', () => {
    const text = 'TBS L1-L4: 12.62\n';
    const a = analyze(text);
    const calm = calmDraft(a, text, false);
    const implausible = (x: typeof a) => x.findings.filter((f) => f.code === 'tbs-value-implausible');
    expect(implausible(calm)).toEqual(implausible(a));
    expect(implausible(a).length).toBe(1);
  });

  test('a signed report, and any report under "Check before signing", gets exactly the findings of today', () => {
    const dirs = [path.join(ROOT, 'examples'), '/work/shared/corpus'].filter((d) => fs.existsSync(d));
    let signed = 0;
    for (const dir of dirs)
      for (const f of fs.readdirSync(dir).filter((n) => /\.(txt|radreport)$/.test(n))) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        const a = analyze(text);
        expect(calmDraft(a, text, true), f).toBe(a);
        if (isReady(a)) {
          signed++;
          expect(calmDraft(a, text, false), f).toBe(a);
        }
      }
    expect(signed).toBeGreaterThan(3);
  });

  test('a severity the user set is kept in drafts', () => {
    const a = analyze('TBS L1-L4: 1.262\n');
    const calm = calmDraft(a, 'TBS L1-L4: 1.262\n', false, { 'missing-provider': 'error' });
    const sev = (code: string) => calm.findings.find((f) => f.code === code)?.severity;
    expect(sev('missing-provider')).toBe(a.findings.find((f) => f.code === 'missing-provider')?.severity);
    expect(sev('missing-risk-model')).toBe('information');
  });
});

describe('the plain-note gate (editor and command line alike)', () => {
  const gate = (text: string) => checklistApplies(text, analyze(text));
  test('the word TBS alone is not enough', () => {
    expect(gate('Patient asked about TBS. Will discuss at the next visit.\n')).toBe(false);
    expect(gate('Shopping list: milk, eggs.\n')).toBe(false);
  });
  test('a TBS value with its label, a TBS code, or two elements are', () => {
    expect(gate('TBS L1-L4: 1.262\n')).toBe(true);
    expect(gate('Billed CPT 77091 for the TBS calculation.\n')).toBe(true);
    expect(gate('TBS pending. Femoral neck T-score: -2.1. Interpreting physician: Jane Roe, MD\n')).toBe(true);
  });
  test('the command line applies it to .txt and .md, never to Radiology Reports', () => {
    const note = 'Patient asked about TBS. Will discuss at the next visit.\n';
    const opts = { settings: DEFAULT_SETTINGS, maxBytes: 1e6, withLines: false };
    expect(checkText('notes/visit.txt', note, opts).report?.diagnostics).toEqual([]);
    expect(checkText('notes/visit.md', note, opts).report?.diagnostics).toEqual([]);
    expect(checkText('notes/visit.radreport', note, opts).report?.diagnostics.length).toBeGreaterThan(0);
    expect(checkText('notes/visit.report.txt', note, opts).report?.diagnostics.length).toBeGreaterThan(0);
    expect(checkText('notes/tbs.txt', 'TBS L1-L4: 1.262\n', opts).report?.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('suppressions (kept in settings, keyed by file and a hash of the line)', () => {
  const text = 'FINDINGS:\nTBS L1-L4: 12.62\nIMPRESSION:\nOsteopenia.\n';
  const uri = 'file:///home/r/reports/jones.radreport';
  const a = analyze(text);
  const codes = (x: typeof a) => x.findings.map((f) => f.code);
  test('for this line: hidden; still hidden after lines are added above; back when the line changes', () => {
    expect(codes(a)).toContain('tbs-value-implausible');
    const s = [{ rule: 'tbs-value-implausible', file: 'reports/jones.radreport', line: lineKey('TBS L1-L4: 12.62') }];
    expect(codes(applySuppressions(a, text, uri, s))).not.toContain('tbs-value-implausible');
    const moved = `EXAM: DXA\n\n${text}`;
    expect(codes(applySuppressions(analyze(moved), moved, uri, s))).not.toContain('tbs-value-implausible');
    const rewritten = text.replace('12.62', '13.62');
    expect(codes(applySuppressions(analyze(rewritten), rewritten, uri, s))).toContain('tbs-value-implausible');
  });
  test('for this report: every finding of the rule in that file, none elsewhere', () => {
    const s = [{ rule: 'missing-provider', file: 'reports/jones.radreport' }];
    expect(codes(applySuppressions(a, text, uri, s))).not.toContain('missing-provider');
    expect(codes(applySuppressions(a, text, 'file:///home/r/reports/smith.radreport', s))).toContain(
      'missing-provider',
    );
  });
  test('file keys: a workspace-relative path or the URI', () => {
    expect(sameFile('reports/jones.radreport', uri)).toBe(true);
    expect(sameFile(uri, uri)).toBe(true);
    expect(sameFile('jones.radreport', 'file:///x/notjones.radreport')).toBe(false);
    expect(sameFile('a b.md', 'file:///x/a%20b.md')).toBe(true);
  });
  test('line keys ignore spacing and case, and store no text', () => {
    expect(lineKey('  TBS  L1-L4: 12.62 ')).toBe(lineKey('tbs l1-l4: 12.62'));
    expect(lineKey('TBS L1-L4: 12.62')).toMatch(/^[0-9a-f]{8}$/);
  });
  test('malformed settings are reported and skipped', () => {
    const problems: string[] = [];
    expect(
      readSuppressions([{ rule: 'x', file: 'y' }, { rule: 1 }, 'z', { rule: 'x', file: 'y', line: 3 }], problems),
    ).toEqual([{ rule: 'x', file: 'y' }]);
    expect(problems.length).toBe(3);
    expect(readSuppressions({}, problems)).toEqual([]);
  });
});

describe('the usual actions in Ctrl+.', () => {
  const text = 'FINDINGS:\nTBS L1-L4: 1.262\nRisk model: ___\n';
  const uri = 'file:///tmp/a.radreport';
  const doc = TextDocument.create(uri, 'radiology-report', 1, text);
  const a = analyze(text);
  const at = (line: number): CodeActionParams => ({
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: {
      diagnostics: a.findings.filter((f) => f.range.start.line === line).map((f) => toDiagnostic(f, uri)),
      only: undefined,
    },
  });
  const titles = (line: number, commands = true) =>
    codeActions(doc, a, at(line), { snippets: true, versioned: true, commands }).map((x) => x.title);

  test('on a missing element: its fix first, Insert all missing, then disable and documentation', () => {
    const line = a.findings.find((f) => f.code === 'missing-provider')!.range.start.line;
    const t = titles(line);
    expect(t[0]).toMatch(/^Insert /);
    expect(t).toContain('Insert provider');
    expect(t).toContain(`Insert all missing elements (${a.documented.missing.length})`);
    for (const w of ['for this line', 'for this report', 'in this workspace'])
      expect(t).toContain(`Disable missing-provider ${w}`);
    expect(t).toContain('Show documentation for missing-provider');
    expect(t.indexOf('Insert provider')).toBeLessThan(t.indexOf('Disable missing-provider for this line'));
  });

  test('on a blank: Go to next blank', () => {
    expect(titles(2)).toContain('Go to next blank');
  });

  test('clients that do not run our commands (Neovim, Emacs) get only edits', () => {
    for (const line of [0, 1, 2])
      for (const t of titles(line, false)) expect(t).not.toMatch(/^(Disable|Show documentation|Go to)/);
  });

  test('"Disable ... for this line" carries the line\'s hash, not its text', () => {
    const actions = codeActions(doc, a, at(2), { snippets: true, versioned: true, commands: true });
    const d = actions.find((x) => x.title === 'Disable unfilled-placeholder for this line')!;
    expect(d.command?.arguments).toEqual([
      { rule: 'unfilled-placeholder', scope: 'line', uri, line: lineKey('Risk model: ___') },
    ]);
  });
});

describe('placeholders', () => {
  // The placeholder finder joins a field's parts (engine helper, issue 10).
  test('a placeholder that spans one field ("XXX XXX XXXX") is one finding', () => {
    const text = 'TBS L1-L4: 1.262\nPatient ID: XXX XXX XXXX\n';
    const blanks = analyze(text).findings.filter((f) => f.code === 'unfilled-placeholder');
    expect(blanks).toHaveLength(1);
    expect(blanks[0].range.start.character).toBe('Patient ID: '.length);
    expect(blanks[0].range.end.character).toBe('Patient ID: XXX XXX XXXX'.length);
  });
});
