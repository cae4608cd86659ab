import { memoByString } from './memo';

/**
 * The words reports use, as data. Adding a site's phrasing should touch this file only.
 */

/** Site words: they may stand between "T-score" and its value. */
export const SITE_WORDS: ReadonlySet<string> = new Set([
  'left',
  'right',
  'lt',
  'rt',
  'l',
  'r',
  'bilateral',
  'femoral',
  'femur',
  'neck',
  'total',
  'hip',
  'hips',
  'lumbar',
  'spine',
  'l-spine',
  'l1-l4',
  'l1-4',
  'l1-l3',
  'l2-l4',
  'l1-l2',
  'l1',
  'l2',
  'l3',
  'l4',
  'forearm',
  'radius',
  'radial',
  'distal',
  'one-third',
  'trochanter',
  'trochanteric',
  'intertrochanteric',
  "ward's",
  'body',
  'dual',
  'mean',
  'proximal',
  'ap',
  'fn',
  'th',
]);

export const T_FILLERS: ReadonlySet<string> = new Set([
  ...SITE_WORDS,
  'of',
  'is',
  'was',
  'were',
  'are',
  'at',
  'the',
  'in',
  'lowest',
  'measured',
  'measuring',
  'value',
  'bmd',
  'score',
  'for',
  'on',
  'site',
  'only',
  'now',
  'currently',
  'today',
]);

/** Words that may stand between a risk label and its value: "major osteoporotic fracture is 22%". */
export const RISK_FILLERS: ReadonlySet<string> = new Set([
  'fracture',
  'fractures',
  'fx',
  'risk',
  'probability',
  'of',
  'is',
  'was',
  'at',
  'the',
  '10-year',
  '10-yr',
  'ten-year',
  'year',
  'years',
  'osteoporotic',
  'major',
  'tbs-adjusted',
  'adjusted',
  'frax',
  'for',
  'a',
]);

export interface SiteParse {
  side: 'left' | 'right' | 'mean' | null;
  region: string;
}

/**
 * Reads a site from free text: "Left femoral neck", "Rt total hip", "L1-L4", "lumbar spine",
 * "radius 33%". Returns null when no region word is present.
 */
export const parseSite: (textNorm: string) => SiteParse | null = memoByString(computeSite, 5000);

function computeSite(textNorm: string): SiteParse | null {
  const t = ` ${textNorm.replace(/[^a-z0-9%/' -]/g, ' ').replace(/\s+/g, ' ')} `;
  let side: SiteParse['side'] = null;
  if (/ (?:left|lt|l) /.test(t)) side = 'left';
  else if (/ (?:right|rt|r) /.test(t)) side = 'right';
  else if (/ mean /.test(t)) side = 'mean';
  let region: string | null = null;
  if (/upper (?:femoral )?neck/.test(t)) region = 'upper neck';
  else if (/femoral neck|femur neck| fn |neck/.test(t)) region = 'femoral neck';
  else if (/total hip|total femur| th |dual (?:femur|hip)|mean (?:total )?hip/.test(t)) region = 'total hip';
  else if (/intertrochant|inter-trochant/.test(t)) region = 'intertrochanteric';
  else if (/trochant/.test(t)) region = 'trochanter';
  else if (/ ward/.test(t)) region = "ward's";
  else if (/radius|forearm|radial/.test(t)) {
    // The one-third (33%) radius and the ultradistal radius are different regions.
    if (/33 ?%|one[- ]third|1\/3/.test(t)) region = 'radius 33%';
    else if (/ultra[- ]?distal| ud /.test(t)) region = 'radius UD';
    else if (/ mid /.test(t)) region = 'radius mid';
    else region = 'radius';
  } else if (/total body|whole body/.test(t)) region = 'total body';
  else if (/ l1 ?- ?l?4 |lumbar|l-spine|(?:^| )spine /.test(t)) region = 'l1-l4';
  else {
    const m = / (l[1-5](?: ?- ?l?[1-5])?) /.exec(t);
    if (m) region = m[1].replace(/ /g, '').replace(/^l(\d)-(\d)$/, 'l$1-l$2');
    else if (/ hip /.test(t)) region = 'hip';
  }
  if (!region) return null;
  if (region === 'l1-l4' || /^l\d/.test(region) || region === 'total body') side = null;
  return { side, region };
}

export function siteKey(site: SiteParse | null): string | null {
  if (!site) return null;
  // Vertebral levels are written in capitals: "L1-L4".
  const region = site.region.replace(/\bl(\d)/g, 'L$1');
  return site.side ? `${site.side} ${region}` : region;
}

// ---------------------------------------------------------------------------------------------
// Who the patient is (sex, menopausal status) and how a densitometric class is hedged.

/** Words that state the patient's sex. One-letter forms count only after a "Sex:" label. */
export const SEX_WORDS: Readonly<Record<string, 'female' | 'male'>> = {
  female: 'female',
  woman: 'female',
  lady: 'female',
  girl: 'female',
  male: 'male',
  man: 'male',
  gentleman: 'male',
  boy: 'male',
};
export const SEX_LABELS: readonly string[] = ['sex', 'gender'];
export const SEX_LETTERS: Readonly<Record<string, 'female' | 'male'>> = { f: 'female', m: 'male', w: 'female' };

/** Menopausal status, by the word stem before "menopausal" ("pre", "peri", "post"). */
export const MENOPAUSE_PREFIXES: Readonly<Record<string, 'premenopausal' | 'perimenopausal' | 'postmenopausal'>> = {
  pre: 'premenopausal',
  peri: 'perimenopausal',
  post: 'postmenopausal',
};

/**
 * Phrases that state a menopause that has happened (natural, early, surgical or ovarian
 * insufficiency): the patient is postmenopausal whatever her age.
 */
export const POSTMENOPAUSAL_PHRASES: readonly string[] = [
  'menopause at',
  'menopause in',
  'menopause age',
  'early menopause',
  'premature menopause',
  'surgical menopause',
  'natural menopause',
  'induced menopause',
  'since menopause',
  'since the menopause',
  'after menopause',
  'years after menopause',
  'years since menopause',
  'primary ovarian insufficiency',
  'premature ovarian insufficiency',
  'premature ovarian failure',
  'bilateral oophorectomy',
];

/** A status word followed by one of these speaks of a group ("postmenopausal women"), not the patient. */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'women',
  'men',
  'females',
  'males',
  'patients',
  'subjects',
  'populations',
  'population',
  'cohort',
  'cohorts',
]);

/** Words for Garvan's "any (osteoporotic) fracture" result: a risk of kind "any". */
export const ANY_FRACTURE_WORDS: readonly string[] = [
  'any fracture',
  'any fractures',
  'any osteoporotic fracture',
  'any osteoporotic fractures',
  'any fragility fracture',
  'any low-trauma fracture',
  'any fx',
  'all fractures',
  'total fracture',
];

/** CAROC's 10-year MOF risk categories, as reports name them. */
export const RISK_CATEGORY_WORDS: Readonly<Record<string, 'low' | 'moderate' | 'high'>> = {
  low: 'low',
  moderate: 'moderate',
  medium: 'moderate',
  intermediate: 'moderate',
  high: 'high',
};
