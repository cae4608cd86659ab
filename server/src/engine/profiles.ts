/** What each CPT profile requires, and how a report selects its profile. */
import type { CptCode, ElementId, ProfileId } from './types';

export const PROFILE_REQUIRES: Record<ProfileId, readonly ElementId[]> = {
  '77091': ['tbs', 'tScore', 'riskModel', 'risk', 'provider'],
  '77089': ['tbs', 'tScore', 'riskModel', 'risk', 'provider', 'impression'],
  '77092': ['tbs', 'risk', 'provider', 'impression'],
};

export const PROFILE_TITLE: Record<ProfileId, string> = {
  '77089': 'TBS calculation with interpretation and report (global)',
  '77091': 'TBS technical calculation only',
  '77092': 'TBS interpretation and report only',
};

export function selectProfile(
  codes: readonly CptCode[],
  fallback: ProfileId,
): { profile: ProfileId; fromCode: CptCode | null } {
  for (const c of codes) {
    if (c.code === '77089' || c.code === '77091' || c.code === '77092') return { profile: c.code, fromCode: c };
  }
  return { profile: fallback, fromCode: null };
}

export const ELEMENT_NAMES: Record<ElementId, string> = {
  tbs: 'TBS value',
  tScore: 'T-score',
  riskModel: 'risk model',
  risk: 'calculated risk',
  provider: 'provider',
  impression: 'impression',
};
