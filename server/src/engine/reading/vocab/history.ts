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
 * Banners over a pasted earlier report ("PRIOR REPORT (10/02/2024), for reference:", "--- Previous
 * study ---", "Compte rendu précédent :"): phrases that stand first on their line (after marks such
 * as "=", "-", "*", "#"), in the normalised text (lower case). Made of a time adjective and a report
 * noun, in either order as each language writes them, with an optional lead ("copy of the").
 */
const BANNER_ADJECTIVES = ['prior', 'previous', 'earlier', 'old', 'older', 'preceding', 'former', 'last'];
const BANNER_NOUNS = [
  'report',
  'study',
  'study report',
  'exam',
  'exam report',
  'examination',
  'dxa',
  'dxa report',
  'dexa',
  'dexa report',
  'scan',
  'bone density report',
  'bone density study',
  'densitometry',
  'densitometry report',
];
/** "Comparison report (2023)": a noun of comparison before a report noun. */
const BANNER_COMPARISON = [
  'comparison report',
  'comparison study',
  'comparison exam',
  'comparison dxa',
  'comparison dxa report',
];
const BANNER_LEADS = ['', 'copy of ', 'copy of the ', 'text of the ', 'pasted ', 'reproduced '];
/** Other languages, as written (noun first in the Romance languages). */
const BANNER_FOREIGN = [
  'compte rendu précédent',
  'compte-rendu précédent',
  'compte rendu antérieur',
  'compte-rendu antérieur',
  'rapport précédent',
  'examen précédent',
  'examen antérieur',
  'ancien compte rendu',
  'ancien compte-rendu',
  'densitométrie précédente',
  'densitométrie antérieure',
  'informe previo',
  'informe anterior',
  'estudio previo',
  'estudio anterior',
  'densitometría previa',
  'densitometría anterior',
  'laudo anterior',
  'laudo prévio',
  'exame anterior',
  'exame prévio',
  'relatório anterior',
  'referto precedente',
  'esame precedente',
  'densitometria precedente',
  'vorbefund',
  'voruntersuchung',
  'früherer befund',
  'vorheriger befund',
  'poprzednie badanie',
  'poprzedni opis',
  'wcześniejsze badanie',
  'vorig verslag',
  'eerder onderzoek',
];
export const PRIOR_BANNERS: readonly string[] = [
  ...BANNER_LEADS.flatMap((lead) => BANNER_ADJECTIVES.flatMap((adj) => BANNER_NOUNS.map((n) => `${lead}${adj} ${n}`))),
  ...BANNER_COMPARISON,
  ...BANNER_FOREIGN,
];

/**
 * Words later on a banner's line that say the text below is pasted ("Prior study report (2023) -
 * pasted for reference"): with one of them, a line that opens with a banner phrase and does not end
 * as a sentence is a banner in any case.
 */
export const BANNER_TAILS: readonly string[] = [
  'for reference',
  'for comparison',
  'pasted',
  'reproduced',
  'copied',
  'below',
  'follows',
  'attached',
  'pour référence',
  'pour comparaison',
  'para referencia',
  'para comparación',
  'per confronto',
  'zum vergleich',
];

/** Words of a banner that name a report (a banner in capitals with one is a banner anywhere). */
export const REPORT_WORDS: readonly string[] = [
  'report',
  'rapport',
  'compte rendu',
  'compte-rendu',
  'informe',
  'laudo',
  'relatório',
  'referto',
  'befund',
  'verslag',
  'opis',
];

/**
 * Headers that say this study resumes after an earlier report's text ("CURRENT STUDY:", "Today's
 * examination"): a prior block that such a header follows is not read as history to the end.
 */
export const CURRENT_BANNERS: readonly string[] = [
  'current study',
  'current report',
  'current exam',
  'current examination',
  'current dxa',
  'this study',
  'this exam',
  'this examination',
  "today's study",
  "today's exam",
  "today's examination",
  'present study',
  'present examination',
  'new study',
  'étude actuelle',
  'examen actuel',
  'estudio actual',
  'examen actual',
  'esame attuale',
  'aktuelle untersuchung',
];
