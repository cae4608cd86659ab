/**
 * Section headers from the vocabulary (`vocab/sections.ts`): what kind of section a title opens,
 * whether a mixed-case label is a known header, and which words a header can start with. A title is
 * read in words (hyphens, points and spacing do not matter): its longest known header phrase at the
 * start decides; else a risk header at its end ("TBS-ADJUSTED 10-YEAR FRACTURE RISK").
 */
import { memoByString } from '../memo';
import { normalise } from '../text';
import type { SectionKind } from '../types';
import { GAP, NEWLINE, NUMBER, PUNCT, tokenise, WORD } from './tokens';
import { foldKey } from './fold';
import { HEADER_KINDS } from './vocab/sections';

interface Node {
  next: Map<string, Node>;
  kind: SectionKind | null;
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

function computeWords(text: string): string[] {
  const t = tokenise(normalise(text));
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) {
    const k = t.kind[i];
    if (k === WORD || k === NUMBER) out.push(foldKey(t.norm.slice(t.start[i], t.end[i])));
    else if (k === PUNCT) {
      const c = t.norm.charCodeAt(t.start[i]);
      // Joining marks are not words; a bracket or a slash ends nothing either ("(TBS)", "and/or").
      if (c !== 45 && c !== 46 && c !== 39 && c !== 40 && c !== 41 && c !== 47 && c !== 35 && c !== 42)
        out.push(String.fromCharCode(c));
    } else if (k === GAP || k === NEWLINE) continue;
  }
  return out;
}

/**
 * The words of a title (memoised: a header line's title is read up to three times, by kind, by
 * whether it is a known header and whether it starts with one; templates repeat their headers).
 */
const wordsOf: (text: string) => string[] = memoByString(computeWords, 2000, 200);

let trie: Node | null = null;
let firstWords: Set<string> | null = null;

function build(): Node {
  const root: Node = { next: new Map(), kind: null };
  firstWords = new Set();
  for (const [phrase, kind] of HEADER_KINDS) {
    const words = wordsOf(phrase);
    if (!words.length) continue;
    // The first word as written and without its accents (the section finder compares it in place).
    firstWords.add(words[0]);
    const raw = phrase.split(' ')[0];
    if (raw !== words[0] && foldKey(raw) === words[0]) firstWords.add(raw);
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), kind: null };
        node.next.set(w, child);
      }
      node = child;
    }
    node.kind ??= kind;
  }
  return root;
}

/** The longest header phrase at word `from`: its kind and length in words, or null. */
function longestAt(words: readonly string[], from: number): { kind: SectionKind; length: number } | null {
  let node: Node | undefined = (trie ??= build());
  let best: { kind: SectionKind; length: number } | null = null;
  for (let i = from; i < words.length && node; i++) {
    node = node.next.get(words[i]);
    if (node?.kind) best = { kind: node.kind, length: i - from + 1 };
  }
  return best;
}

function computeKind(title: string): SectionKind {
  const kind = kindOfWords(wordsOf(title));
  // A bilingual title, "CONCLUSÃO / CONCLUSION" or "Résultats / Results": the first half that is a
  // known header decides.
  if (kind !== 'other' || !title.includes('/')) return kind;
  for (const part of title.split('/')) {
    const k = kindOfWords(wordsOf(part));
    if (k !== 'other') return k;
  }
  return kind;
}

function kindOfWords(words: readonly string[]): SectionKind {
  // A list of inputs anywhere in the title ("FRAX risk factors") is no result section.
  for (let i = 0; i < words.length; i++) if (longestAt(words, i)?.kind === 'other') return 'other';
  // "6. TRABECULAR BONE SCORE": a list number is not part of the title.
  let from = 0;
  while (from < words.length && isNumber(words[from])) from++;
  const head = longestAt(words, from);
  if (head) return head.kind;
  // A risk header at the end: "TBS-adjusted fracture risk", "10-year fracture probability".
  for (let i = from + 1; i < words.length; i++) {
    const tail = longestAt(words, i);
    if (tail && tail.kind === 'risk' && i + tail.length === words.length) return 'risk';
  }
  return 'other';
}

/** The kind of section a header title opens (memoised: templates repeat their headers). */
export const headerKind: (title: string) => SectionKind = memoByString(computeKind, 2000, 200);

/** Is the whole label a known header ("Impression", "Impression and recommendation", "Comment")? */
export function isKnownHeader(label: string): boolean {
  const words = wordsOf(label);
  const head = longestAt(words, 0);
  if (head !== null && head.length === words.length) return true;
  // A bilingual title: one half a known header, every other half a short title of words
  // ("Conclusão / Conclusion", "Kommentar / Comment", "Hallazgos / Findings").
  if (!label.includes('/')) return false;
  const parts = label.split('/');
  if (parts.length > 3) return false;
  let known = false;
  for (const p of parts) {
    const w = wordsOf(p);
    if (w.length === 0 || w.length > BILINGUAL_WORDS) return false;
    const h = longestAt(w, 0);
    if (h !== null && h.length === w.length) known = true;
    else if (w.some(isNumber)) return false;
  }
  return known;
}

/** Most words in one half of a bilingual title. */
const BILINGUAL_WORDS = 3;

/** Does the label start with a known header ("Fracture risk (FRAX adjusted for TBS)")? */
export function startsWithHeader(label: string): boolean {
  return longestAt(wordsOf(label), 0) !== null;
}

/** Can a mixed-case header start with this (lower-case) word? */
export function isHeaderFirstWord(word: string): boolean {
  if (!firstWords) trie = build();
  return (firstWords as Set<string>).has(word) || (firstWords as Set<string>).has(foldKey(word));
}

/** The header first words by length, then first character (for a test in place). */
let firstWordsByShape: Map<number, string[]> | null = null;

/** Is s[from, to) a word a mixed-case header can start with? (Compared in place: no string is made.) */
export function isHeaderFirstWordAt(s: string, from: number, to: number): boolean {
  if (!firstWordsByShape) {
    if (!firstWords) trie = build();
    firstWordsByShape = new Map();
    for (const w of firstWords as Set<string>) {
      const key = w.length * 0x10000 + w.charCodeAt(0);
      const list = firstWordsByShape.get(key);
      if (list) list.push(w);
      else firstWordsByShape.set(key, [w]);
    }
  }
  const len = to - from;
  if (len <= 0) return (firstWords as Set<string>).has('');
  const list = firstWordsByShape.get(len * 0x10000 + s.charCodeAt(from));
  if (!list) return false;
  for (const w of list) if (s.startsWith(w, from)) return true;
  return false;
}
