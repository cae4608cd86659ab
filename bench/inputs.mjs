// Inputs of `npm run bench`, shared by the orchestrator (scripts/bench.mjs) and its workers
// (bench/worker.mjs). Typical reports come from the seeded generator in
// test/robustness/reportGen.ts (bundled by the orchestrator); hostile texts are built here.

/** Seed of the typical reports; change it and every figure is measured on other reports. */
export const SEED = 20240422;

/** Repeats `unit` until the text is `size` UTF-16 code units long (cut at the end). */
export function fill(unit, size) {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/**
 * Hostile texts by name: each is a function of the size in characters, so the bench can run it at
 * several sizes and see whether the cost grows faster than the size (super-linear backtracking).
 * Each targets something the engine scans for: numbers, signs, placeholders, headers, list items,
 * tables, labels, sentence ends and disable comments.
 */
export const HOSTILE = {
  'one repeated token': (n) => fill('lorem ', n),
  'one 100 KB word': (n) => fill('a', n),
  digits: (n) => fill('1234567890', n),
  'dotted digits 1.1.1.1': (n) => fill('1.', n),
  'signed numbers -1-1-1': (n) => fill('-1', n),
  'comma digits 1,1,1': (n) => fill('1,', n),
  spaces: (n) => fill(' ', n),
  'blank lines': (n) => fill('\n', n),
  'TBS TBS ...': (n) => fill('TBS ', n),
  'TBS TBS ... (lines)': (n) => fill('TBS\n', n),
  'TBS 1.2 T-score -2.5 ...': (n) => fill('TBS 1.2 T-score -2.5 FRAX MOF 12% hip 3% ', n),
  '-----': (n) => fill('-', n),
  'nested brackets [[[...]]]': (n) => fill('[', n / 2) + fill(']', n / 2),
  'nested parens (((...)))': (n) => fill('(', n / 2) + fill(')', n / 2),
  'angle brackets <a<a<a': (n) => fill('<a', n),
  'braces {{{{': (n) => fill('{', n),
  'underscores ____': (n) => fill('_', n),
  'asterisks ****': (n) => fill('*', n),
  XXXX: (n) => fill('X', n),
  'X/X/X/X': (n) => fill('XX/', n),
  'colons ::::': (n) => fill(':', n),
  'pipes |||| (table)': (n) => fill('|', n),
  'thousands of headers': (n) => fill('IMPRESSION:\n', n),
  'thousands of list items': (n) => fill('1. TBS\n', n),
  'sentence dots . . .': (n) => fill('a. ', n),
  'disable comments': (n) => fill('tbs-report-disable-next-line ', n),
  'CPT codes': (n) => fill('CPT 77091-26 ', n),
  'provider labels': (n) => fill('signed by ', n),
  'mixed scripts and RTL': (n) =>
    fill('TBS \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd \u4e2d\u6587 1.2 \u2212', n),
  'NUL and controls': (n) => fill('\u0000\u0001TBS\u0000', n),
};

/** Hostile sizes (characters): the measured row, and the sizes used to see the growth. */
export const HOSTILE_SIZE = 100 * 1024;
export const SCALING_SIZES = [50 * 1024, 100 * 1024, 200 * 1024];

/** One 1 MB line: typical report text with its line breaks turned into spaces. */
export function oneLongLine(reports, size = 1024 * 1024) {
  let s = '';
  for (let i = 0; s.length < size; i++) s += reports[i % reports.length].replace(/\r?\n|\r/g, ' ') + ' ';
  return s.slice(0, size);
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
