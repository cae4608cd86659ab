/**
 * The engine's one entry point: text and settings in, an immutable analysis out. The language
 * server, the CLI and the tests all call this function; none of them analyses text another way.
 */
import { makeCtx } from './context';
import type { Ctx } from './context';
import { sectionOfThisStudy } from './reading/history';
import { readWho } from './reading/who';
import { readCategories } from './reading/categories';
import { readCodes } from './reading/codes';
import { readDemographics } from './reading/demographics';
import { readImpression } from './reading/impression';
import { readProviders } from './reading/provider';
import { readRiskCategories, readRisks, tieModels } from './reading/risk';
import { readModels } from './reading/models';
import { readLayout } from './reading/layout';
import { readTbs } from './reading/tbs';
import { readTScores, readZScores } from './reading/tscore';
import { planInsertions } from './fixes/insert';
import { selectProfile } from './profiles';
import type { Rule, RuleInput } from './rules/helpers';
import type { Documented } from './rules/missing';
import { documentedElements } from './rules/missing';
import { RULE_CHECKS } from './rules/registry';
import type { EngineSettings } from './settings';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { lineOf, makeDoc, offsetAt, rangeOf } from './text';
import { thresholdsFor } from './thresholds';
import type { Elements, Finding, ProfileId, RuleId, Section, Slot, Span, TextEditSpec } from './types';

export interface Analysis {
  profile: ProfileId;
  /** "code" when the report named its TBS code, "setting" when the configured default applied. */
  profileSource: 'code' | 'setting';
  elements: Elements;
  sections: Section[];
  findings: Finding[];
  documented: Documented;
  /** Edits that insert every missing element at once (empty when nothing is missing). */
  insertAll: TextEditSpec[];
  /** Number of lines in the document. */
  lineCount: number;
}

function extract(ctx: Ctx): Elements {
  const slots: Slot[] = [];
  // Tables, delimited rows and key trees: label-to-value pairs the measure readers take first (and
  // units in cells of their own, which the risk reader sees).
  const layout = readLayout(ctx);
  // Risks first: a risk matrix's rows ("FRAX adj. TBS   25.0   6.4") hold no TBS value.
  const riskSlots: Slot[] = [];
  const { risks, lines } = readRisks(ctx, riskSlots);
  const tbs = readTbs(ctx, layout, slots);
  const tScores = readTScores(ctx, layout, slots);
  const riskModels = readModels(ctx, slots);
  for (const s of riskSlots) slots.push(s);
  tieModels(ctx, lines, risks, riskModels);
  const providers = readProviders(ctx, slots);
  const foundImpression = readImpression(ctx);
  let impression = foundImpression;
  // An impression whose only content is a placeholder is the impression's place, unfilled.
  for (const s of ctx.sections) {
    if (s.kind !== 'impression' || !sectionOfThisStudy(ctx, s)) continue;
    const from = offsetAt(ctx.doc, s.headerRange.end);
    const to = ctx.doc.lines[s.endLine].end;
    // The placeholders are sorted by start: the first at or after `from`, then those that end by `to`.
    const inside: Span[] = [];
    const ps = ctx.placeholders;
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ps.length && ps[i].start <= to; i++) if (ps[i].end <= to) inside.push(ps[i]);
    if (!inside.length) continue;
    let rest = '';
    let at = from;
    for (const p of inside) {
      rest += ctx.doc.norm.slice(at, p.start);
      at = p.end;
    }
    rest += ctx.doc.norm.slice(at, to);
    if (/[a-z0-9]/.test(rest)) continue;
    for (const p of inside) slots.push({ element: 'impression', span: p, range: rangeOf(ctx.doc, p) });
    // Only a placeholder: the impression's place, not an impression.
    if (impression && impression.span.start === ctx.doc.lines[s.headerLine].start) impression = null;
  }
  const placeholders = ctx.placeholders.map((p) => ({
    text: ctx.doc.text.slice(p.start, p.end),
    span: p,
    range: rangeOf(ctx.doc, p),
  }));
  const demographics = readDemographics(ctx);
  return {
    tbs,
    tScores,
    riskModels,
    risks,
    providers,
    placeholders,
    slots,
    codes: readCodes(ctx),
    categories: readCategories(ctx, tbs),
    whoStatements: readWho(ctx, foundImpression),
    zScores: readZScores(ctx, layout, tScores),
    riskCategories: readRiskCategories(ctx, riskModels),
    population: demographics.population,
    age: demographics.age,
    bmi: demographics.bmi,
    impression,
  };
}

/** The rules that run under each profile, in registry order (made once). */
const RULES_BY_PROFILE = new Map<ProfileId, readonly Rule[]>();
function rulesOf(profile: ProfileId): readonly Rule[] {
  let rules = RULES_BY_PROFILE.get(profile);
  if (!rules) {
    rules = RULE_CHECKS.filter((r) => r.profiles.includes(profile));
    RULES_BY_PROFILE.set(profile, rules);
  }
  return rules;
}

/** An object with no enumerable key ('' is none: no rule has that id); no array made. */
function isEmpty(o: object): boolean {
  for (const k in o) if (k) return false;
  return true;
}

const DISABLE = /tbs-report-disable(-next-line|-line)?\b([^\n\r]{0,300})/g;

/** Rules turned off by comments: "tbs-report-disable rule-a, rule-b" (whole file), "-line", "-next-line". */
function disabledBy(ctx: Ctx): (f: Finding) => boolean {
  if (!ctx.doc.norm.includes('tbs-report-disable')) return () => false;
  const file = new Set<string>();
  let fileAll = false;
  const lines = new Map<number, Set<string> | 'all'>();
  DISABLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DISABLE.exec(ctx.doc.norm)) !== null) {
    const ids = (m[2].match(/[a-z][a-z-]+[a-z]/g) ?? []).filter((w) => w !== 'tbs-report');
    const line = lineOf(ctx.doc, m.index) + (m[1] === '-next-line' ? 1 : 0);
    if (!m[1]) {
      if (ids.length) ids.forEach((i) => file.add(i));
      else fileAll = true;
    } else {
      const prev = lines.get(line);
      if (!ids.length || prev === 'all') lines.set(line, 'all');
      else lines.set(line, new Set([...(prev ?? []), ...ids]));
    }
  }
  if (!fileAll && !file.size && !lines.size) return () => false;
  return (f) => {
    if (fileAll || file.has(f.code)) return true;
    const l = lines.get(f.range.start.line);
    return l === 'all' || (l !== undefined && l.has(f.code));
  };
}

/** How much of the analysis a caller wants. */
export interface AnalyzeOptions {
  /**
   * Plan the insertions of missing elements: each missing-* finding's fix and `insertAll` (true by
   * default). The CLI shows no fix and turns it off: the findings are the same, without those fixes.
   */
  insertionFixes?: boolean;
  /**
   * The settings were made by `resolveSettings` and are not changed between calls (the CLI resolves
   * them once per run): they are used as given instead of being resolved again for every text.
   */
  settingsResolved?: boolean;
}

export function analyze(
  text: string,
  settingsInput: Partial<EngineSettings> | EngineSettings = DEFAULT_SETTINGS,
  options: AnalyzeOptions = {},
): Analysis {
  const planFixes = options.insertionFixes !== false;
  const settings =
    settingsInput === DEFAULT_SETTINGS || options.settingsResolved === true
      ? (settingsInput as EngineSettings)
      : resolveSettings(settingsInput);
  const doc = makeDoc(typeof text === 'string' ? text : String(text ?? ''));
  const ctx = makeCtx(doc, settings);
  const elements = extract(ctx);
  const { profile, fromCode } = selectProfile(elements.codes, settings.profile);
  const thresholds = thresholdsFor(settings);
  const documented = documentedElements(
    { ctx, elements, profile, profileFromCode: fromCode !== null, thresholds },
    elements.slots,
  );
  const providerLines: number[] = [];
  for (const p of elements.providers) providerLines.push(p.range.start.line);
  for (const s of elements.slots) if (s.element === 'provider') providerLines.push(s.range.start.line);
  const input: RuleInput = {
    ctx,
    elements,
    profile,
    profileFromCode: fromCode !== null,
    thresholds,
    original: doc.text,
    documented,
    providerLines,
    planFixes,
  };

  // Each rule lives in its own file (rules/<id>.ts); the registry lists them.
  const severity = settings.severity;
  const overridden = !isEmpty(severity);
  let findings: Finding[] = [];
  for (const rule of rulesOf(profile)) {
    if (overridden && severity[rule.id] === 'off') continue;
    const found = rule.check(input);
    for (let i = 0; i < found.length; i++) findings.push(found[i]);
  }

  const disabled = disabledBy(ctx);
  const out: Finding[] = [];
  for (const f of findings) {
    const sev = overridden ? severity[f.code as RuleId] : undefined;
    if (sev === 'off' || disabled(f)) continue;
    out.push(sev ? { ...f, severity: sev } : f);
  }
  findings = out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );

  const insertAll =
    planFixes && documented.missing.length ? planInsertions(ctx, documented.missing, providerLines) : [];
  return {
    profile,
    profileSource: fromCode ? 'code' : 'setting',
    elements,
    sections: ctx.sections,
    findings,
    documented,
    insertAll,
    lineCount: doc.lines.length,
  };
}
