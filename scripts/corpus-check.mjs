// Runs the CLI (dist/cli.js, JSON output) on ../shared/corpus/*.txt and compares each file with
// expected.json: profile, elements (as distinct values) and the set of diagnostic codes.
// Prints one line per file and exits 1 on any mismatch. The corpus is ../shared/corpus, or the folder
// given as the first argument or in TBS_CORPUS_DIR. When it is absent the check is skipped (exit 0,
// says so) locally, and fails (exit 1) under CI (CI set to anything but "0" or "false").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = resolve(process.argv[2] ?? process.env.TBS_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus'));
const inCi = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);
if (!existsSync(join(dir, 'expected.json'))) {
  if (inCi) {
    console.error(`corpus check FAILED: no ${join(dir, 'expected.json')} (under CI the shared corpus must be present)`);
    process.exit(1);
  }
  console.log(`corpus check skipped: no ${join(dir, 'expected.json')} (under CI=1 this fails)`);
  process.exit(0);
}
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const files = expected.map((e) => join(dir, e.file));
const r = spawnSync('node', [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', ...files], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (r.status === 2 || !r.stdout) {
  console.error(`CLI failed (exit ${r.status}): ${r.stderr}`);
  process.exit(1);
}
const out = JSON.parse(r.stdout);
const byPath = new Map(out.files.map((f) => [f.path, f]));
const distinct = (xs) => [...new Set(xs.map((x) => JSON.stringify(x)))].sort();
let failed = 0;
for (const e of expected) {
  const got = byPath.get(join(dir, e.file));
  const diffs = [];
  if (!got) diffs.push('not in CLI output');
  else {
    const el = got.elements;
    const cmp = (name, g, w) => {
      if (JSON.stringify(g) !== JSON.stringify(w))
        diffs.push(`${name}: got ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`);
    };
    cmp('profile', got.profile, e.profile);
    cmp('tbs', el.tbs ? el.tbs.value : null, e.elements.tbs);
    cmp('tScores', distinct(el.tScores.map((t) => t.value)), distinct(e.elements.tScores));
    cmp('riskModel', el.riskModel ? el.riskModel.name : null, e.elements.riskModel);
    cmp(
      'risks',
      distinct(el.risks.map((x) => ({ kind: x.kind, value: x.value, adjusted: x.adjusted }))),
      distinct(e.elements.risks),
    );
    cmp('provider', el.provider !== null, e.elements.provider);
    cmp('codes', [...new Set(got.diagnostics.map((d) => d.code))].sort(), [...new Set(e.codes)].sort());
  }
  if (diffs.length) {
    failed++;
    console.log(`FAIL ${e.file}\n  ${diffs.join('\n  ')}`);
  } else console.log(`ok   ${e.file}`);
}
console.log(`${expected.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
