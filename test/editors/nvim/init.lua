-- Neovim configuration for the TBS report language server, used by test/editors/nvim.test.ts
-- (nvim --headless -u test/editors/nvim/init.lua ...) and shown in docs/editors.md.
-- Works with Neovim 0.7 (Debian 12) and newer: vim.lsp.start is used where it exists (0.8+),
-- vim.lsp.start_client + vim.lsp.buf_attach_client otherwise.

-- Test-only preamble: the server of this checkout (TBS_REPORT_SERVER overrides it).
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h:h')
local server_js = vim.env.TBS_REPORT_SERVER or (repo .. '/dist/server.js')
local cmd = { 'node', server_js, '--stdio' }

-- >>> docs/editors.md: neovim (the test checks that the docs show this block verbatim)
vim.g.do_filetype_lua = 1 -- Neovim 0.7 only: use filetype.lua, where vim.filetype.add() applies
vim.filetype.add({
  extension = { radreport = 'radiology-report' },
  pattern = { ['.*%.report%.txt'] = 'radiology-report' },
})

local tbs_report = {
  name = 'tbs-report',
  cmd = cmd, -- { 'node', '/path/to/dist/server.js', '--stdio' } or { 'tbs-report-language-server', '--stdio' }
  -- languageId = filetype, except that LSP calls Neovim's 'text' filetype 'plaintext'
  get_language_id = function(_, filetype)
    return filetype == 'text' and 'plaintext' or filetype
  end,
  -- Settings, keys of tbsReport.* (e.g. severity = { ['missing-impression'] = 'off' }), in ONE place:
  -- init_options (initializationOptions) or settings = { tbsReport = { ... } } (workspace/configuration).
  -- Neovim 0.8+ also pushes `settings` with workspace/didChangeConfiguration, and a pushed tbsReport
  -- section currently replaces init_options (docs/editors.md, "Settings").
  init_options = { debounceMs = 150 },
  -- Neovim 0.7 neither pushes `settings` nor offers workspace/configuration: push them here (0.8+ does).
  on_init = function(client)
    if vim.fn.has('nvim-0.8') == 0 and next(client.config.settings) then
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end
  end,
}

local client_id -- Neovim 0.7: one client shared by all report buffers
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'radiology-report', 'text', 'markdown' }, -- text/markdown: checked only when they mention TBS
  callback = function(args)
    local config = vim.tbl_extend('force', tbs_report, {
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
    })
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      if not (client_id and vim.lsp.get_client_by_id(client_id)) then
        client_id = vim.lsp.start_client(config)
      end
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
-- <<< docs/editors.md: neovim

-- Test-only: lets run.lua change the configuration before it opens a report.
_G.tbs_report_lsp = tbs_report
