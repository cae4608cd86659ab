/**
 * Sections: header lines and the kind of section each opens. A header is a Markdown header, an
 * all-capitals line or label, or a known header title (`vocab/sections.ts`, read by `headers.ts`);
 * a known field label with a value after its colon ("Age: 66", `FIELD_LABELS`) is no header. Read
 * line by line with character tests (no regular expression); a line's shape is memoised.
 */
import { memoByString } from '../memo';
import type { Doc } from '../text';
import { isBlank } from '../text';
import type { Section, SectionKind } from '../types';
import { headerKind, isHeaderFirstWord, isHeaderFirstWordAt, isKnownHeader, startsWithHeader } from './headers';
import { FIELD_LABELS } from './vocab/sections';

interface HeaderHit {
  title: string;
  kind: SectionKind;
  start: number;
  end: number;
  inline: string;
  inlineStart?: number;
  /** An all-capitals line without a colon or a Markdown mark ("OSTEOPOROSIS (LUMBAR SPINE)."). */
  caps?: boolean;
  /** A line led by one "#" ("# Osteopenia (WHO), on bisphosphonate"): a problem list's item or a title. */
  item?: boolean;
}

function letterStats(s: string): { letters: number; lower: number; nonSpace: number } {
  let letters = 0;
  let lower = 0;
  let nonSpace = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) nonSpace++;
    if (c >= 97 && c <= 122) {
      letters++;
      lower++;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return { letters, lower, nonSpace };
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerCode = (c: number) => c >= 97 && c <= 122;
/** A lower-case letter, accented ones too ("conclusión", "résultats"): a header word's letters. */
const isLowerLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x17f && c !== 0xf7);
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** A label's characters: a letter first, then letters, digits, spaces and / & ( ) , ' + . - */
function labelChars(label: string): boolean {
  const c0 = label.charCodeAt(0);
  if (!isUpper(c0) && !isLowerCode(c0) && !otherScript(c0)) return false;
  for (let i = 1; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (isUpper(c) || isLowerCode(c) || isDigitCode(c)) continue;
    // Accented Latin letters ("CONCLUSÃO", "Résultats").
    if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7) continue;
    // Letters of other scripts in a bilingual title ("Kết luận / Conclusion", "الخلاصة / Conclusion").
    if (otherScript(c)) continue;
    // space / & ( ) , ' + . -
    if (
      c === 32 ||
      c === 47 ||
      c === 38 ||
      c === 40 ||
      c === 41 ||
      c === 44 ||
      c === 39 ||
      c === 43 ||
      c === 46 ||
      c === 45
    )
      continue;
    return false;
  }
  return true;
}

/**
 * A letter of another script (Latin Extended Additional, Greek, Cyrillic, Arabic, Hebrew, Indic, CJK,
 * Hangul, ...): not the punctuation, symbol and space blocks.
 */
function otherScript(c: number): boolean {
  return c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c < 0xfe00;
}

/** Runs of spaces as one space. */
function collapseSpaces(s: string): string {
  if (!s.includes('  ')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) if (!(s.charCodeAt(i) === 32 && s.charCodeAt(i - 1) === 32)) out += s[i];
  return out;
}

/** Length of a Markdown header's marks at the start of `body` ("## "), or 0. */
function markdownMarks(body: string): number {
  let n = 0;
  while (body.charCodeAt(n) === 35) n++;
  if (n < 1 || n > 6) return 0;
  let k = n;
  while (body.charCodeAt(k) === 32 || body.charCodeAt(k) === 9) k++;
  return k > n ? k : 0;
}

/** Length of a list number at the start of `body` ("6. ", "12)"), or 0. */
function listNumber(body: string): number {
  let n = 0;
  while (isDigitCode(body.charCodeAt(n))) n++;
  if (n < 1 || n > 2) return 0;
  const c = body.charCodeAt(n);
  if (c !== 46 && c !== 41) return 0;
  let k = n + 1;
  while (body.charCodeAt(k) === 32 || body.charCodeAt(k) === 9) k++;
  return k;
}

function hasLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isLowerCode(s.charCodeAt(i))) return true;
  return false;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** A decimal written in the text: a digit, "." or ",", a digit. */
function hasDecimal(s: string): boolean {
  for (let i = 1; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 46 || c === 44) && isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** Longest text after a label that is read as one measured value ("17%", "-1.4", "0.812 g/cm2 (T -1.2)"). */
const VALUE_MAX = 24;

/**
 * Is `s` one measured value: short, and a number first (a digit, or a sign or a decimal point then a
 * digit), not a compound word ("10-YEAR PROBABILITY OF ...")?
 */
function measuredValue(s: string): boolean {
  if (s.length > VALUE_MAX) return false;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43 || c === 0x2212 || c === 0x2013 || c === 46) c = s.charCodeAt(++i);
  if (!isDigitCode(c)) return false;
  while (i < s.length && (isDigitCode(s.charCodeAt(i)) || s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) i++;
  return s.charCodeAt(i) !== 45;
}

/** Three capitals in a row. */
function hasCapitalRun(s: string): boolean {
  for (let i = 0, run = 0; i < s.length; i++) {
    run = isUpper(s.charCodeAt(i)) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/**
 * Cheap test that rules out most lines before the real one: a header starts with "#", is all
 * capitals up to its colon (or end), or is short enough to be a known mixed-case header.
 */
function mayBeHeader(doc: Doc, line: number): boolean {
  const { start, end } = doc.lines[line];
  if (end - start > 200 || end === start) return false;
  const text = doc.text;
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === 35) return true; // '#'
  // Skip a list number: "6. ".
  let j = i;
  while (j < end && j - i < 3 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41)) {
    j++;
    while (j < end && text.charCodeAt(j) === 32) j++;
  } else j = i;
  const numbered = j > i;
  const first = text.charCodeAt(j);
  // A title of another script opens like a capital: only a known header word will do.
  const capital = (first >= 65 && first <= 90) || first >= 0x180;
  if (first >= 97 && first <= 122) return false; // a line that starts in lower case
  // "Patient: ...", "The ...": mixed case from the first word on, so only a known header word will do.
  const second = text.charCodeAt(j + 1);
  if (capital && second >= 97 && second <= 122 && !knownFirstWord(doc.norm, j, end)) return false;
  let letters = 0;
  let lower = false;
  // A mixed-case label is short; a bilingual one ("Impresión diagnóstica / Diagnostic impression") twice so.
  let longest = MIXED_LABEL;
  for (let k = j; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) return !lower || (capital && k - j <= longest && !numbered && knownFirstWord(doc.norm, j, k)); // ':' ends the label
    if (c === 47) longest = 2 * MIXED_LABEL;
    if (c >= 97 && c <= 122) {
      lower = true;
      if (!capital || k - j > longest) return false;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return lower ? capital && end - j <= longest && knownFirstWord(doc.norm, j, end) : letters >= 4;
}

/**
 * Is the word at `from` one that a mixed-case header can start with (vocabulary)? In a bilingual
 * title ("Kommentar / Comment", "Hallazgos / Findings"), the word after the slash may be.
 */
function knownFirstWord(norm: string, from: number, to: number): boolean {
  const c = norm.charCodeAt(from);
  const latin = c >= 97 && c <= 122;
  if (!latin && !otherScript(c) && !(c >= 0x180 && c < 0x370)) return false;
  let w = from;
  while (w < to && isLowerLetter(norm.charCodeAt(w))) w++;
  if (latin && isHeaderFirstWordAt(norm, from, w)) return true;
  // The other half of a bilingual title: a slash within a few words.
  const stop = Math.min(to, from + BILINGUAL_HALF);
  let slash = w;
  while (slash < stop && norm.charCodeAt(slash) !== 47) slash++;
  if (slash >= stop) return false;
  let a = slash + 1;
  while (a < to && norm.charCodeAt(a) === 32) a++;
  let b = a;
  while (b < to && isLowerLetter(norm.charCodeAt(b))) b++;
  return b > a && isHeaderFirstWordAt(norm, a, b);
}

/** Longest mixed-case header label, in characters. */
const MIXED_LABEL = 40;

/** Longest first half of a bilingual title ("Medico referente / ..."), in characters. */
const BILINGUAL_HALF = 32;

/**
 * What a line that may be a header is, with offsets relative to the line's start. A pure function
 * of the line's text: templates repeat their header lines, and a draft being typed keeps them, so
 * the answer is memoised (bounded).
 */
const headerShape: (raw: string) => HeaderHit | null = memoByString(computeHeaderShape, 2000, 200);

function computeHeaderShape(raw: string): HeaderHit | null {
  const h = readHeader(raw);
  // Every shape has the same fields in the same order (one hidden class: fast reads).
  return h
    ? {
        title: h.title,
        kind: headerKind(h.title.toLowerCase()),
        start: h.start,
        end: h.end,
        inline: h.inline,
        inlineStart: h.inlineStart,
        caps: h.caps === true,
        item: h.item === true,
      }
    : null;
}

function readHeader(raw: string): Omit<HeaderHit, 'kind'> | null {
  if (raw.includes('tbs-report-disable')) return null;
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (!body) return null;
  // Markdown header.
  const md = markdownMarks(body);
  if (md) {
    let titleEnd = body.length;
    // Closing hashes and blanks trimmed by a loop.
    for (;;) {
      const c = body.charCodeAt(titleEnd - 1);
      if (titleEnd > md && (c === 32 || c === 9 || c === 35)) titleEnd--;
      else break;
    }
    let title = body.slice(md, titleEnd);
    if (title.endsWith(':')) title = title.slice(0, -1);
    title = title.trim();
    if (!title) return null;
    const s = lead + md;
    return { title, start: s, end: s + title.length, inline: '', item: body.charCodeAt(1) !== 35 };
  }
  const numLen = listNumber(body);
  const numbered = numLen > 0;
  const colon = body.indexOf(':');
  if (colon > 0) {
    const label = body.slice(numLen, colon).trim();
    if (label.length < 2 || label.length > 60 || !labelChars(label)) return null;
    const lower = label.toLowerCase();
    // (A label holds no tab and no asterisk: labelChars.)
    const labelNorm = collapseSpaces(lower);
    // Mixed case: only a known header name ("Impression:", "Fracture risk (FRAX adjusted for TBS):").
    if (lower !== label && hasLower(label)) {
      let w = 0;
      while (isLowerLetter(lower.charCodeAt(w))) w++;
      if (!(w > 0 && isHeaderFirstWord(lower.slice(0, w))) && !knownFirstWord(lower, 0, lower.length)) return null;
      const inline = body.slice(colon + 1).trim();
      if (numbered || !(isKnownHeader(labelNorm) || (inline === '' && startsWithHeader(labelNorm)))) return null;
      const s = lead + body.indexOf(label, numLen);
      const inlineStart = inline
        ? lead + colon + 1 + (body.length - colon - 1 - body.slice(colon + 1).trimStart().length)
        : undefined;
      return { title: label, start: s, end: s + label.length, inline, inlineStart };
    }
    const inline = body.slice(colon + 1).trim();
    if (inline && FIELD_LABELS.has(labelNorm)) return null;
    const st = letterStats(label);
    const allCaps = st.lower === 0 && st.letters >= 3;
    const words = labelNorm.split(' ').length;
    // "MAJOR OSTEOPOROTIC FRACTURE: 17%", "LEFT TOTAL HIP: -1.4": a label in capitals with a measured
    // value after it is a key/value row, not a section (a known header title still is one).
    const header =
      isKnownHeader(labelNorm) ||
      (inline === '' && startsWithHeader(labelNorm)) ||
      (allCaps && (inline === '' || (words >= 2 && !hasDigit(label) && !measuredValue(inline))));
    if (!header) return null;
    if (numbered && !allCaps) return null;
    const s = lead + body.indexOf(label, numLen);
    const inlineStart = inline
      ? lead + colon + 1 + (body.length - colon - 1 - body.slice(colon + 1).trimStart().length)
      : undefined;
    return { title: label, start: s, end: s + label.length, inline, inlineStart };
  }
  // An all-caps line without a colon: "6. TRABECULAR BONE SCORE", "FINDINGS".
  const rest = body.slice(numLen);
  const st = letterStats(rest);
  if (
    st.lower === 0 &&
    st.letters >= 4 &&
    st.letters * 2 >= st.nonSpace &&
    rest.length <= 80 &&
    !hasDecimal(rest) &&
    hasCapitalRun(rest)
  ) {
    const s = lead + numLen;
    return { title: rest, start: s, end: s + rest.length, inline: '', caps: true };
  }
  // A mixed-case known header alone on its line: "Impression", "Findings".
  if (isKnownHeader(rest.toLowerCase())) {
    const s = lead + numLen;
    return { title: rest, start: s, end: s + rest.length, inline: '' };
  }
  return null;
}

export function findSections(doc: Doc): Section[] {
  const sections: Section[] = [];
  const n = doc.lines.length;
  const lines = doc.lines;
  // The line whose next line, if all capitals, is body text (a header alone, or a line absorbed).
  let absorbs = -1;
  for (let i = 0; i < n; i++) {
    if (!mayBeHeader(doc, i)) continue;
    const l = lines[i];
    // Offsets of the shape are from the line's start.
    const h = headerShape(doc.text.slice(l.start, l.end));
    if (!h) continue;
    // An all-capitals line right under a header that stands alone ("CONCLUSION:" over
    // "OSTEOPOROSIS (LUMBAR SPINE) WITH DEGRADED ..."), or under such a line, is that section's text
    // in an all-capitals report, unless it is a known header itself.
    if (h.caps && h.kind === 'other' && i > 0 && absorbs === i - 1) {
      absorbs = i;
      continue;
    }
    // "ASSESSMENT/PLAN" then "# Osteopenia (WHO), on bisphosphonate" and "# Hypothyroidism - ...":
    // the items of a problem list under an assessment, not headers of their own.
    if (h.item && h.kind === 'other' && sections.length && sections[sections.length - 1].kind === 'impression')
      continue;
    absorbs = h.inline === '' ? i : -1;
    if (sections.length)
      sections[sections.length - 1].endLine = lastContentLine(doc, sections[sections.length - 1].headerLine, i - 1);
    const start = l.start + h.start;
    const end = l.start + h.end;
    sections.push({
      title: h.title,
      kind: h.kind,
      headerLine: i,
      // The header stands on line i.
      headerRange: {
        start: { line: i, character: Math.min(start, l.end) - l.start },
        end: { line: i, character: Math.min(end, l.end) - l.start },
      },
      bodyStartLine: i + 1,
      endLine: i,
      inlineText: h.inline,
      inlineStart: h.inlineStart === undefined ? l.end : l.start + h.inlineStart,
    });
  }
  if (sections.length)
    sections[sections.length - 1].endLine = lastContentLine(doc, sections[sections.length - 1].headerLine, n - 1);
  return sections;
}

/** The last non-blank line in [from, to], or `from` when all are blank. */
function lastContentLine(doc: Doc, from: number, to: number): number {
  for (let i = to; i > from; i--) if (!isBlank(doc, i)) return i;
  return from;
}
