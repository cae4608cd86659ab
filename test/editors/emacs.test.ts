/**
 * Emacs (Debian's emacs-nox) + Eglot (Debian's elpa-eglot) against the built server. For each
 * report in CASES (helpers.ts), `emacs --batch` loads test/editors/emacs/init.el (the configuration
 * docs/editors.md shows) and test/editors/emacs/run.el, which opens a copy of the report (the mode
 * hook runs eglot-ensure), records the publishDiagnostics Eglot receives and what it keeps for
 * Flymake, runs a quick-fix from eglot-code-actions through Eglot's executor and saves the buffer.
 * The diagnostics must equal the CLI's for the same file, before and after the edit, and the saved
 * file must be the original with exactly the action's edit applied.
 *
 * Needs `emacs` with Eglot (CI: apt-get install -y emacs-nox elpa-eglot) or EMACS_BIN; fails,
 * never skips, without them.
 */
import { afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorTests, requireProgram, ROOT } from './helpers';

const EMACS = process.env.EMACS_BIN || 'emacs';
const INSTALL = 'apt-get install -y emacs-nox elpa-eglot (Debian 12: Emacs 28.2, Eglot 1.9), or set EMACS_BIN';
// For the preflight: a HOME without ~/.emacs.d (the cases get a fresh HOME each).
const HOME = mkdtempSync(join(tmpdir(), 'tbs-emacs-home-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

editorTests({
  id: 'emacs',
  label: 'Emacs + Eglot',
  preflight: () => {
    const version = requireProgram(EMACS, INSTALL);
    const r = spawnSync(
      EMACS,
      ['--batch', '--eval', '(progn (require (quote eglot)) (princ (locate-library "eglot")))'],
      {
        encoding: 'utf8',
        timeout: 20_000,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, HOME },
      },
    );
    assert.equal(r.status, 0, `Eglot cannot be loaded in ${EMACS} --batch: ${INSTALL}\n${r.stderr}`);
    return `${version}; eglot ${r.stdout.trim()}`;
  },
  config: join(ROOT, 'test/editors/emacs/init.el'),
  marker: 'emacs',
  command: () => ({
    program: EMACS,
    args: ['--batch', '-l', join(ROOT, 'test/editors/emacs/init.el'), '-l', join(ROOT, 'test/editors/emacs/run.el')],
  }),
  check: (result) => assert.equal(typeof result.emacs, 'string'),
});
