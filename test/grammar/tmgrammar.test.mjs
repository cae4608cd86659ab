// The TextMate grammar's scope assertions: test/grammar/run.sh runs vscode-tmgrammar-test over
// every test/grammar/*.radreport file; this test fails when it does, with its output.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('./run.sh', import.meta.url));
const dir = fileURLToPath(new URL('.', import.meta.url));

test('every test/grammar/*.radreport scope assertion holds (vscode-tmgrammar-test)', { timeout: 320_000 }, () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.radreport'));
  assert.ok(files.length > 0, 'there are grammar assertion files');
  const r = spawnSync('bash', [run], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  for (const f of files) assert.match(r.stdout, new RegExp(f.replace(/\./g, '\\.')), `${f} was checked`);
});
