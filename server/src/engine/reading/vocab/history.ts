/**
 * Words of an earlier study, for reading a clause before a value (`reading/history.ts`).
 *
 * An adjective of time ("prior", "previous") makes a value history only when it qualifies a study
 * or a measure ("prior DXA", "previous TBS", "baseline T-score"); "with prior fracture" is a FRAX
 * input, not an earlier study.
 */

/** Historical cues that qualify a noun: they make history only before a study noun or a measure. */
export const HISTORY_ADJECTIVES: readonly string[] = ['prior', 'previous', 'earlier', 'baseline', 'last'];

/** Nouns of a study: after a historical adjective they name an earlier study. */
export const STUDY_NOUNS: readonly string[] = [
  'dxa',
  'dexa',
  'study',
  'studies',
  'exam',
  'exams',
  'examination',
  'scan',
  'scans',
  'densitometry',
  'value',
  'values',
  'result',
  'results',
  'measurement',
  'measurements',
  'report',
  'reading',
  'readings',
  'probability',
  'probabilities',
];

/**
 * A banner that opens a pasted earlier report ("----- PRIOR REPORT (09/14/2023) -----", "PREVIOUS
 * STUDY (copied for comparison):", "Prior exam report - pasted for reference"): it starts its line
 * with one of these adjectives (after "copy of (the)" at most), one of the nouns among the next two
 * words, and is set off as a banner: written in capitals, ruled ("===", "---", "***", "___", "#"),
 * or saying it was pasted ("copy of" before the adjective, or one of the paste words anywhere on
 * its line). `reading/history.ts`
 * `pastedPriorReport`.
 */
export const BANNER_ADJECTIVES: readonly string[] = ['prior', 'previous', 'earlier'];
export const BANNER_NOUNS: readonly string[] = [
  'report',
  'reports',
  'study',
  'studies',
  'exam',
  'examination',
  'scan',
  'dxa',
  'dexa',
  'densitometry',
];
export const PASTE_WORDS: readonly string[] = ['pasted', 'copied', 'reproduced', 'appended'];
