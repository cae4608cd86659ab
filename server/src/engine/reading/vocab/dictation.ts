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

/**
 * The spoken marks whose presence (after a space) makes a text worth testing as a dictation
 * transcript at all (text.ts): a text without any of them is typed. ("semicolon" alone does not open
 * the test.)
 */
export const DICTATION_CUES: readonly string[] = ['period', 'colon', 'comma', 'full stop'];

/**
 * Risk-model names as speech recognition writes them: the model is spoken, and the recogniser
 * spells it as ordinary words or as a near homophone ("fracks 10 year probability", "cue fracture",
 * "car rock"). Each is the model's name only; none is an English word a report uses otherwise
 * ("fracs", a clinical short form of fractures, and "Garvin", a surname, are left out on purpose).
 */
export const DICTATED_MODEL_NAMES: ReadonlyArray<[string, 'FRAX' | 'QFracture' | 'Garvan' | 'CAROC']> = [
  ['fracks', 'FRAX'],
  ['fraks', 'FRAX'],
  ['fracx', 'FRAX'],
  ["frax's", 'FRAX'],
  ['f r a x', 'FRAX'],
  ['fracks plus', 'FRAX'],
  ['cue fracture', 'QFracture'],
  ['queue fracture', 'QFracture'],
  ['kew fracture', 'QFracture'],
  ['q fracture score', 'QFracture'],
  ["garvan's", 'Garvan'],
  ['garven', 'Garvan'],
  ['car rock', 'CAROC'],
  ['carrock', 'CAROC'],
  ['karok', 'CAROC'],
  ['care rock', 'CAROC'],
  ['c a r o c', 'CAROC'],
];
