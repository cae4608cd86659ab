/**
 * Numbers spoken in a dictation transcript: "negative one point eight", "one point two six two".
 * Only decimals with "point" are read (a T-score, a TBS); one word per digit. Read by the tokeniser.
 */

/** Digit words, by value. */
export const SPOKEN_DIGITS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

/** The spoken decimal point. */
export const SPOKEN_POINT: readonly string[] = ['point'];
