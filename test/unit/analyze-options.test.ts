/**
 * analyze(text, settings, { insertionFixes: false }): the CLI's way to skip planning the insertions
 * of missing elements. The findings are the same, in the same order with the same messages and
 * ranges; only the missing-* fixes and `insertAll` are left out.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

const dir = path.join(__dirname, '../fixtures/reports');
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.(txt|md|radreport)$/.test(f))
  .sort()
  // Every third report: enough missing-* findings with fixes, and a short test.
  .filter((_, i) => i % 3 === 0);

const withoutFixes = (fs: ReturnType<typeof analyze>['findings']) =>
  fs.map((f) => ({ ...f, fixes: f.code.startsWith('missing-') ? undefined : f.fixes }));

test('without insertion fixes: the same findings and elements, no missing-* fix, no insertAll', () => {
  let missing = 0;
  for (const f of ['', 'TBS L1-L4: 1.262', ...files.map((n) => fs.readFileSync(path.join(dir, n), 'utf8'))]) {
    const full = analyze(f, DEFAULT_SETTINGS);
    const lean = analyze(f, DEFAULT_SETTINGS, { insertionFixes: false });
    assert.deepEqual(lean.elements, full.elements);
    assert.deepEqual(lean.documented, full.documented);
    assert.deepEqual(withoutFixes(lean.findings), withoutFixes(full.findings));
    assert.deepEqual(lean.insertAll, []);
    for (const x of lean.findings) if (x.code.startsWith('missing-')) assert.equal(x.fixes?.length ?? 0, 0, x.code);
    missing += full.findings.filter((x) => x.code.startsWith('missing-') && x.fixes?.length).length;
  }
  // The comparison covered missing-* findings that do carry fixes in a full analysis.
  assert.ok(missing > 5, `missing-* findings with fixes: ${missing}`);
}, 60_000);
