/** How the risk rules name and group risk results. */
import type { Elements, Risk, RiskModel, RiskModelName } from '../types';

const KIND_NAME = { mof: 'MOF', hip: 'hip', any: 'any-fracture' } as const;

export function riskName(r: Risk): string {
  return `${r.adjusted ? 'TBS-adjusted' : 'unadjusted'} ${KIND_NAME[r.kind]} risk`;
}

/** The distinct (adjusted, horizon) pairs: risks are compared only within one. */
export function riskGroups(risks: readonly Risk[]): Array<[boolean, number]> {
  const seen = new Map<string, [boolean, number]>();
  for (const r of risks) seen.set(`${r.adjusted}/${r.horizon}`, [r.adjusted, r.horizon]);
  return [...seen.values()];
}

/** Two results of the same model, as far as the report ties them to one. */
export function sameModel(a: Risk, b: Risk): boolean {
  return !a.model || !b.model || a.model === b.model;
}

/**
 * The model a result was calculated with: the one the report ties to it, else the report's only
 * named model, else null (unnamed).
 */
export function modelOf(r: { model?: RiskModelName | null }, el: Elements): RiskModelName | null {
  if (r.model) return r.model;
  return onlyModel(el.riskModels);
}

/** The one model the report names, or null (none or several); worked out once per list. */
const ONLY_MODEL = new WeakMap<readonly RiskModel[], { length: number; only: RiskModelName | null }>();
function onlyModel(models: readonly RiskModel[]): RiskModelName | null {
  const known = ONLY_MODEL.get(models);
  if (known !== undefined && known.length === models.length) return known.only;
  let only: RiskModelName | null = null;
  for (const m of models) {
    if (only === null) only = m.name;
    else if (m.name !== only) {
      only = null;
      break;
    }
  }
  ONLY_MODEL.set(models, { length: models.length, only });
  return only;
}

/** Models without a TBS adjustment (only FRAX has one). */
export const NON_FRAX: ReadonlySet<RiskModelName> = new Set(['Garvan', 'QFracture', 'CAROC']);
