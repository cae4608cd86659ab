/**
 * Risk model names and fracture-risk percentages: "TBS-adjusted FRAX: MOF 17%; hip 2.9%",
 * "10-year probability of major osteoporotic fracture 14 % and hip fracture 2.1 %".
 */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import {
  lastMatch,
  literalHits,
  MAX_MENTIONS,
  numbersBetween,
  range,
  sectionOf,
  sentenceEnd,
  sentenceStart,
  valueAfter,
} from '../context';
import { ANY_FRACTURE_WORDS, RISK_CATEGORY_WORDS, RISK_FILLERS } from '../lexicon';
import type { Num } from '../scan';
import { lineOf } from '../text';
import { isHistorical } from '../reading/history';
import { ADJUSTED as ADJUSTED_CUE, HYPOTHETICAL, THRESHOLD, UNADJUSTED as UNADJUSTED_CUE } from '../reading/concepts';
import { readRiskKinds } from '../reading/riskKinds';
import { tokenAt } from '../reading/tokens';
import { inRange } from '../reading/values';
import type { Risk, RiskCategory, RiskKind, RiskModel, RiskModelName, Slot } from '../types';

/** "3% or more": a cut-point, not a result. */
const CUTPOINT_AFTER = spaced(
  /^\s*(?:or (?:more|greater|higher|above)|and (?:above|over)|\+|(?:(?:mof|major osteoporotic(?: fracture)?|hip(?: fracture)?) )?(?:treatment |intervention |us )?(?:threshold|cut[- ]?(?:off|point)))/,
);
const NEXT_SENTENCE = spaced(
  /^\s*(?:both|these|they|all|this|the(?: above| two)? (?:probabilities|values|results|risks|estimates|figures))\b/,
);
/** The time horizon named last before the value: "5-year risk", "10-yr probability". */
function horizonOf(before: string): number {
  if (!before.includes('y') && !before.includes('five') && !before.includes('ten')) return 10;
  const m = lastMatch(HORIZON, before);
  if (!m) return 10;
  const n = m[1] === 'five' ? 5 : m[1] === 'ten' ? 10 : Number(m[1]);
  return n > 0 && n <= 30 ? n : 10;
}
const HORIZON = /\b(\d{1,2}|five|ten)[- ]?(?:years?|yrs?|y)\b/;
const FROM_BEFORE = /\bfrom\s+$/;
const FROM_TO = /^[\d.,]+ ?(?:%|percent|per cent)?\s+to\s+[-+]?\d/;
const RISING_TO = spaced(
  /^[\d.,]+ ?(?:%|percent|per cent)? ?(?:rising|increasing|rises|increases|going up|up) to [-+]?\d/,
);
const INSIDE_PAREN = spaced(
  /^\s*\((?:tbs-adjusted|adjusted|unadjusted|not adjusted|without tbs|with tbs|conventional)?[;,]? ?(?:tbs-adjusted|adjusted|unadjusted|not adjusted|without tbs|with tbs|conventional)? ?(?:frax)?:? ?$/,
);
/** A closed parenthetical that holds its own percentage: "(unadjusted 12.0%)". */
const RISING_GAP = spaced(/^ ?(?:rising|increasing|rises|increases|going up|up)? to $/);
const CLOSED_PAREN = /\([^()%]*\d ?%[^()]*\)/g;
const PAIR_LABEL = spaced(
  /\b(mof|major(?: osteoporotic)?(?: fracture)?|hip(?: fracture)?) ?\/ ?(mof|major(?: osteoporotic)?(?: fracture)?|hip(?: fracture)?)\b/,
);
/** Two values and then their kinds, in the same order: "19% / 3.3% (MOF / hip)". */
const TRAILING_PAIR = spaced(
  /^\d{1,2}(?:[.,]\d{1,2})? ?% ?\/ ?\d{1,2}(?:[.,]\d{1,2})? ?% ?\( ?(mof|major(?: osteoporotic)?(?: fracture)?|hip(?: fracture)?) ?\/ ?(mof|major(?: osteoporotic)?(?: fracture)?|hip(?: fracture)?) ?\)/,
);
const KIND_AFTER = spaced(/^ ?(?:\( ?|(?:for|of) (?:a |the )?)?(mof\b|major|hip\b|hf\b|any)[^)\n,;]{0,30}\)?/);

function kindOf(word: string): RiskKind {
  if (word.startsWith('any') || ANY_WORD_AT.test(word)) return 'any';
  return word.startsWith('hip') || word === 'hf' ? 'hip' : 'mof';
}

const wordsAlternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\t]+'))
    .join('|');
/** Garvan's "any fracture" words (lexicon), at the start of a kind word. */
const ANY_WORD_AT = new RegExp(`^(?:${wordsAlternation(ANY_FRACTURE_WORDS)})\\b`);

const PERCENT = /^ ?(?:%|percent\b|per cent\b|pct\b)/;
const MOF_WORD = spaced(
  /\bmof\b|\bmajor (?:osteoporotic )?(?:fracture|fx)|\bmajor osteoporotic\b|\bosteoporotic fracture|\bany (?:osteoporotic |fragility |low-trauma )?(?:fracture|fx)|\ball fractures|\btotal fracture|\bmajor\b/g,
);
const HIP_WORD = /\bhip\b|\bhf\b/g;
const NOT_HIP_RISK = spaced(
  /(?:total|both|left|right|lt|rt|proximal|dual) $|^ (?:bmd|region|positioning|scan|t-score|axis|joint|replacement|arthroplasty|bone)/,
);
const RISK_CONTEXT = spaced(
  /frax|garvan|q-?fracture|caroc|probabilit|\brisk\b|10[- ]?y(?:ea)?r|\bmof\b|major osteoporotic|fracture/,
);
const ADJUSTED = spaced(
  /tbs[- ]?adjusted|adjusted (?:for|with|by) (?:the )?(?:tbs|trabecular)|(?<![a-z0-9]-)adjusted[- ]frax|tbs[- ]frax|frax[- ]tbs|adjustment (?:for|with) (?:the )?(?:tbs|trabecular)|tbs[- ]adjustment|tbs[- ]corrected|corrected for tbs|adjusted using tbs|incorporat[a-z]{0,6} (?:the )?tbs|with tbs adjustments?|\bwith (?:the )?tbs\b|tbs (?:and [a-z0-9 -]{1,40} )?adjustments?|\badjusted\b/g,
);
const UNADJUSTED = spaced(
  /unadjusted|not (?:been )?(?:tbs[- ])?adjusted|non[- ]?adjusted|without (?:the |an? )?(?:tbs|trabecular|adjustment)|before (?:the )?(?:tbs )?adjustment|prior to (?:the )?(?:tbs )?adjustment|conventional|standard frax|\bbmd[- ]only|frax alone/g,
);
const COMPARATOR = spaced(
  /(?:>=?|<=?|≥|≤|=>|=<|above|below|over|under|exceed[a-z]{0,4}|threshold[a-z]{0,2}(?: of)?|cut[- ]?(?:off|point)s?(?: of)?|at least|greater than|less than|more than|intervention|treat[a-z]{0,6}(?: threshold)?) ?$/,
);
/** Inside parentheses after a threshold word: "above the BHOF thresholds (MOF 20%, hip 3%)". */
const THRESHOLD_PAREN = spaced(/(?:thresholds?|cut[- ]?(?:offs?|points?)|intervention levels?)[^().;%]{0,30}\([^()]*$/);
/** A threshold named before the value in its clause: "the NOGG intervention threshold is 20.0% (MOF)". */
const THRESHOLD_BEFORE = spaced(/(?:thresholds?|cut[- ]?(?:offs?|points?)|intervention levels?)\b[^%.;:()]{0,50}$/);
/** "Treatment thresholds: MOF 20%, hip 3%": the values after such a label are cut-points, not results. */
const THRESHOLD_LABEL = spaced(
  /(?:thresholds?|cut[- ]?(?:offs?|points?)|intervention levels?|treat if)\s*(?:are|is|of)?\s*:[^.]*$/,
);

interface Mention {
  kind: RiskKind;
  at: number;
}

function lastKindWord(window: string, base: number): Mention | null {
  const mof = lastMatch(MOF_WORD, window);
  let hip: RegExpExecArray | null = null;
  HIP_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HIP_WORD.exec(window)) !== null) {
    const before = window.slice(Math.max(0, m.index - 10), m.index);
    const after = window.slice(m.index + 3, m.index + 16);
    if (!NOT_HIP_RISK.test(before) && !NOT_HIP_RISK.test(after)) hip = m;
  }
  if (!mof && !hip) return null;
  if (mof && (!hip || mof.index > hip.index)) {
    // "any osteoporotic fracture" (Garvan) is a kind of its own.
    const kind: RiskKind = ANY_WORD_AT.test(window.slice(mof.index, mof.index + 40)) ? 'any' : 'mof';
    return { kind, at: base + mof.index };
  }
  return { kind: 'hip', at: base + (hip as RegExpExecArray).index };
}

const KIND_WORDS = spaced(/\bmof\b|\bmajor(?: osteoporotic)?(?: fracture)?|\bhip\b|\bhf\b/g);

/**
 * "The probabilities of major osteoporotic fracture and hip fracture are 3.1% and 4.4%,
 * respectively": kinds named first, values given in the same order.
 */
function respectively(ctx: Ctx, sStart: number, sEnd: number, at: number): Mention | null {
  const { norm } = ctx.doc;
  if (!norm.slice(at, sEnd).includes('respectively')) return null;
  const pcts: number[] = [];
  // Only the sentence's numbers (found by binary search), not every number before it.
  for (const n of numbersBetween(ctx, sStart, sEnd)) if (PERCENT.test(n.after)) pcts.push(n.start);
  const index = pcts.indexOf(at);
  if (index < 0 || !pcts.length) return null;
  const kinds: RiskKind[] = [];
  KIND_WORDS.lastIndex = 0;
  const prefix = norm.slice(sStart, pcts[0]);
  let m: RegExpExecArray | null;
  while ((m = KIND_WORDS.exec(prefix)) !== null) kinds.push(kindOf(m[0].startsWith('major') ? 'mof' : m[0]));
  if (kinds.length < 2 || index >= kinds.length) return null;
  return { kind: kinds[index], at };
}

/** Is the risk at `offset` TBS-adjusted? The nearest qualifier in its sentence decides. */
function adjustedAt(ctx: Ctx, offset: number, sStart: number, sEnd: number): boolean {
  const { norm } = ctx.doc;
  // "12% rising to 15% after TBS adjustment": the first value is the one before adjustment.
  if (RISING_TO.test(norm.slice(offset, Math.min(sEnd, offset + 40)))) return false;
  // "rises from 11% to 14% with the TBS adjustment": the value after "from" is the one before.
  let k = offset - 1;
  while (
    k > sStart &&
    (norm.charCodeAt(k) === 32 || norm.charCodeAt(k) === 10 || norm.charCodeAt(k) === 13 || norm.charCodeAt(k) === 9)
  )
    k--;
  if (
    k - 3 >= sStart &&
    norm.startsWith('from', k - 3) &&
    FROM_BEFORE.test(norm.slice(Math.max(sStart, offset - 12), offset)) &&
    FROM_TO.test(norm.slice(offset, Math.min(sEnd, offset + 40)))
  )
    return false;
  // A closed parenthetical with its own value ("(unadjusted 12.0%)") qualifies that value only.
  const before = norm.slice(sStart, offset).replace(CLOSED_PAREN, (p) => ' '.repeat(p.length));
  const pos = lastMatch(ADJUSTED, before);
  const neg = lastMatch(UNADJUSTED, before);
  const posAt = pos ? pos.index : -1;
  const negAt = neg ? neg.index : -1;
  if (posAt >= 0 || negAt >= 0) {
    // A negation wins when it comes last or contains the positive phrase ("not adjusted for TBS").
    if (neg && negAt + neg[0].length >= posAt) return false;
    // "adjusted" alone counts only when TBS is named in the sentence.
    if (pos && pos[0] === 'adjusted' && !/tbs|trabecular/.test(norm.slice(sStart, sEnd))) return false;
    return true;
  }
  const after = norm.slice(offset, sEnd);
  ADJUSTED.lastIndex = 0;
  UNADJUSTED.lastIndex = 0;
  const pa = ADJUSTED.exec(after);
  const na = UNADJUSTED.exec(after);
  if (pa || na) {
    if (na && (!pa || na.index <= pa.index + pa[0].length)) return false;
    if (pa && pa[0] === 'adjusted' && !/tbs|trabecular/.test(norm.slice(sStart, sEnd))) return false;
    return true;
  }
  // The reading pipeline's adjustment cues (ConText: "TBS-adj.", "adj. for TBS", "adjusted for
  // your TBS", "Accounting for the trabecular bone score, ..."), and a lead-in line above.
  const stated = adjustmentInContext(ctx, offset);
  if (stated !== null) return stated;
  // "MOF 17%, hip 2.9%. Both probabilities are adjusted for TBS."
  const next = norm.slice(sEnd, sentenceEnd(ctx, Math.min(norm.length, sEnd + 1)));
  const fromNext = NEXT_SENTENCE.test(next) ? statedAdjustment(next) : null;
  if (fromNext !== null) return fromNext;
  // Fall back to the section's title: "TBS-ADJUSTED FRACTURE RISK".
  const section = sectionOf(ctx, offset);
  return (section && statedAdjustment(section.title.toLowerCase())) ?? false;
}

/**
 * The adjustment ConText gives the value at `offset`, else the one of a lead-in line ending in ":"
 * in the lines just above ("TBS-adjusted FRAX:" over bullets); null when neither says.
 */
function adjustmentInContext(ctx: Ctx, offset: number): boolean | null {
  const { tokens, context } = ctx.reading;
  const tok = tokenAt(tokens, offset);
  if (tok >= tokens.n) return null;
  const cx = context[tok];
  if (cx & UNADJUSTED_CUE) return false;
  if (cx & ADJUSTED_CUE) return true;
  const line = tokens.line[tok];
  for (let l = line - 1, steps = 0; l >= 0 && steps < 8 && !ctx.blankLine[l]; l--, steps++) {
    const { start, end } = ctx.doc.lines[l];
    const text = ctx.doc.norm.slice(start, end).trimEnd();
    if (!text.endsWith(':')) continue;
    let adjusted = false;
    let unadjusted = false;
    for (let k = tokenAt(tokens, start); k < tokens.n && tokens.start[k] < end; k++) {
      if (context[k] & UNADJUSTED_CUE) unadjusted = true;
      else if (context[k] & ADJUSTED_CUE) adjusted = true;
    }
    if (unadjusted) return false;
    if (adjusted) return true;
    if (ctx.headerLine[l]) break;
  }
  return null;
}

/** What a whole text says of the adjustment: false if it negates it, true if it names a TBS adjustment. */
function statedAdjustment(text: string): boolean | null {
  UNADJUSTED.lastIndex = 0;
  if (UNADJUSTED.test(text)) return false;
  ADJUSTED.lastIndex = 0;
  if (ADJUSTED.test(text) && /tbs|trabecular/.test(text)) return true;
  return null;
}

/** A two-axis risk table names an unadjusted column (or row), or has kind columns between pipes. */
export const RISK_TABLE_WORDS = ['unadjusted', 'without tbs', 'conventional'];

type Axis = { kind: RiskKind } | { adjusted: boolean } | null;

/** What a risk-table cell names: a kind (MOF, hip) or an adjustment (with / without TBS). */
function axisOf(cell: string): Axis {
  if (/\bmof\b|\bmajor\b/.test(cell)) return { kind: 'mof' };
  if (/\bhip\b|\bhf\b/.test(cell)) return { kind: 'hip' };
  if (/unadjusted|without tbs|conventional|not adjusted|before (?:tbs )?adjustment/.test(cell))
    return { adjusted: false };
  if (
    /adjusted|with tbs|\badj\b\.?(?: (?:for |by |with )?tbs)?|tbs[- ]adj\b|\(tbs\)|\+ ?tbs|frax[- ]?tbs|tbs[- ]frax/.test(
      cell,
    )
  )
    return { adjusted: true };
  return null;
}

/** A row named only by its model ("FRAX" above "FRAX adj. TBS"): the conventional, unadjusted value. */
const BARE_MODEL_ROW = /^(?:frax|garvan|q-?fracture|caroc)(?: \((?:us|uk|[a-z ]{2,20})\))?$/;
/** A row of an earlier study, not of this one. */
const PRIOR_ROW = /\b(?:prior|previous|baseline|last)\b|(?:19|20)\d\d/;

function cellsOf(text: string): string[] {
  const t = text.trim();
  if (t.includes('|'))
    return t
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, a) => c !== '' || (i > 0 && i < a.length - 1));
  return t.split(/ {2,}|\t+/).map((c) => c.trim());
}

/**
 * Risk tables: one axis names the kinds (MOF, hip), the other the adjustment (unadjusted,
 * TBS-adjusted), and the cells hold probabilities whose "%" stands only in a title or corner:
 *   FRAX 10-year fracture probability (%)        | FRAX 10-yr (%) | MOF | Hip |
 *                  Unadjusted  TBS-adjusted      | Without TBS    | 14  | 2.2 |
 *   Major osteoporotic    15        18           | With TBS       | 17  | 2.8 |
 */
export function riskTables(ctx: Ctx): Risk[] {
  const out: Risk[] = [];
  const { doc } = ctx;
  const n = doc.lines.length;
  // Header candidates from one scan: lines naming an adjustment or a kind column, with no value.
  const found = new Set<number>();
  const norm = doc.norm;
  // The words are keywords: the keyword scan has a hit wherever one of them starts.
  for (const { start } of ctx.keywords) {
    if (found.size >= MAX_MENTIONS) break;
    if (RISK_TABLE_WORDS.some((w) => norm.startsWith(w, start))) found.add(lineOf(doc, start));
  }
  // Pipes: one hit per line is enough, so the search goes on from the end of the line.
  for (let k = norm.indexOf('|'); k >= 0 && found.size < MAX_MENTIONS;) {
    const line = lineOf(doc, k);
    found.add(line);
    k = norm.indexOf('|', doc.lines[line].end);
  }
  // Plain-text matrices name their kind columns only: the line above a row of two or more plain
  // numbers ("FRAX adj. TBS     25.0     6.4") is a candidate too.
  // (Such a header names a hip column, so it holds "hip".)
  let line = 0;
  let rowLine = -1;
  let rowCount = 0;
  for (const num of ctx.nums) {
    if (found.size >= MAX_MENTIONS) break;
    if (num.signed || /^ ?[a-z/]/.test(num.after)) continue;
    while (doc.lines[line].next <= num.start && line + 1 < n) line++;
    if (line !== rowLine) {
      rowLine = line;
      rowCount = 0;
    }
    if (++rowCount !== 2 || line === 0 || ctx.blankLine[line - 1]) continue;
    const above = doc.lines[line - 1];
    if (norm.slice(above.start, above.end).includes('hip')) found.add(line - 1);
  }
  const candidates = [...found].sort((a, b) => a - b);
  // A line read as a row of a table above is not a header of its own (each would read on to the end).
  let consumedTo = -1;
  for (const i of candidates) {
    if (i <= consumedTo) continue;
    const l = doc.lines[i];
    if (l.end - l.start > 200) continue;
    const text = doc.norm.slice(l.start, l.end);
    if (text.includes('|') && !/\| *(?:mof|hip|major|unadjusted|without tbs|conventional)/.test(text)) continue;
    if (/\d/.test(text.replace(/10[- ]?y(?:ea)?r|\(%\)/g, ''))) continue;
    const axes = cellsOf(text)
      .map(axisOf)
      .filter((a): a is NonNullable<Axis> => a !== null);
    const kinds = axes.filter((a) => 'kind' in a).length;
    const adjs = axes.filter((a) => 'adjusted' in a).length;
    if (axes.length < 2 || (kinds && adjs)) continue;
    const title = i > 0 ? doc.norm.slice(doc.lines[i - 1].start, doc.lines[i - 1].end) : '';
    if (!/%|percent|probabilit/.test(text + title) || !/frax|probabilit|risk|%/.test(text + title)) continue;
    let j = i + 1;
    for (; j < n && !ctx.blankLine[j]; j++) {
      const row = doc.lines[j];
      const rowText = doc.norm.slice(row.start, row.end);
      if (/^[\s:|-]+$/.test(rowText)) continue; // Markdown separator
      const label = cellsOf(rowText)[0] ?? '';
      let rowAxis = axisOf(label);
      // Under kind columns, a row that names no adjustment takes the title's ("... TBS-adjusted"),
      // or is the conventional value when it names only the model.
      if (!rowAxis && kinds > 0 && /[a-z]/.test(label) && !PRIOR_ROW.test(label)) {
        rowAxis = { adjusted: BARE_MODEL_ROW.test(label) ? false : (statedAdjustment(`${title} ${text}`) ?? false) };
      }
      if (!rowAxis || 'kind' in rowAxis === kinds > 0) break;
      ctx.tableLine[j] = 1;
      const values = numbersBetween(ctx, row.start, row.end).filter(
        (x) => !x.signed && !/^[ -]?(?:y|yr|year)/.test(x.after),
      );
      const use = values.slice(Math.max(0, values.length - axes.length));
      const offset = axes.length - use.length;
      use.forEach((v, k) => {
        const col = axes[k + offset];
        const kind = 'kind' in col ? col.kind : (rowAxis as { kind: RiskKind }).kind;
        const adjusted = 'adjusted' in col ? col.adjusted : (rowAxis as { adjusted: boolean }).adjusted;
        out.push({
          kind,
          value: v.value,
          text: v.text,
          adjusted,
          horizon: 10,
          span: { start: v.start, end: v.end },
          range: range(ctx, v),
        });
      });
    }
    consumedTo = j - 1;
  }
  return out;
}

export function extractRisks(ctx: Ctx, slots: Slot[], tableRisks: Risk[]): Risk[] {
  const out: Risk[] = [...tableRisks];
  // Each percentage value read below, with its sentence (for declaredAdjustedLater).
  const percentSentences: PercentSentence[] = [];
  const fromTable = new Set(out.map((r) => r.span.start));
  const { norm } = ctx.doc;
  let prevEnd = 0;
  let seen = 0;
  let pendingSecond: RiskKind | null = null;
  const kinds = readRiskKinds(ctx);
  const { tokens, context } = ctx.reading;
  for (const num of ctx.nums) {
    if (!PERCENT.test(num.after)) continue;
    if (++seen > MAX_MENTIONS) break;
    const pctEnd = num.end + (PERCENT.exec(num.after) as RegExpExecArray)[0].length;
    const myPrevEnd = prevEnd;
    prevEnd = pctEnd;
    // A signed percentage is a change or a correction ("+15% MOF"), never a probability.
    if (num.signed || fromTable.has(num.start)) continue;
    const sStart = sentenceStart(ctx, num.start);
    const sEnd = sentenceEnd(ctx, num.start);
    percentSentences.push({ num, sStart, sEnd });
    // A risk stands in a sentence about risk, or in the risk section: tested first, as most other
    // percentages (least significant change, "% of young adult") fail it.
    if (!RISK_CONTEXT.test(norm.slice(sStart, sEnd)) && sectionOf(ctx, num.start)?.kind !== 'risk') {
      pendingSecond = null;
      continue;
    }
    const windowStart = Math.max(sStart, myPrevEnd);
    const window = norm.slice(windowStart, num.start);
    const lead = norm.slice(sStart, num.start);
    // A hypothetical value or a threshold is not a result ("would be 25% if ...", "reach 20 %").
    const tok = tokenAt(tokens, num.start);
    if (context[tok] & (HYPOTHETICAL | THRESHOLD) || inRange(ctx, tok)) continue;
    // Comparators stand right before the value; threshold labels need a colon.
    if (
      COMPARATOR.test(window.slice(-40)) ||
      (lead.includes(':') && THRESHOLD_LABEL.test(lead)) ||
      (lead.includes('(') && THRESHOLD_PAREN.test(lead)) ||
      ((lead.includes('threshold') || lead.includes('cut') || lead.includes('intervention level')) &&
        THRESHOLD_BEFORE.test(lead)) ||
      isHistorical(ctx, num.start)
    )
      continue;
    // A wrapped line goes on the next: line breaks read as spaces (same length, offsets kept).
    const tail50 = norm.slice(pctEnd, pctEnd + 50);
    const tail = tail50.includes('\r')
      ? tail50.replace(/[\r\n]/g, ' ')
      : tail50.includes('\n')
        ? tail50.replaceAll('\n', ' ')
        : tail50;
    if (CUTPOINT_AFTER.test(tail)) continue;
    // The kind from the reading pipeline (any order, lists, fracture-site lists); else the old scan.
    const readKind = kinds.kindAt.get(num.start);
    let mention: Mention | null = readKind
      ? { kind: readKind, at: num.start }
      : (respectively(ctx, sStart, sEnd, num.start) ?? lastKindWord(window, windowStart));
    // "MOF/hip: 15%/2.1%": a pair label and a pair of values.
    const slashAfter = /^ ?\/ ?[-+]?\d/.test(tail);
    const slashBefore: boolean = pendingSecond !== null && /^ ?\/ ?$/.test(norm.slice(myPrevEnd, num.start));
    // "19% / 3.3% (MOF / hip)": the pair of kinds may follow the pair of values instead.
    const pair: RegExpExecArray | null =
      slashAfter && !slashBefore
        ? (lastMatch(PAIR_LABEL, lead) ?? TRAILING_PAIR.exec(norm.slice(num.start, num.start + 80)))
        : null;
    if (slashBefore && pendingSecond) mention = { kind: pendingSecond, at: num.start };
    else if (pair) mention = { kind: kindOf(pair[1]), at: num.start };
    pendingSecond = pair ? kindOf(pair[2]) : null;
    // "MOF 15.0% (unadjusted 12.0%)": a value in a parenthetical after a risk is the same kind.
    // "12% rising to 15%": the second value is the same kind.
    if (
      !mention &&
      out.length &&
      (INSIDE_PAREN.test(window) || RISING_GAP.test(window)) &&
      out[out.length - 1].span.end === myPrevEnd
    ) {
      mention = { kind: out[out.length - 1].kind, at: num.start };
    }
    // "15% (major osteoporotic)": a kind named right after the value, when none stands before it.
    if (!mention) {
      const after = KIND_AFTER.exec(tail);
      if (after) {
        mention = { kind: kindOf(after[1]), at: num.start };
        prevEnd = pctEnd + after[0].length;
      }
    }
    if (!mention) continue;
    // Between the kind word and the value only risk words may stand: "hip fracture risk 2.9%".
    const gap = norm.slice(mention.at, num.start);
    if (/\d[.,]?\d*\s*(?:g\/cm|kg|cm|mm)|\bvs\b|decrease|increase|change|loss/.test(gap)) continue;
    out.push({
      kind: mention.kind,
      value: num.value,
      text: ctx.doc.text.slice(num.start, pctEnd),
      adjusted: adjustedAt(ctx, num.start, sStart, sEnd),
      horizon: horizonOf(lead),
      span: { start: num.start, end: pctEnd },
      range: range(ctx, { start: num.start, end: pctEnd }),
    });
  }
  // Slots: "major osteoporotic fracture ___%", "MOF: ___", "hip fracture ___ %".
  for (const ph of ctx.placeholders) {
    const lineStart = ctx.doc.lines[lineOf(ctx.doc, ph.start)].start;
    const before = norm.slice(Math.max(lineStart, ph.start - 60), ph.start);
    if (
      /(?:\bmof|major osteoporotic(?: fracture)?|hip(?: fracture)?|probability|fracture risk|10-year risk)\b[^a-z0-9]{0,4}(?:(?:risk|probability|is|of)[^a-z0-9]{0,3})?$/.test(
        before,
      )
    ) {
      slots.push({ element: 'risk', span: ph, range: range(ctx, ph) });
    }
  }
  for (const hit of literalHits(ctx, ctx.settings.labels.risk)) {
    const found = valueAfter(ctx, hit.end, RISK_FILLERS);
    if (found.type === 'placeholder') slots.push({ element: 'risk', span: found.span, range: range(ctx, found.span) });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  declaredAdjustedLater(ctx, out, fromTable, percentSentences);
  restatedAdjusted(ctx, out, fromTable);
  return out;
}

/**
 * "TBS-adjusted FRAX: MOF 22%, hip 4.1%" and, in the impression, "FRAX: MOF 22%, hip 4.1%": a value
 * whose own text says nothing of the adjustment, repeated with the same kind and value as a
 * TBS-adjusted one, is that adjusted value restated, not a second measurement.
 */
function restatedAdjusted(ctx: Ctx, risks: Risk[], fromTable: ReadonlySet<number>): void {
  // Adjusted values by value, with a bit per kind (no string keys: this runs on every report).
  const adjusted = new Map<number, number>();
  let unadjusted = 0;
  for (const r of risks) {
    if (r.adjusted) adjusted.set(r.value, (adjusted.get(r.value) ?? 0) | (r.kind === 'mof' ? 1 : 2));
    else unadjusted++;
  }
  if (!adjusted.size || !unadjusted) return;
  for (const r of risks) {
    if (r.adjusted || fromTable.has(r.span.start) || !((adjusted.get(r.value) ?? 0) & (r.kind === 'mof' ? 1 : 2)))
      continue;
    if (!silentOnAdjustment(ctx, r)) continue;
    r.adjusted = true;
  }
}

/** Neither the risk's sentence nor its section's title says anything of the TBS adjustment. */
function silentOnAdjustment(ctx: Ctx, r: Risk): boolean {
  const { norm } = ctx.doc;
  const own = norm.slice(sentenceStart(ctx, r.span.start), sentenceEnd(ctx, r.span.start));
  const section = sectionOf(ctx, r.span.start);
  return statedAdjustment(own) === null && !(section && statedAdjustment(section.title.toLowerCase()) !== null);
}

/** A later statement that points back at values given earlier: "the FRAX probabilities above". */
const BACK_REFERENCE = spaced(
  /\b(?:above|previously (?:reported|stated|given|quoted)|reported (?:above|earlier)|given earlier|stated earlier)\b/,
);

/** A percentage value read by extractRisks, with its sentence. */
interface PercentSentence {
  num: Num;
  sStart: number;
  sEnd: number;
}

/**
 * "ADDENDUM: the FRAX probabilities above (MOF 10%, hip 1.2%) were adjusted for the TBS": a later
 * sentence that points back at earlier values and declares them TBS-adjusted makes the earlier
 * values it repeats adjusted too, when their own text said nothing of the adjustment. The values in
 * that sentence count even when they are not read as risks of their own ("previously reported"
 * reads as history).
 */
function declaredAdjustedLater(
  ctx: Ctx,
  risks: Risk[],
  fromTable: ReadonlySet<number>,
  sentences: readonly PercentSentence[],
): void {
  // Cheap tests first: an unadjusted value, then a later sentence that points back and declares.
  let firstOpen = Infinity;
  for (const r of risks) if (!r.adjusted && !fromTable.has(r.span.start)) firstOpen = Math.min(firstOpen, r.span.end);
  if (firstOpen === Infinity) return;
  const { norm } = ctx.doc;
  const declares = new Map<number, boolean>(); // sentence start -> it declares earlier values adjusted
  let open: Risk[] | null = null;
  for (const { num, sStart, sEnd } of sentences) {
    if (num.start <= firstOpen) continue;
    let yes = declares.get(sStart);
    if (yes === undefined) {
      const sentence = norm.slice(sStart, sEnd);
      yes = BACK_REFERENCE.test(sentence) && statedAdjustment(sentence) === true;
      declares.set(sStart, yes);
    }
    if (!yes) continue;
    open ??= risks.filter((r) => !r.adjusted && !fromTable.has(r.span.start) && silentOnAdjustment(ctx, r));
    for (const earlier of open) {
      if (earlier.span.start >= sStart) break;
      if (!earlier.adjusted && earlier.value === num.value) earlier.adjusted = true;
    }
  }
}

/**
 * Ties each result to the model named last before it in its sentence (or in its section's title):
 * "TBS-adjusted FRAX: MOF 17%", "Garvan 10-year risk of any fracture 18%". Results with no model
 * in reach, or with two models named together before them, keep none (the rules then take the
 * report's only named model, if any).
 */
export function tieModels(ctx: Ctx, risks: Risk[], models: readonly RiskModel[]): void {
  if (!models.length) return;
  // Both lists are in document order: one pass with a pointer into the models (linear).
  let k = 0;
  let tied: RiskModel | null = null;
  let ambiguous = false;
  for (const r of [...risks].sort((a, b) => a.span.start - b.span.start)) {
    for (; k < models.length && models[k].span.start < r.span.start; k++) {
      const m = models[k];
      // "TBS-adjusted FRAX and Garvan: MOF 17%": two models named together tie the value to neither.
      ambiguous =
        tied !== null &&
        tied.name !== m.name &&
        m.span.start - tied.span.end < 200 &&
        !/[.;:\n]/.test(ctx.doc.norm.slice(tied.span.end, m.span.start));
      tied = m;
    }
    const from = sentenceStart(ctx, r.span.start);
    if (tied && tied.span.start >= from) {
      if (!ambiguous) r.model = tied.name;
      continue;
    }
    const section = sectionOf(ctx, r.span.start);
    const named = section ? MODEL_IN_TITLE.exec(section.title.toLowerCase()) : null;
    if (named) r.model = modelName(named[0]);
  }
}
const MODEL_IN_TITLE = /\b(?:frax(?:plus)?|garvan|q-?fracture|caroc)\b/;

function modelName(word: string): RiskModelName {
  if (word.startsWith('frax')) return 'FRAX';
  if (word === 'garvan') return 'Garvan';
  if (word.startsWith('q')) return 'QFracture';
  return 'CAROC';
}

const CATEGORY_WORD = new RegExp(`\\b(${Object.keys(RISK_CATEGORY_WORDS).join('|')})\\b`, 'g');
/** The category word describes a risk: "moderate risk", "risk category: high", "high (> 20 %)". */
const CATEGORY_RISK_AFTER = spaced(/^(?: 10-year)?(?: fracture)? (?:risk|probability)\b|^ ?(?:\(|$|[.;,])/);
const CATEGORY_RISK_BEFORE = spaced(/(?:risk|category|level|caroc)\b[^a-z0-9]{0,3}(?:is |was |of )?$/);

/**
 * Stated CAROC risk categories (low / moderate / high 10-year MOF risk): CAROC gives a category, not
 * a number, so a stated category is the calculated risk. Read only in a sentence that names CAROC,
 * or that speaks of a risk category when the report names CAROC as its only model.
 */
export function extractRiskCategories(ctx: Ctx, models: readonly RiskModel[]): RiskCategory[] {
  const out: RiskCategory[] = [];
  const carocs = models.filter((m) => m.name === 'CAROC');
  if (!carocs.length) return out;
  const onlyCaroc = models.every((m) => m.name === 'CAROC');
  const { norm } = ctx.doc;
  const sentences = new Map<number, number>();
  for (const m of carocs) sentences.set(sentenceStart(ctx, m.span.start), sentenceEnd(ctx, m.span.end));
  if (onlyCaroc) {
    // "10-year fracture risk category: moderate" in another sentence of a CAROC report.
    CATEGORY_LABEL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CATEGORY_LABEL.exec(norm)) !== null && sentences.size < MAX_MENTIONS)
      sentences.set(sentenceStart(ctx, m.index), sentenceEnd(ctx, m.index));
  }
  const seen = new Set<number>();
  for (const [from, to] of sentences) {
    if (from >= ctx.priorFrom || isHistorical(ctx, from)) continue;
    const text = norm.slice(from, to);
    CATEGORY_WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CATEGORY_WORD.exec(text)) !== null) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (!CATEGORY_RISK_AFTER.test(after) && !CATEGORY_RISK_BEFORE.test(before)) continue;
      // "low TBS", "high BMD": a category word about something else.
      if (/^(?:-| ?(?:tbs|bmd|bone|trabecular|t-score|z-score))/.test(after)) continue;
      const span = { start: from + m.index, end: from + m.index + m[0].length };
      if (seen.has(span.start)) continue;
      seen.add(span.start);
      const inSentence = carocs.some((c) => c.span.start >= from && c.span.start < to);
      out.push({
        model: inSentence || onlyCaroc ? 'CAROC' : null,
        category: RISK_CATEGORY_WORDS[m[1]],
        span,
        range: range(ctx, span),
      });
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
const CATEGORY_LABEL = spaced(/\brisk (?:category|level)\b/g);
