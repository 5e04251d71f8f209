-- Neovim (0.7+) as a third-party LSP client of Cadre IA, run headless by test/nvim/run.sh:
--   CADRE_ROOT=<repo> CADRE_FILE=<file> CADRE_EXPECTED='code@line;…' \
--     nvim --headless --clean -u NONE -c 'luafile test/nvim/test.lua'
-- Starts `node bin/cadre-ia.js lsp --stdio`, opens the file, waits for its diagnostics and
-- compares their codes and lines with CADRE_EXPECTED (what `cadre-ia lint` says). When there
-- is a diagnostic, a hover on it must name its code. Prints one PASS/FAIL line; exits with
-- :cq (non-zero) on failure.
local root = os.getenv('CADRE_ROOT')
local file = os.getenv('CADRE_FILE')
local expected_raw = os.getenv('CADRE_EXPECTED') or ''
local name = vim.fn.fnamemodify(file, ':t')

local common = dofile(root .. '/test/nvim/common.lua')
local finish = common.finisher(name)

local ok_all, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local published = false
  local client_id = vim.lsp.start_client({
    name = 'cadre-ia',
    cmd = { 'node', root .. '/bin/cadre-ia.js', 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    init_options = { locale = 'fr' },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        if result and vim.uri_to_bufnr(result.uri) == buf then published = true end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  if not client_id then return finish(false, 'the server did not start') end
  vim.lsp.buf_attach_client(buf, client_id)
  if not vim.wait(20000, function() return published end, 50) then
    return finish(false, 'no publishDiagnostics within 20 s')
  end

  local got = common.codes(buf)
  local expected = common.expected(expected_raw)
  local got_s, expected_s = table.concat(got, ';'), table.concat(expected, ';')
  if got_s ~= expected_s then
    return finish(false, 'diagnostics [' .. got_s .. '] instead of [' .. expected_s .. ']')
  end

  -- A hover on the first diagnostic says why the rule fired (its code).
  local first = vim.diagnostic.get(buf)[1]
  if first then
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = first.lnum, character = first.col } }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
    local text = ''
    for _, r in pairs(responses) do
      if r.result and r.result.contents then text = text .. (r.result.contents.value or '') end
    end
    local code = tostring(first.code or first.user_data.lsp.code)
    if not string.find(text, code:gsub('%-', '%%-'), 1, false) then
      return finish(false, 'the hover at ' .. first.lnum .. ':' .. first.col .. ' does not name ' .. code)
    end
  end
  vim.lsp.stop_client(client_id)
  finish(true, #got .. ' diagnostic(s) as cadre-ia lint [' .. got_s .. ']')
end)
if not ok_all then finish(false, 'error: ' .. tostring(err)) end
