/** Builders for test reports and small helpers shared by the unit tests. */
import { analyze } from '../../server/src/engine';
import type { Analysis } from '../../server/src/engine';
import type { EngineSettings } from '../../server/src/engine/settings';
import type { TextEditSpec } from '../../server/src/engine/types';
import { makeDoc, offsetAt } from '../../server/src/engine/text';

export interface ReportParts {
  code?: string;
  age?: string;
  bmi?: string;
  table?: string[];
  tbsLine?: string;
  riskLine?: string;
  impression?: string[];
  signature?: string;
}

/** A complete, clean 77091 report whose parts can be replaced one by one. */
export function report(p: ReportParts = {}): string {
  const lines = [
    'BONE DENSITOMETRY REPORT',
    `EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT ${p.code ?? '77080, 77091'})`,
    `Age: ${p.age ?? '68'}   Sex: F`,
    '',
    `TECHNIQUE: Hologic DXA of L1-L4 and left proximal femur. BMI ${p.bmi ?? '23.2'} kg/m2.`,
    '',
    'FINDINGS:',
    'Region               BMD (g/cm2)   T-score   Z-score',
    ...(p.table ?? [
      'L1-L4                  0.871        -1.6      -0.2',
      'Left femoral neck      0.694        -2.1      -0.7',
    ]),
    '',
    'TRABECULAR BONE SCORE:',
    p.tbsLine ?? 'TBS L1-L4 1.262 (partially degraded microarchitecture).',
    '',
    'FRACTURE RISK:',
    p.riskLine ?? 'TBS-adjusted FRAX: MOF 17%; hip 2.9%.',
    '',
    'IMPRESSION:',
    ...(p.impression ?? ['1. Low bone mass (osteopenia).']),
    '',
    p.signature ?? 'Electronically signed by: Jane Roe, MD',
    '',
  ];
  return lines.join('\n');
}

export function codes(text: string, settings?: Partial<EngineSettings>): string[] {
  return [...new Set(analyze(text, settings).findings.map((f) => f.code))].sort();
}

export function run(text: string, settings?: Partial<EngineSettings>): Analysis {
  return analyze(text, settings);
}

/** Applies engine edits (non-overlapping) to a text. */
export function apply(text: string, edits: readonly TextEditSpec[]): string {
  const doc = makeDoc(text);
  const withOffsets = edits.map((e) => ({
    s: offsetAt(doc, e.range.start),
    e: offsetAt(doc, e.range.end),
    t: e.newText,
  }));
  withOffsets.sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const w of withOffsets) out = out.slice(0, w.s) + w.t + out.slice(w.e);
  return out;
}
