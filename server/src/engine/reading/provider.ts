/**
 * The performing / signing provider, from the vocabulary's roles: a signer's label and the name
 * after it ("Electronically signed by: Jane Roe, MD", "Calc./reviewed ....... Name, MD", "Amended
 * by:", "Primary interpreting staff:"), a letter's sign-off ("Sincerely," then the name on a
 * following line, or "Thank you for your referral. Dr A B, FRANZCR 04/09/2024"), a bare signature
 * near the end ("Jane Roe, MD"; "Dr A B" above "Consultant Radiologist"), and an attestation
 * ("I, Dr. Jane Roe, have personally reviewed ..."). Never a referring, ordering, cc or
 * technologist line.
 */
import type { Ctx } from '../context';
import { MAX_MENTIONS, range } from '../context';
import { lineOf } from '../text';
import type { Provider, Slot, Span } from '../types';
import type { Concept } from './concepts';
import { THRESHOLD } from './concepts';
import { isKnownHeader, startsWithHeader } from './headers';
import { codedTail } from './layout';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import { BARE_SIGNERS, NAME_TITLES, ROLE_LINE_WORDS, SIGNOFF_LABEL_ARTICLES } from './vocab/roles';
import { GAP, NEWLINE, NUMBER, PLACEHOLDER, PUNCT, REFUSED, tokenAt, WALL, WORD } from './tokens';

/** Bare role words: a label only with a colon, a dash or a leader after it ("Radiologist: ..."). */
const BARE_ROLES = new Set([
  'signed',
  'signature',
  'provider',
  'physician',
  'radiologist',
  'endocrinologist',
  'interpreter',
  'attending',
  'consultant',
  'verifier',
  // Role words of other languages ("radioloog", "Radiologe").
  'radioloog',
  'radiologe',
  'radiologo',
  'radiólogo',
  'radiologue',
  'radiolog',
  // Trainees and attestations ("Fellow:", "Resident -", "Attestation:").
  'fellow',
  'resident',
  'trainee',
  'intern',
  'attestation',
  'staff',
]);

/** How many lines after its label an attestation's paragraph is searched for its signer. */
const ATTESTATION_LINES = 6;

/** Words a name never starts with. */
const NOT_A_NAME = new Set([
  'on',
  'at',
  'date',
  'time',
  'the',
  'none',
  'pending',
  'tbd',
  'tba',
  'unknown',
  'unsigned',
  'n',
  'to',
  'not',
  'and',
  'by',
]);

/** Lower-case particles inside a name: "Van der Berg", "da Silva", "von Arx". */
const PARTICLES = new Set([
  'van',
  'der',
  'den',
  'de',
  'von',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
  'della',
  'dos',
  'das',
  'bin',
  'al',
  'el',
  'ter',
  'ten',
  'zu',
]);

/** Titles and initials after which a point does not end a name. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'med', 'st', 'jr', 'sr', 'mt', ...NAME_TITLES]);
/** Titles of a signer before the name ("Dr", "Dra.", "Dott.ssa"): vocabulary. */
const SIGNER_TITLES: ReadonlySet<string> = new Set(NAME_TITLES);

/** Articles before a sign-off label at a line's start ("Il medico refertante", "O Médico Radiologista"). */
const SIGNOFF_ARTICLES: ReadonlySet<string> = new Set(SIGNOFF_LABEL_ARTICLES);

/** Words that may open a clause before a label: "The report was reviewed by". */
const LEAD_INS = new Set([
  'report',
  'study',
  'exam',
  'result',
  'results',
  'was',
  'is',
  'has',
  'been',
  'were',
  'and',
  '&',
]);

/**
 * A name as a user reads it (hover, CLI): on one line. A name joined across a line break (`wrappedName`)
 * keeps its span over both lines; its text has one space where the break was ("Cornelius" /
 * "Ashdown-Mwangi, MD" reads "Cornelius Ashdown-Mwangi, MD").
 */
function oneLine(name: string): string {
  if (name.indexOf('\n') < 0 && name.indexOf('\r') < 0) return name;
  let out = '';
  let space = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 10 || c === 13 || c === 32 || c === 9) space = true;
    else {
      if (space && out.length > 0) out += ' ';
      space = false;
      out += name[i];
    }
  }
  return out;
}

function hasConcept(concepts: readonly Concept[], c: Concept['c']): boolean {
  return concepts.some((x) => x.c === c);
}

/** The kinds of concept a signer's label holds. */
const LABEL_KINDS = kindBit('role') | kindBit('label');
const COURTESY_KIND = kindBit('courtesy');

export function readProviders(ctx: Ctx, slots: Slot[]): Provider[] {
  const out: Provider[] = [];
  const { tokens: t, hits } = ctx.reading;
  const { doc } = ctx;
  const n = doc.lines.length;
  const text = doc.text;
  const wordAt = (k: number) => (t.kind[k] === WORD ? t.norm.slice(t.start[k], t.end[k]) : '');
  const charAt = (k: number) => (t.kind[k] === PUNCT ? t.norm.charCodeAt(t.start[k]) : -1);
  const roleOf = (k: number): Extract<Concept, { c: 'role' }> | undefined => {
    const h = hits.at[k];
    return h >= 0 && hits.start[h] === k ? conceptOf(hits.concepts[h], 'role') : undefined;
  };
  const conceptsAt = (k: number): readonly Concept[] => (hits.at[k] >= 0 ? hits.concepts[hits.at[k]] : []);

  /** Do one to three words from token k end in a colon on their line ("Date signed:")? */
  const labelAhead = (k: number): boolean => {
    for (let j = k; j < t.n && j < k + 4 && t.line[j] === t.line[k]; j++) {
      if (t.kind[j] === WORD) continue;
      return j > k && charAt(j) === 58;
    }
    return false;
  };

  /** The first token of the line part that holds token k: after the last wide gap (3+ spaces, a tab, a cell wall). */
  const segmentStart = (k: number): number => {
    const line = t.line[k];
    let i = k - 1;
    for (let steps = 0; i >= 0 && t.line[i] === line && t.kind[i] !== NEWLINE && steps < 60; i--, steps++) {
      if (t.kind[i] === GAP && (t.flags[i] & WALL || t.end[i] - t.start[i] >= 3 || t.norm.charCodeAt(t.start[i]) === 9))
        break;
    }
    return i + 1;
  };

  /** Is the line part that starts at token s an excluded role's ("cc:", "Referring physician:")? */
  const excludedFrom = (s: number, until: number): boolean => {
    for (let k = s; k < until && k < t.n && t.kind[k] !== NEWLINE; k++) {
      const r = roleOf(k);
      if (r && r.excluded) return true;
    }
    return false;
  };

  /** The name after token `from` on its line, or an empty span. */
  const nameFrom = (from: number): { span: Span; first: number; last: number } => {
    let k = from;
    // Punctuation, emphasis, leaders; "on 05/14/2025 09:03 by"; a time stamp before the name.
    for (let steps = 0; k < t.n && steps < 20; steps++) {
      const kind = t.kind[k];
      if (kind === NEWLINE) break;
      // An HL7 label's coding system and the field separators before its value ("^L||Jane Roe").
      const field = codedTail(t, k);
      if (field >= 0) {
        k = field;
        continue;
      }
      if (kind === GAP && !(t.flags[k] & WALL)) {
        k++;
        continue;
      }
      if (kind === PUNCT && charAt(k) !== 40) {
        k++;
        continue;
      }
      if (kind === REFUSED || (kind === NUMBER && t.line[k] === t.line[from])) {
        k++;
        continue;
      }
      const w = wordAt(k);
      if ((w === 'on' || w === 'at') && k + 1 < t.n && (t.kind[k + 1] === REFUSED || t.kind[k + 1] === NUMBER)) {
        k++;
        continue;
      }
      if (w === 'by' || w === 'am' || w === 'pm') {
        k++;
        continue;
      }
      break;
    }
    const first = k;
    let last = -1;
    let credentialed = false;
    for (let steps = 0; k < t.n && steps < 30; k++, steps++) {
      const kind = t.kind[k];
      if (kind === NEWLINE || kind === REFUSED || kind === NUMBER) break;
      if (kind === GAP && (t.flags[k] & WALL || t.end[k] - t.start[k] >= 3 || t.norm.charCodeAt(t.start[k]) === 9))
        break;
      if (kind === PLACEHOLDER) {
        last = k;
        continue;
      }
      if (kind === PUNCT) {
        const c = charAt(k);
        if (c === 59 || c === 124) break;
        // A spaced dash ends the name: "Jane Roe, MD — I have reviewed", "Name, DO - 04/08/2025".
        if ((c === 45 || c === 0x2013 || c === 0x2014) && k > first && t.start[k] > t.end[k - 1]) break;
        // A sentence end, but not after a title or an initial ("Dr. Jane Roe", "Jane Q. Roe").
        if (c === 46) {
          const prev = wordAt(k - 1);
          const abbreviation = prev.length === 1 || TITLES.has(prev) || hasConcept(conceptsAt(k - 1), 'credential');
          if (k + 1 < t.n && t.start[k + 1] > t.end[k] && !abbreviation) break;
          // The point of an abbreviation belongs to the name ("M.D.").
          if (abbreviation) last = k;
        }
        continue;
      }
      const w = wordAt(k);
      if ((w === 'on' || w === 'at') && k + 1 < t.n && (t.kind[k + 1] === REFUSED || t.kind[k + 1] === NUMBER)) break;
      // Another label or a job title starts ("Technologist:", "..., Consultant Physician in ...").
      const r = roleOf(k);
      if (r && k > first) break;
      // After the credential, words that end in a colon are the next field's label ("Jane Roe, MD
      // Date signed: ...", text copied from a PDF without its layout).
      const credential = hasConcept(conceptsAt(k), 'credential');
      if (credentialed && !credential && labelAhead(k)) break;
      if (credential) credentialed = true;
      last = k;
    }
    if (last < first) return { span: { start: t.start[first] ?? 0, end: t.start[first] ?? 0 }, first, last };
    // Trailing punctuation is not part of the name.
    let e = last;
    while (e > first && ((t.kind[e] === PUNCT && charAt(e) !== 41 && charAt(e) !== 46) || t.kind[e] === GAP)) e--;
    return { span: { start: t.start[first], end: t.end[e] }, first, last: e };
  };

  /** After "(" at token k: the token after its ")" when a colon follows it on the line, else k. */
  const pastBracketBeforeColon = (k: number): number => {
    const line = t.line[k];
    for (let j = k + 1; j < t.n && j - k < 16 && t.line[j] === line && t.kind[j] !== NEWLINE; j++) {
      const c = charAt(j);
      if (c === 40 || c === 58) return k;
      if (c !== 41) continue;
      let q = j + 1;
      while (q < t.n && t.kind[q] === GAP && t.line[q] === line) q++;
      return charAt(q) === 58 ? j + 1 : k;
    }
    return k;
  };

  const validName = (first: number, last: number): boolean => {
    if (last < first) return false;
    const w = wordAt(first);
    if (!w || NOT_A_NAME.has(w)) return false;
    if (roleOf(first)) return false;
    let letters = 0;
    let credential = false;
    let tech = false;
    for (let k = first; k <= last; k++) {
      const c = conceptsAt(k);
      if (hasConcept(c, 'credential')) credential = true;
      else if (hasConcept(c, 'techCredential')) tech = true;
      // A credential alone is not a name ("<Radiologist Name>, MD"); nor is a chain of titles
      // ("doc. dr. sc.", "Dr.").
      else if (t.kind[k] === WORD && !TITLES.has(wordAt(k))) letters += t.end[k] - t.start[k];
    }
    if (letters < 2) return false;
    return !(tech && !credential);
  };

  /** Is the line a known section header ("IMPRESSION:"), not an all-capitals name ("KIRKWOOD,ELSPETH R")? */
  const knownHeaderLine = (line: number): boolean => {
    if (!ctx.headerLine[line]) return false;
    const idx = ctx.sectionOfLine[line];
    const title = idx >= 0 ? ctx.sections[idx].title : '';
    return isKnownHeader(title) || startsWithHeader(title);
  };

  /** Is the line after token k's (not blank, no known header) a person's name? */
  const nextLineName = (k: number): boolean => {
    while (k < t.n && t.kind[k] !== NEWLINE) {
      if (t.kind[k] !== PUNCT && t.kind[k] !== GAP) return false;
      k++;
    }
    const next = k < t.n ? t.line[k] + 1 : n;
    if (next >= n || ctx.blankLine[next] || knownHeaderLine(next)) return false;
    const name = nameFrom(k + 1);
    return signatureLike(name.first, name.last, false);
  };

  /** A credential opening the line (its capitals as written: "MD (Radiodiagnosis)", "MBChB, FCRad"). */
  const credentialLine = (line: number): boolean => {
    if (line >= n || ctx.blankLine[line]) return false;
    const k = tokenAt(t, doc.lines[line].start);
    if (k >= t.n || t.line[k] !== line || !hasConcept(conceptsAt(k), 'credential')) return false;
    const c0 = text.charCodeAt(t.start[k]);
    return c0 >= 65 && c0 <= 90;
  };

  /** Is token k a wide column gap (3+ spaces, a tab, a cell wall)? */
  const wideGap = (k: number): boolean =>
    k < t.n &&
    t.kind[k] === GAP &&
    ((t.flags[k] & WALL) !== 0 || t.end[k] - t.start[k] >= 2 || t.norm.charCodeAt(t.start[k]) === 9);

  /**
   * Is the line a job-title line of a signature block: short, no colon, no title before a name, and
   * a job-title word (`ROLE_LINE_WORDS`) among its first words ("Lecturer of Radiodiagnosis, MD")?
   */
  const roleLine = (line: number): boolean => {
    if (line < 0 || line >= n || ctx.blankLine[line]) return false;
    const l = doc.lines[line];
    if (l.end - l.start > 100) return false;
    let k = tokenAt(t, l.start);
    if (k >= t.n || t.line[k] !== line || SIGNER_TITLES.has(wordAt(k))) return false;
    for (let words = 0; k < t.n && t.line[k] === line && t.kind[k] !== NEWLINE; k++) {
      if (charAt(k) === 58) return false;
      if (t.kind[k] !== WORD) continue;
      if (ROLE_LINE_WORDS.has(wordAt(k))) return !excludedFrom(tokenAt(t, l.start), t.n);
      if (++words >= 6) return false;
    }
    return false;
  };

  /** Is the line under an excluded role's label alone on the line above ("Referring physician:")? */
  const underExcludedLabel = (line: number): boolean => {
    if (line < 1 || ctx.blankLine[line - 1]) return false;
    const k = tokenAt(t, doc.lines[line - 1].start);
    return k < t.n && t.line[k] === line - 1 && excludedFrom(k, t.n);
  };

  /** A titled name alone on the line ("Uzm. Dr. Elif Demir", "lek. med. A B"), or null. */
  const titledNameOn = (line: number): { span: Span; first: number; last: number } | null => {
    const l = doc.lines[line];
    if (l.end - l.start > 80 || doc.norm.slice(l.start, l.end).includes(':')) return null;
    const k = tokenAt(t, l.start);
    if (k >= t.n || t.line[k] !== line || !SIGNER_TITLES.has(wordAt(k)) || excludedFrom(k, t.n)) return null;
    if (underExcludedLabel(line)) return null;
    const name = nameFrom(k);
    return name.last >= name.first && signatureLike(name.first, name.last, false) ? name : null;
  };

  /** Does the line hold a threshold or reference cue (context bits, vocab/cues.ts)? */
  const legendLine = (line: number): boolean => {
    for (let k = ctx.firstToken[line]; k < ctx.firstToken[line + 1]; k++)
      if (ctx.reading.context[k] & THRESHOLD) return true;
    return false;
  };

  /**
   * Is the line a page's running header or footer: a line repeated word for word elsewhere in the
   * document (a letterhead printed on every page), or a page number ("Page 2 of 2")?
   */
  let repeated: Map<string, number> | null = null;
  const pageFurniture = (line: number): boolean => {
    const first = ctx.firstToken[line];
    if (wordAt(first) === 'page' && first + 1 < t.n && t.kind[first + 1] === NUMBER) return true;
    if (!repeated) {
      repeated = new Map();
      for (let l = 0; l < n; l++) {
        if (ctx.blankLine[l] || doc.lines[l].end - doc.lines[l].start > 120) continue;
        const key = doc.norm.slice(doc.lines[l].start, doc.lines[l].end).trim();
        repeated.set(key, (repeated.get(key) ?? 0) + 1);
      }
    }
    const { start, end } = doc.lines[line];
    return end - start <= 120 && (repeated.get(doc.norm.slice(start, end).trim()) ?? 0) > 1;
  };

  const starts = new Set<number>();
  const push = (span: Span, label: string) => {
    // A pasted earlier report's signer signed that report.
    if (starts.has(span.start) || span.start >= ctx.priorFrom) return;
    starts.add(span.start);
    out.push({ text: oneLine(text.slice(span.start, span.end)), label, span, range: range(ctx, span) });
  };

  /** The name after a label ending at token `end`, on its line or the next; a placeholder is the slot. */
  const nameAfterLabel = (end: number, label: string): boolean => {
    let name = nameFrom(end);
    if (name.last < name.first) {
      // The name may stand on the next line: "Electronically signed by:\nJane Roe, MD".
      let k = end;
      while (k < t.n && t.kind[k] !== NEWLINE) k++;
      const next = k < t.n ? t.line[k] + 1 : n;
      if (next >= n || ctx.blankLine[next] || knownHeaderLine(next)) return false;
      name = nameFrom(k + 1);
      if (name.last < name.first) return false;
    }
    for (let k = name.first; k <= name.last; k++) {
      if (t.kind[k] !== PLACEHOLDER) continue;
      // "________ Jane Roe, MD": a credentialed name typed after the signature line fills it.
      if (k === name.first) {
        const rest = nameFrom(k + 1);
        let credential = false;
        for (let j = rest.first; j <= rest.last; j++) if (hasConcept(conceptsAt(j), 'credential')) credential = true;
        if (credential && validName(rest.first, rest.last)) {
          push(rest.span, label);
          return true;
        }
      }
      const span = { start: t.start[k], end: t.end[k] };
      slots.push({ element: 'provider', span, range: range(ctx, span) });
      return true;
    }
    if (!validName(name.first, name.last)) return false;
    // "Electronically signed by:" on the next line is another label, not a name.
    if (charAt(name.last) === 58) return false;
    push(wrappedName(name), label);
    return true;
  };

  /**
   * A name the line break cut ("Interpreting physician: Cornelius" / "Ashdown-Mwangi, MD ...", text
   * copied from a PDF): when the name ends its line with one name word (after a title) and no
   * credential, and the next line opens with name words and a credential, the name goes on there.
   */
  const wrappedName = (name: { span: Span; first: number; last: number }): Span => {
    let k = name.last + 1;
    while (k < t.n && t.kind[k] === GAP) k++;
    if (k >= t.n || t.kind[k] !== NEWLINE) return name.span;
    // A credential's specialty cut after a lower-case word ("..., Fachaerztin fuer" / "Innere Medizin,
    // Osteologin"): the line was wrapped inside the signer's title, which goes on on the next line.
    const l0 = text.charCodeAt(t.start[name.last]);
    if (t.kind[name.last] === WORD && l0 >= 97 && l0 <= 122 && name.last > name.first) {
      const next = k + 1 < t.n ? t.line[k] + 1 : n;
      if (next < n && !ctx.blankLine[next] && !knownHeaderLine(next) && !labelAhead(k + 1)) {
        const rest = nameFrom(k + 1);
        if (rest.last >= rest.first && t.line[rest.first] === next && !roleOf(rest.first))
          return { start: name.span.start, end: rest.span.end };
      }
      return name.span;
    }
    let words = 0;
    for (let q = name.first; q <= name.last; q++) {
      if (hasConcept(conceptsAt(q), 'credential')) return name.span;
      if (t.kind[q] === WORD && !SIGNER_TITLES.has(wordAt(q)) && t.end[q] - t.start[q] > 1) words++;
    }
    if (words !== 1) return name.span;
    const next = nameFrom(k + 1);
    if (next.last < next.first || t.line[next.first] !== t.line[k] + 1 || !signatureLike(next.first, next.last, true))
      return name.span;
    return { start: name.span.start, end: next.span.end };
  };

  /** Does the role at token s open its line, alone or after an article ("Il medico refertante")? */
  const opensLine = (s: number): boolean => {
    const first = ctx.firstToken[t.line[s]];
    if (s === first) return true;
    return s === first + 1 && t.kind[first] === WORD && SIGNOFF_ARTICLES.has(wordAt(first));
  };

  /**
   * Does the rest of a label line, from token k, hold only the label's specialty words ("Medic primar
   * radiologie si imagistica medicala,"): a few words and commas or dashes, no colon, no number?
   */
  const labelRest = (k: number): boolean => {
    for (let words = 0; k < t.n && t.kind[k] !== NEWLINE; k++) {
      const kind = t.kind[k];
      if (kind === WORD) {
        if (++words > 8) return false;
      } else if (kind === PUNCT) {
        const c = charAt(k);
        if (c !== 44 && c !== 45 && c !== 46 && c !== 40 && c !== 41) return false;
      } else if (kind !== GAP) return false;
    }
    return true;
  };

  /**
   * A sign-off block around a titled name, read as one: a label line over the name ("Il medico
   * refertante" / "Dr. med. A B", "Medic primar radiologie...," / "Dr. A B"), or a job-title line under
   * it ("Dra. A B" / "Médico radiólogo - Densitometrista ..."). The titled name is the signer; the
   * label, and the job title's words after the role, never are. As the bare job-title line rule of
   * step 3 (`roleLine`), but for a line that opens with a signer role of the vocabulary.
   */
  const signOffBlock = (s: number, e: number, seg: number): boolean => {
    if (!opensLine(s) || seg !== ctx.firstToken[t.line[s]]) return false;
    const line = t.line[s];
    // A titled name after the label on its own line is the label's name (read as usual).
    const same = nameFrom(e);
    if (same.last >= same.first && t.line[same.first] === line && SIGNER_TITLES.has(wordAt(same.first))) return false;
    if (line + 1 < n && !ctx.blankLine[line + 1] && labelRest(e) && !legendLine(line + 1)) {
      const below = titledNameOn(line + 1);
      if (below) {
        push(below.span, text.slice(t.start[ctx.firstToken[line]], t.end[e - 1]));
        return true;
      }
    }
    // Under the name, only a label with a separator ("Médico radiólogo - ..."), whose words after it
    // would be read as its name; an addressee's title line ("Dr A B" / "Consultant Urologist") is none.
    const c = charAt(e);
    if (line > 0 && !ctx.blankLine[line - 1] && (c === 45 || c === 58 || c === 61)) {
      const above = titledNameOn(line - 1);
      if (!above) return false;
      for (let k = same.first; k <= same.last; k++) if (hasConcept(conceptsAt(k), 'credential')) return false;
      push(above.span, '');
      return true;
    }
    return false;
  };
  /**
   * The signer of an attestation whose label ends at token `from` ("Attending attestation: I saw and
   * examined the patient ... as documented. - A B, MD, Associate Professor"): the last credentialed
   * name that opens a line or follows a sentence's end or a spaced dash, in the paragraph.
   */
  const attestedName = (from: number, label: string): void => {
    const line0 = t.line[from - 1];
    let best: { span: Span; first: number; last: number } | null = null;
    for (let k = from; k < t.n && t.line[k] <= line0 + ATTESTATION_LINES; k++) {
      const kind = t.kind[k];
      if (kind === NEWLINE) {
        const next = t.line[k] + 1;
        if (next >= n || ctx.blankLine[next] || ctx.headerLine[next]) break;
        continue;
      }
      if (kind !== WORD && kind !== PUNCT) continue;
      // A name opens after the label, a line break, a sentence's end or a spaced dash.
      let p = k - 1;
      if (t.kind[p] === GAP) p--;
      const spaced = t.start[k] > t.end[p];
      const c = charAt(p);
      const opens =
        t.kind[p] === NEWLINE ||
        c === 58 ||
        (spaced && c === 46) ||
        (spaced && kind === PUNCT && (charAt(k) === 45 || charAt(k) === 0x2014));
      if (!opens) continue;
      const name = nameFrom(k);
      if (name.last >= name.first && signatureLike(name.first, name.last, true)) {
        best = name;
        k = name.last;
      }
    }
    if (best) push(upToCredentials(best), label);
  };
  /**
   * A signature's name up to its credentials ("A B, MD, PhD, Associate Professor of Medicine" ->
   * "A B, MD, PhD"): a job title after them is no part of the name, and a line break may cut it.
   */
  const upToCredentials = (name: { span: Span; first: number; last: number }): Span => {
    const end = credentialsEnd(name.first, name.last);
    return end >= 0 ? { start: name.span.start, end: t.end[end] } : name.span;
  };
  /** The last token of the first run of credentials in [first, last] ("MD, PhD"), or -1. */
  const credentialsEnd = (first: number, last: number): number => {
    let end = -1;
    for (let k = first; k <= last; k++) {
      if (t.kind[k] !== WORD) continue;
      if (hasConcept(conceptsAt(k), 'credential')) end = hits.end[hits.at[k]] - 1;
      else if (end >= 0) break;
    }
    return end;
  };
  /** Trainees' labels ("Fellow:", "Resident:"): token after the label and the label's text. */
  const trainees: Array<[number, string]> = [];

  // 1. Labelled signers; the first label of each line part counts.
  let lastSeg = -1;
  let labels = 0;
  const kinds = hitKinds(hits);
  for (let h = 0; h < hits.n && labels < MAX_MENTIONS; h++) {
    if (!(kinds[h] & LABEL_KINDS)) continue;
    const concepts = hits.concepts[h];
    const role = conceptOf(concepts, 'role');
    const custom = conceptOf(concepts, 'label');
    if (!(role && !role.excluded) && !(custom && custom.element === 'provider')) continue;
    const s = hits.start[h];
    let e = hits.end[h];
    if (ctx.tableLine[t.line[s]]) continue;
    // One label of several role words: "Interpreting Physician Signature:", "Radiologist - e-signature:".
    for (let steps = 0; steps < 3 && e < t.n; steps++) {
      let j = e;
      while (
        j < t.n &&
        j - e < 4 &&
        (t.kind[j] === GAP || (t.kind[j] === PUNCT && (charAt(j) === 45 || charAt(j) === 47)))
      )
        j++;
      const next = roleOf(j);
      if (!next || next.excluded || t.line[j] !== t.line[s]) break;
      e = hits.end[hits.at[j]];
    }
    labels++;
    const seg = segmentStart(s);
    // A second "... by" label after the first label's name, past a comma or semicolon: "Dictated by:
    // RMK, MD, signed by: Rosalind Kettleborough, MD" names a second provider.
    const chained =
      seg === lastSeg &&
      wordAt(e - 1) === 'by' &&
      out.length > 0 &&
      t.start[s] >= out[out.length - 1].span.end &&
      (charAt(s - 1) === 44 || charAt(s - 1) === 59);
    if (seg === lastSeg && !chained) continue;
    if (excludedFrom(seg, s)) continue;
    // A label opens its clause: "Radiologist: X" yes, "discussed with the radiologist" no.
    const prev = s - 1;
    if (prev >= seg && t.kind[prev] === WORD && !LEAD_INS.has(wordAt(prev)) && !opensLine(s)) continue;
    // "Dr A B, Consultant Physician": a job title after a comma is no label ("Calculated, interpreted
    // and signed by" is).
    if (prev >= seg && charAt(prev) === 44 && wordAt(e - 1) !== 'by') continue;
    if (prev >= seg && t.kind[prev] === NUMBER) continue;
    // "Performed by (technologist):": a role in brackets after the label excludes it.
    let k = e;
    while (k < t.n && (t.kind[k] === PUNCT || t.kind[k] === GAP) && charAt(k) !== 58 && t.kind[k] !== NEWLINE) {
      const r = roleOf(k + 1);
      if (r && r.excluded) break;
      k++;
    }
    const r = k + 1 < t.n ? roleOf(k + 1) : undefined;
    if (r && r.excluded && charAt(k) === 40) continue;
    // "Reviewing physician (审核医师):": a bracketed translation of the label before its colon.
    if (charAt(e) === 40) e = pastBracketBeforeColon(e);
    const labelText = text.slice(t.start[s], t.end[e - 1]);
    if (role && !custom && signOffBlock(s, e, seg)) {
      lastSeg = seg;
      continue;
    }
    if (role && !custom) {
      const word = t.norm.slice(t.start[s], t.end[e - 1]);
      const c = charAt(e);
      const separated = c === 58 || c === 45 || c === 61 || (t.kind[e] === GAP && t.norm.charCodeAt(t.start[e]) === 46);
      // "Signed" needs a colon or "by"; "physician" alone needs a colon, a dash or a leader.
      if (BARE_ROLES.has(word) && !separated) continue;
      // A job title that is no "... by" label: "Consultant Physician, Metabolic Bone Clinic" names a
      // place; without a separator, only a person's name follows ("Attending radiologist Dr A B").
      if (!separated && wordAt(e - 1) !== 'by' && t.kind[e] !== GAP) {
        if (c === 44 || t.line[e] !== t.line[s]) continue;
        const name = nameFrom(e);
        if (!signatureLike(name.first, name.last, false)) continue;
      }
    }
    // A trainee's line waits: the attending or signing physician is the provider ("Resident: A B,
    // MD. Attending: C D, MD" on one line).
    if (role && role.part === 'trainee') {
      trainees.push([e, labelText]);
      continue;
    }
    // An attestation's signer closes its paragraph; a signing label inside it still counts
    // ("Attestation: I agree. Electronically signed by A B, MD").
    if (role && role.part === 'attestation') {
      attestedName(e, labelText);
      continue;
    }
    lastSeg = seg;
    nameAfterLabel(e, labelText);
  }

  // 1b. A verb or agent noun alone as a line's label: "Dictated: Dr A B", "Results interpreter:
  // Jane Roe, MD"; only before a person's name ("Amended: hip probability corrected" is none).
  // A line without a colon is passed over (the label needs one); the first token of a line with
  // one is searched from the last line's (lines come in order).
  let cursor = 0;
  let colon = doc.norm.indexOf(':');
  for (let line = 0; line < n && labels < MAX_MENTIONS && colon >= 0; line++) {
    if (ctx.blankLine[line] || ctx.tableLine[line]) continue;
    const l = doc.lines[line];
    if (colon < l.start) {
      colon = doc.norm.indexOf(':', l.start);
      if (colon < 0) break;
    }
    if (colon >= l.end) continue;
    let hi = t.n;
    while (cursor < hi) {
      const mid = (cursor + hi) >> 1;
      if (t.start[mid] < l.start) cursor = mid + 1;
      else hi = mid;
    }
    const start = cursor;
    let k = start;
    while (
      k < t.n &&
      k - start < 6 &&
      t.line[k] === line &&
      (t.kind[k] === PUNCT || t.kind[k] === GAP) &&
      charAt(k) !== 58
    )
      k++;
    if (k >= t.n || t.line[k] !== line) continue;
    // A colon right after the verb (or after a lead-in and the verb) first: most lines have none.
    if (charAt(k + 1) !== 58 && charAt(k + 2) !== 58) continue;
    if (LEAD_INS.has(wordAt(k)) || wordAt(k) === 'study') k++;
    if (!BARE_SIGNERS.has(wordAt(k)) || charAt(k + 1) !== 58) continue;
    const name = nameFrom(k + 2);
    if (!signatureLike(name.first, name.last, false) && !nextLineName(k + 2)) continue;
    labels++;
    nameAfterLabel(k + 2, text.slice(t.start[start], t.end[k]));
  }

  // 2. A letter's sign-off: the name after the courtesy, on its line or the next lines.
  if (!out.length) {
    for (let h = hits.n - 1; h >= 0; h--) {
      if (!(kinds[h] & COURTESY_KIND) || !conceptOf(hits.concepts[h], 'courtesy')) continue;
      if (t.start[hits.start[h]] >= ctx.priorFrom) continue;
      const e = hits.end[h];
      const line = t.line[hits.start[h]];
      // "Thank you for your referral. Dr A B, FRANZCR 04/09/2024": the name on the same line; past a
      // sentence that names someone else ("Thank you for referring Mrs T. Dr A B FRANZCR 09/02/2026"),
      // a credentialed name after it.
      let same = nameFrom(e);
      for (
        let tries = 0;
        tries < 3 &&
        same.last >= same.first &&
        t.line[same.first] === line &&
        !signatureLike(same.first, same.last, true);
        tries++
      ) {
        let k = same.last + 1;
        while (k < t.n && k - same.last < 40 && t.kind[k] !== NEWLINE && !(t.kind[k] === PUNCT && charAt(k) === 46))
          k++;
        if (k >= t.n || t.kind[k] !== PUNCT) break;
        same = nameFrom(k + 1);
      }
      if (same.last >= same.first && t.line[same.first] === line && signatureLike(same.first, same.last, true)) {
        push(same.span, text.slice(t.start[hits.start[h]], t.end[e - 1]));
        break;
      }
      // "Sincerely," then (after a blank line) the name; a page break's running header between them
      // (repeated lines, "Page 2 of 2") is skipped.
      let found = false;
      for (let l = line + 1, seen = 0; l < n && seen < 2; l++) {
        if (ctx.blankLine[l] || pageFurniture(l)) continue;
        seen++;
        const first = tokenAt(t, doc.lines[l].start);
        const name = nameFrom(first);
        if (name.last >= name.first && signatureLike(name.first, name.last, false)) {
          push(name.span, text.slice(t.start[hits.start[h]], t.end[e - 1]));
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }

  // 3. A bare signature line near the end: "Jane Roe, MD"; "Dr Jane Roe" above a role line.
  if (!out.length) {
    let seen = 0;
    // Above a pasted earlier report's banner, if there is one.
    const last = ctx.priorFrom < doc.norm.length ? lineOf(doc, ctx.priorFrom) - 1 : n - 1;
    for (let line = last; line >= 0 && seen < 6; line--) {
      if (ctx.blankLine[line]) continue;
      // A legend or reference line under the signature ("Osteoporosis: T-score -2.5 or lower") is
      // boilerplate: it does not push the signature out of reach.
      if (!legendLine(line)) seen++;
      const first = tokenAt(t, doc.lines[line].start);
      if (first >= t.n) continue;
      const l = doc.lines[line];
      if (l.end - l.start > 80 || excludedFrom(first, t.n) || doc.norm.slice(l.start, l.end).includes(':')) continue;
      // A signature dash or "/s/" before the name: then "Dr" and a name will do.
      let k = first;
      while (
        k < t.n &&
        t.line[k] === line &&
        (charAt(k) === 45 || (t.kind[k] === GAP && t.norm.charCodeAt(t.start[k]) === 45))
      )
        k++;
      if (charAt(k) === 47 && wordAt(k + 1) === 's' && charAt(k + 2) === 47) k += 3;
      // "Radiologist    Yoon Hye-rin, MD": a job title, a column gap, then the name.
      if (ROLE_LINE_WORDS.has(wordAt(k)) && wideGap(k + 1) && t.line[k + 2] === line) k += 2;
      const dashed = k > first && SIGNER_TITLES.has(wordAt(k));
      const name = nameFrom(k);
      if (name.last < name.first || underExcludedLabel(line)) continue;
      // A job-title line under a titled name ("Dra. A B" over "Médica especialista en ..."): the
      // name above is the signer, never the job title.
      if (roleLine(line) && !SIGNER_TITLES.has(wordAt(k))) {
        const above = line - 1;
        if (above >= 0 && !ctx.blankLine[above]) {
          const a = titledNameOn(above);
          if (a) {
            push(a.span, '');
            break;
          }
        }
      }
      const below = line + 1 < n ? tokenAt(t, doc.lines[line + 1].start) : t.n;
      // A role title alone on the line below ("Consultant Radiologist"), not a labelled line.
      const roleBelow =
        below < t.n &&
        t.line[below] === line + 1 &&
        roleOf(below) !== undefined &&
        !roleOf(below)?.excluded &&
        !doc.norm.slice(doc.lines[line + 1].start, doc.lines[line + 1].end).includes(':');
      // A credential line below ("MD (Radiodiagnosis)", "MBChB, FCRad(D)SA"), or a job title after a
      // comma on the line ("dr. A B, radioloog"), marks a signature block as a role line does.
      let after = name.last + 1;
      while (after < t.n && (charAt(after) === 44 || t.kind[after] === GAP)) after++;
      const titled = after < t.n && t.line[after] === line && roleOf(after) !== undefined && !roleOf(after)?.excluded;
      // A job-title line right below or right above a titled name ("Dr. A B" / "Lecturer of
      // Radiodiagnosis, MD"; "Radiologist" / "Dr. A B").
      const roleBeside =
        SIGNER_TITLES.has(wordAt(name.first)) &&
        !underExcludedLabel(line) &&
        (roleLine(line + 1) || (line > 0 && roleLine(line - 1)));
      if (
        signatureLike(name.first, name.last, true) ||
        ((roleBelow || dashed || titled || roleBeside || credentialLine(line + 1)) &&
          signatureLike(name.first, name.last, false))
      ) {
        push(name.span, '');
        break;
      }
    }
  }

  // 4. An attestation: "I, Dr. Jane Roe, have personally reviewed the images and the TBS calculation".
  if (!out.length) {
    for (let k = 0; k + 3 < t.n; k++) {
      if (text.charCodeAt(t.start[k]) !== 73 || t.end[k] - t.start[k] !== 1 || charAt(k + 1) !== 44) continue;
      if (wordAt(k) !== 'i') continue;
      let j = k + 2;
      const start = j;
      while (j < t.n && j - start < 12 && charAt(j) !== 44 && t.kind[j] !== NEWLINE) j++;
      if (charAt(j) !== 44) continue;
      const verb = wordAt(j + 1) === 'have' || wordAt(j + 1) === 'has' ? wordAt(j + 2) : wordAt(j + 1);
      const v = verb === 'personally' ? wordAt(j + 3) : verb;
      if (!['reviewed', 'interpreted', 'performed', 'examined', 'read'].includes(v)) continue;
      if (!validName(start, j - 1)) continue;
      push({ start: t.start[start], end: t.end[j - 1] }, '');
      break;
    }
  }
  // 4b. A credentialed signature after a closing statement, on one of the last lines, the rest of
  // its line ("I have seen and examined the patient and agree with the plan. -- A B, MD, Attending",
  // "I agree with the interpretation above. A B, MD 01/22/2026").
  if (!out.length) {
    const last = ctx.priorFrom < doc.norm.length ? lineOf(doc, ctx.priorFrom) - 1 : n - 1;
    for (let line = last, seen = 0; line >= 0 && seen < 6 && !out.length; line--) {
      if (ctx.blankLine[line]) continue;
      seen++;
      for (let k = ctx.firstToken[line] + 1; k < ctx.firstToken[line + 1]; k++) {
        // After a sentence's end and a space, with or without a dash.
        let p = k - 1;
        const c = charAt(k);
        if (c === 45 || c === 0x2014) while (p >= 0 && charAt(p) === c) p--;
        else if (t.kind[k] !== WORD) continue;
        if (t.kind[p] === GAP) p--;
        if (charAt(p) !== 46 || t.start[k] === t.end[p] || t.line[p] !== line) continue;
        const name = nameFrom(k);
        if (
          name.last < name.first ||
          !signatureLike(name.first, name.last, true) ||
          excludedFrom(name.first, name.last)
        )
          continue;
        // The signature ends its line (a date, a time or a job title may follow it).
        let q = credentialsEnd(name.first, name.last) + 1;
        while (q < t.n && (t.kind[q] === GAP || t.kind[q] === PUNCT)) q++;
        if (q < t.n && t.kind[q] === WORD && !roleOf(q) && t.line[q] === line) continue;
        push(upToCredentials(name), '');
        break;
      }
    }
  }

  // 5. A trainee's line, when no one else signs.
  if (!out.length) for (const [e, label] of trainees) if (nameAfterLabel(e, label)) break;
  out.sort((a, b) => a.span.start - b.span.start);
  return out;

  /**
   * Does tokens [first, last] look like a signature: capitalised name words and a credential
   * ("Jane Roe, MD", "Dr A B FRCR"), or, when `needCredential` is false, "Dr" and a name, or two to
   * four capitalised words?
   */
  function signatureLike(first: number, last: number, needCredential: boolean): boolean {
    if (!validName(first, last)) return false;
    let words = 0;
    let credential = false;
    let dr = false;
    for (let k = first; k <= last; k++) {
      if (t.kind[k] === PLACEHOLDER) return false;
      if (t.kind[k] !== WORD) continue;
      const c = conceptsAt(k);
      if (hasConcept(c, 'credential')) {
        // What follows the credential ("für Radiologie", "(Radiology)") is not the name.
        credential = true;
        break;
      }
      const w = wordAt(k);
      // Titles before the first name word ("Dr", "Dra.", "Dott.ssa", "Prof. Dr.").
      if (words === 0 && SIGNER_TITLES.has(w) && (k === first || dr)) {
        dr = true;
        continue;
      }
      if (w === 'med' && dr) continue;
      // A name word is letters only, capitalised.
      for (let i = t.start[k]; i < t.end[k]; i++) {
        const d = t.norm.charCodeAt(i);
        if (d >= 48 && d <= 57) return false;
      }
      const c0 = text.charCodeAt(t.start[k]);
      if (PARTICLES.has(w) && k > first) continue;
      // The second part of a hyphenated given name may be lower case ("Hye-rin", "Thi-lan").
      if (k >= first + 2 && charAt(k - 1) === 45 && t.start[k] === t.end[k - 1] && t.start[k - 1] === t.end[k - 2])
        continue;
      if (!(c0 >= 65 && c0 <= 90) && !(c0 >= 0xc0 && c0 <= 0xde)) return false; // a name word is capitalised
      words++;
    }
    if (words < 1 || words > 5) return false;
    if (credential) return words >= 1 && (dr || words >= 2 || needCredential);
    return !needCredential && (dr ? words >= 1 : words >= 2);
  }
}
