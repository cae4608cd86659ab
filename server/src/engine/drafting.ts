/**
 * The drafting layer over an analysis (pure: text, analysis and settings in, analysis out):
 * - which plain-text and Markdown notes the checklist applies to (the same gate in the editor and
 *   in the command line);
 * - calm drafts: until a report is ready (signed, or "Check before signing" was asked for), what it
 *   still lacks or leaves blank is information, not a warning;
 * - suppressions kept outside the report text ("Disable rule for this line / this report").
 */
import type { Analysis } from './analyze';
import type { Finding, Severity } from './types';

// ------------------------------------------------------------------------------------------ the gate

const KEYWORD = /\bTBS\b|trabecular bone score|\b7709[0-2]\b|\b77089\b/i;
const TBS_CODES = new Set(['77089', '77090', '77091', '77092']);

/** Does a text speak of TBS at all (a cheap first look, before any analysis)? */
export function mentionsTbs(text: string): boolean {
  return KEYWORD.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}

/**
 * Does the TBS checklist apply to a plain-text or Markdown note? The word "TBS" is not enough: the
 * note must state a TBS value with its label, name a TBS code (77089-77092), or document at least two
 * of the checklist's elements. Files of the Radiology Report language are always checked.
 */
export function checklistApplies(text: string, a: Analysis): boolean {
  if (!mentionsTbs(text)) return false;
  if (a.elements.tbs.length > 0) return true;
  if (a.elements.codes.some((c) => TBS_CODES.has(c.code))) return true;
  return a.documented.documented.length >= 2;
}

/** Is a path one of the plain-text / Markdown kinds the gate is for (not a Radiology Report)? */
export function isPlainNotePath(path: string): boolean {
  const p = path.toLowerCase();
  if (p.endsWith('.radreport') || p.endsWith('.report.txt')) return false;
  return p.endsWith('.txt') || p.endsWith('.md') || p.endsWith('.markdown');
}

// ------------------------------------------------------------------------------------------ calm drafts

/**
 * A report is ready for the strict checklist once it is signed: a provider is read from its text (a
 * "Interpreting physician: ___" blank is not a signature). "Check before signing" makes any report
 * strict on request.
 */
export function isReady(a: Analysis): boolean {
  return a.elements.providers.length > 0;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
const atMost = (s: Severity, cap: Severity): Severity => (RANK[s] > RANK[cap] ? cap : s);

/** How a not-yet-ready draft shows a rule's findings (rules not listed keep their severity). */
function draftCap(code: string, blank: boolean): Severity | null {
  // Blanks show as faint dots: the ___ stays visible; the status item and "Go to next blank" find them.
  if (code === 'unfilled-placeholder') return 'hint';
  // What is still missing: listed in Problems, not squiggled as a warning; in an empty file only a hint.
  if (code.startsWith('missing-')) return blank ? 'hint' : 'information';
  return null;
}

/**
 * The analysis as a draft shows it: unchanged when the report is ready (or `strict`), otherwise the
 * missing-element and blank findings at most information / hint. Wrong values, mismatches and
 * implausible numbers keep their severity in drafts too, and so does a rule whose severity the user
 * set (`configured`: the severity setting).
 */
export function calmDraft(
  a: Analysis,
  text: string,
  strict: boolean,
  configured: Readonly<Partial<Record<string, unknown>>> = {},
): Analysis {
  if (strict || isReady(a)) return a;
  const blank = text.trim() === '';
  let changed = false;
  const findings = a.findings.map((f) => {
    // a severity the user set for this rule is theirs, drafts or not
    if (configured[f.code] !== undefined) return f;
    const cap = draftCap(f.code, blank);
    if (!cap) return f;
    const severity = atMost(f.severity, cap);
    if (severity === f.severity) return f;
    changed = true;
    return { ...f, severity };
  });
  return changed ? { ...a, findings } : a;
}

// ------------------------------------------------------------------------------------------ suppressions

/**
 * A finding hidden by the author, stored in settings (never in the report: a comment would travel
 * into the signed report). `file` is the document's workspace-relative path or its URI; `line`, when
 * present, is lineKey() of the line's text, so the suppression follows the line when lines above it
 * are added or removed and lapses when the line itself is rewritten. No report text is stored.
 */
export interface Suppression {
  rule: string;
  file: string;
  line?: string;
}

/** A short, stable key of a line's text (FNV-1a of its whitespace-collapsed, lower-case form). */
export function lineKey(lineText: string): string {
  const s = lineText.trim().replace(/\s+/g, ' ').toLowerCase();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Does a suppression's `file` name this document (its URI, or a path the URI's path ends with)? */
export function sameFile(file: string, uri: string): boolean {
  if (file === uri) return true;
  let path = uri;
  try {
    path = decodeURIComponent(uri);
  } catch {
    /* keep it encoded */
  }
  const f = file.replace(/\\/g, '/').replace(/^\.\//, '');
  return f.length > 0 && (path === f || path.endsWith(`/${f}`));
}

/** Keeps only what is well formed (settings are user input). */
export function readSuppressions(raw: unknown, problems: string[] = []): Suppression[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push('suppressions must be a list of { "rule", "file", "line"? }');
    return [];
  }
  const out: Suppression[] = [];
  for (const e of raw.slice(0, 10_000)) {
    const o = e as Record<string, unknown>;
    if (!o || typeof o !== 'object' || typeof o.rule !== 'string' || typeof o.file !== 'string') {
      problems.push('each entry of suppressions needs "rule" and "file" strings');
      continue;
    }
    if (o.line !== undefined && typeof o.line !== 'string') {
      problems.push(`suppressions: "line" of ${o.rule} must be a string`);
      continue;
    }
    out.push({ rule: o.rule, file: o.file, ...(typeof o.line === 'string' ? { line: o.line } : {}) });
  }
  return out;
}

/** The analysis without the findings its suppressions hide. */
export function applySuppressions(a: Analysis, text: string, uri: string, list: readonly Suppression[]): Analysis {
  const mine = list.filter((s) => sameFile(s.file, uri));
  if (!mine.length || !a.findings.length) return a;
  const whole = new Set(mine.filter((s) => s.line === undefined).map((s) => s.rule));
  const lines = new Set(mine.filter((s) => s.line !== undefined).map((s) => `${s.rule}\u0000${s.line}`));
  let split: string[] | null = null;
  const keyOf = (line: number) => {
    split ??= text.split(/\r\n|\r|\n/);
    return lineKey(split[line] ?? '');
  };
  const findings = a.findings.filter(
    (f: Finding) => !whole.has(f.code) && !(lines.size && lines.has(`${f.code}\u0000${keyOf(f.range.start.line)}`)),
  );
  return findings.length === a.findings.length ? a : { ...a, findings };
}
