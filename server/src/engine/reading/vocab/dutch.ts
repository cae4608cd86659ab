/**
 * Dutch words of a DXA report not in the concept modules, as data ("gecorrigeerd voor TBS",
 * "gedeeltelijk gedegradeerde microarchitectuur"). Sites, sides, sexes and the age label are in
 * sites.ts and demographics.ts already ("collum femoris", "heup", "lendenwervelkolom", "vrouw").
 */
import type { Entry } from '../concepts';
import { ADJUSTED } from '../concepts';

const CATEGORIES: Array<[string, 'degraded' | 'partially degraded']> = [
  ['gedegradeerd', 'degraded'],
  ['gedegradeerde', 'degraded'],
  ['gedeeltelijk gedegradeerd', 'partially degraded'],
  ['gedeeltelijk gedegradeerde', 'partially degraded'],
  ['deels gedegradeerd', 'partially degraded'],
  ['deels gedegradeerde', 'partially degraded'],
];

/** "gecorrigeerd voor TBS", "aangepast voor de TBS", "gecorrigeerd met TBS". */
const ADJUSTMENTS = ['gecorrigeerd', 'gecorrigeerde', 'aangepast', 'aangepaste'].flatMap((p) =>
  ['voor', 'voor de', 'met', 'met de', 'op basis van', 'op basis van de'].map((prep) => `${p} ${prep} tbs`),
);

export const DUTCH: Entry[] = [
  ...['datum onderzoek', 'datum van onderzoek'].map((phrase): Entry => ({
    phrase,
    concept: { c: 'demographic', field: 'examDate' },
  })),
  ...CATEGORIES.map(([phrase, category]): Entry => ({ phrase, concept: { c: 'tbsCategory', category } })),
  ...ADJUSTMENTS.map((phrase): Entry => ({
    phrase,
    concept: { c: 'cue', category: ADJUSTED, direction: 'both', scope: 14 },
  })),
];

/** Topic nouns of the TBS ("gedegradeerde microarchitectuur"). */
export const DUTCH_TBS_TOPICS: readonly string[] = ['microarchitectuur', 'trabeculaire microarchitectuur'];
