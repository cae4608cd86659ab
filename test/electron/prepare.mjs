// Shared by both ways of running the in-host suite (scripts/test-electron.mjs): a fresh workspace of
// report drafts (test/e2e/fixtures/reports) and the expectations computed outside VS Code, passed to
// the extension host as TBS_TEST_EXPECT (JSON).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures', 'reports');
export const SUITE = path.join(ROOT, 'test', 'electron', 'suite', 'index.js');

/** A temp dir holding reports/ (a copy of the fixtures). */
export function prepareWorkspace() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tbs-electron-'));
  const folder = path.join(tmp, 'reports');
  fs.cpSync(FIXTURES, folder, { recursive: true });
  return { tmp, folder };
}

/** What the engine (dist/cli.js) finds in the draft, and the tbs-report template as inserted. */
export function expectations() {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} not found: run 'node esbuild.mjs' first`);
  const r = spawnSync(
    process.execPath,
    [cli, 'check', '--format', 'json', path.join(FIXTURES, 'draft-provider-model.radreport')],
    { encoding: 'utf8' },
  );
  if (!r.stdout) throw new Error(`the CLI printed nothing: ${r.stderr}`);
  const draftFindings = JSON.parse(r.stdout).files[0].diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
  }));
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'radiology-report.code-snippets'), 'utf8'));
  const tpl = Object.values(snippets).find((s) => [].concat(s.prefix).includes('tbs-report'));
  if (!tpl) throw new Error('no tbs-report snippet in snippets/radiology-report.code-snippets');
  const templateText = tpl.body
    .join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return { draftFindings, templateText };
}
