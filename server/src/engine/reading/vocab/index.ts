/** The whole vocabulary: every data module, in one list the trie compiles. */
import type { Entry } from '../concepts';
import { CATEGORIES } from './categories';
import { CUE_ENTRIES } from './cues';
import { DEMOGRAPHICS } from './demographics';
import { DUTCH } from './dutch';
import { FOLD_BLOCKERS } from './folding';
import { LABELS } from './labels';
import { MODEL_LABELS, RISK } from './risk';
import { ROLES } from './roles';
import { ROMANIAN } from './romanian';
import { SECTIONS } from './sections';
import { SITES } from './sites';

export const VOCABULARY: readonly Entry[] = [
  ...LABELS,
  ...SITES,
  ...RISK,
  ...MODEL_LABELS,
  ...CATEGORIES,
  ...ROLES,
  ...SECTIONS,
  ...DEMOGRAPHICS,
  ...CUE_ENTRIES,
  // Languages whose words are kept together rather than spread over the concept modules.
  ...DUTCH,
  ...ROMANIAN,
  ...FOLD_BLOCKERS,
];

export { isDiagnosticSite } from './sites';
