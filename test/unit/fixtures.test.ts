/**
 * Held-out style fixtures: test/fixtures/reports/*.radreport with test/fixtures/reports/expected.json.
 * One test per fixture, compared as scripts/corpus-check.mjs does: profile, the report's TBS (first),
 * distinct T-score values, the first risk model, distinct risks {kind, value, adjusted}, whether a
 * provider was found, and the set of distinct finding codes. Files are decoded as the CLI does
 * (UTF-8, BOM stripped).
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { decodeReport } from '../../server/src/cli/read';

/**
 * Layouts the engine does not read yet. Each runs as an expected failure (`test.fails`, the reason in
 * its name): the run lists it as such, never as a pass, and once the engine reads the layout the
 * test fails until its entry is taken off this list.
 */
const KNOWN_GAPS: Record<string, string> = {};

interface ExpectedRisk {
  kind: 'mof' | 'hip';
  value: number;
  adjusted: boolean;
}

interface Expected {
  file: string;
  profile: string;
  elements: {
    tbs: number | null;
    tScores: number[];
    riskModel: string | null;
    risks: ExpectedRisk[];
    provider: boolean;
  };
  codes: string[];
  note?: string;
}

const dir = path.resolve(__dirname, '../fixtures/reports');
const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));

const distinct = (xs: unknown[]): string[] => [...new Set(xs.map((x) => JSON.stringify(x)))].sort();

test('every known gap names a fixture', () => {
  assert.deepEqual(
    Object.keys(KNOWN_GAPS).filter((f) => !expected.some((e) => e.file === f)),
    [],
  );
});

test('every fixture file has an expectation', () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.radreport'))
    .sort();
  assert.deepEqual(files, expected.map((e) => e.file).sort());
});

for (const e of expected) {
  const gap = KNOWN_GAPS[e.file];
  const t = gap ? test.fails : test;
  t(`${e.file}${e.note ? ` — ${e.note}` : ''}${gap ? ` (known gap, expected to fail: ${gap})` : ''}`, () => {
    const decoded = decodeReport(fs.readFileSync(path.join(dir, e.file)));
    if ('error' in decoded) assert.fail(`cannot read ${e.file}: ${decoded.error}`);
    const a = analyze(decoded.text);
    const el = a.elements;
    const got = {
      profile: a.profile,
      tbs: el.tbs.length ? el.tbs[0].value : null,
      tScores: distinct(el.tScores.map((t) => t.value)),
      riskModel: el.riskModels.length ? el.riskModels[0].name : null,
      risks: distinct(el.risks.map((r) => ({ kind: r.kind, value: r.value, adjusted: r.adjusted }))),
      provider: el.providers.length > 0,
      codes: [...new Set(a.findings.map((f) => f.code))].sort(),
    };
    const want = {
      profile: e.profile,
      tbs: e.elements.tbs,
      tScores: distinct(e.elements.tScores),
      riskModel: e.elements.riskModel,
      risks: distinct(e.elements.risks.map((r) => ({ kind: r.kind, value: r.value, adjusted: r.adjusted }))),
      provider: e.elements.provider,
      codes: [...new Set(e.codes)].sort(),
    };
    // One assertion over everything, so a failure lists every difference at once.
    assert.deepEqual(got, want);
  });
}
