/**
 * Code actions from the analysis: a quick-fix per finding that has one (inserted slots are snippet
 * tab stops where the client supports snippet edits), "Insert all missing elements", fix-all for
 * safe replacements, and "Normalise minus signs and decimal commas".
 */
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import { combineFixEdits, normaliseEdits, rangesOverlap } from '../engine/fixes/normalise';
import { automaticFixes, isSuggestion } from '../engine/fixes/suggestion';
import type { Finding, TextEditSpec } from '../engine/types';
import { lineKey } from '../engine/drafting';
import { COMMANDS, INSERT_ALL_KIND, NORMALISE_KIND } from '../protocol';
import type { DisableRuleArgs } from '../protocol';
import { SOURCE, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tbsReport`;

export interface EditOptions {
  snippets: boolean;
  versioned: boolean;
  /**
   * The client runs this extension's commands (the VS Code client says so in its initialization
   * options): then "Disable rule ...", "Show documentation" and "Go to next blank" are offered too.
   */
  commands?: boolean;
}

/** "Disable rule ...", "Show documentation for rule", "Go to next blank": ESLint's and markdownlint's usual menu. */
function ruleActions(doc: TextDocument, f: Finding, diagnostic: Diagnostic): CodeAction[] {
  const line = doc.getText({
    start: { line: f.range.start.line, character: 0 },
    end: { line: f.range.start.line + 1, character: 0 },
  });
  const disable = (scope: DisableRuleArgs['scope'], where: string): CodeAction => {
    const args: DisableRuleArgs = { rule: f.code, scope, uri: doc.uri };
    if (scope === 'line') args.line = lineKey(line.replace(/\r?\n$|\r$/, ''));
    return {
      title: `Disable ${f.code} ${where}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Disable ${f.code} ${where}`, command: COMMANDS.disableRule, arguments: [args] },
    };
  };
  const out: CodeAction[] = [];
  if (f.code === 'unfilled-placeholder')
    out.push({
      title: 'Go to next blank',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Go to next blank', command: COMMANDS.nextBlank, arguments: [doc.uri, f.range.end] },
    });
  out.push(
    disable('line', 'for this line'),
    disable('report', 'for this report'),
    disable('workspace', 'in this workspace'),
    {
      title: `Show documentation for ${f.code}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: {
        title: `Show documentation for ${f.code}`,
        command: COMMANDS.showRuleDocumentation,
        arguments: [f.code],
      },
    },
  );
  return out;
}

function workspaceEdit(doc: TextDocument, edits: TextEditSpec[], opts: EditOptions, snippet: boolean): WorkspaceEdit {
  // Several snippet edits in one document make one snippet session: Tab walks every inserted slot.
  const useSnippet = snippet && opts.snippets && edits.length > 0 && edits.every((e) => e.snippet !== undefined);
  const lspEdits = edits.map((e) =>
    useSnippet
      ? ({ range: e.range, snippet: { kind: 'snippet', value: e.snippet as string } } as unknown as TextEdit)
      : { range: e.range, newText: e.newText },
  );
  if (opts.versioned || useSnippet) {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
  }
  return { changes: { [doc.uri]: lspEdits } };
}

function insertAllAction(doc: TextDocument, analysis: Analysis, opts: EditOptions, kind: string): CodeAction {
  const n = analysis.documented.missing.length;
  return {
    title: `Insert all missing elements (${n})`,
    kind,
    diagnostics: analysis.findings.filter((f) => f.code.startsWith('missing-')).map((f) => toDiagnostic(f, doc.uri)),
    edit: workspaceEdit(doc, analysis.insertAll, opts, true),
  };
}

function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameDiagnostic(d: Diagnostic, f: Finding): boolean {
  return (
    d.code === f.code &&
    d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character &&
    d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character
  );
}

export function codeActions(
  doc: TextDocument,
  analysis: Analysis,
  params: CodeActionParams,
  opts: EditOptions,
): CodeAction[] {
  const out: CodeAction[] = [];
  const only = params.context.only;
  let insertAllOffered = false;
  if (wanted(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const later: CodeAction[] = [];
    const seenRules = new Set<string>();
    let missingHere = false;
    for (const f of analysis.findings) {
      const matching = ours.find((d) => sameDiagnostic(d, f));
      if (!matching && !rangesOverlap(f.range, params.range)) continue;
      if (f.code.startsWith('missing-')) missingHere = true;
      if (opts.commands && !seenRules.has(f.code)) {
        seenRules.add(f.code);
        for (const a of ruleActions(doc, f, matching ?? toDiagnostic(f, doc.uri))) later.push(a);
      }
      for (const fix of f.fixes ?? []) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [matching ?? toDiagnostic(f, doc.uri)],
          // a fix that changes a diagnosis is offered, never preferred (no auto-fix picks it)
          isPreferred: fix.preferred === true && !isSuggestion(f, fix) ? true : undefined,
          edit: workspaceEdit(doc, fix.edits, opts, true),
        });
      }
    }
    // On a missing element, "Insert all missing elements" in the quick-fix menu too (when more than one).
    if (missingHere && analysis.insertAll.length && analysis.documented.missing.length > 1) {
      out.push(insertAllAction(doc, analysis, opts, CodeActionKind.QuickFix));
      insertAllOffered = true;
    }
    for (const a of later) out.push(a);
  }
  if (analysis.insertAll.length && wanted(only, INSERT_ALL_KIND) && !insertAllOffered)
    out.push(insertAllAction(doc, analysis, opts, INSERT_ALL_KIND));
  if (wanted(only, FIX_ALL_KIND) && only?.length) {
    // Fix-all applies only fixes that change no clinical statement (never a WHO class or a category),
    // and inserts nothing (missing elements have their own action).
    // Fixes are combined so that no two edits overlap (a client rejects the whole edit if they do).
    const groups: TextEditSpec[][] = [];
    for (const f of analysis.findings) {
      if (f.code.startsWith('missing-')) continue;
      const fix = automaticFixes(f)[0];
      if (fix) groups.push(fix.edits);
    }
    const edits = combineFixEdits(groups);
    if (edits.length)
      out.push({
        title: 'Fix all TBS report findings that have a safe fix',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, edits, opts, false),
      });
  }
  if (wanted(only, NORMALISE_KIND)) {
    const edits = normaliseEdits(doc.getText(), analysis.elements);
    if (edits.length)
      out.push({
        title: `Normalise minus signs and decimal commas (${edits.length})`,
        kind: NORMALISE_KIND,
        edit: workspaceEdit(doc, edits, opts, false),
      });
  }
  return out;
}
