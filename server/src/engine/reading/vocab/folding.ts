/**
 * Words of one language that a phrase of another becomes once its diacritics are dropped (fold.ts):
 * Dutch "hoger" (higher) is Swedish "höger" (right) folded, "Levy" (a surname) is Czech "levý" (left)
 * folded. Each is named here as something else, so the folded form never takes it (a folded form
 * never replaces a phrase the vocabulary holds); the phrase written with its diacritics still reads.
 */
import type { Entry } from '../concepts';

export const FOLD_BLOCKERS: Entry[] = ['hoger', 'levy'].map((phrase): Entry => ({ phrase, concept: { c: 'other' } }));
