/**
 * The shared state of one analysis: the document, its sections and line classes, its placeholders,
 * and its reading (tokens, vocabulary hits, sentences, context; reading/read.ts). Every reader under
 * reading/ takes this; none of them scans the text again.
 */
import type { Doc } from './text';
import { isBlank, lineOf, rangeOf } from './text';
import { findSections } from './reading/sections';
import { findPlaceholders } from './reading/placeholders';
import type { Reading } from './reading/read';
import { read, trieFor } from './reading/read';
import type { Range, Section, Span } from './types';
import type { EngineSettings } from './settings';

/**
 * How many mentions of one kind the engine reads per document. Real reports hold a handful; the cap
 * keeps hostile input (100 KB of "TBS TBS ...") linear with a small constant.
 */
export const MAX_MENTIONS = 1000;

export interface Ctx {
  doc: Doc;
  settings: EngineSettings;
  sections: Section[];
  /** Section index for each line (-1 before the first header). */
  sectionOfLine: Int32Array;
  /** Lines that are section headers. */
  headerLine: Uint8Array;
  /** For a header line with text after its colon, where that text starts (else -1). */
  headerInline: Map<number, number>;
  blankLine: Uint8Array;
  /** Lines that belong to a parsed table (header or row). */
  tableLine: Uint8Array;
  /** Numbers that belong to an earlier study's column (or a change column) of a comparison table. */
  priorNumbers: Set<number>;
  placeholders: Span[];
  /** Where a pasted earlier report begins ("===== PRIOR REPORT (09/14/2023) ====="); Infinity if none. */
  priorFrom: number;
  /** Tokens, vocabulary hits, sentences and context of the document (reading/read.ts). */
  reading: Reading;
}

export function makeCtx(doc: Doc, settings: EngineSettings): Ctx {
  const n = doc.lines.length;
  const sections = findSections(doc);
  const sectionOfLine = new Int32Array(n).fill(-1);
  const headerLine = new Uint8Array(n);
  const headerInline = new Map<number, number>();
  sections.forEach((s, idx) => {
    headerLine[s.headerLine] = 1;
    if (s.inlineText) headerInline.set(s.headerLine, s.inlineStart);
    const next = idx + 1 < sections.length ? sections[idx + 1].headerLine : n;
    for (let i = s.headerLine; i < next; i++) sectionOfLine[i] = idx;
  });
  const blankLine = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (isBlank(doc, i)) blankLine[i] = 1;
  const placeholders = findPlaceholders(doc);
  return {
    doc,
    settings,
    sections,
    sectionOfLine,
    headerLine,
    headerInline,
    blankLine,
    tableLine: new Uint8Array(n),
    priorNumbers: new Set<number>(),
    placeholders,
    priorFrom: pastedPriorReport(doc),
    reading: read(doc.norm, placeholders, trieFor(settings.labels), { headerLines: headerLine, text: doc.text }),
  };
}

/** A banner line that opens a pasted earlier report: the words stand first on their line. */
const PRIOR_BANNER = /^[^a-z0-9]*(?:copy of (?:the )?)?(?:prior|previous) report\b/;

/** Where a pasted earlier report begins: everything from its banner line on is history. */
function pastedPriorReport(doc: Doc): number {
  let best = Infinity;
  for (const words of ['prior report', 'previous report']) {
    // Native searches for the two phrases; a banner is checked only where one stands.
    for (let at = doc.norm.indexOf(words); at >= 0 && at < best; at = doc.norm.indexOf(words, at + 1)) {
      const l = doc.lines[lineOf(doc, at)];
      if (l.end - l.start > 120 || !PRIOR_BANNER.test(doc.norm.slice(l.start, l.end))) continue;
      // A banner, not a sentence ("Prior report reviewed."): in capitals, or set off by rules or "#".
      const raw = doc.text.slice(l.start, l.end);
      if (!/[a-z]/.test(raw) || /={3,}|-{3,}|\*{3,}|_{3,}|^\s*#/.test(raw)) {
        best = l.start;
        break;
      }
    }
  }
  return best;
}

export function range(ctx: Ctx, span: Span): Range {
  return rangeOf(ctx.doc, span);
}

const LINE_STARTS = new WeakMap<Ctx, Int32Array>();

/**
 * The first token of each line (a line without tokens: the next line's) and one past the last line,
 * from one pass over the tokens, made once per document for every reader that walks lines.
 */
export function lineStarts(ctx: Ctx): Int32Array {
  let starts = LINE_STARTS.get(ctx);
  if (starts) return starts;
  const t = ctx.reading.tokens;
  const n = ctx.doc.lines.length;
  starts = new Int32Array(n + 1).fill(t.n);
  for (let k = t.n - 1; k >= 0; k--) starts[t.line[k]] = k;
  for (let line = n - 1; line >= 0; line--) if (starts[line] > starts[line + 1]) starts[line] = starts[line + 1];
  LINE_STARTS.set(ctx, starts);
  return starts;
}
