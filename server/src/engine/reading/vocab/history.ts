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
