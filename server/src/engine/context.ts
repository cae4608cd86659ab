/**
 * The shared state of one analysis: the document, its sections and line classes, its placeholders,
 * and its reading (tokens, vocabulary hits, sentences, context; reading/read.ts). Every reader under
 * reading/ takes this; none of them scans the text again.
 */
import type { Doc } from './text';
import { isBlank, lineOf, rangeOf } from './text';
import { findSections } from './reading/sections';
import { pastedPriorReport } from './reading/history';
import { findPlaceholders } from './reading/placeholders';
import { priorReportStart, resumesAfter } from './reading/priorReport';
import type { Reading } from './reading/read';
import { read, readingBytes, trieFor } from './reading/read';
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
  /**
   * The first token of each line (a line without tokens: the next line's), and one past the last
   * line: `firstToken[line]` to `firstToken[line + 1]` are the line's tokens. Made once per document.
   */
  firstToken: Int32Array;
  /**
   * The buffer that holds the document's typed arrays (null once `releaseCtx` handed it back). Not
   * for readers: they use the arrays above.
   */
  arena: ArrayBuffer | null;
}

/**
 * The buffer of the last released document (`releaseCtx`), reused by the next `makeCtx`: a fresh
 * buffer per document costs an allocation outside the heap and, worse, page faults on first touch,
 * more than all the work on its first kilobytes. Only `analyze` releases (when it is done with the
 * document), so a caller that keeps several documents' Ctx at once never shares a buffer.
 */
let spareArena: ArrayBuffer | null = null;
/**
 * A spare larger than this is not kept (a 1 MB document's buffer is about 19 MB, 32 MB rounded up);
 * a spare this large is dropped when a document needs less than a quarter of it, so that a large
 * document's buffer does not stay after it.
 */
const MAX_SPARE_BYTES = 1 << 25;
/** A spare larger than this is kept only for a document that needs a quarter of it or more. */
const LARGE_SPARE_BYTES = 1 << 22;

/** A zeroed buffer of at least `bytes` bytes: the spare one when it is large enough, else a new one. */
function takeArena(bytes: number): ArrayBuffer {
  let spare = spareArena;
  if (spare !== null && spare.byteLength > LARGE_SPARE_BYTES && bytes < spare.byteLength >> 2)
    spare = spareArena = null;
  if (spare !== null && spare.byteLength >= bytes) {
    spareArena = null;
    // Zero what this document uses: every array expects a fresh buffer's zeros.
    new Uint8Array(spare, 0, bytes).fill(0);
    return spare;
  }
  // With no spare (a caller that keeps its Ctx, or the first document), the size asked for: a larger
  // buffer only costs more pages. With a spare too small, twice its size (or more), so that the
  // spare soon fits every document of about this size.
  if (spare === null || bytes > MAX_SPARE_BYTES) return new ArrayBuffer(bytes);
  return new ArrayBuffer(Math.max(bytes, Math.min(2 * spare.byteLength, MAX_SPARE_BYTES)));
}

/**
 * Hands the document's buffer back for the next document: `ctx` and every array of its reading
 * must not be used after this (analyze calls it last; its result holds no typed array).
 */
export function releaseCtx(ctx: Ctx): void {
  const arena = ctx.arena;
  ctx.arena = null;
  if (arena === null || arena.byteLength > MAX_SPARE_BYTES) return;
  if (spareArena === null || spareArena.byteLength < arena.byteLength) spareArena = arena;
}

export function makeCtx(doc: Doc, settings: EngineSettings): Ctx {
  const n = doc.lines.length;
  const sections = findSections(doc);
  // One buffer for every typed array of the document (lines, then tokens and their reading): an
  // allocation costs more than the work on a short report. Line arrays: section (4 bytes a line),
  // first token (4, one more line), header, blank and table flags (1 each).
  const lineBytes = (4 * n + 4 * (n + 1) + 3 * n + 7) & ~7;
  const arena = takeArena(lineBytes + readingBytes(doc.norm.length));
  const sectionOfLine = new Int32Array(arena, 0, n).fill(-1);
  const firstToken = new Int32Array(arena, 4 * n, n + 1);
  const headerLine = new Uint8Array(arena, 8 * n + 4, n);
  const blankLine = new Uint8Array(arena, 9 * n + 4, n);
  const tableLine = new Uint8Array(arena, 10 * n + 4, n);
  const headerInline = new Map<number, number>();
  sections.forEach((s, idx) => {
    headerLine[s.headerLine] = 1;
    if (s.inlineText) headerInline.set(s.headerLine, s.inlineStart);
    const next = idx + 1 < sections.length ? sections[idx + 1].headerLine : n;
    for (let i = s.headerLine; i < next; i++) sectionOfLine[i] = idx;
  });
  for (let i = 0; i < n; i++) if (isBlank(doc, i)) blankLine[i] = 1;
  const placeholders = findPlaceholders(doc);
  // Where a pasted earlier report begins: the earlier of the two banner tests (priorReport.ts reads
  // banners from vocabulary in several languages; history.ts the plainer pasted/ruled/capitals banner),
  // unless this study resumes under a header after the block.
  const pasted = pastedPriorReport(doc);
  const priorFrom = Math.min(
    priorReportStart(doc, sections),
    pasted < Infinity && !resumesAfter(doc, sections, lineOf(doc, pasted)) ? pasted : Infinity,
  );
  const reading = read(doc.norm, placeholders, trieFor(settings.labels), {
    headerLines: headerLine,
    text: doc.text,
    arena,
    arenaOffset: lineBytes,
    priorFrom,
  });
  return {
    doc,
    settings,
    sections,
    sectionOfLine,
    headerLine,
    headerInline,
    blankLine,
    tableLine,
    priorNumbers: new Set<number>(),
    placeholders,
    priorFrom,
    reading,
    firstToken: firstTokens(reading.tokens, firstToken),
    arena,
  };
}

export function range(ctx: Ctx, span: Span): Range {
  return rangeOf(ctx.doc, span);
}

/** Fills `starts` (one more than the lines) with the first token of each line, in one pass over the tokens. */
function firstTokens(t: Reading['tokens'], starts: Int32Array): Int32Array {
  const n = starts.length - 1;
  starts.fill(t.n);
  for (let k = t.n - 1; k >= 0; k--) starts[t.line[k]] = k;
  for (let line = n - 1; line >= 0; line--) if (starts[line] > starts[line + 1]) starts[line] = starts[line + 1];
  return starts;
}

/**
 * The first token of each line (a line without tokens: the next line's) and one past the last line
 * (`ctx.firstToken`, made once per document for every reader that walks lines).
 */
export function lineStarts(ctx: Ctx): Int32Array {
  return ctx.firstToken;
}
