/**
 * Neovim (Debian's package, built-in LSP client) against the built server. For each report in
 * CASES (helpers.ts), `nvim --headless` loads test/editors/nvim/init.lua (the configuration
 * docs/editors.md shows), opens a copy of the report, records the publishDiagnostics it receives,
 * applies a quick-fix with vim.lsp.util.apply_workspace_edit and writes the file
 * (test/editors/nvim/run.lua). The diagnostics must equal the CLI's for the same file, before and
 * after the edit, and the written file must be the original with exactly the action's edit applied.
 *
 * Needs `nvim` on PATH (CI: apt-get install -y neovim) or NVIM_BIN; fails, never skips, without it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorTests, requireProgram, ROOT } from './helpers';

const NVIM = process.env.NVIM_BIN || 'nvim';

editorTests({
  id: 'nvim',
  label: 'Neovim',
  preflight: () => requireProgram(NVIM, 'apt-get install -y neovim (Debian 12 ships Neovim 0.7.2), or set NVIM_BIN'),
  config: join(ROOT, 'test/editors/nvim/init.lua'),
  marker: 'neovim',
  command: () => ({
    program: NVIM,
    args: [
      '--headless',
      '-u',
      join(ROOT, 'test/editors/nvim/init.lua'),
      '-i',
      'NONE',
      '-n',
      '-c',
      `luafile ${join(ROOT, 'test/editors/nvim/run.lua')}`,
    ],
  }),
  check: (result) => assert.equal(result.offsetEncoding, 'utf-16'),
});
