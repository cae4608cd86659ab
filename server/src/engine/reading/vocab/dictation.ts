/**
 * Punctuation spoken in a dictation transcript ("impression colon osteoporosis period"): in a text
 * where such words outnumber the typed marks, each becomes its mark (text.ts), so that every reader
 * sees "impression: osteoporosis." as if typed. Longest first where one starts another.
 */
export const DICTATED_PUNCTUATION: ReadonlyArray<readonly [string, string]> = [
  ['full stop', '.'],
  ['period', '.'],
  ['semicolon', ';'],
  ['colon', ':'],
  ['comma', ','],
];
