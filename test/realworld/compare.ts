/**
 * The realistic report set (test/fixtures/realworld/) against the engine: loads each report and its
 * expectation from expected.json, runs `analyze` with the default settings, and compares element by
 * element. Shared by realworld.test.ts (one test per file) and report.ts (the figures).
 *
 * Expectation keys (every key is optional; an absent key is not asserted):
 * - group: "layout" | "draft" | "probe"; cls: the failure class of issue 10 a probe exercises (1-11);
 *   wave: 2 for the W* files (and 3 for the Q* drafts and probes of a later wave), written after the others and committed at the end of the
 *   session, so that no reader was tuned on them (report.ts prints their figures apart).
 *   wave: 3 for the V* files (layouts of real public DXA reports of many countries and vendors,
 *   expectations written before the engine was run on them; report.ts prints their figures apart).
 *   wave: 6 for the R* files (R01-R20 layouts of real public reports of countries and vendors not
 *   covered before, R21-R30 drafts, R31-R40 failure-class probes), written without reading the
 *   engine, expectations committed before its first run on them; report.ts prints them apart.
 *   wave: 7 for the S* files (a held-out wave: 15 layouts of public reports of countries and vendors
 *   not covered before, 8 drafts, 7 probes; expectations written from the clinical meaning and
 *   committed before the engine was first run on them; report.ts prints their figures apart).
 *   wave: 8 for the T* files (a held-out wave: 15 layouts of public report conventions of the Americas
 *   and Europe not covered before and US settings (clinic note, consult letter, mobile DXA, EHR result
 *   view), 8 drafts, 7 probes; expectations written from the clinical meaning and committed before
 *   the engine was first run on them; report.ts prints their figures apart).
 *   wave: 9 for the U* files (held out: 15 layouts of Asian, Middle Eastern, African and Oceanian
 *   reports and vendor / software outputs, 8 drafts, 7 probes; expectations written from the
 *   clinical meaning and committed before the engine was first run on them; report.ts prints them apart).
 * - tbs: exact set of the study's TBS values; tbsSub: values that must be among them.
 * - t: exact set of "site:value" T-scores, site one of spine, neck, hip, radius, troch, other, "?"
 *   (the engine's normalised site mapped by keyword, see siteClass); tSub: entries that must be
 *   among them; tNot: values no T-score may have (prior studies, legends, change columns).
 * - z: exact set of Z-score values.
 * - risks: exact set of "kind:value:a|u" (a = TBS-adjusted); models: exact set of model names.
 * - carocs: exact set of stated CAROC categories.
 * - provider: whether a provider is found; signer: a name the found provider text must contain.
 * - who: exact set of affirmed WHO classes; cat: exact set of TBS categories stated.
 * - age, sex, bmi: the patient's, where the report states them.
 * - findings: exact set of finding codes; fire: codes that must be among them; quiet: codes that must
 *   not be.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { decodeReport } from '../../server/src/cli/read';
import type { Analysis } from '../../server/src/engine';

/** Resolved from the working directory (the repository root), so the bundled report.ts finds it too. */
export const DIR = path.resolve('test', 'fixtures', 'realworld');

export interface Expectation {
  group: 'layout' | 'draft' | 'probe';
  cls?: number;
  wave?: number;
  tbs?: number[];
  tbsSub?: number[];
  t?: string[];
  tSub?: string[];
  tNot?: number[];
  z?: number[];
  risks?: string[];
  models?: string[];
  carocs?: string[];
  provider?: boolean;
  signer?: string;
  who?: string[];
  cat?: string[];
  age?: number;
  sex?: string;
  bmi?: number;
  findings?: string[];
  fire?: string[];
  quiet?: string[];
}

/** One compared element of one file. */
export interface Check {
  element: string;
  ok: boolean;
  expected: string;
  got: string;
}

export function loadExpectations(): Record<string, Expectation> {
  return JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expectation>;
}

export function readReport(name: string): string {
  const r = decodeReport(fs.readFileSync(path.join(DIR, name)));
  if ('error' in r) throw new Error(`${name}: ${r.error}`);
  return r.text;
}

/** The engine's normalised site, reduced to a coarse class by keyword (independent of its vocabulary). */
export function siteClass(site: string | null | undefined): string {
  if (!site) return '?';
  const s = site.toLowerCase();
  if (/neck/.test(s)) return 'neck';
  if (/troch|ward/.test(s)) return 'troch';
  if (/radius|forearm|wrist/.test(s)) return 'radius';
  if (/body/.test(s)) return 'other';
  if (/\bl[1-5]\b|spine|lumbar|vertebr/.test(s)) return 'spine';
  if (/hip|fem|total/.test(s)) return 'hip';
  return 'other';
}

const num = (v: string | number): string => String(Number(v));
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const show = (xs: string[]): string => `[${xs.join(', ')}]`;

function tKey(entry: string): string {
  const i = entry.lastIndexOf(':');
  return `${entry.slice(0, i)}:${num(entry.slice(i + 1))}`;
}

function riskKey(entry: string): string {
  const [kind, value, adj] = entry.split(':');
  return `${kind}:${num(value)}:${adj}`;
}

function exact(element: string, expected: string[], got: string[]): Check {
  const e = sorted(expected);
  const g = sorted(got);
  return { element, ok: e.length === g.length && e.every((x, i) => x === g[i]), expected: show(e), got: show(g) };
}

function subset(element: string, expected: string[], got: string[]): Check {
  const g = new Set(got);
  const missing = expected.filter((x) => !g.has(x));
  return { element, ok: missing.length === 0, expected: `includes ${show(sorted(expected))}`, got: show(sorted(got)) };
}

function none(element: string, forbidden: string[], got: string[]): Check {
  const f = new Set(forbidden);
  const hit = got.filter((x) => f.has(x));
  return { element, ok: hit.length === 0, expected: `none of ${show(sorted(forbidden))}`, got: show(sorted(got)) };
}

function scalar(element: string, expected: string | number, got: string | number | null | undefined): Check {
  const g = got === null || got === undefined ? 'none' : String(got);
  return { element, ok: String(expected) === g, expected: String(expected), got: g };
}

/** Compares one analysis with its expectation; element names group the checks for the figures. */
export function compare(x: Expectation, a: Analysis): Check[] {
  const el = a.elements;
  const out: Check[] = [];
  const tbs = el.tbs.map((v) => num(v.value));
  if (x.tbs) out.push(exact('tbs', x.tbs.map(num), tbs));
  if (x.tbsSub) out.push(subset('tbs', x.tbsSub.map(num), tbs));
  const ts = el.tScores.map((t) => `${siteClass(t.site)}:${num(t.value)}`);
  if (x.t) out.push(exact('tScores', x.t.map(tKey), ts));
  if (x.tSub) out.push(subset('tScores', x.tSub.map(tKey), ts));
  if (x.tNot)
    out.push(
      none(
        'tScores',
        x.tNot.map(num),
        el.tScores.map((t) => num(t.value)),
      ),
    );
  if (x.z)
    out.push(
      exact(
        'zScores',
        x.z.map(num),
        (el.zScores ?? []).map((z) => num(z.value)),
      ),
    );
  if (x.risks)
    out.push(
      exact(
        'risks',
        x.risks.map(riskKey),
        el.risks.map((r) => `${r.kind}:${num(r.value)}:${r.adjusted ? 'a' : 'u'}`),
      ),
    );
  if (x.models)
    out.push(
      exact(
        'models',
        x.models,
        el.riskModels.map((m) => m.name),
      ),
    );
  if (x.carocs)
    out.push(
      exact(
        'carocs',
        x.carocs,
        (el.riskCategories ?? []).map((c) => c.category),
      ),
    );
  if (x.provider !== undefined) out.push(scalar('provider', String(x.provider), String(el.providers.length > 0)));
  if (x.signer) {
    const want = x.signer.toLowerCase();
    const texts = el.providers.map((p) => p.text);
    out.push({
      element: 'provider',
      ok: texts.some((t) => t.toLowerCase().includes(want)),
      expected: `name contains "${x.signer}"`,
      got: show(texts),
    });
  }
  if (x.who)
    out.push(
      exact(
        'who',
        x.who,
        el.whoStatements.map((w) => w.whoClass),
      ),
    );
  if (x.cat)
    out.push(
      exact(
        'categories',
        x.cat,
        el.categories.map((c) => c.category),
      ),
    );
  if (x.age !== undefined) out.push(scalar('age', x.age, el.age?.value));
  if (x.sex !== undefined) out.push(scalar('sex', x.sex, el.population?.sex));
  if (x.bmi !== undefined) out.push(scalar('bmi', num(x.bmi), el.bmi ? num(el.bmi.value) : null));
  const codes = a.findings.map((f) => f.code as string);
  if (x.findings) out.push(exact('findings', x.findings, codes));
  if (x.fire) out.push(subset('findings', x.fire, codes));
  if (x.quiet) out.push(none('findings', x.quiet, codes));
  return out;
}

export interface FileResult {
  name: string;
  expectation: Expectation;
  checks: Check[];
  ok: boolean;
}

export function runFile(name: string, x: Expectation): FileResult {
  const checks = compare(x, analyze(readReport(name)));
  return { name, expectation: x, checks, ok: checks.every((c) => c.ok) };
}

export function describe(r: FileResult): string {
  return r.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.element}: expected ${c.expected}, read ${c.got}`)
    .join('; ');
}
