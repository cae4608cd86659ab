// `npm test`: type-check and build, then every suite except the browser end-to-end one
// (`npm run test:e2e`). Each step prints what it runs; the first failure stops the run.
import { spawnSync } from 'node:child_process';

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

step('type-check', 'npx', ['tsc', '-p', '.', '--noEmit']);
step('bundle', 'node', ['esbuild.mjs']);
// Every vitest project (one per test/<area>, see vitest.config.mts), with coverage and its thresholds.
step('vitest (all projects, coverage)', 'npx', ['vitest', 'run', '--coverage']);
step('shared corpus', 'node', ['scripts/corpus-check.mjs']);
console.log('\nAll test steps passed.');
