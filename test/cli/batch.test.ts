/**
 * A generated batch of 10,000 typical reports (about 3 KB each) in nested directories: checked in
 * parallel (worker threads) it gives byte-for-byte the output of a serial run, in input order, and
 * the default parallelism uses every core (the CLI's stats line says how many threads checked how
 * many reports). Nothing here is timed: the time budget (about 3 s on the 2-core reference machine)
 * is measured by `npm run bench` (cli rows: auto and serial), not asserted in a unit test.
 */
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { writeBatch } from './generate';
import { parseJson, runCliAsync, tmpDir } from './helpers';

const COUNT = 10_000;
let dir = '';
let files: string[] = [];

beforeAll(() => {
  dir = tmpDir('batch');
  files = writeBatch(dir, COUNT);
  const size = files.slice(0, 100).reduce((a, f) => a + fs.statSync(f).size, 0) / 100;
  assert.ok(size > 2500 && size < 3600, `typical report size, got ${size}`);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function stats(stderr: string): { threads: number; checkedBy: number[] } {
  const m = /threads=(\d+) batch=\d+ checkedBy=([\d,]+) failedWorkers=0/.exec(stderr);
  assert.ok(m, `stats line in stderr: ${stderr.slice(0, 300)}`);
  return { threads: Number(m[1]), checkedBy: m[2].split(',').map(Number) };
}

test('10,000 reports: parallel output is identical to serial output, in input order', async () => {
  const env = { TBS_REPORT_STATS: '1' };
  const serial = await runCliAsync(['check', '--format', 'json', '--jobs', '1', dir], { env });
  const parallel = await runCliAsync(['check', '--format', 'json', '--jobs', '2', dir], { env });
  assert.equal(serial.status, 1);
  assert.equal(parallel.status, 1);
  assert.equal(stats(serial.stderr).threads, 1);
  const p = stats(parallel.stderr);
  assert.equal(p.threads, 2);
  assert.ok(
    p.checkedBy.every((n) => n > 0),
    `both threads checked reports: ${p.checkedBy}`,
  );
  assert.equal(
    p.checkedBy.reduce((a, b) => a + b, 0),
    COUNT,
  );
  assert.ok(parallel.stdout === serial.stdout, 'parallel JSON output is byte-for-byte the serial one');
  const j = parseJson(parallel);
  assert.equal(j.files.length, COUNT);
  assert.deepEqual(
    j.files.map((f) => f.path),
    files,
    'input (walk) order',
  );
  assert.equal(j.summary.filesChecked, COUNT);
  assert.ok(j.summary.filesWithFindings > 1000 && j.summary.filesClean > 5000, 'a realistic mix of findings');
  assert.ok(Object.keys(j.summary.byRule).length >= 6);
}, 120_000);

test('10,000 reports in text format: the default (auto) parallelism uses all cores', async () => {
  const auto = await runCliAsync(['check', dir], { env: { TBS_REPORT_STATS: '1' } });
  const st = stats(auto.stderr);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  assert.equal(st.threads, cores, 'a large batch uses all cores');
  assert.ok(
    st.checkedBy.length === cores && st.checkedBy.every((n) => n > 0),
    `every thread checked reports: ${st.checkedBy}`,
  );
  assert.equal(auto.status, 1);
  const lines = auto.stdout.split('\n');
  assert.ok(
    lines[0].startsWith(`${files[0]}:`) || lines[0].startsWith(dir),
    'paths as found under the directory argument',
  );
  assert.match(auto.stdout, /\n10000 files checked: \d+ clean, \d+ with findings\.\n/);
  // findings in input order: the file of each line never goes back
  const order = new Map(files.map((f, i) => [f, i]));
  let last = -1;
  for (const line of lines) {
    const m = /^(.+?\.radreport):\d+:\d+: /.exec(line);
    if (!m) continue;
    const i = order.get(m[1]);
    assert.ok(i !== undefined && i >= last, `order at ${line.slice(0, 80)}`);
    last = i;
  }
  assert.ok(last > COUNT / 2);
  assert.equal(path.isAbsolute(dir), true);
}, 120_000);
