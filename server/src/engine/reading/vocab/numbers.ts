/**
 * Numbers spoken in a dictation transcript: "negative one point eight", "one point two six two",
 * "thirty one percent", "seventy-one year old". A decimal with "point" is read (a T-score, a TBS;
 * one word per digit after the point); a whole number (0 to 99) only with a unit after it (a percent,
 * a time unit), so that "one of two sites" stays words. Read by the tokeniser.
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

/** Numbers from ten to nineteen, by value - 10. */
export const SPOKEN_TEENS: readonly string[] = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];

/** Tens from twenty to ninety, by value / 10 - 2. */
export const SPOKEN_TENS: readonly string[] = [
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

/** Words that coordinate two values sharing the unit after the last ("21 and 4.4 %", "17 y 2,9 %"). */
export const VALUE_COORDINATORS: readonly string[] = ['and', 'y', 'et', 'und', 'e', 'en', 'i', 'og', 'och'];
