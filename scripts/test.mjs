// `npm test`: type-check and build, then every suite except the browser end-to-end one
// (`npm run test:e2e`). Each step prints what it runs; the first failure stops the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

function step(title, cmd, args, opts = {}) {
  console.log(`\n== ${title}: ${cmd} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`== ${title}: ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

step('type-check and compile tests', 'npx', ['tsc', '-p', '.']);
step('bundle', 'node', ['esbuild.mjs']);
// Compiled TypeScript suites (out/test/<area>) and plain JavaScript suites (test/<area>/*.test.mjs).
const suites = ['unit', 'protocol', 'cli', 'robustness', 'editors']
  .flatMap((area) => [join('out', 'test', area), join('test', area)])
  .filter((dir) => existsSync(dir) && readdirSync(dir).some((f) => /\.test\.(c?js|mjs)$/.test(f)));
suites.push('test/grammar');
step('node test suites', 'node', ['--test', '--test-concurrency=2', ...suites]);
if (existsSync('test/grammar/run.sh')) step('grammar tests', 'bash', ['test/grammar/run.sh']);
step('shared corpus', 'node', ['scripts/corpus-check.mjs']);
console.log('\nAll test steps passed.');
