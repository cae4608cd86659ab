/**
 * who-classification-mismatch: a stated WHO densitometric class must match the lowest BMD T-score
 * at an ISCD diagnostic site. The WHO classes apply only to postmenopausal women and men aged 50 or
 * more: for a premenopausal woman or a man under 50 a class is flagged without a fix, and
 * "osteoporosis" is never suggested from BMD.
 */
import { regionOf } from '../reading/vocab/sites';
import { T_RANGE, WHO_LABEL, whoClassOf } from '../thresholds';
import type { Finding, Located } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding, matchCase } from './helpers';
import { decidesWhoClass, Z_BELOW_EXPECTED, zScorePopulation } from './population';

type Score = Located & { value: number; text: string; site: string | null };

/** The lowest plausible score at an ISCD diagnostic site, or null. */
function lowestDiagnostic<T extends Score>(scores: readonly T[]): T | null {
  let lowest: T | null = null;
  for (const s of scores) {
    if (s.value < T_RANGE[0] || s.value > T_RANGE[1] || !decidesWhoClass(s.site)) continue;
    if (!lowest || s.value < lowest.value) lowest = s;
  }
  return lowest;
}

/** The WHO class of the lowest T-score read at these regions, or null when none was read there. */
function siteClass(scores: readonly Score[], regions: readonly string[]): string | null {
  const at = lowestDiagnostic(scores.filter((s) => atRegions(s.site, regions)));
  return at ? whoClassOf(at.value) : null;
}

/** Is a T-score's site (a site key: "left femoral neck", "L1-L4") one of these regions, whatever its side? */
function atRegions(site: string | null, regions: readonly string[] | undefined): boolean {
  if (!site || !regions) return false;
  const region = regionOf(site);
  for (const r of regions) {
    if (r === region) return true;
    // "the hip" names the total hip and the femoral neck; "the spine" any vertebral range.
    if (r === 'hip' && (region === 'total hip' || region === 'femoral neck')) return true;
    if (r[0] === 'L' && region[0] === 'L') return true;
    // "the forearm", "the radius": any radius region ("radius 33%").
    if (r.startsWith('radius') && region.startsWith('radius')) return true;
  }
  return false;
}

export const rule: Rule = {
  id: 'who-classification-mismatch',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary:
    'The stated WHO class does not match the lowest BMD T-score at an ISCD diagnostic site, or is used for a patient the WHO classes do not apply to.',
  source: 'WHO densitometric classification; ISCD official positions (sites, populations); domain reference section 4',
  docs: 'docs/rules/who-classification-mismatch.md',
  order: 130,
  check({ elements, original }) {
    const out: Finding[] = [];
    if (!elements.whoStatements.length) return out;
    if (zScorePopulation(elements)) {
      // Premenopausal, or under 50: BMD is read against the expected range for age (Z-score).
      const z = lowestDiagnostic(elements.zScores ?? []);
      for (const st of elements.whoStatements) {
        if (st.clinical) continue;
        if (st.whoClass === 'normal') {
          if (z && z.value <= Z_BELOW_EXPECTED)
            out.push(
              finding(
                rule,
                st.range,
                `Z-score ${z.text} is below the expected range for age (-2.0 or lower): "normal" does not fit.`,
                { related: [{ range: z.range, message: `lowest BMD Z-score ${z.text}` }] },
              ),
            );
          continue;
        }
        // No fix: a diagnosis for this patient is not read from BMD alone.
        out.push(
          finding(
            rule,
            st.range,
            'WHO classes apply to postmenopausal women and men aged 50+: compare BMD with the range for age.',
          ),
        );
      }
      return out;
    }
    const lowest = lowestDiagnostic(elements.tScores);
    if (!lowest) return out;
    const expected = whoClassOf(lowest.value);
    // The patient's class is stated somewhere: a class stated for named sites beside it may describe
    // those sites ("Osteoporosis at the one-third radius, with osteopenia at both femoral necks").
    const classStated = elements.whoStatements.some((st) => st.whoClass === expected);
    for (const st of elements.whoStatements) {
      if (classStated && st.regions && st.whoClass === siteClass(elements.tScores, st.regions)) continue;
      if (st.whoClass === expected) continue;
      // Osteoporosis diagnosed clinically (fragility fracture) may stand above the densitometric class.
      if (st.whoClass === 'osteoporosis' && st.clinical) continue;
      const written = original.slice(st.span.start, st.span.end);
      const replacement = matchCase(written, WHO_LABEL[expected]);
      out.push(
        finding(
          rule,
          st.range,
          `The stated class does not fit the lowest T-score ${lowest.text}, which is ${WHO_LABEL[expected]}.`,
          {
            related: [
              {
                range: lowest.range,
                message: `lowest BMD T-score at a diagnostic site ${lowest.text}${lowest.site ? ` (${lowest.site})` : ''}`,
              },
            ],
            // A diagnosis: offered on request only, never preferred or applied in bulk.
            fixes: [
              {
                title: `Change "${written}" to "${replacement}"`,
                suggestion: true,
                edits: [{ range: st.range, newText: replacement }],
              },
            ],
          },
        ),
      );
    }
    return out;
  },
};
