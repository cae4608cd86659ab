/** Completion entries: element labels and section headers at line starts, model names, TBS
 * category words and CPT codes elsewhere. */
import { CPT_DESCRIPTORS } from './explain';
import { SLOT_SPECS } from './fixes/insert';

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

const MODELS: CompletionEntry[] = [
  ['FRAX', 'FRAX 10-year probability (TBS adjustment available)'],
  ['FRAXplus', 'FRAXplus'],
  ['Garvan', 'Garvan fracture risk calculator (5- and 10-year)'],
  ['QFracture', 'QFracture'],
  ['CAROC', 'CAROC (Canada)'],
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
const CODES: CompletionEntry[] = Object.entries(CPT_DESCRIPTORS)
  .sort(([a], [b]) => Number(isTbsCode(b)) - Number(isTbsCode(a)) || a.localeCompare(b))
  .map(([code, desc]) => ({ label: code, kind: 'code' as const, detail: desc, insert: code, snippet: false }));

/** How much of the line before the cursor the context tests read. */
const TAIL = 120;

function boundedTail(before: string, max: number): string {
  if (before.length <= max) return before;
  // A tail that starts inside a word starts after it instead, so that `\b` reads as on the line.
  let k = before.length - max;
  while (k < before.length && /\w/.test(before[k]) && /\w/.test(before[k - 1])) k++;
  return before.slice(k);
}

/**
 * Entries for a cursor whose line reads `before` up to the cursor. At a line start (only a word
 * being typed): labels and headers; elsewhere: models, categories and codes.
 */
export function completionsAt(before: string): CompletionEntry[] {
  const trimmed = before.trimStart();
  if (/^[A-Za-z-]*$/.test(trimmed)) {
    return [
      ...LABELS,
      ...SECTIONS.map((s) => ({
        label: s,
        kind: 'section' as const,
        detail: 'section header',
        insert: s,
        snippet: false,
      })),
    ];
  }
  // The `$`-anchored tests read only a bounded tail of the line: run over a long line they would
  // start at every position before the cursor (and one of them backtracks within a run of blanks).
  const tail = boundedTail(before, TAIL);
  if (/\bCPT\s*$/i.test(tail) || /\b77\d{0,3}$/.test(tail)) return CODES;
  if (/\(\s*[a-z]*$/i.test(tail) || /\b1[.,]\d{3}\s*\(?\s*[a-z]*$/i.test(tail)) return [...CATEGORIES, ...MODELS];
  return [...MODELS, ...CATEGORIES, ...CODES];
}
