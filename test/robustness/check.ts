/**
 * Invariants every analysis must keep, written independently of the engine's own text helpers
 * (lines are split here the way LSP defines them: \r\n, \n or \r), so a bug there cannot hide itself.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../server/src/engine';
import type { Range, TextEditSpec } from '../../server/src/engine/types';

export const ROOT = path.resolve(__dirname, '../..');

/** Length (UTF-16 code units) of each line, without its line break, as LSP counts lines. */
export function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Offset of an LSP position (which must be valid) in `text`. */
export function offsetOf(text: string, lines: number[], pos: { line: number; character: number }): number {
  let off = 0;
  let i: number;
  let line = 0;
  while (line < pos.line) {
    // Skip the line's text and its break.
    i = off + lines[line];
    off = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
    line++;
  }
  return off + pos.character;
}

function isPos(p: unknown): p is { line: number; character: number } {
  return (
    !!p &&
    typeof p === 'object' &&
    typeof (p as { line: unknown }).line === 'number' &&
    typeof (p as { character: unknown }).character === 'number'
  );
}

/** Every LSP range anywhere in `value` (found by shape), with the path where it was found. */
export function collectRanges(
  value: unknown,
  where = 'analysis',
  out: Array<{ where: string; range: Range }> = [],
  seen = new Set<unknown>(),
): Array<{ where: string; range: Range }> {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (isPos(v.start) && isPos(v.end)) out.push({ where, range: v as unknown as Range });
  for (const [k, child] of Object.entries(v))
    if (child && typeof child === 'object') collectRanges(child, `${where}.${k}`, out, seen);
  return out;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Every range lies inside the document: line < lineCount, 0 <= character <= line length, start <= end. */
export function assertRangesInside(text: string, a: Analysis): void {
  const lines = lspLineLengths(text);
  assert.equal(a.lineCount, lines.length, 'lineCount is the number of LSP lines');
  for (const { where, range } of collectRanges(a)) {
    for (const p of [range.start, range.end]) {
      const ok =
        Number.isInteger(p.line) &&
        Number.isInteger(p.character) &&
        p.line >= 0 &&
        p.line < lines.length &&
        p.character >= 0 &&
        p.character <= lines[p.line];
      assert.ok(
        ok,
        `${where}: position ${JSON.stringify(p)} is outside the document (${lines.length} lines; that line has ${lines[p.line] ?? 'no'} characters)`,
      );
    }
    assert.ok(!before(range.end, range.start), `${where}: range ends before it starts ${JSON.stringify(range)}`);
  }
  // Spans (UTF-16 offsets) of elements, where present.
  const walk = (v: unknown, w: string, seen: Set<unknown>) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    const s = o.span as { start?: unknown; end?: unknown } | undefined;
    if (s && typeof s.start === 'number' && typeof s.end === 'number')
      assert.ok(
        s.start >= 0 && s.start <= s.end && s.end <= text.length,
        `${w}.span ${JSON.stringify(s)} is outside the text (${text.length})`,
      );
    for (const [k, c] of Object.entries(o)) walk(c, `${w}.${k}`, seen);
  };
  walk(a.elements, 'elements', new Set());
}

export interface Applied {
  result: string;
  /** Offsets (in `result`) of the text each edit inserted. */
  inserted: Array<{ start: number; end: number }>;
}

/**
 * Applies LSP text edits as a client does: positions refer to the original text; edits at the same
 * position apply in array order. Throws when two edits overlap.
 */
export function applyLsp(text: string, edits: readonly TextEditSpec[]): Applied {
  const lines = lspLineLengths(text);
  const withOff = edits.map((e, i) => ({
    i,
    s: offsetOf(text, lines, e.range.start),
    e: offsetOf(text, lines, e.range.end),
    t: e.newText,
  }));
  withOff.sort((a, b) => a.s - b.s || a.e - b.e || a.i - b.i);
  for (let k = 1; k < withOff.length; k++) {
    const p = withOff[k - 1];
    const c = withOff[k];
    if (c.s < p.e) throw new Error(`edits overlap: [${p.s},${p.e}) and [${c.s},${c.e})`);
  }
  let out = '';
  let at = 0;
  const inserted: Applied['inserted'] = [];
  for (const w of withOff) {
    out += text.slice(at, w.s);
    inserted.push({ start: out.length, end: out.length + w.t.length });
    out += w.t;
    at = w.e;
  }
  out += text.slice(at);
  return { result: out, inserted };
}

/** `applied.result` with every inserted piece removed. */
export function withoutInserted(applied: Applied): string {
  let out = '';
  let at = 0;
  for (const s of applied.inserted) {
    out += applied.result.slice(at, s.start);
    at = s.end;
  }
  return out + applied.result.slice(at);
}

export function within(inner: Range, outer: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** bench/inputs.mjs (shared with `npm run bench`): the hostile texts by name. */
export async function hostileInputs(): Promise<Record<string, (n: number) => string>> {
  const mod = (await import(pathToFileURL(path.join(ROOT, 'bench', 'inputs.mjs')).href)) as {
    HOSTILE: Record<string, (n: number) => string>;
  };
  return mod.HOSTILE;
}
