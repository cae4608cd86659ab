/**
 * Where a missing element goes and what line is inserted for it: a labelled line with a "___" slot,
 * in the section where it belongs, creating the section when the report has none. Insertions only
 * add text at line boundaries; nothing the author wrote is touched.
 */
import type { Ctx } from '../context';
import { positionAt } from '../text';
import type { ElementId, Position, SectionKind, TextEditSpec } from '../types';

interface SlotSpec {
  section: SectionKind;
  header: string;
  /** The line to insert, as a snippet: ${n:___} marks each slot. */
  line: string;
}

export const SLOT_SPECS: Record<ElementId, SlotSpec> = {
  tbs: { section: 'tbs', header: 'TRABECULAR BONE SCORE:', line: 'TBS L1-L4: ${1:___}' },
  tScore: { section: 'findings', header: 'FINDINGS:', line: 'Femoral neck T-score: ${1:___}' },
  riskModel: { section: 'risk', header: 'FRACTURE RISK:', line: 'Risk model: ${1:___}' },
  risk: {
    section: 'risk',
    header: 'FRACTURE RISK:',
    line: 'TBS-adjusted 10-year probability: major osteoporotic fracture ${1:___}%; hip fracture ${2:___}%',
  },
  provider: { section: 'signature', header: '', line: 'Interpreting physician: ${1:___}' },
  impression: { section: 'impression', header: 'IMPRESSION:', line: '${1:___}' },
};

const ORDER: Partial<Record<SectionKind, number>> = {
  indication: 1,
  technique: 2,
  comparison: 3,
  findings: 4,
  tbs: 5,
  risk: 6,
  impression: 7,
  recommendations: 8,
};

/** Snippet text to plain text: every ${n:default} becomes its default. */
export function snippetToText(snippet: string): string {
  if (!snippet.includes('$')) return snippet;
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

/** Renumbers tab stops so that several snippet lines joined together keep distinct numbers. */
function renumber(snippet: string, offset: number): string {
  return snippet.replace(/\$\{(\d+):/g, (_m, n: string) => `\${${Number(n) + offset}:`);
}

function maxStop(snippet: string): number {
  let max = 0;
  for (const m of snippet.matchAll(/\$\{(\d+):/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** A slot line renumbered from `offset`: its snippet, its highest tab stop and its plain text. */
interface Renumbered {
  snippet: string;
  max: number;
  text: string;
}
/** Renumbered slot lines by line, then offset (a handful: the slot lines are a fixed table). */
const RENUMBERED = new Map<string, Renumbered[]>();

function renumbered(line: string, offset: number): Renumbered {
  let byOffset = RENUMBERED.get(line);
  if (!byOffset) {
    if (RENUMBERED.size > 100) RENUMBERED.clear();
    byOffset = [];
    RENUMBERED.set(line, byOffset);
  }
  let r = offset < 100 ? byOffset[offset] : undefined;
  if (!r) {
    const snippet = renumber(line, offset);
    r = { snippet, max: maxStop(snippet), text: snippetToText(line) };
    if (offset < 100) byOffset[offset] = r;
  }
  return r;
}

/**
 * Words that open a signature block, as data: a signature label ("Electronically signed by",
 * "Interpreting physician") or a letter's sign-off line ("Sincerely," above the name).
 */
const SIGNATURE_LABELS = [
  'electronically signed',
  'digitally signed',
  'e-signed',
  'esigned',
  'signed by',
  'signed:',
  'signature:',
  '/s/',
  'interpreting physician',
  'interpreting radiologist',
  'reading radiologist',
  'reporting radiologist',
  'attending radiologist',
  'interpreted by',
  'dictated by',
  'reported by',
  'read by',
  'verified by',
  'approved by',
  'finalized by',
  'finalised by',
];
const SIGN_OFFS = [
  'sincerely',
  'yours sincerely',
  'yours faithfully',
  'yours truly',
  'kind regards',
  'best regards',
  'warm regards',
  'regards',
  'best wishes',
  'with best wishes',
  'with kind regards',
  'respectfully',
];
/** Credentials that end a bare signature line ("Jane Doe, MD"). */
const CREDENTIALS = ['md', 'm.d.', 'do', 'd.o.', 'mbbs', 'mbchb', 'frcr', 'frcpc', 'frcp', 'facr', 'phd', 'ph.d.'];

/** A line that opens an addendum: "ADDENDUM", "Addendum (12/02/2026):", "## Addendum". */
const ADDENDUM_WORDS = ['addendum'];

/** A line's normalised text without Markdown decoration ("## ", "**", "- ") around it. */
function plainLine(ctx: Ctx, line: number): string {
  const l = ctx.doc.lines[line];
  let t = ctx.doc.norm.slice(l.start, Math.min(l.end, l.start + 200)).trim();
  let i = 0;
  while (i < t.length && (t[i] === '#' || t[i] === '*' || t[i] === '_' || t[i] === '>' || t[i] === '-' || t[i] === ' '))
    i++;
  t = t.slice(i);
  return t;
}

/** `s` without the characters of `chars` at its end (a loop: no regular expression to backtrack). */
function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Where each signature block starts: provider lines, labelled signature lines, sign-offs. */
function signatureStarts(ctx: Ctx, providerLines: readonly number[]): number[] {
  const n = ctx.doc.lines.length;
  const starts = new Set<number>();
  const signOff = (line: number) => {
    return SIGN_OFFS.includes(trimEnd(plainLine(ctx, line), ',.!*_ '));
  };
  for (const p of providerLines) {
    if (p < 0 || p >= n) continue;
    // A name under a sign-off: the block starts at "Sincerely,".
    let prev = p - 1;
    while (prev >= 0 && ctx.blankLine[prev] && p - prev < 3) prev--;
    starts.add(prev >= 0 && signOff(prev) ? prev : p);
  }
  for (let i = 0; i < n; i++) {
    if (ctx.blankLine[i]) continue;
    const t = plainLine(ctx, i);
    if (SIGNATURE_LABELS.some((w) => t.startsWith(w))) starts.add(i);
    else if (t.length <= 80 && !t.includes(':') && t.includes(',')) {
      // A bare name with a credential: "Jane Doe, MD".
      const last = trimEnd(t.slice(t.lastIndexOf(' ') + 1), ',;');
      if (CREDENTIALS.includes(last)) starts.add(i);
    } else if (signOff(i)) {
      // A sign-off with a name (or anything) under it within two lines.
      let next = i + 1;
      while (next < n && ctx.blankLine[next] && next - i < 3) next++;
      if (next < n && !ctx.blankLine[next]) starts.add(i);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The last line that opens an addendum below an earlier signature, or -1. */
function addendumLine(ctx: Ctx, sigStarts: readonly number[]): number {
  if (!sigStarts.length) return -1;
  for (let i = ctx.doc.lines.length - 1; i > sigStarts[0]; i--) {
    if (ctx.blankLine[i]) continue;
    const t = plainLine(ctx, i);
    if (ADDENDUM_WORDS.some((w) => t.startsWith(w) && !/[a-z]/.test(t.charAt(w.length)))) return i;
  }
  return -1;
}

/** The line just after the last non-blank line before `line` (and not above `floor`). */
function afterContentBefore(ctx: Ctx, line: number, floor: number): number {
  let i = line - 1;
  while (i > floor && ctx.blankLine[i]) i--;
  return i + 1;
}

/** A Markdown list item ("- x", "* x", "1. x"): a line right after it would join the item. */
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s/;

/**
 * The heading a new section gets: "TRABECULAR BONE SCORE:" in a plain report; in a report whose
 * sections are Markdown headings, a heading of the same level ("## Trabecular bone score").
 */
function headerFor(ctx: Ctx, header: string): string {
  // the level of the report's own sections (a "# Title" above them is not one of them)
  let hashes: string | null = null;
  for (const s of ctx.sections) {
    const line = ctx.doc.lines[s.headerLine];
    const m = /^(#{1,6})\s/.exec(ctx.doc.norm.slice(line.start, line.end));
    if (!m) continue;
    hashes ??= m[1];
    if (s.kind !== 'other') {
      hashes = m[1];
      break;
    }
  }
  if (!hashes) return header;
  const words = header.replace(/:$/, '').toLowerCase();
  return `${hashes} ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

interface Group {
  at: { line: number; atEnd: boolean };
  header: string | null;
  lines: string[];
  order: number;
}

/** What the planner reads of a document, the same for every element: made once per document. */
interface PlanLayout {
  providerLines: readonly number[];
  lastLine: number;
  lastContent: number;
  endOfDoc: Group['at'];
  sigStarts: number[];
  addendum: number;
  addendumEnd: Group['at'];
  sections: Ctx['sections'];
  tailSig: number;
  /** headerFor's answer per header (the report's heading level decides it). */
  headers: Map<string, string>;
}
const LAYOUTS = new WeakMap<Ctx, PlanLayout>();

function sameLines(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function planLayout(ctx: Ctx, providerLines: readonly number[]): PlanLayout {
  const cached = LAYOUTS.get(ctx);
  if (cached && sameLines(cached.providerLines, providerLines)) return cached;
  const lastLine = ctx.doc.lines.length - 1;
  let lastContent = -1;
  for (let i = lastLine; i >= 0; i--) {
    if (!ctx.blankLine[i]) {
      lastContent = i;
      break;
    }
  }
  const endOfDoc = { line: lastContent + 1, atEnd: lastContent + 1 > lastLine };
  const sigStarts = signatureStarts(ctx, providerLines);
  // A report signed once and extended by an addendum: new text belongs to the addendum, above its
  // own signature if it has one; the original signature already names the provider.
  const addendum = addendumLine(ctx, sigStarts);
  const addendumSig = addendum >= 0 ? (sigStarts.find((l) => l > addendum) ?? -1) : -1;
  const addendumEnd =
    addendumSig >= 0 ? { line: afterContentBefore(ctx, addendumSig, addendum), atEnd: false } : endOfDoc;
  const sections = addendum >= 0 ? ctx.sections.filter((s) => s.headerLine > addendum) : ctx.sections;
  const lastHeader = sections.length ? sections[sections.length - 1].headerLine : -1;
  /** The first signature block below the last section header: new sections go above it. */
  const tailSig = addendum >= 0 ? addendumSig : (sigStarts.find((l) => l > lastHeader) ?? -1);
  const layout: PlanLayout = {
    providerLines: providerLines.slice(),
    lastLine,
    lastContent,
    endOfDoc,
    sigStarts,
    addendum,
    addendumEnd,
    sections,
    tailSig,
    headers: new Map(),
  };
  LAYOUTS.set(ctx, layout);
  return layout;
}

/**
 * Plans the insertion of every element in `missing`. Elements that share a section share one edit,
 * so a new section is created once. Returns edits sorted by position, each with a snippet.
 */
export function planInsertions(
  ctx: Ctx,
  missing: readonly ElementId[],
  providerLines: readonly number[],
): TextEditSpec[] {
  const { doc } = ctx;
  const eol = doc.eol;
  const { lastLine, lastContent, endOfDoc, sigStarts, addendum, addendumEnd, sections, tailSig, headers } = planLayout(
    ctx,
    providerLines,
  );
  // Keyed by section index, by the kind of a new section, or 'tail' (no section kind is named so).
  const groups = new Map<number | string, Group>();

  for (const el of missing) {
    const spec = SLOT_SPECS[el];
    let key: number | string;
    let at: Group['at'];
    let header: string | null = null;
    if (spec.section === 'signature') {
      if (addendum >= 0) continue;
      key = 'tail';
      at = endOfDoc;
    } else {
      const idx = sections.findIndex((s) => s.kind === spec.section);
      if (idx >= 0) {
        const s = sections[idx];
        key = idx;
        // A section that runs into the signature block ends above it.
        const sig = sigStarts.find((l) => l > s.headerLine && l <= s.endLine);
        at =
          sig !== undefined
            ? { line: afterContentBefore(ctx, sig, s.headerLine), atEnd: false }
            : { line: s.endLine + 1, atEnd: s.endLine + 1 > lastLine };
      } else {
        key = spec.section;
        header = headers.get(spec.header) ?? null;
        if (header === null) {
          header = headerFor(ctx, spec.header);
          headers.set(spec.header, header);
        }
        const order = ORDER[spec.section] ?? 99;
        const later = sections.find((s) => (ORDER[s.kind] ?? 0) > order);
        if (later) at = { line: later.headerLine, atEnd: false };
        else if (tailSig >= 0) at = { line: tailSig, atEnd: false };
        else if (addendum >= 0) at = addendumEnd;
        else at = endOfDoc;
      }
    }
    const g = groups.get(key) ?? { at, header, lines: [], order: ORDER[spec.section] ?? 99 };
    g.lines.push(spec.line);
    groups.set(key, g);
  }

  const edits: Array<TextEditSpec & { order: number }> = [];
  // Tab stops are numbered across all edits in document order: $1 is the first slot of the report.
  const ordered = [...groups.values()];
  if (ordered.length > 1) ordered.sort((a, b) => a.at.line - b.at.line || a.order - b.order);
  let stop = 0;
  for (const g of ordered) {
    // The snippet and, side by side, its plain text (the slot lines' defaults; the rest is literal).
    let body = '';
    let plain = '';
    for (let i = 0; i < g.lines.length; i++) {
      const r = renumbered(g.lines[i], stop);
      stop = Math.max(stop, r.max);
      if (i) {
        body += eol;
        plain += eol;
      }
      body += r.snippet;
      plain += r.text;
    }
    if (g.header) {
      body = `${g.header}${eol}${body}`;
      plain = `${g.header}${eol}${plain}`;
    }
    let pre: string;
    let post: string;
    let pos: Position;
    if (g.at.atEnd) {
      // After the last line, which has no line break of its own.
      pos = positionAt(doc, doc.text.length);
      const lastChar = doc.text.length ? doc.text.charCodeAt(doc.text.length - 1) : 0;
      const needsBreak = doc.text.length > 0 && lastChar !== 10 && lastChar !== 13;
      const lastIsList =
        lastContent >= 0 && LIST_ITEM.test(doc.norm.slice(doc.lines[lastContent].start, doc.lines[lastContent].end));
      const blank = (g.header || g.order === 99 || lastIsList) && lastContent >= 0 ? eol : '';
      pre = `${needsBreak ? eol : ''}${blank}`;
      post = needsBreak ? '' : eol;
    } else if (!g.header && g.at.line > 0 && ctx.tableLine[g.at.line - 1]) {
      // Right under a table: a blank line first, so the new line is not read as a row.
      pos = { line: g.at.line, character: 0 };
      pre = eol;
      post = eol;
    } else if (!g.header && g.order === 99 && g.at.line > 0 && !ctx.blankLine[g.at.line - 1]) {
      // The signature block at the end: a blank line between it and the text above.
      pos = { line: g.at.line, character: 0 };
      pre = eol;
      post = eol;
    } else {
      pos = { line: g.at.line, character: 0 };
      // A new section keeps a blank line from its neighbours; so does a line after a list item.
      const prev = g.at.line > 0 ? doc.lines[g.at.line - 1] : null;
      const afterList = prev !== null && LIST_ITEM.test(doc.norm.slice(prev.start, prev.end));
      const blankBefore = (g.header || afterList) && g.at.line > 0 && !ctx.blankLine[g.at.line - 1] ? eol : '';
      const blankAfter = g.header && !ctx.blankLine[g.at.line] ? eol : '';
      pre = blankBefore;
      post = `${eol}${blankAfter}`;
    }
    const snippet = `${pre}${body}${post}`;
    // A header holding "$" (never one of ours) is converted whole, as the snippet is.
    const newText = g.header && g.header.includes('$') ? snippetToText(snippet) : `${pre}${plain}${post}`;
    edits.push({ range: { start: pos, end: pos }, newText, snippet, order: g.order });
  }
  if (edits.length > 1)
    edits.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.order - b.order,
    );
  return edits.map(({ range, newText, snippet }) => ({ range, newText, snippet }));
}
