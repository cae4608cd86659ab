// `npm run test:e2e`: the browser end-to-end suite. Installs what it needs (scripts/setup-e2e.sh:
// Debian Chromium, code-server 4.100.3 = VS Code 1.100.3; skipped when present), packages the
// extension (`npm run package` -> tbs-report-assistant.vsix), then runs test/e2e/extension.test.mjs,
// test/e2e/typing.test.mjs and test/e2e/restart.test.mjs: the .vsix installed into code-server and used from headless Chromium.
//
//   node scripts/test-e2e.mjs                  setup + package + suite
//   node scripts/test-e2e.mjs --smoke          also the harness's own smoke test (test/e2e/smoke.test.mjs)
//   node scripts/test-e2e.mjs --update-images  after a passing run, copy the README pictures to images/
//   node scripts/test-e2e.mjs --mutants        instead of the suite: prove it fails on broken builds
//                                              (test/e2e/mutants.mjs)
//   E2E_VSIX=other.vsix node scripts/test-e2e.mjs   test that .vsix instead (no packaging)
//
// Environment: E2E_TIMEOUT_MS (per wait, default 20000), E2E_KEEP=1 (keep temp dirs), E2E_DEBUG=1,
// E2E_HEADED=1 (visible browser, needs a display). Screenshots: test/e2e/artifacts/<run>/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--smoke', '--update-images', '--mutants', '--help', '-h'].includes(a)) {
    console.error(`unknown option ${a}`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  console.log(
    fs
      .readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('//'))
      .map((l) => l.slice(3))
      .join('\n'),
  );
  process.exit(0);
}

const RUN_ID = process.env.E2E_RUN_ID || new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');
const ARTIFACTS = path.join(ROOT, 'test', 'e2e', 'artifacts');
const KEEP_RUNS = 10;
/** README pictures: step name of a screenshot in <run>/extension/ (NN-<step>.png) -> file in images/. */
const README_IMAGES = {
  'quick-fix-menu-provider': 'images/problems-and-quickfix.png',
  template: 'images/template.png',
  'status-4-of-5-detail': 'images/status.png',
  'rule-page': 'images/rule-page.png',
};
const MAX_IMAGE_BYTES = 200 * 1024;

const started = Date.now();
const timings = [];
function step(title, cmd, argv, opts = {}) {
  console.log(`\n== ${title}: ${cmd} ${argv.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  const secs = (Date.now() - t) / 1000;
  timings.push([title, secs]);
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status ?? r.signal}) after ${secs.toFixed(1)} s.`);
    summary(false);
    process.exit(r.status || 1);
  }
  console.log(`== ${title}: ok (${secs.toFixed(1)} s)`);
}
function summary(ok) {
  console.log(
    `\n${ok ? 'e2e passed' : 'e2e FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.map(([t, s]) => `${t} ${s.toFixed(1)} s`).join(', ')}`,
  );
  const dir = path.join(ARTIFACTS, RUN_ID);
  if (fs.existsSync(dir)) console.log(`screenshots: ${path.relative(ROOT, dir)}/`);
}

/** Keeps the artifacts of the last KEEP_RUNS runs. */
function pruneArtifacts() {
  if (!fs.existsSync(ARTIFACTS)) return;
  const runs = fs
    .readdirSync(ARTIFACTS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, mtime: fs.statSync(path.join(ARTIFACTS, d.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const r of runs.slice(KEEP_RUNS)) fs.rmSync(path.join(ARTIFACTS, r.name), { recursive: true, force: true });
}

pruneArtifacts();
step('setup (Chromium, code-server)', 'bash', ['scripts/setup-e2e.sh']);

let vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : null;
if (vsix) {
  console.log(`\n== using E2E_VSIX=${vsix} (not packaging)`);
  if (!fs.existsSync(vsix)) {
    console.error(`${vsix} not found`);
    process.exit(2);
  }
  if (!fs.existsSync('dist/cli.js')) step("bundle (dist/cli.js is the suite's oracle)", 'node', ['esbuild.mjs']);
} else {
  step('package (.vsix)', 'npm', ['run', '--silent', 'package']);
  vsix = path.join(ROOT, 'tbs-report-assistant.vsix');
}

const env = {
  ...process.env,
  E2E_RUN_ID: RUN_ID,
  E2E_VSIX: vsix,
  E2E_TIMEOUT_MS: process.env.E2E_TIMEOUT_MS || '20000',
};
if (args.has('--mutants')) {
  // a failing wait only has to fail: 10 s per wait (mutants.mjs's default) unless E2E_TIMEOUT_MS is set
  const mutantEnv = { ...env, E2E_RUN_ID: `${RUN_ID}-mutants` };
  if (!process.env.E2E_TIMEOUT_MS) delete mutantEnv.E2E_TIMEOUT_MS;
  step('mutants (the suite must fail on each broken build)', 'node', ['test/e2e/mutants.mjs', '--vsix', vsix], {
    env: mutantEnv,
  });
  console.log('\nevery mutant was caught.');
  summary(true);
  process.exit(0);
}

const files = ['test/e2e/extension.test.mjs', 'test/e2e/typing.test.mjs', 'test/e2e/restart.test.mjs'];
if (args.has('--smoke')) files.unshift('test/e2e/smoke.test.mjs');
step(
  'end-to-end suite (code-server + Chromium)',
  'node',
  ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { env },
);

if (args.has('--update-images')) {
  fs.mkdirSync('images', { recursive: true });
  const shots = path.join(ARTIFACTS, RUN_ID, 'extension');
  for (const [stepName, to] of Object.entries(README_IMAGES)) {
    const file = fs.readdirSync(shots).find((f) => f.replace(/^\d+-/, '') === `${stepName}.png`);
    if (!file) {
      console.error(`no screenshot of step ${stepName} in ${shots}`);
      process.exit(1);
    }
    const src = path.join(shots, file);
    const size = fs.statSync(src).size;
    if (size > MAX_IMAGE_BYTES) {
      console.error(`${src} is ${Math.round(size / 1024)} KB, over ${MAX_IMAGE_BYTES / 1024} KB`);
      process.exit(1);
    }
    fs.copyFileSync(src, to);
    console.log(`${to} <- ${path.relative(ROOT, src)} (${Math.round(size / 1024)} KB)`);
  }
}
summary(true);
