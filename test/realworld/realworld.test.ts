/**
 * The realistic report set (test/fixtures/realworld/*, expectations in its expected.json): reports in
 * layouts taken from public DXA report examples of many countries, drafts with deliberate omissions
 * or errors, and short probes of each failure class of issue 10 (see SOURCES.md there). Each file is
 * run through `analyze` with the default settings and compared element by element (compare.ts).
 * Files the engine does not read right yet are listed in known.ts and run as `test.fails`.
 */
import { expect, test } from 'vitest';
import { describe as explain, loadExpectations, runFile } from './compare';
import { KNOWN_FAILING } from './known';

const expectations = loadExpectations();
const names = Object.keys(expectations).sort();

test('the set has the intended size and every known failure names a file of the set', () => {
  const groups = names.map((n) => expectations[n].group);
  expect(groups.filter((g) => g === 'layout').length).toBeGreaterThanOrEqual(40);
  expect(groups.filter((g) => g === 'draft').length).toBeGreaterThanOrEqual(20);
  expect(groups.filter((g) => g === 'probe').length).toBeGreaterThanOrEqual(30);
  const classes = new Set(names.map((n) => expectations[n].cls).filter((c) => c !== undefined));
  expect([...classes].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  for (const k of Object.keys(KNOWN_FAILING)) expect(names).toContain(k);
});

for (const name of names) {
  const reason = KNOWN_FAILING[name];
  const run = (): void => {
    const r = runFile(name, expectations[name]);
    expect(r.checks.length, `${name} asserts nothing`).toBeGreaterThan(0);
    if (!r.ok) throw new Error(`${name}: ${explain(r)}`);
  };
  if (reason) test.fails(`${name} (known: ${reason})`, run);
  else test(name, run);
}
