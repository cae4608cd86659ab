/** TBS categories and WHO densitometric classes. One phrase per line. */
import type { Entry } from '../concepts';
import type { TbsCategory, WhoClass } from '../../types';
import { DUTCH_TBS_TOPICS } from './dutch';
import { ROMANIAN_TBS_TOPICS } from './romanian';

/**
 * Words that say normal in a note or another language: the clinical short forms "nl" and "nml",
 * "wnl" (within normal limits), French and Italian "normale". ("normal" itself is found by the reader.)
 */
export const NORMAL_WORDS: readonly string[] = ['nl', 'nml', 'wnl', 'normale', 'normali', 'normaal'];

/** The category words; each also stands with the TBS's topic nouns ("partially degraded bone microarchitecture"). */
const TBS_CATEGORY_WORDS: Array<[string, TbsCategory]> = [
  ['normal', 'normal'],
  ['partially degraded', 'partially degraded'],
  ['partly degraded', 'partially degraded'],
  ['intermediate', 'partially degraded'],
  // Abbreviated in terse notes ("TBS 1.297 (part. degraded)", "partially degr."): a "." joins.
  ['part degraded', 'partially degraded'],
  ['part degr', 'partially degraded'],
  ['partially degr', 'partially degraded'],
  ['partly degr', 'partially degraded'],
  ['degraded', 'degraded'],
  ['severely degraded', 'degraded'],
  // Reports of other languages or bilingual layouts ("Microarchitecture dégradée", "microarquitectura
  // parcialmente degradada").
  ['partiellement dégradée', 'partially degraded'],
  ['parcialmente degradada', 'partially degraded'],
  ['parzialmente degradata', 'partially degraded'],
  ['teilweise degradiert', 'partially degraded'],
  ['dégradée', 'degraded'],
  ['degradada', 'degraded'],
  ['degradata', 'degraded'],
  ['degradiert', 'degraded'],
  // Short forms and other languages' words for normal ("TBS nl.", "TBS WNL", "TBS normale"): like a
  // bare "normal", each is a TBS statement only right beside a TBS, its value or its topic.
  ...NORMAL_WORDS.map((w): [string, TbsCategory] => [w, 'normal']),
];

/**
 * Nouns of what a TBS measures: a category word with one of them is a TBS statement wherever it
 * stands ("Normal microarchitecture"); "normal" alone is one only next to a TBS or one of these.
 */
export const TBS_TOPIC_WORDS: readonly string[] = [
  'microarchitecture',
  'microarchitectural',
  'micro architecture',
  'bone microarchitecture',
  'trabecular microarchitecture',
  'trabecular bone microarchitecture',
  'bone texture',
  'trabecular texture',
  // Other languages: "Mikroarchitektur degradiert", "microarquitectura degradada".
  'mikroarchitektur',
  'microarquitectura',
  'microarchitettura',
  'microarquitetura',
  ...DUTCH_TBS_TOPICS,
  ...ROMANIAN_TBS_TOPICS,
];

/**
 * Words between a TBS (or its topic) and a bare "normal" (up to three): "TBS is normal",
 * "microarchitecture appears normal", "TBS in the normal range".
 */
export const CATEGORY_LINKS: readonly string[] = [
  'is',
  'was',
  'are',
  'appears',
  'remains',
  'looks',
  'considered',
  'which',
  'that',
  // "TBS in the normal range", "TBS is within the normal range", "TBS falls in the normal range".
  'in',
  'within',
  'the',
  'falls',
  'lies',
];

/**
 * Words that make a category word a TBS statement on their own: "partially degraded" says nothing
 * else in a DXA report, and a "Category:" label names the TBS category ("Category: degraded").
 */
/**
 * Words of a general sentence about TBS, not about this patient ("A lower TBS is associated with
 * degraded microarchitecture", "Degraded microarchitecture predicts fractures"): a category away
 * from any value in such a sentence states nothing.
 */
export const GENERIC_WORDS: readonly string[] = [
  'low',
  'lower',
  'high',
  'higher',
  'more',
  'less',
  'associated',
  'means',
  'reflects',
  'predicts',
  'predictive',
  'typically',
  'generally',
  'usually',
  'often',
  'values',
  'scores',
];

export const TBS_ONLY_WORDS: readonly string[] = [
  'partially',
  'partly',
  'part',
  'severely',
  'partiellement',
  'parcialmente',
  'parzialmente',
  'teilweise',
  'gedeeltelijk',
  'deels',
  'parțial',
];
export const CATEGORY_LABELS: readonly string[] = ['category', 'tbs category', 'microarchitecture category'];

const TBS_CATEGORIES: Array<[string, TbsCategory]> = [
  ...TBS_CATEGORY_WORDS.filter(([w]) => w !== 'normal'),
  ...TBS_CATEGORY_WORDS.flatMap(([w, category]) =>
    TBS_TOPIC_WORDS.map((topic): [string, TbsCategory] => [`${w} ${topic}`, category]),
  ),
];

const WHO: Array<[string, WhoClass]> = [
  ['osteoporosis', 'osteoporosis'],
  // Class words of reports in other languages ("Ostéoporose densitométrique", "osteopenia").
  ['ostéoporose', 'osteoporosis'],
  ['osteoporose', 'osteoporosis'],
  ['osteoporosi', 'osteoporosis'],
  ['ostéopénie', 'osteopenia'],
  ['osteopenie', 'osteopenia'],
  ['osteoporotic range', 'osteoporosis'],
  ['osteoporosis range', 'osteoporosis'],
  ['osteopenic range', 'osteopenia'],
  ['osteopenia range', 'osteopenia'],
  ['osteopenia', 'osteopenia'],
  ['osteopenic', 'osteopenia'],
  ['low bone mass', 'osteopenia'],
  ['low bone density', 'osteopenia'],
  ['low bone mineral density', 'osteopenia'],
  ['normal bone density', 'normal'],
  ['normal bone mass', 'normal'],
  ['normal bone mineral density', 'normal'],
  ['normal bmd', 'normal'],
  // "BMD is normal", "Bone mineral density was within normal limits", ...
  ...['bmd', 'bone density', 'bone mineral density'].flatMap((subject) =>
    ['is', 'was', 'remains'].flatMap((verb) =>
      ['normal', 'within normal limits', 'in the normal range', 'within the normal range'].map(
        (state): [string, WhoClass] => [`${subject} ${verb} ${state}`, 'normal'],
      ),
    ),
  ),
];

/** Class words at the head of a name or a topic: "Osteoporosis Canada", "osteoporosis therapy". */
const WHO_HEADS = ['osteoporosis', 'osteopenia', 'osteopenic', 'low bone mass', 'low bone density'];
const TOPIC_TAILS = [
  'canada',
  'australia',
  'society',
  'foundation',
  'association',
  'international',
  'guideline',
  'guidelines',
  'guidance',
  'clinic',
  'service',
  'therapy',
  'treatment',
  'medication',
  'medications',
  'pharmacotherapy',
  'drug',
  'drugs',
  'screening',
  'risk factor',
  'risk factors',
  'prevention',
  'education',
  'counseling',
  'counselling',
];

/** Words of a sentence that classifies: without an impression, a class is read only in such a sentence. */
const CLASSIFICATION = [
  'who',
  'classification',
  'classified',
  'densitometric',
  'densitometrically',
  'diagnosis',
  'diagnostic',
  'diagnosed',
  'diagnoses',
  'diagnose',
];

/**
 * Keys whose value is the densitometric class: at a line's start, "KEY: osteopenia" states the class
 * in any section ("Bone density: osteopenia", "DXA result: osteoporosis", "WHO category: normal").
 */
const WHO_KEYS = [
  'bmd',
  'bone density',
  'bone mineral density',
  'bone mass',
  'dxa',
  'dexa',
  'dxa result',
  'dexa result',
  'dxa results',
  'bmd result',
  'bmd results',
  'bone density result',
  'densitometry',
  'densitometric result',
  'densitometric category',
  'densitometric diagnosis',
  'bmd category',
  'bmd classification',
  'bmd diagnosis',
  'bone density category',
  'bone density classification',
  'who category',
  'who class',
  'who classification',
  'who diagnosis',
  'diagnosis',
  'diagnostic category',
  // Short forms and other languages: "dx: osteopenia", "Diagnóstico: osteoporosis", "Diagnose: Osteopenie".
  'dx',
  'diag',
  'final diagnosis',
  'working diagnosis',
  'densitometric dx',
  'diagnóstico',
  'diagnostic',
  'diagnosi',
  'diagnose',
  'rozpoznanie',
];

/** A clinical basis: the class rests on a fracture or a clinical diagnosis, not on the T-score. */
const CLINICAL = [
  'fragility fracture',
  'fragility fractures',
  'clinical diagnosis',
  'clinically diagnosed',
  'clinical osteoporosis',
  'clinically',
  'vertebral fracture',
  'vertebral fractures',
  'compression fracture',
  'compression fractures',
  'low trauma fracture',
  'low trauma fractures',
  'based on fracture',
  'based on the fracture',
  'based on prior fracture',
  'based on a prior fracture',
  'based on the history of fracture',
  'based on history of fracture',
  'based on a fracture',
];

export const CATEGORIES: Entry[] = [
  ...WHO_HEADS.flatMap((head) =>
    TOPIC_TAILS.map((tail): Entry => ({ phrase: `${head} ${tail}`, concept: { c: 'whoTopic' } })),
  ),
  ...CLASSIFICATION.map((phrase): Entry => ({ phrase, concept: { c: 'classification' } })),
  ...CLINICAL.map((phrase): Entry => ({ phrase, concept: { c: 'clinicalBasis' } })),
  ...WHO_KEYS.map((phrase): Entry => ({ phrase, concept: { c: 'whoKey' } })),
  ...TBS_CATEGORIES.map(([phrase, category]): Entry => ({ phrase, concept: { c: 'tbsCategory', category } })),
  ...WHO.map(([phrase, who]): Entry => ({ phrase, concept: { c: 'who', who } })),
];
