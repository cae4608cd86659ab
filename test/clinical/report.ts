/** A DXA + TBS report builder for the clinical tests: every part can be replaced. */
import { analyze } from '../../server/src/engine';
import type { Analysis } from '../../server/src/engine';
import type { EngineSettings } from '../../server/src/engine/settings';
import type { Finding, RuleId } from '../../server/src/engine/types';

export interface Parts {
  /** Lines after the title: demographics. */
  patient?: string[];
  /** Table header and rows (a BMD / T-score / Z-score table by default). */
  table?: string[];
  tbs?: string;
  risk?: string[];
  impression?: string[];
}

/** A table row: label padded, then the values in columns. */
export function row(label: string, ...values: string[]): string {
  return (
    // A label as long as the column still keeps a column gap before the values.
    (label.length >= 20 ? `${label}  ` : label.padEnd(21)) +
    values
      .map((v) => v.padEnd(12))
      .join('')
      .trimEnd()
  );
}

export const T_HEADER = row('Region', 'BMD (g/cm2)', 'T-score', 'Z-score');
export const Z_HEADER = row('Region', 'BMD (g/cm2)', 'Z-score');

export function dxa(p: Parts = {}): string {
  return [
    'BONE DENSITOMETRY REPORT',
    ...(p.patient ?? ['Age: 68   Sex: F', 'History: postmenopausal.']),
    '',
    'TECHNIQUE: Hologic DXA of L1-L4 and left proximal femur. BMI 23.2 kg/m2.',
    '',
    'FINDINGS:',
    ...(p.table ?? [
      T_HEADER,
      row('L1-L4', '0.871', '-1.6', '-0.2'),
      row('Left femoral neck', '0.694', '-2.1', '-0.7'),
    ]),
    '',
    'TRABECULAR BONE SCORE:',
    p.tbs ?? 'TBS L1-L4 1.262 (partially degraded microarchitecture).',
    '',
    'FRACTURE RISK:',
    ...(p.risk ?? ['TBS-adjusted FRAX: MOF 17%; hip 2.9%.']),
    '',
    'IMPRESSION:',
    ...(p.impression ?? ['1. Low bone mass (osteopenia).']),
    '',
    'Electronically signed by: Jane Roe, MD',
    '',
  ].join('\n');
}

export function run(text: string, settings?: Partial<EngineSettings>): Analysis {
  return analyze(text, settings);
}

export function codes(text: string, settings?: Partial<EngineSettings>): string[] {
  return [...new Set(analyze(text, settings).findings.map((f) => f.code))].sort();
}

export function findingsOf(text: string, id: RuleId, settings?: Partial<EngineSettings>): Finding[] {
  return analyze(text, settings).findings.filter((f) => f.code === id);
}
