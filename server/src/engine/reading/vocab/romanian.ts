/**
 * Romanian words of a DXA report, as data ("Col femural stâng", "fractură osteoporotică majoră",
 * "Concluzie:", "Vârsta: 73 ani"). Written with their diacritics: the trie also compiles every phrase
 * without them (fold.ts), so "Sold total stang" and "Varsta" read the same.
 */
import type { Entry, SiteInfo } from '../concepts';
import { ADJUSTED } from '../concepts';
import type { SectionKind } from '../../types';

const REGIONS: Array<[string, string]> = [
  ['col femural', 'femoral neck'],
  ['colul femural', 'femoral neck'],
  ['colul femurului', 'femoral neck'],
  ['șold total', 'total hip'],
  ['total șold', 'total hip'],
  ['șold', 'hip'],
  ['coloana lombară', 'L1-L4'],
  ['coloană lombară', 'L1-L4'],
  ['coloana vertebrală lombară', 'L1-L4'],
  ['antebraț', 'radius'],
];

/** Sides after their region ("Col femural stâng", "Șold total drept"). */
const SIDES: Array<[string, SiteInfo['side']]> = [
  ['stâng', 'left'],
  ['stânga', 'left'],
  ['stângă', 'left'],
  ['drept', 'right'],
  ['dreapta', 'right'],
  ['dreaptă', 'right'],
];

const KINDS: Array<[string, 'mof' | 'hip']> = [
  ['fractură osteoporotică majoră', 'mof'],
  ['fracturi osteoporotice majore', 'mof'],
  ['fractură majoră', 'mof'],
  ['fractură de șold', 'hip'],
  ['fracturi de șold', 'hip'],
  ['fractură de col femural', 'hip'],
  ['șold', 'hip'],
];

const WHO: Array<[string, 'osteoporosis' | 'osteopenia']> = [
  ['osteoporoză', 'osteoporosis'],
  ['osteopenie', 'osteopenia'],
];

const CATEGORIES: Array<[string, 'degraded' | 'partially degraded']> = [
  ['degradată', 'degraded'],
  ['degradate', 'degraded'],
  ['parțial degradată', 'partially degraded'],
  ['parțial degradate', 'partially degraded'],
];

/** "ajustat pentru TBS", "corectat cu TBS", "ajustată în funcție de TBS". */
const ADJUSTMENTS = ['ajustat', 'ajustată', 'ajustate', 'corectat', 'corectată', 'corectate'].flatMap((p) =>
  ['pentru', 'cu', 'după', 'în funcție de', 'la'].map((prep) => `${p} ${prep} tbs`),
);

export const ROMANIAN: Entry[] = [
  ...REGIONS.map(([phrase, region]): Entry => ({ phrase, concept: { c: 'site', site: { region } } })),
  ...SIDES.map(([phrase, side]): Entry => ({ phrase, concept: { c: 'site', site: { side, postposed: true } } })),
  ...KINDS.map(([phrase, kind]): Entry => ({ phrase, concept: { c: 'kind', kind } })),
  ...WHO.map(([phrase, who]): Entry => ({ phrase, concept: { c: 'who', who } })),
  ...CATEGORIES.map(([phrase, category]): Entry => ({ phrase, concept: { c: 'tbsCategory', category } })),
  ...ADJUSTMENTS.map((phrase): Entry => ({
    phrase,
    concept: { c: 'cue', category: ADJUSTED, direction: 'both', scope: 14 },
  })),
  // Signer roles of a sign-off ("Medic primar radiologie și imagistică medicală,").
  ...['medic primar', 'medic specialist', 'medic radiolog', 'medic primar radiolog', 'medic specialist radiolog'].map(
    (phrase): Entry => ({ phrase, concept: { c: 'role', excluded: false } }),
  ),
  ...['vârsta', 'vârstă', 'vârsta pacientului'].map((phrase): Entry => ({
    phrase,
    concept: { c: 'demographic', field: 'age' },
  })),
  { phrase: 'ani', concept: { c: 'demographic', field: 'ageUnit' } },
  ...['data nașterii', 'data naşterii'].map((phrase): Entry => ({
    phrase,
    concept: { c: 'demographic', field: 'dob' },
  })),
  ...['data examinării', 'data examenului', 'data investigației'].map((phrase): Entry => ({
    phrase,
    concept: { c: 'demographic', field: 'examDate' },
  })),
  ...(
    [
      ['femeie', 'female'],
      ['feminin', 'female'],
      ['bărbat', 'male'],
      ['masculin', 'male'],
    ] as const
  ).map(([phrase, sex]): Entry => ({ phrase, concept: { c: 'sex', sex } })),
];

/** Section headers ("Concluzie:", "Rezultate:"), for vocab/sections.ts. */
export const ROMANIAN_HEADERS: Array<[string, SectionKind]> = [
  ['concluzie', 'impression'],
  ['concluzii', 'impression'],
  ['rezultate', 'findings'],
];

/** Topic nouns of the TBS ("microarhitectură degradată"). */
export const ROMANIAN_TBS_TOPICS: readonly string[] = ['microarhitectură', 'microarhitectura'];
/** The unit after an age ("73 ani"). */
export const ROMANIAN_AGE_UNITS: readonly string[] = ['ani'];
