/**
 * Figures of the realistic report set against the engine in this worktree. Not a test: bundle and run
 *
 *   npx esbuild test/realworld/report.ts --bundle --platform=node --outfile=/tmp/rw-report.js && \
 *     node /tmp/rw-report.js [known | <file name>]
 *
 * Prints files fully right / total per group (layouts, drafts, probes), per probe class (issue 10's
 * failure classes), per element, the known failures per class, the files to take off known.ts and
 * the regressions not on it, and each failing file with what was expected and what was read.
 * With `known` it prints a KNOWN_FAILING record for known.ts instead (the reasons are to be written
 * by hand, naming the failure class); with a file name, every check of that file.
 */
import { describe, loadExpectations, runFile, type FileResult } from './compare';
import { KNOWN_FAILING } from './known';

const CLASS_NAMES: Record<number, string> = {
  1: 'sign-offs',
  2: 'legends / boilerplate',
  3: 'thresholds',
  4: 'kind attribution',
  5: 'adjustment scope',
  6: 'synonyms / fillers',
  7: 'section headers',
  8: 'characters',
  9: 'demographics',
  10: 'layouts',
  11: 'statements away from value',
};

const expectations = loadExpectations();
const results: FileResult[] = Object.keys(expectations)
  .sort()
  .map((name) => runFile(name, expectations[name]));
const arg = process.argv[2];

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(0)} %` : '-');

if (arg === 'known') {
  console.log('export const KNOWN_FAILING: Record<string, string> = {');
  for (const r of results.filter((x) => !x.ok)) console.log(`  '${r.name}': '${describe(r).replace(/'/g, "\\'")}',`);
  console.log('};');
} else if (arg) {
  const r = results.find((x) => x.name === arg);
  if (!r) throw new Error(`no file ${arg}`);
  for (const c of r.checks)
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.element}: expected ${c.expected}, read ${c.got}`);
} else {
  console.log('Files fully right, per group:');
  for (const g of ['layout', 'draft', 'probe']) {
    const rs = results.filter((r) => r.expectation.group === g);
    const ok = rs.filter((r) => r.ok).length;
    console.log(`  ${g.padEnd(8)} ${String(ok).padStart(3)} / ${String(rs.length).padEnd(3)} ${pct(ok, rs.length)}`);
  }
  const ok = results.filter((r) => r.ok).length;
  console.log(
    `  ${'all'.padEnd(8)} ${String(ok).padStart(3)} / ${String(results.length).padEnd(3)} ${pct(ok, results.length)}`,
  );
  const wave2 = results.filter((r) => r.expectation.wave === 2);
  if (wave2.length) {
    console.log('Of them, wave 2 (W*, written last; no reader was tuned on them):');
    for (const g of ['layout', 'draft']) {
      const rs = wave2.filter((r) => r.expectation.group === g);
      const n = rs.filter((r) => r.ok).length;
      console.log(`  ${g.padEnd(8)} ${String(n).padStart(3)} / ${String(rs.length).padEnd(3)} ${pct(n, rs.length)}`);
    }
  }
  // Waves 3 and 4 (V01-V24 layouts and Q01-Q30 drafts and failure-class probes, measured before any
  // fix; Q31-Q40: probes written after the wavedraft fixes, measured before any further change), and
  // the Z* files: held out from the helpers that fixed the engine, merged only at the end. Wave 6
  // (R01-R40: layouts, drafts and failure-class probes) was written without reading the engine and
  // measured before any reader change. Wave 7
  // (S01-S30): held out, expectations committed before the first run (on main 14d20f3). Wave 8
  // (T01-T30): held out, expectations committed (4c93c6d) before the first run (on main 3c5a51c). Wave 9
  // (U01-U30: layouts of Asian, Middle Eastern, African and Oceanian reports and vendor outputs,
  // drafts, probes): held out, expectations committed before the first run (branch wave9).
  const waves: [string, (r: FileResult) => boolean][] = [
    ['wave 3 (V* layouts, Q* drafts and probes)', (r) => r.expectation.wave === 3],
    ['wave 4 (Q31-Q40 probes)', (r) => r.expectation.wave === 4],
    ['Z* (held out until the last round of fixes)', (r) => r.name.startsWith('Z')],
    ['wave 6 (R* layouts, drafts and probes)', (r) => r.expectation.wave === 6],
    ['wave 7 (S* held out: layouts, drafts and probes)', (r) => r.expectation.wave === 7],
    ['wave 8 (T* held out: layouts, drafts and probes)', (r) => r.expectation.wave === 8],
    ['wave 9 (U* held out: layouts, drafts and probes)', (r) => r.expectation.wave === 9],
  ];
  for (const [label, inWave] of waves) {
    const wave3 = results.filter(inWave);
    if (!wave3.length) continue;
    const n3 = wave3.filter((r) => r.ok).length;
    console.log(`Of them, ${label}: ${n3} / ${wave3.length} ${pct(n3, wave3.length)}`);
    for (const g of ['layout', 'draft', 'probe']) {
      const rs = wave3.filter((r) => r.expectation.group === g);
      const n = rs.filter((r) => r.ok).length;
      console.log(`  ${g.padEnd(8)} ${String(n).padStart(3)} / ${String(rs.length).padEnd(3)} ${pct(n, rs.length)}`);
    }
    const els = [...new Set(wave3.flatMap((r) => r.checks.map((c) => c.element)))];
    const cells = els.map((e) => {
      const asserting = wave3.filter((r) => r.checks.some((c) => c.element === e));
      const right = asserting.filter((r) => r.checks.filter((c) => c.element === e).every((c) => c.ok));
      return `${e} ${right.length}/${asserting.length}`;
    });
    console.log(`  per element: ${cells.join('  ')}`);
  }
  // The same without the TBS-category statements (class 11 misses dominate the count above).
  const noCat = (r: FileResult): boolean => r.checks.every((c) => c.ok || c.element === 'categories');
  console.log('Files right on everything but the TBS-category statements:');
  for (const g of ['layout', 'draft', 'probe']) {
    const rs = results.filter((r) => r.expectation.group === g);
    const n = rs.filter(noCat).length;
    console.log(`  ${g.padEnd(8)} ${String(n).padStart(3)} / ${String(rs.length).padEnd(3)} ${pct(n, rs.length)}`);
  }

  console.log('\nProbes fully right, per failure class (issue 10):');
  for (const c of Object.keys(CLASS_NAMES).map(Number)) {
    const rs = results.filter((r) => r.expectation.cls === c);
    const n = rs.filter((r) => r.ok).length;
    console.log(`  ${String(c).padStart(2)} ${CLASS_NAMES[c].padEnd(28)} ${n} / ${rs.length}`);
  }

  console.log('\nFiles right on each element (files that assert it):');
  const elements = [...new Set(results.flatMap((r) => r.checks.map((c) => c.element)))];
  for (const g of ['layout', 'draft', 'probe', 'all']) {
    const rs = g === 'all' ? results : results.filter((r) => r.expectation.group === g);
    const cells = elements.map((e) => {
      const asserting = rs.filter((r) => r.checks.some((c) => c.element === e));
      const right = asserting.filter((r) => r.checks.filter((c) => c.element === e).every((c) => c.ok));
      return `${e} ${right.length}/${asserting.length}`;
    });
    console.log(`  ${g.padEnd(7)} ${cells.join('  ')}`);
  }

  // Known failures per failure class, from the class numbers that open each reason in known.ts.
  const perClass = new Map<number, number>();
  for (const reason of Object.values(KNOWN_FAILING))
    for (const c of (/^[\d+]+/.exec(reason)?.[0] ?? '').split('+').filter(Boolean).map(Number))
      perClass.set(c, (perClass.get(c) ?? 0) + 1);
  console.log('\nKnown failing files per failure class (known.ts; a file may count in several):');
  for (const [c, n] of [...perClass].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(c).padStart(2)} ${(CLASS_NAMES[c] ?? '?').padEnd(28)} ${n}`);

  // Against known.ts: files to take off the list, and files that went wrong and are not on it.
  const nowRight = results.filter((r) => r.ok && KNOWN_FAILING[r.name]).map((r) => r.name);
  const newlyWrong = results.filter((r) => !r.ok && !KNOWN_FAILING[r.name]).map((r) => r.name);
  console.log(`\nOn KNOWN_FAILING but right now (take off known.ts): ${nowRight.join(' ') || 'none'}`);
  console.log(`Wrong and not on KNOWN_FAILING (regressions): ${newlyWrong.join(' ') || 'none'}`);

  console.log('\nFailing files:');
  for (const r of results.filter((x) => !x.ok)) console.log(`  ${r.name}\n      ${describe(r)}`);
}
