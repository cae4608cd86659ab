/**
 * Localised fixture expectations: for every fixture report, each finding with its line and each
 * element (TBS, T-scores, risks, providers, WHO statements) with its line, as markdownlint's
 * fixtures give their findings by line. Lines are 1-based. The expectations live in
 * test/fixtures/reports/located.json; every element's recorded line must also hold the element's
 * text as written (so the file cannot drift into numbers that point nowhere).
 *
 * After a deliberate change to the reading, regenerate the file and review its diff:
 *   UPDATE_LOCATED=1 npx vitest run test/unit/fixtures-located.test.ts
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import type { Analysis } from '../../server/src/engine';
import { decodeReport } from '../../server/src/cli/read';

interface Located {
  file: string;
  findings: Array<{ code: string; line: number }>;
  elements: {
    tbs: Array<{ value: number; line: number }>;
    tScores: Array<{ value: number; site: string | null; line: number }>;
    risks: Array<{ kind: string; value: number; adjusted: boolean; line: number }>;
    providers: Array<{ text: string; line: number }>;
    whoStatements: Array<{ whoClass: string; line: number }>;
  };
}

const dir = path.resolve(__dirname, '../fixtures/reports');
const file = path.join(dir, 'located.json');

function locate(name: string, a: Analysis): Located {
  const line = (r: { range: { start: { line: number } } }) => r.range.start.line + 1;
  const el = a.elements;
  return {
    file: name,
    findings: a.findings.map((f) => ({ code: f.code, line: line(f) })),
    elements: {
      tbs: el.tbs.map((v) => ({ value: v.value, line: line(v) })),
      tScores: el.tScores.map((v) => ({ value: v.value, site: v.site, line: line(v) })),
      risks: el.risks.map((r) => ({ kind: r.kind, value: r.value, adjusted: r.adjusted, line: line(r) })),
      providers: el.providers.map((p) => ({ text: p.text, line: line(p) })),
      whoStatements: el.whoStatements.map((w) => ({ whoClass: w.whoClass, line: line(w) })),
    },
  };
}

function read(name: string): string {
  const decoded = decodeReport(fs.readFileSync(path.join(dir, name)));
  if ('error' in decoded) throw new Error(`cannot read ${name}: ${decoded.error}`);
  return decoded.text;
}

const reports = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.radreport'))
  .sort();

if (process.env.UPDATE_LOCATED) {
  const all = reports.map((name) => locate(name, analyze(read(name))));
  // One report per line: a change to the reading shows as a diff of the reports it touches.
  fs.writeFileSync(file, `[\n${all.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`);
}

const expected: Located[] = JSON.parse(fs.readFileSync(file, 'utf8'));
const byFile = new Map(expected.map((e) => [e.file, e]));

test('every fixture report has located expectations', () => {
  expect(expected.map((e) => e.file).sort()).toEqual(reports);
});

describe('findings and elements by line', () => {
  for (const name of reports) {
    test(name, () => {
      const text = read(name);
      const want = byFile.get(name);
      expect(want, `${name} in located.json`).toBeDefined();
      const got = locate(name, analyze(text));
      expect(got).toEqual(want);
      // Each element's line holds what was read there.
      const lines = text.split(/\r\n|\r|\n/);
      const onLine = (n: number, needle: string) => lines[n - 1]?.toLowerCase().includes(needle.toLowerCase());
      const el = (want as Located).elements;
      const a = analyze(text).elements;
      el.tbs.forEach((v, i) => expect(onLine(v.line, a.tbs[i].text), `TBS ${v.value} on line ${v.line}`).toBe(true));
      el.tScores.forEach((v, i) =>
        expect(onLine(v.line, a.tScores[i].text), `T-score ${v.value} on line ${v.line}`).toBe(true),
      );
      el.providers.forEach((p) =>
        expect(onLine(p.line, p.text.split(/\r?\n/)[0]), `provider on line ${p.line}`).toBe(true),
      );
    });
  }
});
