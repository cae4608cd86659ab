/** TBS category thresholds and WHO classes: the numbers behind the consistency rules. */
import type { EngineSettings } from './settings';
import type { TbsCategory, WhoClass } from './types';

export interface Thresholds {
  /** At or below: degraded. */
  degradedAtOrBelow: number;
  /** Above (or at, when `normalInclusive`): normal. */
  normalFrom: number;
  normalInclusive: boolean;
  name: string;
  source: string;
}

/** The fixed presets, made once (read-only: frozen). */
const LEGACY: Thresholds = Object.freeze({
  degradedAtOrBelow: 1.2,
  normalFrom: 1.35,
  normalInclusive: true,
  name: 'legacy',
  source: 'older postmenopausal-women scheme: >= 1.350 normal; 1.200-1.350 partially degraded; <= 1.200 degraded',
});
const PRESET_2023: Thresholds = Object.freeze({
  degradedAtOrBelow: 1.23,
  normalFrom: 1.31,
  normalInclusive: false,
  name: '2023',
  source:
    'Medimaps TBS report guidance for TBS L1-L4 and Shevroja et al., Osteoporos Int 2023 (ESCEO/IOF update): > 1.310 normal; 1.230-1.310 partially degraded; <= 1.230 degraded',
});

export function thresholdsFor(settings: EngineSettings): Thresholds {
  switch (settings.thresholds) {
    case 'legacy':
      return LEGACY;
    case 'custom':
      return {
        degradedAtOrBelow: settings.customThresholds[0],
        normalFrom: settings.customThresholds[1],
        normalInclusive: false,
        name: 'custom',
        source: `site thresholds: > ${fmt3(settings.customThresholds[1])} normal; <= ${fmt3(settings.customThresholds[0])} degraded`,
      };
    default:
      return PRESET_2023;
  }
}

export function fmt3(n: number): string {
  return n.toFixed(3);
}

export function categoryOf(value: number, t: Thresholds): TbsCategory {
  if (t.normalInclusive ? value >= t.normalFrom : value > t.normalFrom) return 'normal';
  if (value <= t.degradedAtOrBelow) return 'degraded';
  return 'partially degraded';
}

export function whoClassOf(t: number): WhoClass {
  if (t <= -2.5) return 'osteoporosis';
  if (t < -1.0) return 'osteopenia';
  return 'normal';
}

export const WHO_LABEL: Record<WhoClass, string> = {
  osteoporosis: 'osteoporosis',
  osteopenia: 'low bone mass (osteopenia)',
  normal: 'normal bone density',
};

export const TBS_RANGE: [number, number] = [0.8, 1.8];
export const T_RANGE: [number, number] = [-7, 7];
