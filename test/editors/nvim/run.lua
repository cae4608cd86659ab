-- Test driver for test/editors/nvim.test.ts. Run after init.lua:
--   TBS_FILE=/tmp/x/report.radreport TBS_OUT=/tmp/x/out.json \
--   nvim --headless -u test/editors/nvim/init.lua -i NONE -n -c 'luafile test/editors/nvim/run.lua'
-- Environment:
--   TBS_FILE        report to open (a copy: it is written back after the code action)
--   TBS_OUT         JSON result file
--   TBS_FIX         rule id whose quick-fix to apply; "auto" (default) = the first missing-* diagnostic,
--                   "none" = apply nothing
--   TBS_INIT        optional JSON that replaces init_options of the configuration in init.lua
--   TBS_WORKSPACE   optional JSON: the tbsReport section of `settings` (workspace/configuration)
--   TBS_TIMEOUT_MS  how long to wait for each server answer (default 8000)
-- Writes {nvim, offsetEncoding, languageId, initial, action?, after?, error?} and exits 0, or 1 on
-- any failure (the reason is in "error"). Written for Neovim 0.7 (Debian 12); it also uses APIs that
-- later releases deprecate (vim.lsp.get_active_clients, vim.lsp.util.buf_versions).

local out_path = assert(vim.env.TBS_OUT, 'TBS_OUT not set')
local result = {}

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

local function run()
  local file = assert(vim.env.TBS_FILE, 'TBS_FILE not set')
  local fix = vim.env.TBS_FIX or 'auto'
  local timeout = tonumber(vim.env.TBS_TIMEOUT_MS or '8000')
  local v = vim.version()
  result.nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  if vim.env.TBS_INIT and vim.env.TBS_INIT ~= '' then
    _G.tbs_report_lsp.init_options = vim.json.decode(vim.env.TBS_INIT)
  end
  if vim.env.TBS_WORKSPACE and vim.env.TBS_WORKSPACE ~= '' then
    _G.tbs_report_lsp.settings = { tbsReport = vim.json.decode(vim.env.TBS_WORKSPACE) }
  end

  -- Record every publishDiagnostics exactly as received, then let Neovim handle it as usual.
  local received = {}
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
    table.insert(received, params)
    return default_handler(err, params, ctx, config)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  result.filetype = vim.bo[bufnr].filetype

  local client
  if not vim.wait(timeout, function()
    client = vim.lsp.get_active_clients()[1]
    return client ~= nil and client.initialized == true
  end, 20) then
    error('the language server did not initialize within ' .. timeout .. ' ms (filetype ' .. result.filetype .. ')')
  end
  result.offsetEncoding = client.offset_encoding
  result.languageId = client.config.get_language_id(bufnr, vim.bo[bufnr].filetype)

  -- Wait for the diagnostics of the buffer's current version (a condition, not a sleep).
  local function diagnostics_for_current_version(what)
    local version = vim.lsp.util.buf_versions[bufnr]
    local found
    local ok = vim.wait(timeout, function()
      for i = #received, 1, -1 do
        local p = received[i]
        if p.uri == uri and p.version == version then
          found = p
          return true
        end
      end
      return false
    end, 10)
    if not ok then
      error(string.format('no diagnostics for %s version %s within %d ms (%d notifications received)', what, tostring(version), timeout, #received))
    end
    -- Neovim's own handler ran right after the recording wrapper: count what it shows.
    return {
      version = found.version,
      diagnostics = found.diagnostics,
      shown = #vim.diagnostic.get(bufnr),
    }
  end

  result.initial = diagnostics_for_current_version('the opened report')

  local target
  for _, d in ipairs(result.initial.diagnostics) do
    if (fix == 'auto' and tostring(d.code):match('^missing%-')) or d.code == fix then
      target = d
      break
    end
  end
  if fix ~= 'none' and fix ~= 'auto' and not target then
    error('no ' .. fix .. ' diagnostic to fix')
  end
  if target then
    local params = {
      textDocument = { uri = uri },
      range = target.range,
      context = { diagnostics = { target }, only = { 'quickfix' } },
    }
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
    if not responses then
      error('textDocument/codeAction failed: ' .. tostring(err))
    end
    local actions = {}
    for _, r in pairs(responses) do
      if r.error then
        error('textDocument/codeAction error: ' .. vim.inspect(r.error))
      end
      for _, a in ipairs(r.result or {}) do
        table.insert(actions, a)
      end
    end
    local chosen
    for _, a in ipairs(actions) do
      for _, d in ipairs(a.diagnostics or {}) do
        if d.code == target.code then
          chosen = chosen or a
        end
      end
    end
    if not chosen then
      error('no quick-fix for ' .. tostring(target.code) .. ' among ' .. #actions .. ' actions')
    end
    -- A copy: apply_workspace_edit annotates the edits it applies.
    result.action = { code = target.code, title = chosen.title, kind = chosen.kind, edit = vim.deepcopy(chosen.edit), count = #actions }
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    vim.cmd('write')
    result.after = diagnostics_for_current_version('the edited report')
  end

  vim.lsp.stop_client(client.id)
  vim.wait(timeout, function() return vim.lsp.get_client_by_id(client.id) == nil end, 20)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  result.error = tostring(err)
  finish(1)
else
  finish(0)
end
