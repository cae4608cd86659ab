/** Completion entries: what fits at the cursor (labels of missing elements at a line start, the value
 * list of a label after its colon), never a list that would swallow ordinary typing. */
import { CPT_NAMES, MODEL_OUTPUTS } from './explain';
import { SLOT_SPECS } from './fixes/insert';
import type { ElementId } from './types';

export interface CompletionEntry {
  label: string;
  kind: 'label' | 'section' | 'model' | 'category' | 'code';
  detail: string;
  /** Text to insert; a snippet when `snippet` is true. */
  insert: string;
  snippet: boolean;
}

const SECTIONS = [
  'INDICATION:',
  'TECHNIQUE:',
  'COMPARISON:',
  'FINDINGS:',
  'TRABECULAR BONE SCORE:',
  'FRACTURE RISK:',
  'IMPRESSION:',
  'RECOMMENDATIONS:',
];

const LABELS: CompletionEntry[] = [
  { label: 'TBS L1-L4:', kind: 'label', detail: 'TBS value', insert: SLOT_SPECS.tbs.line, snippet: true },
  {
    label: 'Femoral neck T-score:',
    kind: 'label',
    detail: 'BMD T-score',
    insert: SLOT_SPECS.tScore.line,
    snippet: true,
  },
  {
    label: 'Risk model:',
    kind: 'label',
    detail: 'risk model',
    insert: 'Risk model: ${1|FRAX,Garvan,QFracture,CAROC|}',
    snippet: true,
  },
  {
    label: 'TBS-adjusted 10-year probability:',
    kind: 'label',
    detail: 'calculated risk (MOF and hip)',
    insert: SLOT_SPECS.risk.line,
    snippet: true,
  },
  {
    label: 'TBS-adjusted FRAX:',
    kind: 'label',
    detail: 'calculated risk (FRAX)',
    insert: 'TBS-adjusted FRAX: MOF ${1:___}%; hip ${2:___}%',
    snippet: true,
  },
  {
    label: 'Interpreting physician:',
    kind: 'label',
    detail: 'provider',
    insert: SLOT_SPECS.provider.line,
    snippet: true,
  },
  {
    label: 'Electronically signed by:',
    kind: 'label',
    detail: 'provider',
    insert: 'Electronically signed by: ${1:___}',
    snippet: true,
  },
];

// What each model outputs (explain.ts), so a completion says what the model gives.
const MODELS: CompletionEntry[] = [
  ['FRAX', MODEL_OUTPUTS.FRAX],
  ['FRAXplus', `FRAXplus: ${MODEL_OUTPUTS.FRAX}`],
  ['Garvan', MODEL_OUTPUTS.Garvan],
  ['QFracture', MODEL_OUTPUTS.QFracture],
  ['CAROC', MODEL_OUTPUTS.CAROC],
].map(([label, detail]) => ({ label, kind: 'model' as const, detail, insert: label, snippet: false }));

const CATEGORIES: CompletionEntry[] = ['normal', 'partially degraded', 'degraded'].map((c) => ({
  label: `${c} microarchitecture`,
  kind: 'category' as const,
  detail: 'TBS category',
  insert: `${c} microarchitecture`,
  snippet: false,
}));

// The four TBS codes first, then the DXA codes they go with.
const isTbsCode = (c: string) => c >= '77089' && c <= '77092';
const CODES: CompletionEntry[] = Object.entries(CPT_NAMES)
  .sort(([a], [b]) => Number(isTbsCode(b)) - Number(isTbsCode(a)) || a.localeCompare(b))
  .map(([code, desc]) => ({ label: code, kind: 'code' as const, detail: desc, insert: code, snippet: false }));

/** The element a label entry documents (labels of elements already present are not offered). */
const LABEL_ELEMENT: Record<string, ElementId> = {
  'TBS L1-L4:': 'tbs',
  'Femoral neck T-score:': 'tScore',
  'Risk model:': 'riskModel',
  'TBS-adjusted 10-year probability:': 'risk',
  'TBS-adjusted FRAX:': 'risk',
  'Interpreting physician:': 'provider',
  'Electronically signed by:': 'provider',
};

/**
 * Labels whose value has a closed list, lower case, as data: after "<label>:" the list is offered
 * (and nothing else). Extend here, not with a new expression.
 */
const VALUE_LISTS: { labels: readonly string[]; entries: () => CompletionEntry[] }[] = [
  {
    labels: [
      'risk model',
      'model',
      'fracture risk model',
      'risk calculator',
      'fracture risk calculator',
      'fracture risk tool',
      'risk tool',
      'calculator',
    ],
    entries: () => MODELS,
  },
  {
    labels: ['tbs category', 'microarchitecture', 'bone microarchitecture', 'tbs interpretation'],
    entries: () => CATEGORIES,
  },
  {
    labels: ['cpt', 'cpt code', 'cpt codes', 'code', 'codes', 'procedure code', 'procedure codes'],
    entries: () => CODES,
  },
];

export interface CompletionRequest {
  /** The line's text up to the cursor. */
  before: string;
  /** Asked for explicitly (Ctrl+Space; LSP triggerKind Invoked) rather than by a trigger character. */
  explicit: boolean;
  /** The document is Markdown or plain text (not a Radiology Report): stricter, see completionsFor. */
  plainHost?: boolean;
  /** Elements the report still lacks; undefined when unknown (then every label is offered). */
  missing?: readonly ElementId[];
}

/** The characters that ask for completions by themselves: only the colon that ends a label. */
export const TRIGGER_CHARACTERS: readonly string[] = [':'];

const isWordChar = (c: string) => /[\p{L}\p{N}_-]/u.test(c);

/** "- **Risk model:** F" -> { label: "risk model", rest: " F" }; null when the line has no label colon. */
function labelBefore(before: string): { label: string; rest: string } | null {
  const colon = before.lastIndexOf(':');
  if (colon < 0) return null;
  const rest = before.slice(colon + 1).replace(/^\*+/, '');
  // only whitespace and at most one partial word after the colon
  const restTrim = rest.trim();
  if (restTrim.length > 40 || /\s/.test(restTrim)) return null;
  // At most 200 characters before the colon: the replaces below are quadratic on a long run.
  const label = before
    .slice(Math.max(0, colon - 200), colon)
    .replace(/^[\s>#*+-]*/, '')
    .replace(/[*_\s]+$/, '')
    .replace(/^[*_]+/, '')
    .toLowerCase();
  if (label.length > 60) return null;
  return { label, rest };
}

function valueEntries(before: string): CompletionEntry[] | null {
  const l = labelBefore(before);
  if (l) {
    for (const v of VALUE_LISTS) if (v.labels.includes(l.label)) return v.entries();
  }
  // "TBS L1-L4: 1.262 (" -> the category words
  if (/\d[.,]\d{3}\s{0,3}\(\s{0,3}[a-z]{0,20}$/i.test(before)) return CATEGORIES;
  // "CPT 7709" or "77091, 770" -> codes
  if (/\bCPT\s{0,3}\d{0,5}$/i.test(before) || /\b77\d{0,3}$/.test(before)) return CODES;
  return null;
}

function labelEntries(missing: readonly ElementId[] | undefined): CompletionEntry[] {
  return missing ? LABELS.filter((l) => missing.includes(LABEL_ELEMENT[l.label])) : LABELS;
}

const SECTION_ENTRIES: CompletionEntry[] = SECTIONS.map((s) => ({
  label: s,
  kind: 'section' as const,
  detail: 'section header',
  insert: s,
  snippet: false,
}));

/**
 * What fits at the cursor, and nothing when nothing does (typing is never hijacked):
 * - after a trigger character (the colon of a label), only that label's closed value list
 *   ("Risk model:" -> models), and only in Radiology Reports;
 * - on request (Ctrl+Space): after a label with a value list, that list; after "1.262 (" the TBS
 *   categories; after "CPT" the codes; on an empty line the labels of the elements still missing;
 *   at a line start with a word begun, those labels and the section headers; elsewhere nothing.
 * - In Markdown and plain text (plainHost) only on request and only where no word is being typed:
 *   VS Code asks a plain-text provider on every typed letter (quick suggestions) with the same
 *   "invoked" kind as Ctrl+Space, so a begun word there is never answered.
 */
export function completionsFor(req: CompletionRequest): CompletionEntry[] {
  const before = req.before.length > 500 ? req.before.slice(-500) : req.before;
  const last = before.slice(-1);
  if (req.plainHost) {
    if (!req.explicit) return [];
    if (last && isWordChar(last)) return [];
  }
  if (!req.explicit) {
    if (last !== ':') return [];
    const l = labelBefore(before);
    if (!l) return [];
    for (const v of VALUE_LISTS) if (v.labels.includes(l.label)) return v.entries();
    return [];
  }
  const values = valueEntries(before);
  if (values) return values;
  const trimmed = before.trim();
  if (trimmed === '') return labelEntries(req.missing);
  if (/^[A-Za-z-]{1,40}$/.test(trimmed)) return [...labelEntries(req.missing), ...SECTION_ENTRIES];
  return [];
}

/**
 * Entries for a cursor whose line reads `before` up to the cursor, asked for explicitly, with every
 * element counted as missing (see completionsFor for the rules).
 */
export function completionsAt(before: string, missing?: readonly ElementId[]): CompletionEntry[] {
  if (before.trim() === '' && !missing) return [...LABELS, ...SECTION_ENTRIES];
  return completionsFor({ before, explicit: true, missing });
}
