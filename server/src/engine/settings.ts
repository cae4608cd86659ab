/**
 * The engine's settings: everything a rule may depend on. Resolved once per document by the front end
 * (server, CLI, tests) and passed in; rules never read configuration themselves.
 */
import type { ElementId, ProfileId, RuleId, SeveritySetting } from './types';

export type ThresholdPreset = '2023' | 'legacy' | 'custom';

export interface EngineSettings {
  /** Profile used when the report names no TBS code. */
  profile: ProfileId;
  /** Per-rule severity override, or "off". */
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** TBS category thresholds preset. */
  thresholds: ThresholdPreset;
  /** For the "custom" preset: [degradedAtOrBelow, normalAbove]. */
  customThresholds: [number, number];
  /** Age range for which TBS-adjusted FRAX is validated (inclusive). */
  validatedAgeRange: [number, number];
  /** BMI range in which TBS is computable (inclusive). */
  validatedBmiRange: [number, number];
  /** Extra label words a site uses for an element, matched as literal text (never as a regex). */
  labels: Partial<Record<ElementId, string[]>>;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  profile: '77091',
  severity: {},
  thresholds: '2023',
  customThresholds: [1.23, 1.31],
  validatedAgeRange: [40, 90],
  validatedBmiRange: [15, 37],
  labels: {},
};

const PROFILES: readonly ProfileId[] = ['77091', '77089', '77092'];
const PRESETS: readonly ThresholdPreset[] = ['2023', 'legacy', 'custom'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

function isPair(v: unknown): v is [number, number] {
  return (
    Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n)) && v[0] <= v[1]
  );
}

/**
 * Merges partial, possibly malformed user settings over the defaults. Invalid values are dropped and
 * reported in `problems`, so a bad setting never breaks analysis.
 */
export function resolveSettings(input: unknown, problems: string[] = []): EngineSettings {
  const out: EngineSettings = {
    ...DEFAULT_SETTINGS,
    severity: {},
    labels: {},
  };
  if (!input || typeof input !== 'object') return out;
  const s = input as Record<string, unknown>;
  if (s.profile !== undefined) {
    if (PROFILES.includes(String(s.profile) as ProfileId)) out.profile = String(s.profile) as ProfileId;
    else problems.push(`profile must be one of ${PROFILES.join(', ')}; got ${JSON.stringify(s.profile)}`);
  }
  if (s.thresholds !== undefined) {
    if (PRESETS.includes(s.thresholds as ThresholdPreset)) out.thresholds = s.thresholds as ThresholdPreset;
    else problems.push(`thresholds must be one of ${PRESETS.join(', ')}; got ${JSON.stringify(s.thresholds)}`);
  }
  if (s.customThresholds !== undefined) {
    if (isPair(s.customThresholds)) out.customThresholds = [s.customThresholds[0], s.customThresholds[1]];
    else
      problems.push(
        'customThresholds must be two numbers [degradedAtOrBelow, normalAbove], the first not above the second',
      );
  }
  if (s.validatedAgeRange !== undefined) {
    if (isPair(s.validatedAgeRange)) out.validatedAgeRange = [s.validatedAgeRange[0], s.validatedAgeRange[1]];
    else problems.push('validatedAgeRange must be two numbers [min, max]');
  }
  if (s.validatedBmiRange !== undefined) {
    if (isPair(s.validatedBmiRange)) out.validatedBmiRange = [s.validatedBmiRange[0], s.validatedBmiRange[1]];
    else problems.push('validatedBmiRange must be two numbers [min, max]');
  }
  if (s.severity && typeof s.severity === 'object') {
    for (const [rule, sev] of Object.entries(s.severity as Record<string, unknown>)) {
      if (SEVERITIES.includes(sev as SeveritySetting)) out.severity[rule as RuleId] = sev as SeveritySetting;
      else problems.push(`severity of ${rule} must be one of ${SEVERITIES.join(', ')}`);
    }
  }
  if (s.labels && typeof s.labels === 'object') {
    for (const [el, words] of Object.entries(s.labels as Record<string, unknown>)) {
      if (Array.isArray(words)) {
        const clean = words.filter((w): w is string => typeof w === 'string' && w.trim().length > 0 && w.length <= 100);
        if (clean.length) out.labels[el as ElementId] = clean.slice(0, 50).map((w) => w.trim());
      } else problems.push(`labels.${el} must be a list of words`);
    }
  }
  return out;
}
