// One vitest project per test area: every directory test/<area>/ that holds *.test.{ts,mts,mjs}
// files becomes a project named <area>, so a new area needs no change here. Two areas are not run
// by vitest: test/e2e (code-server + Chromium, `npm run test:e2e`) and test/electron (inside VS
// Code's extension host, `npm run test:electron`); the README's Tests section says why. test/shared
// holds helpers the suites share (no tests of its own).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const NOT_VITEST = new Set(['e2e', 'electron', 'fixtures', 'shared']);

/** Per-area test timeout (ms): areas that spawn the bundled server, the CLI or an editor get more. */
const TIMEOUT: Record<string, number> = {
  unit: 10_000,
  protocol: 30_000,
  cli: 30_000,
  robustness: 60_000,
  editors: 60_000,
  grammar: 60_000,
};

/**
 * Areas whose hang guards and growth checks measure wall-clock time run last, each in a group of its
 * own, so that they do not share the 2 cores with the rest of the run (vitest runs groups in order).
 * Their limits are generous for a quiet machine; a loaded one made them fail with no regression.
 */
const GROUP: Record<string, number> = {
  scaling: 1,
  robustness: 2,
};

const areas = readdirSync('test')
  .filter((d) => !NOT_VITEST.has(d) && statSync(join('test', d)).isDirectory())
  .sort();

export default defineConfig({
  test: {
    projects: areas.map((area) => ({
      extends: true,
      test: {
        name: area,
        include: [`test/${area}/**/*.test.{ts,mts,mjs}`],
        testTimeout: TIMEOUT[area] ?? 30_000,
        hookTimeout: TIMEOUT[area] ?? 30_000,
        sequence: { groupOrder: GROUP[area] ?? 0 },
      },
    })),
    // 2-core reference machine: two forked workers, one per core.
    pool: 'forks',
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      // Code loaded by the test processes. client/** runs only inside VS Code (the e2e suites).
      include: ['server/src/**/*.ts'],
      // server.ts is the bundle's entry: argument handling that ends in process.exit, then a stdio
      // connection. It cannot run inside a vitest worker; the spawned protocol and editor tests run it.
      exclude: ['server/src/server.ts'],
      reporter: ['text-summary', 'text'],
      // Print the figures even when a test fails.
      reportOnFailure: true,
      thresholds: {
        'server/src/engine/**': { lines: 90 },
        // The LSP handlers and the CLI are measured in process: test/protocol/inProcess.ts runs
        // TbsServer on an in-memory connection, test/cli/main.inprocess.test.ts calls the CLI's run().
        // The spawned-bundle tests (dist/server.js, dist/cli.js, worker threads) are not counted.
        'server/src/{*.ts,cli/**,lsp/**}': { lines: 75 },
      },
    },
  },
});
