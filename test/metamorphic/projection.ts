/**
 * The projection of an analysis that a fact-preserving transform must keep (see transforms.ts for
 * the relation of each transform): what the report states, without offsets or lines.
 */
import { analyze } from '../../server/src/engine';
import type { Analysis } from '../../server/src/engine';
import { siteClass } from '../realworld/compare';
import type { Relation, Transform } from './transforms';

export interface Projection {
  tbs: string[];
  tScores: string[];
  zScores: string[];
  risks: string[];
  models: string[];
  carocs: string[];
  who: string[];
  categories: string[];
  providerFound: string;
  providers: string[];
  age: string;
  sex: string;
  bmi: string;
  findings: string[];
}

const num = (v: number): string => String(Number(v));
/** A sorted multiset (a value read twice is not the same reading as a value read once). */
const bag = (xs: string[]): string[] => [...xs].sort();
const set = (xs: string[]): string[] => [...new Set(xs)].sort();
/** Provider text compared with whitespace collapsed and case folded (a header re-cased is no misreading). */
const nameText = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function project(a: Analysis): Projection {
  const el = a.elements;
  return {
    tbs: bag(el.tbs.map((v) => num(v.value))),
    tScores: bag(el.tScores.map((t) => `${siteClass(t.site)}:${num(t.value)}`)),
    zScores: bag((el.zScores ?? []).map((z) => num(z.value))),
    risks: bag(el.risks.map((r) => `${r.kind}:${num(r.value)}:${r.adjusted ? 'a' : 'u'}`)),
    models: set(el.riskModels.map((m) => m.name)),
    carocs: bag((el.riskCategories ?? []).map((c) => c.category)),
    who: set(el.whoStatements.map((w) => w.whoClass)),
    categories: set(el.categories.map((c) => c.category)),
    providerFound: String(el.providers.length > 0),
    providers: set(el.providers.map((p) => nameText(p.text))),
    age: el.age ? num(el.age.value) : 'none',
    sex: el.population?.sex ?? 'none',
    bmi: el.bmi ? num(el.bmi.value) : 'none',
    findings: set(a.findings.map((f) => f.code as string)),
  };
}

export function projectText(text: string): Projection {
  return project(analyze(text));
}

export interface Difference {
  element: keyof Projection;
  before: string;
  after: string;
}

const show = (v: string | string[]): string => (Array.isArray(v) ? `[${v.join(', ')}]` : v);

/**
 * The elements whose projection breaks the transform's relation. Under "same-plus-provider" the
 * provider list of the transformed report may hold more names than the original's, never fewer.
 */
export function differences(before: Projection, after: Projection, relation: Relation): Difference[] {
  const out: Difference[] = [];
  for (const key of Object.keys(before) as (keyof Projection)[]) {
    const b = before[key];
    const a = after[key];
    let ok: boolean;
    if (key === 'providers' && relation === 'same-plus-provider') {
      ok = (b as string[]).every((x) => (a as string[]).includes(x));
    } else ok = show(b) === show(a);
    if (!ok) out.push({ element: key, before: show(b), after: show(a) });
  }
  return out;
}

export function describeDifferences(ds: Difference[]): string {
  return ds.map((d) => `${d.element}: ${d.before} -> ${d.after}`).join('; ');
}

/** Runs one transform on one report: undefined when it does not apply (the text is unchanged). */
export function checkPair(
  original: Projection,
  text: string,
  t: Transform,
): { applies: false } | { applies: true; diffs: Difference[] } {
  const changed = t.apply(text);
  if (changed === text) return { applies: false };
  return { applies: true, diffs: differences(original, projectText(changed), t.relation) };
}
