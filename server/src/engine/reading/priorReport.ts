/**
 * A pasted earlier report: a banner line ("PRIOR REPORT (10/02/2024), for reference:", "--- Previous
 * study ---", "Informe previo:") opens it, and everything from the banner on is history, unless a
 * header of this study ("CURRENT STUDY:") follows (then the block sits between two parts of this
 * report and is left to the clause cues). Phrases are in `vocab/history.ts`; one pass over the
 * lines compares each line's first word in place with the phrases' first words.
 *
 * A banner is set off from prose: marked by a rule ("---", "===", "***", "___") or "#" on its line
 * or alone on the line above it; or, below the report's own impression (a pasted report follows the
 * report it is pasted under), written in capitals, ending in a colon, or saying on its line that the
 * text below is pasted ("for reference", "pasted", `BANNER_TAILS`) without ending as a sentence. "Prior report reviewed; no
 * change." is a sentence, not a banner.
 */
import type { Doc } from '../text';
import type { Section } from '../types';
import { BANNER_TAILS, CURRENT_BANNERS, PRIOR_BANNERS, REPORT_WORDS } from './vocab/history';

const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isRuleMark = (c: number): boolean => c === 61 || c === 45 || c === 42 || c === 95;

/** The distinct first words of the banner phrases, and the phrases under each. */
function byFirstWord(phrases: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of phrases) {
    // The leading run of letters ("compte" of "compte-rendu précédent", "today" of "today's study").
    let e = 0;
    while (e < p.length && isLetter(p.charCodeAt(e))) e++;
    const w = p.slice(0, e);
    const list = out.get(w);
    if (list) list.push(p);
    else out.set(w, [p]);
  }
  // Longest first: the longest phrase at a place decides nothing more than a match, but reads first.
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}
let priorByWord: Map<string, string[]> | null = null;
let currentByWord: Map<string, string[]> | null = null;

/** The one of `phrases` that starts at `at` of the line (only marks before it on its line, a word end after it), or null. */
function phraseAtLineStart(doc: Doc, line: number, at: number, phrases: readonly string[]): string | null {
  const s = doc.norm;
  const l = doc.lines[line];
  for (let i = l.start; i < at; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) return null;
  }
  for (const p of phrases) {
    const e = s.startsWith(p, at) ? at + p.length : looseEnd(s, at, l.end, p);
    if (e < 0 || e > l.end) continue;
    if (e === l.end || !(isLetter(s.charCodeAt(e)) || isDigit(s.charCodeAt(e)))) return p;
  }
  return null;
}

/** Marks that may stand between a banner's words: "Comparison: report of 03/2022", "Prior - study". */
const isJoiner = (c: number): boolean => c === 32 || c === 9 || c === 58 || c === 45 || c === 44 || c === 47;

/** The end of phrase `p` read at `at` with any run of joiners where it has one space, or -1. */
function looseEnd(s: string, at: number, end: number, p: string): number {
  let i = at;
  for (let k = 0; k < p.length; k++) {
    const c = p.charCodeAt(k);
    if (c === 32) {
      if (i >= end || !isJoiner(s.charCodeAt(i))) return -1;
      while (i < end && isJoiner(s.charCodeAt(i))) i++;
    } else if (i < end && s.charCodeAt(i) === c) i++;
    else return -1;
  }
  return i;
}

/** The first words of an index by length and first character, for a test in place (no string made). */
function shapes(index: Map<string, string[]>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of index.keys()) {
    const key = w.length * 0x10000 + w.charCodeAt(0);
    const list = out.get(key);
    if (list) list.push(w);
    else out.set(key, [w]);
  }
  return out;
}
const shapeCache = new WeakMap<Map<string, string[]>, Map<number, string[]>>();

/**
 * Lines from line `from` on where one of the phrases stands first: one pass over the lines, each
 * line's first word compared in place with the phrases' first words (by length and first letter).
 */
function linesOpenedBy(
  doc: Doc,
  index: Map<string, string[]>,
  from: number,
  found: (line: number, phrase: string) => boolean,
): void {
  const s = doc.norm;
  let byShape = shapeCache.get(index);
  if (!byShape) {
    byShape = shapes(index);
    shapeCache.set(index, byShape);
  }
  for (let line = from; line < doc.lines.length; line++) {
    const l = doc.lines[line];
    if (l.end - l.start > 120) continue;
    let at = l.start;
    while (at < l.end && !isLetter(s.charCodeAt(at))) {
      if (isDigit(s.charCodeAt(at))) break;
      at++;
    }
    if (at >= l.end || isDigit(s.charCodeAt(at))) continue;
    let e = at;
    while (e < l.end && isLetter(s.charCodeAt(e))) e++;
    const words = byShape.get((e - at) * 0x10000 + s.charCodeAt(at));
    if (!words) continue;
    for (const w of words) {
      if (!s.startsWith(w, at)) continue;
      const phrase = phraseAtLineStart(doc, line, at, index.get(w) as string[]);
      if (phrase !== null && found(line, phrase)) return;
    }
  }
}

function hasRule(s: string, from: number, to: number): boolean {
  for (let i = from, run = 0, prev = -1; i < to; i++) {
    const c = s.charCodeAt(i);
    run = isRuleMark(c) && c === prev ? run + 1 : isRuleMark(c) ? 1 : 0;
    prev = c;
    if (run >= 3) return true;
  }
  return false;
}

/** Is the line set off as a banner (not a sentence of prose)? */
function setOff(doc: Doc, line: number, sections: readonly Section[], report: boolean): boolean {
  const l = doc.lines[line];
  const raw = doc.text;
  let lower = false;
  let first = -1;
  let last = -1;
  for (let i = l.start; i < l.end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    if (c !== 32 && c !== 9) {
      if (first < 0) first = i;
      last = i;
    }
  }
  // Marked off by a rule or "#" on its line, or by a rule alone on the line above.
  if (hasRule(doc.norm, l.start, l.end) || raw.charCodeAt(first) === 35) return true;
  let above = line - 1;
  while (above >= 0 && doc.lines[above].end === doc.lines[above].start) above--;
  if (above >= 0 && hasRule(doc.norm, doc.lines[above].start, doc.lines[above].end)) {
    let marksOnly = true;
    for (let i = doc.lines[above].start; i < doc.lines[above].end && marksOnly; i++) {
      const c = doc.norm.charCodeAt(i);
      if (!isRuleMark(c) && c !== 32 && c !== 9) marksOnly = false;
    }
    if (marksOnly) return true;
  }
  // "PRIOR REPORT 01/02/2023": a report named in capitals is a banner anywhere.
  if (!lower && report) return true;
  // Weaker shapes count only below this report's impression (a pasted report follows the report it
  // is pasted under; "PRIOR DXA 03/2023 AVAILABLE" in a comparison section above it is no banner).
  let afterImpression = false;
  for (const s of sections) if (s.headerLine < line && s.kind === 'impression') afterImpression = true;
  if (!afterImpression) return false;
  // In capitals; "Previous report (2024), for reference:"; "Prior study report - pasted for reference".
  if (!lower || raw.charCodeAt(last) === 58) return true;
  if (raw.charCodeAt(last) !== 46) {
    const lineNorm = doc.norm.slice(l.start, l.end);
    for (const tail of BANNER_TAILS) if (lineNorm.includes(tail)) return true;
  }
  return false;
}

/** Does the banner phrase name a report (not a study, an exam or a scan)? */
function namesReport(phrase: string): boolean {
  for (const w of REPORT_WORDS) if (phrase.includes(w)) return true;
  return false;
}

/** Where a pasted earlier report begins (an offset of the text), or Infinity. */
export function priorReportStart(doc: Doc, sections: readonly Section[]): number {
  if (!priorByWord) priorByWord = byFirstWord(PRIOR_BANNERS);
  let best = -1;
  linesOpenedBy(doc, priorByWord, 0, (line, phrase) => {
    if ((best < 0 || line < best) && setOff(doc, line, sections, namesReport(phrase))) best = line;
    return false;
  });
  if (best < 0) return Infinity;
  return resumesAfter(doc, sections, best) ? Infinity : doc.lines[best].start;
}

/**
 * Does this study resume under a header after a pasted block that opens on `best`? Then the block is
 * no tail of the document (and is not made history from its banner on).
 */
export function resumesAfter(doc: Doc, sections: readonly Section[], best: number): boolean {
  if (!currentByWord) currentByWord = byFirstWord(CURRENT_BANNERS);
  let resumes = false;
  const headers = new Set<number>();
  for (const s of sections) if (s.headerLine > best) headers.add(s.headerLine);
  linesOpenedBy(doc, currentByWord, best + 1, (line) => {
    if (line > best && (headers.has(line) || setOff(doc, line, sections, true))) resumes = true;
    return resumes;
  });
  return resumes;
}
