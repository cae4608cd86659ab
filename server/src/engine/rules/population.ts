/**
 * Who the WHO densitometric classes apply to (ISCD official positions): postmenopausal women and men
 * aged 50 or more. Premenopausal women and men under 50 are reported with Z-scores against the
 * expected range for age. Where the report does not say, the WHO classes apply (as before).
 */
import { isDiagnosticSite } from '../reading/vocab';
import type { Elements } from '../types';

/** The report states a patient for whom BMD is reported as Z-scores: premenopausal, or under 50. */
export function zScorePopulation(el: Elements): boolean {
  const p = el.population;
  if (p?.menopause === 'premenopausal') return true;
  if (p?.menopause === 'postmenopausal' || p?.menopause === 'perimenopausal') return false;
  return el.age !== null && el.age.value < 50;
}

/** Z-score at or below which BMD is "below the expected range for age" (ISCD). */
export const Z_BELOW_EXPECTED = -2.0;

/**
 * A BMD site that may decide the WHO class (ISCD): L1-L4 or another range of at least two vertebrae,
 * total hip, femoral neck, 33 % radius (the vocabulary's `isDiagnosticSite`). A site the report does
 * not name counts (it is the one the report states); a single vertebra, the trochanter, Ward's area and
 * the like never do.
 */
export function decidesWhoClass(site: string | null): boolean {
  return site === null || isDiagnosticSite(site);
}
