/**
 * Clinical statements a report makes about its numbers: age, BMI, the stated TBS category and the
 * stated WHO densitometric class, and where the impression is.
 */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { MAX_MENTIONS, range, sentenceEnd, sentenceStart } from '../context';
import { execAt } from '../scan';
import type { MenopausalStatus, NumberFact, Population, Sex } from '../types';
import { lineNorm, lineOf } from '../text';
import type { CategoryStatement, Located, TbsCategory, TbsValue, WhoClass, WhoStatement } from '../types';
import {
  AGE_RELATIVE_AFTER,
  GROUP_NOUNS,
  POSTMENOPAUSAL_PHRASES,
  MENOPAUSE_PREFIXES,
  SEX_LABELS,
  SEX_LETTERS,
  SEX_WORDS,
  WHO_HEDGES_AFTER,
  WHO_HEDGES_BEFORE,
} from '../lexicon';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const MENOPAUSE = new RegExp(
  `\\b(${alternation(Object.keys(MENOPAUSE_PREFIXES))})[- ]?menopaus(?:al|e)\\b(?: +([a-z]+))?`,
  'g',
);
const POSTMENOPAUSAL = new RegExp(`\\b(?:${alternation(POSTMENOPAUSAL_PHRASES)})\\b`);
const AGE_RELATIVE = new RegExp(`^[ \\t]*(?:\\([^()]{0,30}\\)[ \\t]*)?(?:${alternation(AGE_RELATIVE_AFTER)})\\b`);
const SEX_LABELLED = new RegExp(
  `\\b(?:${alternation(SEX_LABELS)})[ \\t]*(?:[:=][ \\t]*)?(${alternation([...Object.keys(SEX_WORDS), ...Object.keys(SEX_LETTERS)])})\\b`,
  'g',
);
/** Every sex word contains one of these: a cheap test before the word scan. */
const SEX_WORD_HINTS = ['man', 'male', 'lady', 'girl', 'boy'];
const SEX_WORD = new RegExp(`\\b(${alternation(Object.keys(SEX_WORDS))})\\b`, 'g');

/**
 * Sex and menopausal status as the report states them about the patient: "Sex: F",
 * "46-year-old woman", "premenopausal". A status followed by a group noun ("postmenopausal women")
 * speaks of a population, not of the patient. A pasted earlier report is not read.
 */
export function extractPopulation(ctx: Ctx): Population {
  const norm = ctx.priorFrom < ctx.doc.norm.length ? ctx.doc.norm.slice(0, ctx.priorFrom) : ctx.doc.norm;
  let menopause: MenopausalStatus | null = null;
  let m: RegExpExecArray | null;
  MENOPAUSE.lastIndex = 0;
  let at = Infinity;
  // Found by indexOf (most reports name no menopause; a whole-text pattern scan costs more).
  for (let i = norm.indexOf('menopaus'); i >= 0 && at === Infinity; i = norm.indexOf('menopaus', i + 8)) {
    MENOPAUSE.lastIndex = Math.max(0, i - 5);
    m = MENOPAUSE.exec(norm.slice(0, Math.min(norm.length, i + 40)));
    if (!m || m.index > i) continue;
    if (m[2] && GROUP_NOUNS.has(m[2])) continue;
    menopause = MENOPAUSE_PREFIXES[m[1]];
    at = m.index;
  }
  // "Early menopause at 38", "primary ovarian insufficiency": postmenopausal, if stated first.
  const post =
    norm.includes('menopause') || norm.includes('ovarian') || norm.includes('oophorectomy')
      ? POSTMENOPAUSAL.exec(norm)
      : null;
  if (post && post.index < at) menopause = 'postmenopausal';
  let sex: Sex | null = null;
  SEX_LABELLED.lastIndex = 0;
  m = norm.includes('sex') || norm.includes('gender') ? SEX_LABELLED.exec(norm) : null;
  if (m) sex = SEX_WORDS[m[1]] ?? SEX_LETTERS[m[1]] ?? null;
  if (!sex && SEX_WORD_HINTS.some((w) => norm.includes(w))) {
    SEX_WORD.lastIndex = 0;
    m = SEX_WORD.exec(norm);
    if (m) sex = SEX_WORDS[m[1]];
  }
  if (!sex && menopause) sex = 'female';
  return { sex, menopause };
}

const HEDGE_BEFORE = new RegExp(`(?:^|[^a-z/])(?:${alternation(WHO_HEDGES_BEFORE)})(?![a-z])`);
const HEDGE_AFTER = new RegExp(
  `^[ \\t]*(?:\\?|[a-z ,'-]{0,30}?(?:^|[^a-z])(?:${alternation(WHO_HEDGES_AFTER.filter((w) => w !== '?'))})(?![a-z]))`,
);

/**
 * A negated, uncertain or hypothetical mention ("no evidence of osteoporosis", "osteoporosis is
 * unlikely", "would indicate osteoporosis") is not a statement of class: a cue in the clause
 * before the word, or right after it.
 */
function hedged(norm: string, start: number, end: number): boolean {
  let i = start - 1;
  const limit = Math.max(0, start - 80);
  while (i >= limit && !/[.;:,!?\n]/.test(norm[i])) i--;
  // A list number ("1. Osteopenia") ends no clause: the dot is the marker's.
  const before = norm.slice(i + 1, start);
  if (HEDGE_BEFORE.test(before)) return true;
  let j = end;
  const stop = Math.min(norm.length, end + 50);
  while (j < stop && !/[.;,!\n]/.test(norm[j])) j++;
  return HEDGE_AFTER.test(norm.slice(end, j + 1 < norm.length && norm[j] === '?' ? j + 1 : j));
}

/**
 * Ways a report states the age, most explicit first. One combined scan collects the candidates; the
 * earliest match of the most explicit form wins.
 */
const AGE_FORMS = [
  /\bage[d]?(?:[\s*_]*[:=])?[\s*_]*\(?(\d{1,3}(?:[.,]\d)?)(?![\d.,])/,
  /\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b/,
  /\b(\d{1,3}) ?(?:y\/o|yo|y\.o\.)(?![a-z])/,
  /\b(\d{1,3}) (?:years?|yrs?) (?:old|of age)\b/,
  /\((\d{1,3}) ?y\)/,
  /, (\d{1,3}) ?(?:y )?[fm]\b/,
];
const AGE = new RegExp(AGE_FORMS.map((r) => `(?:${r.source})`).join('|'), 'g');

export function extractAge(ctx: Ctx): NumberFact | null {
  const { norm } = ctx.doc;
  let best: { form: number; value: number; start: number; len: number } | null = null;
  AGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AGE.exec(norm)) !== null) {
    const form = m.slice(1).findIndex((g) => g !== undefined);
    if (form < 0 || (best && form >= best.form)) continue;
    const digits = m[form + 1];
    const before = norm.slice(Math.max(0, m.index - 12), m.index);
    if (/\bat $|since $|menopause |for $/.test(before)) continue;
    const value = Number(digits.replace(',', '.'));
    if (value > 130) continue;
    best = { form, value, start: m.index + m[0].indexOf(digits), len: digits.length };
    if (form === 0) break;
  }
  if (!best) return null;
  const span = { start: best.start, end: best.start + best.len };
  return { value: best.value, span, range: range(ctx, span) };
}

export const BMI = /\bbmi\b(?:[\s*_]*(?:of|is|was|[:=]))?[\s*_]*(\d{1,2}(?:[.,]\d{1,2})?)(?![\d])/y;
/** What BMI's matches start with. */
export const BMI_FIRST = 'b';

export function extractBmi(ctx: Ctx): NumberFact | null {
  const m = execAt(ctx.doc.norm, ctx.keywords, BMI, BMI_FIRST, 1)[0];
  if (!m) return null;
  const start = m.index + m[0].lastIndexOf(m[1]);
  const span = { start, end: start + m[1].length };
  return { value: Number(m[1].replace(',', '.')), span, range: range(ctx, span) };
}

const CATEGORY = spaced(/\bpartially degraded\b|\bdegraded\b|\bnormal\b|\bintermediate\b/g);

/**
 * Category words stated with a TBS value: on the value's line, or in its sentence. A reference line
 * that lists several categories ("> 1.310 normal; 1.230-1.310 partially degraded") states none.
 */
export function extractCategories(ctx: Ctx, tbs: TbsValue[]): CategoryStatement[] {
  const out: CategoryStatement[] = [];
  const { norm, lines } = ctx.doc;
  const done = new Set<number>();
  for (const value of tbs.slice(0, MAX_MENTIONS)) {
    const line = lineOf(ctx.doc, value.span.start);
    const l = lines[line];
    // The value's line and sentence, at most 200 characters either side.
    const sStart = Math.max(Math.min(sentenceStart(ctx, value.span.start), l.start), value.span.start - 200);
    const sEnd = Math.min(Math.max(sentenceEnd(ctx, value.span.end), l.end), value.span.end + 200);
    const scope = norm.slice(sStart, sEnd);
    if (/reference|threshold|cut[- ]?off|range:|categories/.test(scope)) continue;
    const hits: Array<{ cat: TbsCategory; start: number; end: number }> = [];
    CATEGORY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CATEGORY.exec(scope)) !== null) {
      const word = m[0];
      const ctxAfter = scope.slice(m.index + word.length, m.index + word.length + 40);
      const ctxBefore = scope.slice(Math.max(0, m.index - 30), m.index);
      if (word === 'normal') {
        // "normal" describes the TBS only next to microarchitecture / TBS words or in brackets.
        const aboutTbs =
          /^ ?(?:trabecular|microarchitecture|tbs|bone (?:micro|texture|quality)|\)|range\)?$|$|[.,;])/.test(
            ctxAfter,
          ) || /(?:tbs|score|microarchitecture|\() ?$|is $/.test(ctxBefore);
        if (!aboutTbs || /bone (?:density|mass|mineral)|bmd/.test(ctxAfter.slice(0, 20))) continue;
        // "BMD is normal", "bone density: normal": a word about the BMD, not a TBS category.
        if (/(?:\bbmd|bone (?:mineral )?density|bone mass|t[- ]?scores?)\b[^.;,]{0,12}$/.test(ctxBefore)) continue;
      }
      if (word === 'degraded' && /partially $/.test(ctxBefore)) continue;
      const cat: TbsCategory = word === 'normal' ? 'normal' : word === 'degraded' ? 'degraded' : 'partially degraded';
      hits.push({ cat, start: sStart + m.index, end: sStart + m.index + word.length });
    }
    const distinct = new Set(hits.map((h) => h.cat));
    if (distinct.size !== 1) continue;
    for (const h of hits) {
      if (done.has(h.start)) continue;
      done.add(h.start);
      const span = { start: h.start, end: h.end };
      out.push({ category: h.cat, tbs: value, span, range: range(ctx, span) });
    }
  }
  return out;
}

const WHO = spaced(
  /\bosteoporosis\b|\bosteopenia\b|\bosteopenic\b|\blow bone (?:mass|density|mineral density)\b|\bnormal (?:bone (?:density|mass|mineral density)|bmd)\b|\b(?:bmd|bone (?:mineral )?density) (?:is |was )?(?:within normal limits|normal)\b/g,
);
const WHO_EXCLUDE_BEFORE = spaced(
  /(?:near|low)-$|(?:approaching(?: the)?|towards?(?: the)?|into(?: the)?|from|no evidence of|not|previously|formerly|discuss|prevent|prevention of|counsel[a-z]{0,6}(?: on| about)?|near|nearly|almost|borderline|secondary|glucocorticoid[- ]induced|steroid[- ]induced|screening for|screen for|evaluate for|evaluation for|assess for|risk of|risk for|history of|h\/o|treatment of|therapy for|known|no|without|rule out|r\/o|family history of|for) $/,
);
const WHO_EXCLUDE_AFTER = spaced(
  /^ ?(?:canada|australia|society|foundation|association|international|guidelines?|guidance|clinic|service|therapy|treatment|medications?|pharmacotherapy|drugs?|screening|risk factors?|range|prevention|education|counsel\w*|on the prior|in the past|previously|:)/,
);

/**
 * WHO class statements in the impression (or, when there is none, in sentences naming a T-score).
 * `impression` is findImpression's answer, which the caller has already.
 */
export function extractWho(ctx: Ctx, impression: Located | null): WhoStatement[] {
  const out: WhoStatement[] = [];
  const { norm } = ctx.doc;
  if (!norm.includes('osteop') && !norm.includes('bone') && !norm.includes('bmd')) return out; // cheap test first
  const impressions = ctx.sections.filter((s) => s.kind === 'impression');
  // Without an impression section, an inline "Impression: ..." in a dictated paragraph.
  const inline = impressions.length ? null : impression;
  const hasImpression = impressions.length > 0 || inline !== null;
  // With an impression, only its text is read; without one, the whole report.
  const ranges = impressions.length
    ? impressions.map((s) => [ctx.doc.lines[s.headerLine].start, ctx.doc.lines[s.endLine].end])
    : inline
      ? [[inline.span.start, inline.span.end]]
      : [[0, norm.length]];
  for (const [from, rangeEnd] of ranges) {
    // A pasted earlier report's statements are about that study.
    const to = Math.min(rangeEnd, ctx.priorFrom);
    if (from >= to) continue;
    // The scan stops at the range's end: the text is cut there (a statement never spans a line).
    const hay = to < norm.length ? norm.slice(0, to) : norm;
    WHO.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = WHO.exec(hay)) !== null && out.length < MAX_MENTIONS) {
      const statement = whoStatement(ctx, m, hasImpression);
      if (!statement) continue;
      const last = out[out.length - 1];
      if (last && last.span.end >= statement.span.start) continue;
      out.push(statement);
    }
  }
  return out;
}

function whoStatement(ctx: Ctx, m: RegExpExecArray, hasImpression: boolean): WhoStatement | null {
  const { norm } = ctx.doc;
  const start = m.index;
  const end = start + m[0].length;
  if (!hasImpression) {
    const sentence = norm.slice(sentenceStart(ctx, start), sentenceEnd(ctx, start));
    if (!/t[- ]?score|who|classification|densitometric|diagnos/.test(sentence)) return null;
  }
  const before = norm.slice(Math.max(0, start - 30), start);
  const after = norm.slice(end, end + 25);
  if (WHO_EXCLUDE_BEFORE.test(before) || WHO_EXCLUDE_AFTER.test(after) || hedged(norm, start, end)) return null;
  // "Low bone mass for age" reads a Z-score against the expected range, not a WHO class.
  if (AGE_RELATIVE.test(norm.slice(end, end + 60))) return null;
  const word = m[0];
  const whoClass: WhoClass =
    word === 'osteoporosis'
      ? 'osteoporosis'
      : word.startsWith('osteopeni') || word.startsWith('low')
        ? 'osteopenia'
        : 'normal';
  let span = { start, end };
  // "Low bone mass (osteopenia)" is one statement.
  const paren = /^ \((?:osteopenia|low bone mass)\)/.exec(after);
  if (whoClass === 'osteopenia' && paren) span = { start, end: end + paren[0].length };
  const sentence = norm.slice(sentenceStart(ctx, start), sentenceEnd(ctx, end));
  const clinical =
    /fragility fracture|clinical(?:ly)? (?:diagnos|osteoporosis)|(?:vertebral|compression|low[- ]trauma) fracture|based on (?:the )?(?:history of )?(?:a )?(?:prior )?fracture/.test(
      sentence,
    );
  return { whoClass, clinical, span, range: range(ctx, span) };
}

const SIGNATURE_LINE =
  /^\W*(?:electronically signed|e-?signed|digitally signed|signed|signature|\/s\/|dictated|transcribed|(?:interpreted|reviewed|read|verified|approved|reported|finali[sz]ed|authori[sz]ed)(?: and \w+)? by|(?:interpreting|reading|reporting|attending|signing) (?:physician|radiologist|provider))\b/;
const INLINE_IMPRESSION =
  /(?:^|\n|[.;] )[ \t]*((?:impression|conclusions?|summary|opinion)[ \t]*[:-]|in (?:summary|conclusion),)[ \t]*\S/;

export function findImpression(ctx: Ctx): Located | null {
  for (const s of ctx.sections) {
    if (s.kind !== 'impression') continue;
    const l = ctx.doc.lines[s.headerLine];
    // A signature line below an empty header is not the impression's content.
    let hasContent = s.inlineText.length > 0;
    for (let i = s.bodyStartLine; !hasContent && i <= s.endLine; i++)
      if (!ctx.blankLine[i] && !SIGNATURE_LINE.test(lineNorm(ctx.doc, i))) hasContent = true;
    if (!hasContent) continue;
    const end = ctx.doc.lines[s.endLine].end;
    return { span: { start: l.start, end }, range: range(ctx, { start: l.start, end }) };
  }
  // "Impression: ..." inline, at a line's start or after a sentence in a dictated paragraph, and
  // "In summary, ..." / "In conclusion, ..." in prose.
  const m = INLINE_IMPRESSION.exec(ctx.doc.norm);
  if (m) {
    const start = m.index + m[0].indexOf(m[1]);
    const line = lineOf(ctx.doc, start);
    const span = { start, end: ctx.doc.lines[line].end };
    return { span, range: range(ctx, span) };
  }
  return null;
}
