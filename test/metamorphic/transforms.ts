/**
 * Fact-preserving transforms of a whole report (the metamorphic suite, see README.md). Each takes the
 * report text and returns the transformed text, or the same string when the transform does not apply
 * to that report (no blank line to double, no sign to change...): such pairs are not counted.
 *
 * Written from what real pasted, exported and re-typed reports look like, WITHOUT reading the engine's
 * vocabulary (server/src/engine/reading/vocab/*): the header, table and sign tests below are this
 * file's own, deliberately plain, so that the suite does not only test itself.
 *
 * Every transform keeps every clinical fact of the report. `relation` says what the projection of the
 * transformed report's analysis must be, compared with the original's (projection.ts):
 * - "same": identical projection;
 * - "same-plus-provider": identical, except that the provider list may GAIN names (a pasted prior
 *   report carries its own signer; the checklist only asks whether this report names one, and the
 *   finding codes, compared as they are, still catch a provider newly "found" in a report that had none).
 */
import { wrapLine } from '../shared/wrap';

export type Relation = 'same' | 'same-plus-provider';

export interface Transform {
  id: string;
  /** What the transform does and why it keeps every fact. */
  what: string;
  relation: Relation;
  apply: (text: string) => string;
}

// ---------------------------------------------------------------- line helpers

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Applies `f` to the lines (without their line ends) and joins them with the text's own line end. */
function mapLines(text: string, f: (lines: string[]) => string[]): string {
  return f(text.split(/\r?\n/)).join(eolOf(text));
}

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line);

/**
 * A line that looks like part of a table or a drawn layout, never to be re-flowed or re-cased:
 * a gap of 2+ spaces between two non-blank characters, a tab, a pipe, box drawing, a `+---+` grid,
 * a dot leader ("....", ". . .").
 */
export function looksTabular(line: string): boolean {
  return (
    /\S {2,}\S/.test(line) ||
    /\t/.test(line) ||
    /\|/.test(line) ||
    /[\u2500-\u257f]/.test(line) ||
    /\+-{2,}|-{2,}\+/.test(line) ||
    /\.{3,}|(?:\. ){2,}\./.test(line) ||
    /_{3,}/.test(line)
  );
}

// ---------------------------------------------------------------- 8: hard wrapping

// ---------------------------------------------------------------- 11, 12: header lines

/** Words written in capitals that are names, not shouted words: kept as they are in Title case. */
const ACRONYMS = new Set(['CAROC', 'NOGG', 'DEXA', 'ISCD', 'FRAX', 'NHANES', 'HOLOGIC', 'LUNAR']);

/** "IMPRESSION" -> "Impression"; short capitalised words (TBS, DXA, BMD, WHO) stay as acronyms. */
function titleWord(w: string): string {
  if (w.length <= 4 || ACRONYMS.has(w) || !/^[A-Z]+$/.test(w)) return w;
  return w[0] + w.slice(1).toLowerCase();
}

/**
 * A header label at the start of a line: 1-5 words of letters (with &, /, -), followed by a colon
 * (then anything), or a whole line of capitals. Tabular lines are not headers.
 */
const LABEL = /^([ \t]*)([A-Za-z][A-Za-z&/-]*(?: [A-Za-z&/-]+){0,4})(:.*)?$/;

function recaseHeader(line: string): string {
  if (looksTabular(line)) return line;
  const m = LABEL.exec(line);
  if (!m) return line;
  const [, indent, label, rest] = m;
  if (rest === undefined && /[a-z]/.test(label)) return line; // a plain prose line without a colon
  if (!/[A-Za-z]{3}/.test(label)) return line;
  const upper = !/[a-z]/.test(label);
  const recased = upper ? label.split(' ').map(titleWord).join(' ') : label.toUpperCase();
  return indent + recased + (rest ?? '');
}

const HEADER_SYNONYMS: [RegExp, string][] = [
  [/^([ \t]*(?:#+ )?)(impression)(?=[ \t]*(?::|$))/i, 'conclusion'],
  [/^([ \t]*(?:#+ )?)(findings)(?=[ \t]*(?::|$))/i, 'results'],
];

/** Keeps the case pattern of `from` (CAPITALS, Title, lower) on `to`. */
function sameCase(from: string, to: string): string {
  if (from === from.toUpperCase()) return to.toUpperCase();
  if (from[0] === from[0].toUpperCase()) return to[0].toUpperCase() + to.slice(1);
  return to;
}

function synonymHeader(line: string): string {
  if (looksTabular(line)) return line;
  for (const [re, to] of HEADER_SYNONYMS) {
    const m = re.exec(line);
    if (m) return m[1] + sameCase(m[2], to) + line.slice(m[0].length);
  }
  return line;
}

/** A line that is only a header: a short line of capitals, or a short label ending with a colon. */
function headerOnly(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > 50 || looksTabular(line)) return false;
  if (/^[A-Z][A-Z &/()-]*[A-Z):]$/.test(t) && /[A-Z]{4}/.test(t)) return true;
  return /^[A-Z][A-Za-z &/()-]*:$/.test(t);
}

// ---------------------------------------------------------------- 9, 10: appended and inserted blocks

const WHO_LEGEND = [
  'WHO classification (for reference):',
  'Normal: T-score -1.0 or higher',
  'Osteopenia (low bone mass): T-score between -1.0 and -2.5',
  'Osteoporosis: T-score -2.5 or lower',
];

const TBS_LEGEND = [
  'TBS interpretation (reference ranges for postmenopausal women): a TBS of 1.310 or more is',
  'considered normal; between 1.230 and 1.310, partially degraded microarchitecture; 1.230 or less,',
  'degraded microarchitecture.',
];

const PRIOR_REPORT = [
  '----- Previous report (for comparison) -----',
  'BONE DENSITOMETRY 14/03/2018',
  'Lumbar spine L1-L4: BMD 1.012 g/cm2, T-score -0.6',
  'Left femoral neck: BMD 0.801 g/cm2, T-score -1.1',
  'Trabecular bone score 1.384 (normal microarchitecture).',
  'FRAX: 10-year major osteoporotic fracture risk 5.1%, hip fracture 0.6%.',
  'Impression: normal bone density.',
  'Reported by Dr Hildegard Osei-Lindqvist 15/03/2018',
];

/** The same kind of paste in another hand: a banner naming the earlier study, then prose. */
const PRIOR_STUDY_PROSE = [
  'PRIOR STUDY (copied for comparison), DXA of 02/06/2020:',
  'Spine T-score -0.8 and femoral neck T-score -1.3. TBS 1.401. FRAX probability of a major',
  'osteoporotic fracture 4.2% and of hip fracture 0.5% at that time. Conclusion: normal BMD.',
  'Electronically signed: Priya Anand-Holloway, MD on 02/06/2020',
];

const WHO_LEGEND_SENTENCE = [
  'Note: according to the WHO criteria, a T-score of -2.5 or below indicates osteoporosis, and a T-score',
  'between -1.0 and -2.5 indicates osteopenia (low bone mass).',
];

const ADDENDUM = [
  'ADDENDUM (28/11/2026): The results were discussed with the referring clinician by telephone.',
  'No change to the report above.',
];

const LETTERHEAD = [
  'RIVERSIDE BONE HEALTH CLINIC',
  '1200 Harbour Road, Suite 4, Springfield OR 97477',
  'Tel (541) 555-0134    Fax (541) 555-0135',
];

function append(text: string, block: string[]): string {
  const eol = eolOf(text);
  const body = text.replace(/(?:\r?\n|[ \t])+$/, '');
  return body + eol + eol + block.join(eol) + eol;
}

/** Index of the blank line closest to the middle with text on both sides (a paragraph break), or -1. */
function middleBreak(lines: string[]): number {
  const first = lines.findIndex((l) => !isBlank(l));
  let last = lines.length - 1;
  while (last >= 0 && isBlank(lines[last])) last--;
  let best = -1;
  for (let i = first + 1; i < last; i++) {
    if (!isBlank(lines[i]) || isBlank(lines[i - 1])) continue;
    if (best < 0 || Math.abs(i - lines.length / 2) < Math.abs(best - lines.length / 2)) best = i;
  }
  return best;
}

// ---------------------------------------------------------------- the transforms

export const TRANSFORMS: Transform[] = [
  {
    id: 'crlf',
    what: 'CRLF line ends',
    relation: 'same',
    apply: (t) => t.replace(/\r?\n/g, '\r\n'),
  },
  {
    id: 'bom',
    what: 'a byte-order mark before the text',
    relation: 'same',
    apply: (t) => (t.startsWith('\ufeff') ? t : '\ufeff' + t),
  },
  {
    id: 'trailing-space',
    what: 'trailing spaces and a tab at the end of every non-blank line',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.map((l) => (isBlank(l) ? l : l + '  \t '))),
  },
  {
    id: 'blank-lines-doubled',
    what: 'every existing blank line doubled',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.flatMap((l, i) => (isBlank(l) && i < ls.length - 1 ? [l, l] : [l]))),
  },
  {
    id: 'minus-u2212',
    what: 'ASCII minus in sign position (before a digit, not after a letter or digit) -> U+2212',
    relation: 'same',
    apply: (t) => t.replace(/(^|[\s(:=[;,/])-(?=\d)/gm, '$1\u2212'),
  },
  {
    id: 'minus-en-dash',
    what: 'ASCII minus in sign position -> en dash (U+2013)',
    relation: 'same',
    apply: (t) => t.replace(/(^|[\s(:=[;,/])-(?=\d)/gm, '$1\u2013'),
  },
  {
    id: 'score-nb-hyphen',
    what: '"T-score" / "Z-score" hyphen -> non-breaking hyphen U+2011',
    relation: 'same',
    apply: (t) => t.replace(/\b([TZ])-(score)/gi, '$1\u2011$2'),
  },
  {
    id: 'nbsp-percent',
    what: 'a no-break space before every "%" (replacing any spaces there)',
    relation: 'same',
    apply: (t) => t.replace(/(?<=\S)[ ]*%/g, '\u00a0%'),
  },
  {
    id: 'space-percent',
    what: 'a space between a number and its "%"',
    relation: 'same',
    apply: (t) => t.replace(/(\d)%/g, '$1 %'),
  },
  {
    id: 'hard-wrap-72',
    what: 'prose lines longer than 72 columns hard-wrapped at 72 (table-like lines untouched)',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.flatMap((l) => (l.length > 72 && !looksTabular(l) ? wrapLine(l, 72) : [l]))),
  },
  {
    id: 'append-who-legend',
    what: 'a WHO classification legend appended after the signature (adds no affirmed statement)',
    relation: 'same',
    apply: (t) => append(t, WHO_LEGEND),
  },
  {
    id: 'append-tbs-legend',
    what: 'a TBS threshold legend appended after the signature (adds no value, no category)',
    relation: 'same',
    apply: (t) => append(t, TBS_LEGEND),
  },
  {
    id: 'append-prior-report',
    what: 'a prior report dated years earlier, with other values, pasted after the signature',
    relation: 'same-plus-provider',
    apply: (t) => append(t, PRIOR_REPORT),
  },
  {
    id: 'append-prior-prose',
    what: 'a prior study in prose under a banner, with its own signer, pasted after the signature',
    relation: 'same-plus-provider',
    apply: (t) => append(t, PRIOR_STUDY_PROSE),
  },
  {
    id: 'append-who-sentence',
    what: 'a one-sentence WHO criteria note appended after the signature (adds no affirmed statement)',
    relation: 'same',
    apply: (t) => append(t, WHO_LEGEND_SENTENCE),
  },
  {
    id: 'append-addendum',
    what: 'an unsigned addendum that restates nothing appended after the signature',
    relation: 'same',
    apply: (t) => append(t, ADDENDUM),
  },
  {
    id: 'letterhead-page-break',
    what: 'a letterhead with "Page 1 of 2" prepended, and repeated ("Page 2 of 2") at the paragraph break nearest the middle',
    relation: 'same',
    apply: (t) =>
      mapLines(t, (ls) => {
        const top = [...LETTERHEAD, 'Page 1 of 2', ''];
        const mid = middleBreak(ls);
        if (mid < 0) return [...top, ...ls];
        return [...top, ...ls.slice(0, mid + 1), ...LETTERHEAD, 'Page 2 of 2', '', ...ls.slice(mid + 1)];
      }),
  },
  {
    id: 'header-case',
    what: 'header labels at line start re-cased: CAPITALS -> Title case, Title/lower case -> CAPITALS',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.map(recaseHeader)),
  },
  {
    id: 'header-synonyms',
    what: 'header labels replaced by synonyms used in real reports: Impression -> Conclusion, Findings -> Results (case kept)',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.map(synonymHeader)),
  },
  {
    id: 'markdown-headers',
    what: 'header-only lines prefixed with "## " (markdown), paragraphs unchanged',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.map((l) => (headerOnly(l) ? '## ' + l.trim() : l))),
  },
  {
    id: 'indent-2',
    what: 'every non-blank line indented by 2 spaces (a pasted block)',
    relation: 'same',
    apply: (t) => mapLines(t, (ls) => ls.map((l) => (isBlank(l) ? l : '  ' + l))),
  },
  {
    id: 'nbsp-before-number',
    what: 'the single space before every number -> a no-break space (text copied from a PDF or a web page)',
    relation: 'same',
    apply: (t) => t.replace(/(?<=\S) (?=[-\u2212\u2013]?\d)/g, '\u00a0'),
  },
  {
    id: 'tab-columns',
    what: 'column gaps of 2+ spaces inside a line -> one tab (a table pasted from a spreadsheet)',
    relation: 'same',
    apply: (t) => t.replace(/(?<=\S) {2,}(?=\S)/g, '\t'),
  },
];
