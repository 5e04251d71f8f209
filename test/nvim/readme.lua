-- The README's Neovim configuration, run as a user would (run by test/nvim/run.sh):
--   PATH=<a folder holding a `cadre-ia` shim>:$PATH CADRE_ROOT=<repo> CADRE_FILE=<file> CADRE_EXPECTED='code@line;…' \
--     nvim --headless --clean -u <init.lua extracted from README.md> -c 'luafile test/nvim/readme.lua' <file>
-- The init.lua (the README's first ```lua block under "**Neovim**") has already started the
-- server from its BufReadPost autocommand; this waits for the diagnostics of the open file and
-- compares their codes and lines with CADRE_EXPECTED (what `cadre-ia lint` says).
local file = os.getenv('CADRE_FILE')
local expected_raw = os.getenv('CADRE_EXPECTED') or ''
local name = 'README init.lua ' .. vim.fn.fnamemodify(file, ':t')

local common = dofile(os.getenv('CADRE_ROOT') .. '/test/nvim/common.lua')
local finish = common.finisher(name)

local ok_all, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  -- Neovim 0.7 lists a client once it is initialized.
  if not vim.wait(20000, function() return #vim.lsp.get_active_clients() > 0 end, 50) then
    return finish(false, 'the README configuration started no client within 20 s')
  end
  local expected = common.expected(expected_raw)
  local got_s = ''
  local function read()
    got_s = table.concat(common.codes(buf), ';')
    return got_s == table.concat(expected, ';')
  end
  if not vim.wait(20000, read, 100) then
    return finish(false, 'diagnostics [' .. got_s .. '] instead of [' .. table.concat(expected, ';') .. '] after 20 s')
  end
  finish(true, #expected .. ' diagnostic(s) as cadre-ia lint, from the configuration the README gives')
end)
if not ok_all then finish(false, 'error: ' .. tostring(err)) end
