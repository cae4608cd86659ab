/**
 * The suite's machinery: templates generate cases from a seeded stream; a case is a report text (and,
 * for invariance and directional tests, the base text it is compared with) plus a check. Each
 * template is one vitest test (register.ts) that runs all its cases and reports every failing case
 * with its text and seeds.
 */
import { analyze } from '../../server/src/engine';
import type { Analysis, EngineSettings, RuleId } from '../../server/src/engine';
import { caseSeed, Rng, suiteSeed } from './prng';

export type Concept =
  | 'tbs'
  | 'tScore'
  | 'zScore'
  | 'riskModel'
  | 'risk'
  | 'carocCategory'
  | 'provider'
  | 'excludedRole'
  | 'who'
  | 'tbsCategory'
  | 'demographics'
  | 'bmi'
  | 'cpt'
  | 'sections'
  | 'report';

export type TestType = 'MFT' | 'INV' | 'DIR';

export interface Case {
  text: string;
  /** The text a variant is compared with (INV, DIR). */
  base?: string;
  settings?: Partial<EngineSettings>;
  /**
   * The value(s) under test as written in the text. The meta-test deletes them and expects the
   * check to fail, which proves that the check depends on the text, not on a hard-coded result.
   */
  values?: string[];
  /** Null when the case passes, else why it fails. */
  check(a: Analysis, base?: Analysis): string | null;
}

export interface Template {
  id: string;
  concept: Concept;
  type: TestType;
  /** Number of cases. */
  n: number;
  gen(rng: Rng, index: number): Case;
}

export interface CaseResult {
  index: number;
  seed: number;
  ok: boolean;
  message: string | null;
  text: string;
  base?: string;
}

export function runCase(t: Template, seed: number, index: number): CaseResult {
  const cs = caseSeed(seed, t.id, index);
  let c: Case | null = null;
  try {
    c = t.gen(new Rng(cs), index);
    const a = analyze(c.text, c.settings);
    const b = c.base !== undefined ? analyze(c.base, c.settings) : undefined;
    const message = c.check(a, b);
    return { index, seed: cs, ok: message === null, message, text: c.text, base: c.base };
  } catch (e) {
    return {
      index,
      seed: cs,
      ok: false,
      message: `threw: ${(e as Error).stack ?? e}`,
      text: c?.text ?? '(not generated)',
    };
  }
}

export function runTemplate(t: Template, seed = suiteSeed()): CaseResult[] {
  const out: CaseResult[] = [];
  for (let i = 0; i < t.n; i++) out.push(runCase(t, seed, i));
  return out;
}

function show(s: string): string {
  return s
    .replace(/\r/g, '\\r')
    .replace(/\ufeff/g, '<BOM>')
    .replace(/\u00a0/g, '<NBSP>')
    .replace(/\u2011/g, '<NBHY>')
    .replace(/\u2212/g, '<MINUS>')
    .replace(/\u2013/g, '<ENDASH>');
}

export function describeFailure(t: Template, seed: number, r: CaseResult): string {
  const head = `[${t.id} #${r.index} suite-seed ${seed} case-seed 0x${r.seed.toString(16)}] ${r.message}`;
  const base = r.base !== undefined ? `\n--- base text ---\n${show(r.base)}` : '';
  return `${head}\n--- text ---\n${show(r.text)}${base}`;
}

// ---------------------------------------------------------------- checks

export const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

export function codesOf(a: Analysis): RuleId[] {
  return [...new Set(a.findings.map((f) => f.code))].sort();
}

export function has(a: Analysis, code: RuleId): boolean {
  return a.findings.some((f) => f.code === code);
}

/** Fails unless `code` is present (want=true) or absent (want=false). */
export function expectCode(a: Analysis, code: RuleId, want: boolean): string | null {
  if (has(a, code) === want) return null;
  return want
    ? `expected finding ${code}; got [${codesOf(a).join(', ')}]`
    : `unexpected finding ${code}: ${a.findings.find((f) => f.code === code)?.message}`;
}

/** Runs checks in order; the first failure wins. */
export function all(...checks: Array<() => string | null>): string | null {
  for (const c of checks) {
    const r = c();
    if (r) return r;
  }
  return null;
}

/** Canonical region and side of an engine site string (the suite's own reading of it). */
export function siteKey(site: string | null | undefined): { region: string; side: string | null } {
  const s = (site ?? '').toLowerCase();
  const side = /\b(left|lt)\b|^l\b/.test(s) ? 'left' : /\b(right|rt)\b|^r\b/.test(s) ? 'right' : null;
  let region = 'unknown';
  if (/troch/.test(s)) region = 'trochanter';
  else if (/neck/.test(s)) region = 'neck';
  else if (/radius|forearm/.test(s)) region = 'radius';
  else if (/total|hip|femur/.test(s)) region = 'totalHip';
  else if (/l[1-5]\s*-\s*l?[1-5]|spine|lumbar/.test(s)) region = 'spine';
  else if (/^l[1-5]$/.test(s.trim())) region = `vertebra ${s.trim()}`;
  return { region, side };
}

/** A fact-level projection of an analysis: what the invariance tests compare. */
export interface Projection {
  tbs: string[];
  tScores: string[];
  models: string[];
  risks: string[];
  provider: boolean;
  who: string[];
  categories: string[];
  findings: string[];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

export function project(a: Analysis): Projection {
  const e = a.elements;
  return {
    tbs: uniq(e.tbs.map((t) => t.value.toFixed(3))),
    tScores: uniq(
      e.tScores.map((t) => {
        const k = siteKey(t.site);
        return `${t.value.toFixed(1)}@${k.side ?? ''} ${k.region}`;
      }),
    ),
    models: uniq(e.riskModels.map((m) => m.name)),
    risks: uniq(e.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'adjusted' : 'unadjusted'}`)),
    provider: e.providers.length > 0,
    who: uniq(e.whoStatements.map((w) => w.whoClass)),
    categories: uniq(e.categories.map((c) => c.category)),
    findings: codesOf(a),
  };
}

/** Null when the two projections are equal, else the fields that differ. */
export function diffProjection(base: Projection, variant: Projection): string | null {
  const diffs: string[] = [];
  for (const k of Object.keys(base) as Array<keyof Projection>) {
    const x = JSON.stringify(base[k]);
    const y = JSON.stringify(variant[k]);
    if (x !== y) diffs.push(`${k}: base ${x} -> variant ${y}`);
  }
  return diffs.length ? `elements or findings changed: ${diffs.join('; ')}` : null;
}

export function list(xs: Array<{ value: number }>): string {
  return `[${xs.map((x) => x.value).join(', ')}]`;
}
