/** Labels of the measured values: TBS, BMD T-score and Z-score. One phrase per line. */
import type { Entry } from '../concepts';

const TBS = [
  'tbs',
  'trabecular bone score',
  'trabecular bone scores',
  'trabecular score',
  'trabecular bone texture score',
  'tbs score',
  'tbs value',
];

/** A T-score or Z-score of the TBS itself: not a BMD score. */
const TBS_SCORES = [
  'tbs t score',
  'tbs z score',
  'tbs t scores',
  'tbs z scores',
  'tbs tscore',
  'tbs zscore',
  // The TBS named after the score, as a column heading writes it: "T-Score (TBS)", "Z-score TBS".
  't score (tbs)',
  'z score (tbs)',
  't score tbs',
  'z score tbs',
  't score of tbs',
  'z score of tbs',
  't score of the tbs',
  'z score of the tbs',
];

const T = [
  't score',
  't scores',
  'tscore',
  'tscores',
  't-value',
  'young adult t score',
  'bmd t score',
  // Turkish, Czech and Slovak, Swedish, Danish and Norwegian, Dutch, German.
  't skor',
  't skoru',
  't skóre',
  't värde',
  't værdi',
  't verdi',
  't waarde',
  't wert',
  // A literal translation of "T-критерий" / "T-критерій" / "T-Kriterium" ("T-criterion").
  't criterion',
  't criteria',
  't kriterium',
  't kriteriy',
  't kryterii',
  't kryteriy',
];
const Z = [
  'z score',
  'z scores',
  'zscore',
  'zscores',
  'age matched z score',
  'bmd z score',
  'z skor',
  'z skoru',
  'z skóre',
  'z värde',
  'z værdi',
  'z verdi',
  'z waarde',
  'z wert',
  'z criterion',
  'z criteria',
  'z kriterium',
  'z kriteriy',
  'z kryterii',
  'z kryteriy',
];
const BMD = [
  'bmd',
  'bone mineral density',
  'bone density',
  'areal bmd',
  // Spanish and French (DMO: densidad / densité minérale osseuse), Portuguese and Italian (DMO, BMD),
  // German (KMD: Knochenmineraldichte), Polish (BMD).
  'dmo',
  'densidad mineral ósea',
  'densité minérale osseuse',
  'densidade mineral óssea',
  'densità minerale ossea',
  'kmd',
  'knochenmineraldichte',
  'knochendichte',
];

/** Software and scanner names: the number after one is a version, not a value. */
const SOFTWARE = [
  'insight',
  'version',
  'software',
  'software version',
  'apex',
  'encore',
  'medimaps',
  'v',
  'hologic',
  'lunar',
  'prodigy',
  'horizon',
  'discovery',
  'idxa',
];

/**
 * Nouns that name a quantity of their own: a number right after one is that quantity, not the
 * value of a label further back ("error code 1.262", "phantom check 1.006", "module 2.1").
 */
const OTHER_QUANTITIES = [
  'code',
  'error code',
  'check',
  'phantom',
  'calibration',
  'module',
  'firmware',
  'build',
  'release',
  'serial',
  'lot',
  'batch',
  'accession',
  'mrn',
  'id',
  'ref',
  'reference number',
  'number',
];

/** Column words of a comparison table: a change between studies, never a value of this study. */
const CHANGE_COLUMNS = [
  'change',
  '% change',
  'percent change',
  'change %',
  'difference',
  'diff',
  'delta',
  'decrease',
  'increase',
  'loss',
  'gain',
  'vs',
  'versus',
];

/** Other column words of a BMD table's header (none is a measure of its own). */
const OTHER_COLUMNS = [
  'area',
  'bmc',
  'ya',
  '% ya',
  'young adult',
  'age matched',
  'measurement',
  'parameter',
  'region',
  'site',
];

/** Words that end a key naming its value's unit as a percentage ("mof_pct", "hip percent"). */
export const PERCENT_KEY_WORDS: readonly string[] = ['pct', 'percent', 'perc', 'pc'];

/**
 * A sentence that opens with one of these refers back to the measure the sentence before named
 * without a value ("We also measured your trabecular bone score. Yours came out at 1.336."): the
 * label's value may stand there. A noun after a possessive or article: "Your score was 1.336".
 */
export const ANAPHORA_WORDS: readonly string[] = ['yours', 'hers', 'his', 'it', 'this', 'that'];
export const ANAPHORA_DETERMINERS: readonly string[] = ['the', 'this', 'that', 'your', 'her', 'his', 'their'];
export const ANAPHORA_NOUNS: readonly string[] = ['score', 'value', 'result', 'figure', 'reading', 'measurement'];

/** Keys whose value is their parent's ("tbs:" then "value: 1.262" one level in). */
const VALUE_KEYS = ['value', 'result', 'score', 'measured value'];

export const LABELS: Entry[] = [
  ...CHANGE_COLUMNS.map((phrase): Entry => ({ phrase, concept: { c: 'column', column: 'change' } })),
  ...OTHER_COLUMNS.map((phrase): Entry => ({ phrase, concept: { c: 'column', column: 'other' } })),
  ...VALUE_KEYS.map((phrase): Entry => ({ phrase, concept: { c: 'valueKey' } })),
  ...OTHER_QUANTITIES.map((phrase): Entry => ({ phrase, concept: { c: 'quantity' } })),
  ...SOFTWARE.map((phrase): Entry => ({ phrase, concept: { c: 'software' } })),
  ...TBS.map((phrase): Entry => ({ phrase, concept: { c: 'tbs' } })),
  ...TBS_SCORES.map((phrase): Entry => ({ phrase, concept: { c: 'tbsScore' } })),
  ...T.map((phrase): Entry => ({ phrase, concept: { c: 't' } })),
  ...Z.map((phrase): Entry => ({ phrase, concept: { c: 'z' } })),
  ...BMD.map((phrase): Entry => ({ phrase, concept: { c: 'bmd' } })),
];
