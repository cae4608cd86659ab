/**
 * Who the patient is: sex, menopausal status, age and BMI, read from tokens and vocabulary hits
 * (`vocab/demographics.ts`), never from a phrasing pattern.
 *
 * - A labelled value: "Sex: F", "Age: 71", "Age (years) 71", "BMI: 27.4 kg/m²", in prose, key/value
 *   lines and table rows alike. Slashed label pairs take slashed values in order: "Age / sex ......
 *   93 y / male", "Sex/Age: F/71".
 * - An age with its unit: "72-year-old", "68 yo", "71 years of age"; a sex word or letter next to it
 *   ("a 68 yo F", "Female, 67", "67 M").
 * - A sex word about one person ("lady", "gentleman", "woman"); a group noun ("postmenopausal women",
 *   "men aged 50 and over") speaks of a population and is not the patient.
 * - An age from the date of birth and the exam date, only when the dates say it unambiguously: ISO or
 *   month-name dates, or slashed dates whose order (day/month or month/day) the document settles, or
 *   whose age comes out the same either way.
 *
 * When in doubt nothing is read: a misread sex or age changes who the WHO classes apply to.
 */
import type { Ctx } from '../context';
import { range } from '../context';
import type { MenopausalStatus, NumberFact, Population, Sex, Span } from '../types';
import type { Concept } from './concepts';
import { CURRENT, HISTORICAL, HYPOTHETICAL, NEGATED, THRESHOLD, UNCERTAIN } from './concepts';
import { conceptOf } from './read';
import { hitKinds, kindBit } from './kinds';
import type { Tokens } from './tokens';
import {
  DECIMAL,
  GAP,
  NEWLINE,
  NUMBER,
  PUNCT,
  REFUSED,
  SIGNED,
  UNIT_KG_M2,
  UNIT_NONE,
  UNIT_OTHER,
  UNIT_PERCENT,
  UNIT_TIME,
  WALL,
  tokenAt,
  WORD,
  wordIn,
  punctAt,
} from './tokens';
import {
  AGE_COPULAS,
  AGE_FOLLOWERS,
  AGE_LIMITS,
  AGE_OF,
  AGE_SUBJECTS,
  AGE_UNIT_WORDS,
  ARTICLES,
  BMI_LIMITS,
  EVENT_AGE_WORDS,
  EXAM_DATE_PREPOSITIONS,
  EXAM_DATE_WORDS,
  GROUP_NOUNS,
  HL7_FIELDS,
  HL7_SEX_CODES,
  HORIZON_AFTER,
  HORIZON_BEFORE,
  MONTHS,
  PATIENT_LABELS,
  SEX_LETTERS,
  TITLE_FEMININE_ENDINGS,
  TITLES,
} from './vocab/demographics';
import { wordTest } from './values';

type Field = Extract<Concept, { c: 'demographic' }>['field'];

const COLON = 58;
const EQUALS = 61;
const SLASH = 47;
const COMMA = 44;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN = 40;
const CLOSE = 41;
const LESS = 60;
const MORE = 62;

/** wordIn(t, k, PATIENT_LABELS), with a shape table first (the walk below asks it of every word). */
const isPatientLabel = wordTest(PATIENT_LABELS);

/** Separators between a label and its value: ":", "=", "-", brackets, column gaps, dot leaders. */
function isLeader(t: Tokens, i: number): boolean {
  if (t.kind[i] === GAP) return true;
  const c = punctAt(t, i);
  return (
    c === COLON ||
    c === EQUALS ||
    c === 45 ||
    c === OPEN ||
    c === CLOSE ||
    c === 46 ||
    c === 0x2026 ||
    c === 42 ||
    c === 95
  );
}

/** What the reading of one document found, with the rank of the form each came from (lower wins). */
interface Candidate<T> {
  value: T;
  rank: number;
  span: Span;
}

function better<T>(a: Candidate<T> | null, b: Candidate<T>): Candidate<T> {
  return !a || b.rank < a.rank ? b : a;
}

/** The demographic field of the hit that starts at token i, if any. */
function fieldAt(ctx: Ctx, i: number): { field: Field; end: number } | null {
  const { hits } = ctx.reading;
  if (i < 0 || i >= ctx.reading.tokens.n) return null;
  const h = hits.at[i];
  if (h < 0 || hits.start[h] !== i) return null;
  const d = conceptOf(hits.concepts[h], 'demographic');
  return d ? { field: d.field, end: hits.end[h] } : null;
}

/** The sex the hit at token i names: a word, or (when `letters`) a letter; plural words are groups. */
function sexAt(ctx: Ctx, i: number, letters: boolean): { sex: Sex; end: number } | null {
  const { hits, tokens: t } = ctx.reading;
  if (i < 0 || i >= t.n) return null;
  const h = hits.at[i];
  if (h < 0 || hits.start[h] !== i) return null;
  const s = conceptOf(hits.concepts[h], 'sex');
  if (!s) return null;
  const single = hits.end[h] - hits.start[h] === 1;
  if (single && wordIn(t, i, GROUP_NOUNS)) return null;
  if (!letters && single && wordIn(t, i, SEX_LETTERS)) return null;
  return { sex: s.sex, end: hits.end[h] };
}

/** An integer age at token i (a number, or the digits of a refused "71/F"), or null. */
function ageNumber(t: Tokens, i: number): number | null {
  if (i < 0 || i >= t.n) return null;
  let v: number;
  if (t.kind[i] === NUMBER) {
    if (t.flags[i] & SIGNED || t.unit[i] === UNIT_PERCENT || t.unit[i] === UNIT_KG_M2) return null;
    v = t.value[i];
  } else if (t.kind[i] === REFUSED) {
    const len = t.end[i] - t.start[i];
    if (len > 3) return null;
    v = 0;
    for (let k = t.start[i]; k < t.end[i]; k++) {
      const c = t.norm.charCodeAt(k);
      if (c < 48 || c > 57) return null;
      v = v * 10 + c - 48;
    }
  } else return null;
  return v >= AGE_LIMITS[0] && v <= AGE_LIMITS[1] ? v : null;
}

/** After an age's number: its unit word ("y", "years") or phrase ("year old", "yo"), if any. */
function afterAgeUnit(ctx: Ctx, i: number): number {
  const t = ctx.reading.tokens;
  const k = i + 1;
  const f = fieldAt(ctx, k) ?? (punctAt(t, k) === 45 ? fieldAt(ctx, k + 1) : null);
  if (f && f.field === 'ageUnit') return f.end;
  if (wordIn(t, k, AGE_UNIT_WORDS)) return k + 1;
  return k;
}

/** Does a number's unit, if it has one, name years? ("71 kg" is no age.) */
function yearsOrNone(ctx: Ctx, i: number): boolean {
  const t = ctx.reading.tokens;
  if (t.kind[i] !== NUMBER || t.unit[i] === UNIT_NONE) return true;
  if (t.unit[i] !== UNIT_OTHER && t.unit[i] !== UNIT_TIME) return false;
  return afterAgeUnit(ctx, i) > i + 1;
}

/** Is the token in a context that states nothing about this patient now? */
function notStated(ctx: Ctx, i: number, negation = true): boolean {
  const cx = ctx.reading.context[i];
  if (ctx.reading.tokens.start[i] >= ctx.priorFrom) return true;
  return (cx & (THRESHOLD | HYPOTHETICAL | UNCERTAIN | (negation ? NEGATED : 0))) !== 0;
}

/** The previous word or number token before i on its line (punctuation skipped), or -1. */
function prevWord(t: Tokens, i: number): number {
  for (let k = i - 1; k >= 0 && i - k < 4; k--) {
    if (t.kind[k] === NEWLINE) return -1;
    if (t.kind[k] === WORD || t.kind[k] === NUMBER) return k;
  }
  return -1;
}

/** The first word or number token after i on its line (punctuation skipped), or -1. */
function nextWord(t: Tokens, i: number): number {
  for (let k = i; k < t.n && k - i < 3; k++) {
    if (t.kind[k] === NEWLINE) return -1;
    if (t.kind[k] === WORD || t.kind[k] === NUMBER) return k;
  }
  return -1;
}

interface Found {
  age: Candidate<number> | null;
  sex: Candidate<Sex> | null;
}

/** Slashed labels with slashed values: "Age / sex ...... 93 y / male", "Sex/Age: F/71". */
function slashed(ctx: Ctx, first: number, found: Found): number {
  const t = ctx.reading.tokens;
  const fields: Field[] = [];
  let k = first;
  for (;;) {
    const f = fieldAt(ctx, k);
    if (!f || (f.field !== 'age' && f.field !== 'sex')) break;
    fields.push(f.field);
    k = f.end;
    if (punctAt(t, k) !== SLASH) break;
    k++;
  }
  if (fields.length < 2) return -1;
  const line = t.line[first];
  while (k < t.n && t.line[k] === line && isLeader(t, k)) k++;
  const values: Array<{ field: Field; tok: number; value: number | Sex }> = [];
  for (let f = 0; f < fields.length; f++) {
    if (k >= t.n || t.line[k] !== line) return -1;
    if (fields[f] === 'age') {
      const v = ageNumber(t, k);
      if (v === null) return -1;
      values.push({ field: 'age', tok: k, value: v });
      k = afterAgeUnit(ctx, k);
    } else {
      const s = sexAt(ctx, k, true);
      if (!s) return -1;
      values.push({ field: 'sex', tok: k, value: s.sex });
      k = s.end;
    }
    if (f + 1 < fields.length) {
      if (punctAt(t, k) !== SLASH) return -1;
      k++;
    }
  }
  for (const v of values) {
    const span = { start: t.start[v.tok], end: t.end[v.tok] };
    if (v.field === 'age') found.age = better(found.age, { value: v.value as number, rank: 0, span });
    else found.sex = better(found.sex, { value: v.value as Sex, rank: 0, span });
  }
  return k;
}

/** "Age: 71", "Age (years) 71", "aged 71": the age after its label. */
function labelledAge(ctx: Ctx, label: number, end: number): Candidate<number> | null {
  const t = ctx.reading.tokens;
  // "since age 51", "menopause at age 48", "men aged 50": an event's age or a group's.
  let before = prevWord(t, label);
  // "at the age of 45": past the article.
  if (before >= 0 && wordIn(t, before, ARTICLES)) before = prevWord(t, before);
  if (before >= 0 && (wordIn(t, before, EVENT_AGE_WORDS) || wordIn(t, before, GROUP_NOUNS))) return null;
  const line = t.line[label];
  let words = 0;
  for (let k = end; k < t.n && t.line[k] === line && k - end < 12; k++) {
    if (isLeader(t, k)) continue;
    if (t.kind[k] === WORD) {
      // "Age (years)", "Age in years", "Age at time of scan": a few words; never another label.
      if (fieldAt(ctx, k) || ctx.reading.hits.at[k] >= 0 || ++words > 3) return null;
      continue;
    }
    const v = ageNumber(t, k);
    if (v === null) return null;
    if (!yearsOrNone(ctx, k) || notStated(ctx, k)) return null;
    // "age 50-70": a range.
    if (punctAt(t, k + 1) === 45 && t.end[k] === t.start[k + 1]) return null;
    return { value: v, rank: 0, span: { start: t.start[k], end: t.end[k] } };
  }
  return null;
}

/** "72-year-old", "68 yo", "71 years of age": the number before an age unit phrase. */
function unitAge(ctx: Ctx, unitStart: number): { cand: Candidate<number>; tok: number } | null {
  const t = ctx.reading.tokens;
  let k = unitStart - 1;
  if (punctAt(t, k) === 45) k--;
  const v = ageNumber(t, k);
  // A negation nearby ("FRAX is not appropriate for this 52-year-old man") does not deny an age.
  if (v === null || t.kind[k] !== NUMBER || t.flags[k] & DECIMAL || notStated(ctx, k, false)) return null;
  const before = prevWord(t, k);
  if (before >= 0 && wordIn(t, before, EVENT_AGE_WORDS)) return null;
  if (timeHorizon(ctx, k, unitStart)) return null;
  return { cand: { value: v, rank: 1, span: { start: t.start[k], end: t.end[k] } }, tok: k };
}

/**
 * Is "N years" (number at k, a bare years word at `unit`) a time horizon, never an age: after a
 * preposition of time ("a 10 anos", "à 10 ans", "in 10 years", "over the next 10 years", "la 10 ani")
 * or before a risk noun ("10 years risk")? An age phrase ("72 years old", "68 yo") never is.
 */
function timeHorizon(ctx: Ctx, k: number, unit: number): boolean {
  const t = ctx.reading.tokens;
  const { hits } = ctx.reading;
  const h = hits.at[unit];
  const end = h >= 0 ? hits.end[h] : unit + 1;
  if (end !== unit + 1 || t.end[unit] - t.start[unit] < 3 || !wordIn(t, unit, AGE_UNIT_WORDS)) return false;
  const before = prevWord(t, k);
  if (before >= 0 && wordIn(t, before, HORIZON_BEFORE)) return true;
  const after = nextWord(t, end);
  return after >= 0 && wordIn(t, after, HORIZON_AFTER);
}

/** A sex letter or word right after an age and its unit: "68 yo F", "93 y / male", "71F". */
function sexAfterAge(ctx: Ctx, after: number): Candidate<Sex> | null {
  const t = ctx.reading.tokens;
  let k = after;
  if (punctAt(t, k) === SLASH || punctAt(t, k) === COMMA) k++;
  const s = sexAt(ctx, k, true);
  return s && !notStated(ctx, k) ? { value: s.sex, rank: 1, span: { start: t.start[k], end: t.end[k] } } : null;
}

/** Does the clause end after token k (end of line, a stop, a comma, a bracket or a column gap)? */
function clauseEndsAfter(t: Tokens, k: number): boolean {
  if (k + 1 >= t.n) return true;
  const kind = t.kind[k + 1];
  if (kind === NEWLINE || kind === GAP) return true;
  const c = punctAt(t, k + 1);
  return c === 46 || c === COMMA || c === 59 || c === CLOSE || c === SLASH;
}

/** Does a clause start before token k? */
function clauseStartsBefore(t: Tokens, k: number): boolean {
  if (k === 0) return true;
  const kind = t.kind[k - 1];
  if (kind === NEWLINE || kind === GAP) return true;
  const c = punctAt(t, k - 1);
  // A dash with a space after it ("DXA 2/20/26 -- 66M", "Name - 71F") sets a clause apart.
  if (c === 45 && t.end[k - 1] < t.start[k]) return true;
  // A question or exclamation mark ends a sentence as a stop does ("Osteoporosis? Woman, 79 years.").
  return c === 46 || c === COMMA || c === 59 || c === OPEN || c === COLON || c === SLASH || c === 63 || c === 33;
}

/** "Female, 67", "67 F", "M/71": a bare age next to a sex word or letter, alone in its clause. */
function ageBesideSex(ctx: Ctx, sexTok: number, sexEnd: number): Candidate<number> | null {
  const t = ctx.reading.tokens;
  // After the sex: "Female, 67", "F/71", "F   71", "Postmenopausal woman, 79 years" (a status before
  // the noun belongs to its clause).
  const lead = statusBefore(ctx, sexTok);
  let k = sexEnd;
  if ((punctAt(t, k) === COMMA || punctAt(t, k) === SLASH || t.kind[k] === GAP) && t.line[k] === t.line[sexTok]) k++;
  let v = ageNumber(t, k);
  if (v !== null && t.line[k] === t.line[sexTok] && yearsOrNone(ctx, k) && !(t.flags[k] & DECIMAL)) {
    const last = afterAgeUnit(ctx, k) - 1;
    if (clauseEndsAfter(t, last) && clauseStartsBefore(t, lead) && !notStated(ctx, k))
      return { value: v, rank: 2, span: { start: t.start[k], end: t.end[k] } };
  }
  // Before it: "67 F", "67, female", "71/M", "67 y   F", "65F" (a letter glued to the number).
  k = sexTok - 1;
  if (punctAt(t, k) === COMMA || punctAt(t, k) === SLASH || (k >= 0 && t.kind[k] === GAP)) k--;
  if (k >= 0 && wordIn(t, k, AGE_UNIT_WORDS)) k--;
  v = ageNumber(t, k);
  if (v !== null && t.line[k] === t.line[sexTok] && !(t.flags[k] & DECIMAL) && clauseStartsBefore(t, k)) {
    const glued = t.kind[k] === NUMBER && t.end[k] === t.start[sexTok];
    if ((glued || clauseEndsAfter(t, sexEnd - 1)) && !notStated(ctx, k))
      return { value: v, rank: 2, span: { start: t.start[k], end: t.end[k] } };
  }
  return null;
}

/** The start of a menopausal status hit that ends right before token k ("postmenopausal woman"), else k. */
function statusBefore(ctx: Ctx, k: number): number {
  const { hits } = ctx.reading;
  const h = k > 0 ? hits.at[k - 1] : -1;
  return h >= 0 && hits.end[h] === k && conceptOf(hits.concepts[h], 'menopause') ? hits.start[h] : k;
}

/**
 * "a gentleman of 78", "a retired engineer of 83": an age after AGE_OF following a person noun (the
 * token at `k`), the number ending its clause or followed by one of AGE_FOLLOWERS ("of 20 years
 * standing" goes on: no age).
 */
function ageAfterOf(ctx: Ctx, k: number): Candidate<number> | null {
  const t = ctx.reading.tokens;
  if (!wordIn(t, k, AGE_OF)) return null;
  const n = k + 1;
  const v = ageNumber(t, n);
  if (v === null || t.kind[n] !== NUMBER || t.line[n] !== t.line[k] || t.flags[n] & DECIMAL) return null;
  if (!yearsOrNone(ctx, n) || notStated(ctx, n)) return null;
  const last = afterAgeUnit(ctx, n) - 1;
  if (!clauseEndsAfter(t, last) && !wordIn(t, last + 1, AGE_FOLLOWERS)) return null;
  return { value: v, rank: 2, span: { start: t.start[n], end: t.end[n] } };
}

// ---------------------------------------------------------------- dates

interface DateParts {
  /** Parts as written, in order; `month` is set when a month name was written. */
  parts: number[];
  month: number | null;
  /** Index of the 4-digit year part (0: ISO, 2: day-month order unknown), -1 if none. */
  year: number;
  span: Span;
}

function monthOf(t: Tokens, i: number): number | null {
  if (i < 0 || i >= t.n || t.kind[i] !== WORD) return null;
  const len = t.end[i] - t.start[i];
  for (const [name, m] of MONTHS) if (name.length === len && t.norm.startsWith(name, t.start[i])) return m;
  return null;
}

/** Reads digits at offset p: value and end offset, or null. */
function digitsAt(norm: string, p: number): { v: number; end: number; len: number } | null {
  let v = 0;
  let k = p;
  while (k < norm.length && k - p < 4) {
    const c = norm.charCodeAt(k);
    if (c < 48 || c > 57) break;
    v = v * 10 + c - 48;
    k++;
  }
  if (k === p) return null;
  const c = norm.charCodeAt(k);
  if (c >= 48 && c <= 57) return null;
  return { v, end: k, len: k - p };
}

/** The date that starts at token i: "12/03/1951", "1951-03-12", "12.03.1951", "12 March 1951", "March 12, 1951". */
function dateAt(ctx: Ctx, i: number): DateParts | null {
  const t = ctx.reading.tokens;
  if (i >= t.n) return null;
  const norm = t.norm;
  const m0 = monthOf(t, i);
  if (m0 !== null) {
    // "March 12, 1951"
    let k = i + 1;
    if (punctAt(t, k) === 46) k++;
    if (t.kind[k] !== NUMBER) return null;
    const d = t.value[k];
    k++;
    if (punctAt(t, k) === COMMA) k++;
    if (t.kind[k] !== NUMBER || t.end[k] - t.start[k] !== 4) return null;
    return { parts: [d, m0, t.value[k]], month: 1, year: 2, span: { start: t.start[i], end: t.end[k] } };
  }
  if (t.kind[i] !== NUMBER && t.kind[i] !== REFUSED) return null;
  const a = digitsAt(norm, t.start[i]);
  if (!a) return null;
  const sep = norm.charCodeAt(a.end);
  if (sep === 32) {
    // "12 March 1951"
    const m = monthOf(t, i + 1);
    let k = i + 2;
    if (m === null) return null;
    if (punctAt(t, k) === 46) k++;
    if (t.kind[k] !== NUMBER || t.end[k] - t.start[k] !== 4) return null;
    return { parts: [a.v, m, t.value[k]], month: 1, year: 2, span: { start: t.start[i], end: t.end[k] } };
  }
  if (sep !== SLASH && sep !== 46 && sep !== 45) return null;
  const b = digitsAt(norm, a.end + 1);
  if (!b || norm.charCodeAt(b.end) !== sep) return null;
  const c = digitsAt(norm, b.end + 1);
  if (!c) return null;
  const span = { start: t.start[i], end: c.end };
  if (a.len === 4 && b.len <= 2 && c.len <= 2) return { parts: [a.v, b.v, c.v], month: null, year: 0, span };
  if (a.len <= 2 && b.len <= 2 && c.len === 4) return { parts: [a.v, b.v, c.v], month: null, year: 2, span };
  return null;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(x: Ymd): boolean {
  return x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= DAYS[x.m - 1];
}

/** The date read in one order ('dmy' or 'mdy'), or null when that order makes it no date. */
function asYmd(p: DateParts, order: 'dmy' | 'mdy'): Ymd | null {
  let x: Ymd;
  if (p.year === 0) x = { y: p.parts[0], m: p.parts[1], d: p.parts[2] };
  else if (p.month !== null) x = { y: p.parts[2], m: p.parts[1], d: p.parts[0] };
  else if (order === 'dmy') x = { y: p.parts[2], m: p.parts[1], d: p.parts[0] };
  else x = { y: p.parts[2], m: p.parts[0], d: p.parts[1] };
  return valid(x) ? x : null;
}

/** The order of slashed dates that the document settles (a day above 12 shows it), or null. */
function documentOrder(ctx: Ctx): 'dmy' | 'mdy' | null {
  const t = ctx.reading.tokens;
  let dmy = false;
  let mdy = false;
  for (let i = 0; i < t.n; i++) {
    if (t.kind[i] !== REFUSED) continue;
    const p = dateAt(ctx, i);
    if (!p || p.year !== 2 || p.month !== null) continue;
    if (p.parts[0] > 12 && p.parts[1] <= 12) dmy = true;
    else if (p.parts[1] > 12 && p.parts[0] <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

function yearsBetween(birth: Ymd, exam: Ymd): number {
  const before = birth.m < exam.m || (birth.m === exam.m && birth.d <= exam.d);
  return exam.y - birth.y - (before ? 0 : 1);
}

/** The age from the date of birth and the exam date, when the dates settle it. */
function ageFromDates(ctx: Ctx, dob: DateParts, exam: DateParts): Candidate<number> | null {
  const settled = documentOrder(ctx);
  const orders: Array<'dmy' | 'mdy'> = settled ? [settled] : ['dmy', 'mdy'];
  const ages = new Set<number>();
  for (const o of orders) {
    const b = asYmd(dob, o);
    const e = asYmd(exam, o);
    if (!b || !e) continue;
    const age = yearsBetween(b, e);
    if (age >= AGE_LIMITS[0] && age <= AGE_LIMITS[1]) ages.add(age);
    else return null;
  }
  if (ages.size !== 1) return null;
  return { value: [...ages][0], rank: 3, span: dob.span };
}

/** The date after a date label ("DOB: 12/03/1951", "Exam date 2024-04-09"). */
function dateAfterLabel(ctx: Ctx, end: number): DateParts | null {
  const t = ctx.reading.tokens;
  let k = end;
  const line = t.line[end - 1];
  while (k < t.n && t.line[k] === line && isLeader(t, k)) k++;
  if (k >= t.n || t.line[k] !== line) return null;
  return dateAt(ctx, k);
}

/** The segment names of HL7_FIELDS, for a quick test of a line's first word. */
const HL7_SEGMENTS = [...new Set(HL7_FIELDS.map(([segment]) => segment))];

/** An HL7 v2 timestamp's date ("19560809", "20260412091500"): 8 digits or more from token k, or null. */
function hl7Date(t: Tokens, k: number): DateParts | null {
  if (t.kind[k] !== REFUSED && t.kind[k] !== NUMBER) return null;
  const p = t.start[k];
  if (t.end[k] - p < 8) return null;
  for (let q = p; q < p + 8; q++) {
    const c = t.norm.charCodeAt(q);
    if (c < 48 || c > 57) return null;
  }
  const y = Number(t.norm.slice(p, p + 4));
  const m = Number(t.norm.slice(p + 4, p + 6));
  const d = Number(t.norm.slice(p + 6, p + 8));
  if (y < 1900 || y > 2100 || !valid({ y, m, d })) return null;
  return { parts: [y, m, d], month: null, year: 0, span: { start: p, end: t.end[k] } };
}

/**
 * Demographics of an HL7 v2 message's coded fields (`HL7_FIELDS`): on a line that starts with a
 * segment's name and a "|", the first token of field n (after the n-th "|"). Empty fields ("||")
 * count; a repeated segment (several OBX) gives its first date.
 */
function hl7Demographics(
  ctx: Ctx,
): { dob: DateParts | null; exam: DateParts | null; sex: Candidate<Sex> | null } | null {
  const t = ctx.reading.tokens;
  const starts = ctx.firstToken;
  let dob: DateParts | null = null;
  let exam: DateParts | null = null;
  let sex: Candidate<Sex> | null = null;
  let any = false;
  for (let line = 0; line + 1 < starts.length; line++) {
    const k = starts[line];
    if (k + 1 >= t.n || t.line[k] !== line || t.kind[k] !== WORD || t.end[k] - t.start[k] !== 3) continue;
    if (t.start[k] >= ctx.priorFrom) break;
    if (t.kind[k + 1] !== GAP || t.norm.charCodeAt(t.start[k + 1]) !== 124 || !wordIn(t, k, HL7_SEGMENTS)) continue;
    any = true;
    let field = 0;
    for (let q = k + 1; q < t.n && t.line[q] === line; q++) {
      if (t.kind[q] === GAP) {
        for (let p = t.start[q]; p < t.end[q]; p++) if (t.norm.charCodeAt(p) === 124) field++;
        continue;
      }
      // Only the first token of a field (right after its "|").
      if (t.kind[q - 1] !== GAP || t.norm.charCodeAt(t.end[q - 1] - 1) !== 124) continue;
      for (const [segment, n, what] of HL7_FIELDS) {
        if (n !== field || !t.norm.startsWith(segment, t.start[k])) continue;
        if (what === 'dob') dob ??= hl7Date(t, q);
        else if (what === 'examDate') exam ??= hl7Date(t, q);
        else if (!sex && t.kind[q] === WORD && t.end[q] - t.start[q] === 1 && (q + 1 >= t.n || t.kind[q + 1] !== WORD))
          for (const [code, x] of HL7_SEX_CODES)
            if (t.norm.startsWith(code, t.start[q]))
              sex = { value: x, rank: 0, span: { start: t.start[q], end: t.end[q] } };
      }
    }
  }
  return any ? { dob, exam, sex } : null;
}

// ---------------------------------------------------------------- the readers

export interface Demographics {
  population: Population;
  age: NumberFact | null;
  bmi: NumberFact | null;
}

/** The kinds of concept the demographics loop reads. */
const DEMOGRAPHIC_KINDS = kindBit('demographic') | kindBit('sex') | kindBit('menopause');

export function readDemographics(ctx: Ctx): Demographics {
  const { tokens: t, hits, context } = ctx.reading;
  const found: Found = { age: null, sex: null };
  let sexWord: Candidate<Sex> | null = null;
  let menopause: { status: MenopausalStatus; at: number } | null = null;
  let dob: DateParts | null = null;
  let exam: DateParts | null = null;
  let bmi: NumberFact | null = null;
  let skipTo = -1;

  const kinds = hitKinds(hits);
  for (let h = 0; h < hits.n; h++) {
    const s = hits.start[h];
    if (t.start[s] >= ctx.priorFrom) break;
    if (s < skipTo) continue;
    if (!(kinds[h] & DEMOGRAPHIC_KINDS)) continue;
    const concepts = hits.concepts[h];
    const e = hits.end[h];
    const d = conceptOf(concepts, 'demographic');
    if (d) {
      if (d.field === 'age' || d.field === 'sex') {
        const after = slashed(ctx, s, found);
        if (after >= 0) {
          skipTo = after;
          continue;
        }
      }
      if (d.field === 'age') {
        const c = labelledAge(ctx, s, e);
        if (c) found.age = better(found.age, c);
      } else if (d.field === 'sex') {
        let k = e;
        while (k < t.n && t.line[k] === t.line[s] && isLeader(t, k)) k++;
        // A bilingual value, "Ž / F", "K / F", "M / M": the sex letter of either language; a form's
        // unticked choice "M / F" names none.
        const pair = t.kind[k] === WORD && t.end[k] - t.start[k] === 1 ? slashedLetter(t, k + 1, 1) : -1;
        let sx = sexAt(ctx, k, true);
        const other = pair >= 0 ? sexAt(ctx, pair, true) : null;
        if (sx && other && other.sex !== sx.sex) sx = null;
        else if (!sx && other) {
          sx = other;
          k = pair;
        }
        if (sx) found.sex = better(found.sex, { value: sx.sex, rank: 0, span: { start: t.start[k], end: t.end[k] } });
      } else if (d.field === 'ageUnit') {
        const u = unitAge(ctx, s);
        if (u) {
          found.age = better(found.age, u.cand);
          const sx = sexAfterAge(ctx, e);
          if (sx) found.sex = better(found.sex, sx);
        }
      } else if (d.field === 'dob') {
        const born = dateAfterLabel(ctx, e);
        dob ??= born;
        // "DOB 02/08/1944 (81 years)", "born 3.4.1950 (75 y)": the age the writer worked out.
        const bracketed = born ? ageInBracketAfter(ctx, born.span.end) : null;
        if (bracketed) found.age = better(found.age, bracketed);
      } else if (d.field === 'examDate') exam ??= dateAfterLabel(ctx, e);
      else if (d.field === 'bmi') bmi ??= readBmi(ctx, e);
      continue;
    }
    const sx = conceptOf(concepts, 'sex');
    if (sx) {
      const one = sexAt(ctx, s, true);
      if (!one) continue;
      const letter = wordIn(t, s, SEX_LETTERS) && e - s === 1;
      // "female patients", "male subjects": a group.
      const next = nextWord(t, e);
      if (next >= 0 && wordIn(t, next, GROUP_NOUNS)) continue;
      const beside = letter ? ageBesideSex(ctx, s, e) : (ageBesideSex(ctx, s, e) ?? ageAfterOf(ctx, e));
      if (beside) {
        found.age = better(found.age, beside);
        found.sex = better(found.sex, { value: one.sex, rank: 2, span: { start: t.start[s], end: t.end[e - 1] } });
      } else if (letter && loneCellOnPatientLine(ctx, s) && !notStated(ctx, s)) {
        found.sex = better(found.sex, { value: one.sex, rank: 2, span: { start: t.start[s], end: t.end[s] } });
      } else if (!letter && !sexWord && !notStated(ctx, s) && !historical(context[s])) {
        sexWord = { value: one.sex, rank: 3, span: { start: t.start[s], end: t.end[e - 1] } };
      }
      continue;
    }
    const mp = conceptOf(concepts, 'menopause');
    if (mp && !menopause) {
      const next = nextWord(t, e);
      if (next >= 0 && wordIn(t, next, GROUP_NOUNS)) continue;
      if (context[s] & (NEGATED | UNCERTAIN | HYPOTHETICAL)) continue;
      menopause = { status: mp.status, at: s };
    }
  }

  if (!found.age) {
    // "She is 77 and has rheumatoid arthritis."
    const end = Math.min(t.n, tokenAt(t, ctx.priorFrom));
    for (let k = 2; k < end && !found.age; k++) {
      if (t.kind[k] !== NUMBER || !wordIn(t, k - 1, AGE_COPULAS) || !wordIn(t, k - 2, AGE_SUBJECTS)) continue;
      const v = ageNumber(t, k);
      if (v === null || t.flags[k] & DECIMAL || !yearsOrNone(ctx, k) || notStated(ctx, k)) continue;
      const last = afterAgeUnit(ctx, k) - 1;
      if (!clauseEndsAfter(t, last) && !wordIn(t, last + 1, AGE_FOLLOWERS)) continue;
      found.age = { value: v, rank: 2, span: { start: t.start[k], end: t.end[k] } };
    }
  }
  if (!found.age) {
    // "Patient: Rautiainen Aino, 68 v": the age after the name on the patient line.
    const end = Math.min(t.n, tokenAt(t, ctx.priorFrom));
    for (let k = 0; k < end && !found.age; k++) if (isPatientLabel(t, k)) found.age = patientLineAge(ctx, k);
  }
  if (!found.age || !found.sex) {
    // "Mr Eamon Quirke (81)", "Mrs Brannock, aged 66": a titled name with an age beside it.
    const end = Math.min(t.n, tokenAt(t, ctx.priorFrom));
    const { kind, start, end: ends, norm } = t;
    for (let k = 0; k < end; k++) {
      if (kind[k] !== WORD || ends[k] - start[k] > 4 || !TITLE_FIRST[norm.charCodeAt(start[k]) & 0x7f]) continue;
      const p = titledPatient(ctx, k);
      if (!p) continue;
      found.sex = better(found.sex, p.sex);
      if (p.age) found.age = better(found.age, p.age);
    }
  }
  if (!dob || !exam || !found.sex) {
    // An HL7 v2 message: the patient's segment (PID-7, PID-8) and the order's date (OBR-7, OBX-14).
    const coded = hl7Demographics(ctx);
    if (coded) {
      dob ??= coded.dob;
      exam ??= coded.exam;
      if (coded.sex) found.sex = better(found.sex, coded.sex);
    }
  }
  if (dob && !exam) exam = unlabelledExamDate(ctx);
  if (!found.sex) {
    const end = Math.min(t.n, tokenAt(t, ctx.priorFrom));
    for (let k = 1; k < end && !found.sex; k++)
      if (
        t.kind[k] === WORD &&
        t.end[k] - t.start[k] <= 4 &&
        // Only a title can be one (its first letter first: most words are out at once).
        TITLE_FIRST[t.norm.charCodeAt(t.start[k]) & 0x7f]
      )
        found.sex = titleAfterPatientLabel(ctx, k);
  }
  if (dob && exam && (!found.age || found.age.rank > 3)) {
    const c = ageFromDates(ctx, dob, exam);
    if (c) found.age = better(found.age, c);
  }
  let sex: Sex | null = found.sex?.value ?? sexWord?.value ?? null;
  if (!sex && menopause) sex = 'female';
  const age = found.age ? { value: found.age.value, span: found.age.span, range: range(ctx, found.age.span) } : null;
  return { population: { sex, menopause: menopause?.status ?? null }, age, bmi };
}

/**
 * An honorific right after a patient label: "Patient: Miss Doreen Quayle", "Re: Mr A B", "Name:
 * Mrs C D". Anywhere else a title may name a doctor (UK surgeons are "Mr"), so it is not read.
 */
function titleAfterPatientLabel(ctx: Ctx, s: number): Candidate<Sex> | null {
  const t = ctx.reading.tokens;
  if (t.kind[s] !== WORD) return null;
  // The label first (most words have no colon before them), then the title.
  let k = s - 1;
  let colon = false;
  while (k >= 0 && t.line[k] === t.line[s] && isLeader(t, k)) {
    if (punctAt(t, k) === COLON) colon = true;
    k--;
  }
  if (!colon || !wordIn(t, k, PATIENT_LABELS)) return null;
  const sex = titleAt(t, s);
  if (!sex) return null;
  return { value: sex, rank: 0, span: { start: t.start[s], end: t.end[s] } };
}

/** First letters of the titles: a quick test before comparing words. */
const TITLE_FIRST = new Uint8Array(128);
for (const [w] of TITLES) TITLE_FIRST[w.charCodeAt(0) & 0x7f] = 1;

/** The title at token s (mr, mrs, ms, miss), or null. */
function titleAt(t: Tokens, s: number): Sex | null {
  if (t.kind[s] !== WORD) return null;
  const len = t.end[s] - t.start[s];
  for (const [w, x] of TITLES) {
    if (w.length !== len || !t.norm.startsWith(w, t.start[s])) continue;
    // "Sig.ra", "Sr.a": a feminine ending glued after the point.
    const e = s + 2;
    if (e < t.n && punctAt(t, s + 1) === 46 && t.start[s + 1] === t.end[s] && t.start[e] === t.end[s + 1])
      if (wordIn(t, e, TITLE_FEMININE_ENDINGS)) return 'female';
    return x;
  }
  return null;
}

/**
 * A titled name with the person's age beside it is the patient (a doctor's name never carries an
 * age): "Mr Eamon Quirke (81)", "Mrs Drummond (73)", "Mr D. Achterberg, 70 years", "Ms Ola Ray,
 * 58-year-old", "Mrs Y Brannock, aged 66" (that age is read by its label; the title gives the sex).
 * The name is one to four capitalised words or initials after the title.
 */
function titledPatient(ctx: Ctx, s: number): { sex: Candidate<Sex>; age: Candidate<number> | null } | null {
  const t = ctx.reading.tokens;
  const sex = titleAt(t, s);
  if (!sex) return null;
  const line = t.line[s];
  let k = s + 1;
  if (punctAt(t, k) === 46) k++;
  k = nameEnd(ctx, k);
  if (k <= s + 1 || k >= t.n || t.line[k] !== line) return null;
  const title = { value: sex, rank: 1, span: { start: t.start[s], end: t.end[s] } };
  const open = punctAt(t, k);
  if (open !== OPEN && open !== COMMA) return null;
  k++;
  // "Mr T. Lund, a retired engineer of 83": an apposition of a few words, then the age after "of".
  if (open === COMMA && wordIn(t, k, ARTICLES)) {
    for (let w = k + 1; w < t.n && w - k <= 4 && t.kind[w] === WORD && t.line[w] === line; w++) {
      const of = ageAfterOf(ctx, w);
      if (of) return { sex: title, age: { ...of, rank: 1 } };
    }
  }
  // "Mrs Brannock, aged 66": the age label's own reader reads the number.
  const f = fieldAt(ctx, k);
  if (f && f.field === 'age') return { sex: title, age: null };
  const v = ageNumber(t, k);
  if (v === null || t.kind[k] !== NUMBER || t.flags[k] & DECIMAL || notStated(ctx, k)) return null;
  const after = afterAgeUnit(ctx, k);
  const span = { start: t.start[k], end: t.end[k] };
  if (open === OPEN ? punctAt(t, after) === CLOSE : clauseEndsAfter(t, after - 1))
    return { sex: title, age: { value: v, rank: 1, span } };
  return null;
}

/**
 * The token after a name of one to four capitalised words or initials starting at k ("D. Achterberg",
 * "Vasilakis-Drummond", "O'Neill"); k itself when no name starts there.
 */
function nameEnd(ctx: Ctx, k: number): number {
  const t = ctx.reading.tokens;
  const text = ctx.doc.text;
  const line = t.line[k];
  let names = 0;
  while (k < t.n && t.line[k] === line && names < 4) {
    if (t.kind[k] !== WORD) break;
    const c = text.charCodeAt(t.start[k]);
    if (c < 65 || c > 90) break;
    names++;
    k++;
    // An initial's stop, or a hyphen / apostrophe inside the name ("Vasilakis-Drummond", "O'Neill").
    const p = punctAt(t, k);
    if (p === 46 && t.end[k - 1] - t.start[k - 1] === 1) k++;
    else if ((p === 45 || p === 39 || p === 0x2019) && t.start[k] === t.end[k - 1] && t.kind[k + 1] === WORD) k++;
  }
  return k;
}

/**
 * "Patient: Rautiainen Aino, 68 v", "Pasient: Nordby Kari, 81 år": on a line a patient label opens
 * (label, colon), the name, a comma and a bare age (with an age unit, if any) ending its clause.
 */
function patientLineAge(ctx: Ctx, label: number): Candidate<number> | null {
  const t = ctx.reading.tokens;
  const line = t.line[label];
  let k = label + 1;
  let colon = false;
  while (k < t.n && t.line[k] === line && isLeader(t, k)) {
    if (punctAt(t, k) === COLON) colon = true;
    k++;
  }
  if (!colon || k >= t.n || t.line[k] !== line) return null;
  const after = nameEnd(ctx, k);
  if (after === k || punctAt(t, after) !== COMMA || t.line[after] !== line) return null;
  const n = after + 1;
  const v = ageNumber(t, n);
  if (v === null || t.kind[n] !== NUMBER || t.line[n] !== line || t.flags[n] & DECIMAL) return null;
  if (!yearsOrNone(ctx, n) || notStated(ctx, n)) return null;
  if (!clauseEndsAfter(t, afterAgeUnit(ctx, n) - 1)) return null;
  return { value: v, rank: 1, span: { start: t.start[n], end: t.end[n] } };
}

/**
 * A sex letter alone in a column cell ("Lindqvist, Harald   m.   DOB ...") on a line that holds a
 * demographic label or starts with a patient label: the patient's sex.
 */
function loneCellOnPatientLine(ctx: Ctx, s: number): boolean {
  const t = ctx.reading.tokens;
  let after = s + 1;
  if (punctAt(t, after) === 46) after++;
  let before = s - 1;
  // A bilingual pair of letters in one cell ("Z / F", "Ž / F", "M / M", "F / K"): the other language's
  // letter across the slash; two sex letters that disagree are no reading.
  const other = slashedLetter(t, after, 1);
  if (other >= 0) after = other + 1;
  const otherBefore = other < 0 ? slashedLetter(t, before, -1) : -1;
  if (otherBefore >= 0) before = otherBefore - 1;
  const pair = other >= 0 ? other : otherBefore;
  if (pair >= 0 && wordIn(t, pair, SEX_LETTERS) && t.norm.charCodeAt(t.start[pair]) !== t.norm.charCodeAt(t.start[s]))
    return false;
  const endsCell = after >= t.n || t.kind[after] === GAP || t.kind[after] === NEWLINE;
  if (before < 0 || t.kind[before] !== GAP || !endsCell) return false;
  const line = t.line[s];
  // The line's first token from the per-document table (a walk back would make one long line quadratic).
  const first = ctx.firstToken[line];
  if (wordIn(t, first, PATIENT_LABELS)) return true;
  for (let k = first; k < t.n && t.line[k] === line && k - first < 64; k++) {
    const f = fieldAt(ctx, k);
    if (f && (f.field === 'dob' || f.field === 'age' || f.field === 'examDate')) return true;
  }
  return false;
}

/**
 * An age right after offset `at` (the end of a date of birth): in brackets, "(81 years)", "(75 y)",
 * "(aged 81)", "[81]"; or after a comma with its unit, "DOB 02/08/1944, 81 years". A number with a
 * unit other than years, a decimal, or more words are no age.
 */
function ageInBracketAfter(ctx: Ctx, at: number): Candidate<number> | null {
  const t = ctx.reading.tokens;
  let k = tokenAt(t, at);
  const line = k < t.n ? t.line[k] : -1;
  if (t.kind[k] === GAP) k++;
  const open = punctAt(t, k);
  if ((open !== OPEN && open !== OPEN_SQUARE && open !== COMMA) || t.line[k] !== line) return null;
  k++;
  if (t.kind[k] === GAP) k++;
  const f = fieldAt(ctx, k);
  if (f && f.field === 'age') k = f.end;
  if (t.kind[k] === GAP) k++;
  const v = ageNumber(t, k);
  if (v === null || t.kind[k] !== NUMBER || t.flags[k] & DECIMAL || !yearsOrNone(ctx, k)) return null;
  let close = afterAgeUnit(ctx, k);
  // After a comma the unit (or the age label) makes the number an age, and the clause ends there.
  if (open === COMMA) return (close > k + 1 || f) && clauseEndsAfter(t, close - 1) ? ageCandidate(t, k, v) : null;
  // The point of an abbreviated unit ("78 J.", "75 yrs.").
  if (close > k + 1 && punctAt(t, close) === 46) close++;
  if (t.kind[close] === GAP) close++;
  return punctAt(t, close) === (open === OPEN ? CLOSE : CLOSE_SQUARE) ? ageCandidate(t, k, v) : null;
}

function ageCandidate(t: Tokens, k: number, v: number): Candidate<number> {
  return { value: v, rank: 1, span: { start: t.start[k], end: t.end[k] } };
}

/**
 * From token k (next to a letter), going `dir`: a slash then a one-letter word, with no wide gap
 * between ("F" -> "/ Z" or "Z /" <- "F"); the letter's token, or -1.
 */
function slashedLetter(t: Tokens, k: number, dir: 1 | -1): number {
  const narrow = (i: number) =>
    i >= 0 && i < t.n && t.kind[i] === GAP && !(t.flags[i] & WALL) && t.end[i] - t.start[i] <= 2;
  if (narrow(k)) k += dir;
  if (k < 0 || k >= t.n || punctAt(t, k) !== SLASH) return -1;
  k += dir;
  if (narrow(k)) k += dir;
  return k >= 0 && k < t.n && t.kind[k] === WORD && t.end[k] - t.start[k] === 1 ? k : -1;
}

/** The date right after one of EXAM_DATE_WORDS ("Exam: 12.11.2025", "scanned 03/04/2026"), or null. */
function unlabelledExamDate(ctx: Ctx): DateParts | null {
  const t = ctx.reading.tokens;
  const end = Math.min(t.n, tokenAt(t, ctx.priorFrom));
  for (let k = 1; k < end; k++) {
    if (t.kind[k] !== REFUSED && t.kind[k] !== NUMBER) continue;
    let w = k - 1;
    while (w > 0 && t.line[w] === t.line[k] && (punctAt(t, w) === COLON || t.kind[w] === GAP)) w--;
    if (wordIn(t, w, EXAM_DATE_PREPOSITIONS)) w--;
    if (t.line[w] !== t.line[k] || !wordIn(t, w, EXAM_DATE_WORDS)) continue;
    const d = dateAt(ctx, k);
    if (d) return d;
  }
  return null;
}

function historical(cx: number): boolean {
  return (cx & HISTORICAL) !== 0 && (cx & CURRENT) === 0;
}

/**
 * The BMI after its label: "BMI 27.4", "BMI: 27,4 kg/m²", "Body mass index of 31", "BMI = 28.5", a
 * table row "BMI | 27.4". Ordinary words between need no list; another label, the line's end or a
 * sentence end stops the search. A bound ("BMI > 37", "BMI above 37") or a range ("15-37") is no BMI.
 */
function readBmi(ctx: Ctx, from: number): NumberFact | null {
  const { tokens: t, hits, sentence, context } = ctx.reading;
  const line = t.line[from - 1];
  const s0 = sentence[from - 1];
  let words = 0;
  for (let k = from; k < t.n && k - from < 24; k++) {
    const kind = t.kind[k];
    if (kind === NEWLINE || t.line[k] !== line || sentence[k] !== s0) return null;
    if (kind === GAP) continue;
    if (kind === PUNCT) {
      const c = punctAt(t, k);
      if (c === LESS || c === MORE || c === 0x2264 || c === 0x2265 || c === 59) return null;
      continue;
    }
    if (kind === WORD) {
      const h = hits.at[k];
      if (h >= 0 && hits.start[h] === k) {
        // Another measure's label ends the search.
        for (const c of hits.concepts[h])
          if (c.c === 'tbs' || c.c === 't' || c.c === 'z' || c.c === 'bmd' || c.c === 'demographic' || c.c === 'kind')
            return null;
        k = hits.end[h] - 1;
      }
      if (++words > 4) return null;
      continue;
    }
    if (kind !== NUMBER) return null;
    const v = t.value[k];
    if (t.flags[k] & SIGNED || (t.unit[k] !== UNIT_NONE && t.unit[k] !== UNIT_KG_M2)) return null;
    if (v < BMI_LIMITS[0] || v > BMI_LIMITS[1]) return null;
    if (punctAt(t, k + 1) === 45 && t.end[k] === t.start[k + 1] && t.kind[k + 2] === NUMBER) return null;
    const cx = context[k];
    if (cx & (THRESHOLD | HYPOTHETICAL) || historical(cx)) return null;
    const span = { start: t.start[k], end: t.end[k] };
    return { value: v, span, range: range(ctx, span) };
  }
  return null;
}
