/** Hover, completion, document symbols and folding ranges: translations of the engine's answers. */
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind, SymbolKind } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze';
import type { CompletionRequest } from '../engine/complete';
import { completionsFor } from '../engine/complete';
import { explainAt } from '../engine/explain';
import { ruleDocUri } from './diagnostics';
import type { EngineSettings } from '../engine/settings';
import type { Section } from '../engine/types';

export function hover(analysis: Analysis, pos: Position, settings: EngineSettings): Hover | null {
  const e = explainAt(analysis, pos, settings, ruleDocUri);
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

/**
 * Is a section header a section of the outline? A header alone on its line, an upper-case header with
 * dictated text after it ("TECHNIQUE: DXA of the lumbar spine ..."), or a Markdown heading is; a label
 * in ordinary case with its value ("Fracture Risk: Increased") is a summary line, not a section.
 */
export function isOutlineSection(s: Section): boolean {
  if (!s.inlineText) return true;
  return s.title === s.title.toUpperCase();
}

/** The outline's sections; one also covers the summary lines ("Fracture Risk: Increased") inside it. */
function outline(analysis: Analysis): { s: Section; end: number }[] {
  const out: { s: Section; end: number }[] = [];
  for (const s of analysis.sections) {
    if (isOutlineSection(s)) out.push({ s, end: s.endLine });
    else if (out.length) out[out.length - 1].end = Math.max(out[out.length - 1].end, s.endLine);
  }
  return out;
}

export function documentSymbols(
  analysis: Analysis,
  lineLength: (line: number) => number,
  lineText: (line: number) => string = () => ':',
): DocumentSymbol[] {
  return outline(analysis).map(({ s, end }) => {
    // the kind as detail only for a real header ("FINDINGS:", "## Findings"), not for a report title
    const header = lineText(s.headerLine).trimStart();
    const isHeader = header.includes(':') || header.startsWith('#');
    return {
      name: s.title,
      detail: s.kind === 'other' || !isHeader ? undefined : s.kind,
      kind: SymbolKind.Namespace,
      range: { start: { line: s.headerLine, character: 0 }, end: { line: end, character: lineLength(end) } },
      selectionRange: s.headerRange,
    };
  });
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  return outline(analysis)
    .filter(({ s, end }) => end > s.headerLine)
    .map(({ s, end }) => ({ startLine: s.headerLine, endLine: end, kind: 'region' }));
}
