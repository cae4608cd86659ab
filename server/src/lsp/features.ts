/** Hover, completion, document symbols and folding ranges: translations of the engine's answers. */
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind, SymbolKind } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze';
import type { CompletionRequest } from '../engine/complete';
import { completionsFor } from '../engine/complete';
import { explainAt } from '../engine/explain';
import type { EngineSettings } from '../engine/settings';

export function hover(analysis: Analysis, pos: Position, settings: EngineSettings): Hover | null {
  const e = explainAt(analysis, pos, settings);
  return e ? { contents: { kind: MarkupKind.Markdown, value: e.markdown }, range: e.range } : null;
}

const KIND = {
  label: CompletionItemKind.Field,
  section: CompletionItemKind.Module,
  model: CompletionItemKind.EnumMember,
  category: CompletionItemKind.Value,
  code: CompletionItemKind.Constant,
} as const;

export function completion(req: CompletionRequest, snippets: boolean): CompletionItem[] {
  return completionsFor(req).map((c, i) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    sortText: String(i).padStart(3, '0'),
    insertText:
      c.snippet && snippets
        ? c.insert
        : c.insert.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1'),
    insertTextFormat: c.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  }));
}

export function documentSymbols(analysis: Analysis, lineLength: (line: number) => number): DocumentSymbol[] {
  return analysis.sections.map((s) => ({
    name: s.title,
    detail: s.kind === 'other' ? undefined : s.kind,
    kind: SymbolKind.Namespace,
    range: { start: { line: s.headerLine, character: 0 }, end: { line: s.endLine, character: lineLength(s.endLine) } },
    selectionRange: s.headerRange,
  }));
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  return analysis.sections
    .filter((s) => s.endLine > s.headerLine)
    .map((s) => ({ startLine: s.headerLine, endLine: s.endLine, kind: 'region' }));
}
