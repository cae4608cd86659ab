/**
 * Generators of hostile inputs by attack class (issue 14). Each generator is a function of the size
 * in UTF-16 code units and builds a text of about that size whose cost, in an engine with a
 * super-linear path for its class, grows faster than the size. The classes name the shape of the
 * attack, not the reader that once fell to it, so they keep judging whatever engine stands.
 *
 * Every generator is deterministic. Sizes are approximate (within a line of the target).
 */

/** `unit` repeated up to `n` code units (cut at the end). */
export function fill(unit: string, n: number): string {
  if (n <= 0) return '';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** `head` + as many `unit`s as fit in `n` (whole units) + `tail`. */
function around(head: string, unit: string, n: number, tail = ''): string {
  const k = Math.max(1, Math.floor((n - head.length - tail.length) / unit.length));
  return head + unit.repeat(k) + tail;
}

const BMD_HEADER = 'Region        BMD (g/cm2)   T-score   Z-score\n';
const BMD_HEADER_MD = '| Region | BMD | T-score | Z-score |\n';
const BMD_HEADER_TBS = 'Region   TBS   T-score\n';
const RISK_TITLE = 'FRAX 10-year fracture probability (%)\n';
const RISK_HEADER = '                 Unadjusted     TBS-adjusted\n';
const RISK_HEADER_KINDS = '| FRAX 10-yr (%) | MOF | Hip |\n';

export interface AttackClass {
  /** The class, as issue 14 (or an earlier hostile test) names it. */
  name: string;
  make: (n: number) => string;
}

/** New classes from issue 14, one or more generators each. */
export const ISSUE_14: AttackClass[] = [
  // 1a. A row of only blanks (and a mark that keeps it from being blank) under a table header:
  // separator-row patterns that split the run three ways are cubic.
  { name: 'BMD table: row of spaces', make: (n) => around(BMD_HEADER, ' ', n, 'x\n') },
  { name: 'BMD table: row of tabs', make: (n) => around(BMD_HEADER, '\t', n, 'x\n') },
  { name: 'BMD table: row of spaces and tabs then |', make: (n) => around(BMD_HEADER, ' \t', n, '|x\n') },
  { name: 'Markdown BMD table: row of pipes and spaces', make: (n) => around(BMD_HEADER_MD, '| ', n, 'x|\n') },
  { name: 'Markdown BMD table: row of colons and dashes', make: (n) => around(BMD_HEADER_MD, ' :-', n, ' x\n') },
  { name: 'risk table: row of spaces', make: (n) => around(RISK_TITLE + RISK_HEADER, ' ', n, 'x\n') },
  { name: 'risk table: row of tabs', make: (n) => around(RISK_TITLE + RISK_HEADER, '\t', n, 'x\n') },
  { name: 'risk table (pipes): row of pipes and spaces', make: (n) => around(RISK_HEADER_KINDS, '| ', n, 'x\n') },
  // 1b. Lines of only years or dates: each could be a comparison table's header.
  { name: 'year-only lines', make: (n) => fill('2020  2021\n', n) },
  { name: 'date-only lines', make: (n) => fill('08/2023   08/2025   Change\n', n) },
  { name: 'year lines then numbers', make: (n) => fill('2019  2020  2021\n1.1  1.2  1.3\n', n) },
  { name: 'years on one line', make: (n) => `${fill('2020  ', n - 2)}\n` },
  // 1c. A sentence end followed by a long run of blanks (the inline-impression pattern).
  { name: 'sentence end + run of spaces', make: (n) => around('TBS 1.300. ', ' ', n, 'x') },
  { name: 'semicolon + run of spaces and tabs', make: (n) => around('TBS 1.300; ', ' \t', n, 'x') },
  { name: 'many sentence ends + spaces', make: (n) => fill('a.      ', n) },
  { name: 'line start + run of spaces', make: (n) => around('TBS 1.300\n', ' ', n, 'x') },
  // 1d. A table label holding a long run of blanks (a trailing [\s|]+$ replace).
  { name: 'BMD table: label with run of spaces', make: (n) => around(BMD_HEADER, ' ', n, 'neck 0.800 -1.2 -0.5\n') },
  {
    name: 'BMD table: label of spaces and pipes',
    make: (n) => `${BMD_HEADER}Neck${fill(' |', n - BMD_HEADER.length - 30)}x 0.800 -1.2 -0.5\n`,
  },
  { name: 'TBS table: label with run of tabs', make: (n) => `${BMD_HEADER_TBS}L1${fill('\t', n - 40)}x 1.300 -1.0\n` },
  // 1e. Repeated table header lines: each re-reads every row below it.
  { name: 'repeated BMD table headers', make: (n) => fill(BMD_HEADER, n) },
  { name: 'repeated Markdown BMD headers', make: (n) => fill(BMD_HEADER_MD, n) },
  { name: 'repeated risk table headers', make: (n) => RISK_TITLE + fill(RISK_HEADER, n) },
  { name: 'repeated risk table headers (pipes)', make: (n) => fill(RISK_HEADER_KINDS, n) },
  {
    name: 'risk header then many rows',
    make: (n) => RISK_TITLE + RISK_HEADER + fill('Major osteoporotic  15  18\n', n),
  },
  { name: 'hip lines above number rows', make: (n) => fill('MOF   Hip\nFRAX  25.0  6.4\n', n) },
  // 1f. A TBS section whose lines open a parenthesis that is never closed on the line.
  { name: 'TBS section: lines starting with (', make: (n) => `TRABECULAR BONE SCORE:\n${fill('(\n', n)}` },
  { name: 'TBS section: ( and text', make: (n) => `TRABECULAR BONE SCORE:\n${fill('(L1-L4 \n', n)}` },
  { name: 'TBS labels then (', make: (n) => fill('TBS (\n', n) },
  { name: 'T-score labels then (', make: (n) => fill('T-score (\n', n) },
  // 1g. "respectively" after many numbers.
  {
    name: 'respectively after many numbers',
    make: (n) =>
      fill('1 2 3 4 5 6 7 8 9 ', n / 2) + fill('MOF and hip fracture risks are 12% and 3%, respectively. ', n / 2),
  },
  { name: 'respectively with many percentages', make: (n) => fill('MOF hip 1% 2% 3% 4% 5% respectively ', n) },
  { name: 'many percentages in risk sentences', make: (n) => fill('FRAX MOF 1% 2% 3% hip 4% ', n) },
  // Numbers and labels in one long sentence (no sentence end).
  { name: 'T-score labels and numbers', make: (n) => fill('T-score -2.5 ', n) },
  { name: 'T-score labels only', make: (n) => fill('T-score ', n) },
  { name: 'risk labels and percentages', make: (n) => fill('hip fracture 3% ', n) },
  // Headers, sections and impressions repeated.
  { name: 'inline impressions', make: (n) => fill('Impression: TBS 1.300. ', n) },
  { name: 'impression headers with signature', make: (n) => fill('IMPRESSION:\nSigned by\n', n) },
  { name: 'TBS sections', make: (n) => fill('TRABECULAR BONE SCORE:\nL1-L4: 1.300\n', n) },
  { name: 'unclosed parentheses after values', make: (n) => fill('TBS 1.300 (', n) },
  { name: 'category words after values', make: (n) => fill('TBS 1.300 normal BMD is normal ', n) },
];

/**
 * Completion at the end of a long line: what the cursor's line reads up to the cursor. Each is a
 * `before` string for completionsAt.
 */
export const COMPLETION: AttackClass[] = [
  { name: 'completion: spaces', make: (n) => fill(' ', n) },
  { name: 'completion: CPT and spaces', make: (n) => `${fill('CPT ', n - 1)}x` },
  { name: 'completion: ( and spaces', make: (n) => `${fill('( ', n - 1)}1` },
  { name: 'completion: TBS value, spaces, (', make: (n) => `${fill('1.300 ( ', n - 1)}1` },
  { name: 'completion: TBS value then a run of spaces', make: (n) => `1.300${fill(' ', n - 6)}!` },
  { name: 'completion: TBS value, spaces, (, spaces', make: (n) => `1.300${fill(' ', n / 2)}(${fill(' ', n / 2)}!` },
  { name: 'completion: CPT then a run of spaces', make: (n) => `CPT${fill(' ', n - 4)}!` },
  { name: 'completion: long word', make: (n) => `x ${fill('a', n - 2)}` },
  { name: 'completion: 77 digits', make: (n) => fill('77', n) },
];

/**
 * The shapes test/robustness/hostile.test.ts checks at one size, made a function of the size: typical
 * report text (the seeded generator's) transformed the same way.
 */
export function reportShapes(typical: (n: number) => string): AttackClass[] {
  const oneLine = (n: number) => typical(n).replace(/\r?\n|\r/g, ' ');
  return [
    {
      name: 'typical text: NUL bytes',
      make: (n) => typical(n).replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\u0000' : m)),
    },
    { name: 'typical text: only CRLF line endings', make: (n) => typical(n).replace(/\r?\n/g, '\r\n') },
    { name: 'typical text: only CR line endings', make: (n) => typical(n).replace(/\r?\n/g, '\r') },
    { name: 'typical text: BOM then CR', make: (n) => `\ufeff\r${typical(n).replace(/\r?\n/g, '\r')}` },
    {
      name: 'typical text: combining marks and emoji',
      make: (n) => typical(n).replace(/e/g, 'e\u0301').replace(/TBS/g, 'TBS🦴'),
    },
    { name: 'typical text: lone surrogates', make: (n) => typical(n).replace(/a/g, '\ud800').replace(/o/g, '\udc00') },
    { name: 'typical text: U+0130', make: (n) => typical(n).replace(/i/g, '\u0130') },
    { name: 'typical text: one line', make: oneLine },
    { name: 'typical text: one line, wide gaps', make: (n) => oneLine(n / 4).replace(/ /g, '    ') },
    {
      name: 'thousands of sections',
      make: (n) => {
        let out = '';
        for (let i = 0; out.length < n; i++)
          out += `SECTION ${i}:\nTBS ${(1 + (i % 500) / 1000).toFixed(3)}\nIMPRESSION:\n${i}. text\n`;
        return out;
      },
    },
    {
      name: 'value line repeated (one 1 MB line of values)',
      make: (n) => fill('TBS 1.262 T-score -2.5 FRAX MOF 17% hip 2.9% ', n),
    },
  ];
}
