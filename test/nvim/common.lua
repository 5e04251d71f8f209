-- What the two Neovim checks share (test.lua: our client config; readme.lua: the README's):
-- the PASS/FAIL line and the diagnostics as sorted `code@line` lists. Loaded with dofile().
local M = {}

-- finish(ok, message) prints one PASS/FAIL line for `name` and quits (non-zero on failure).
function M.finisher(name)
  return function(ok, message)
    io.stdout:write((ok and 'PASS' or 'FAIL') .. ' nvim ' .. name .. ': ' .. message .. '\n')
    io.stdout:flush()
    if ok then vim.cmd('qa!') else vim.cmd('cq') end
  end
end

-- The buffer's diagnostics as a sorted list of `code@line` (line 0-based, as LSP).
function M.codes(buf)
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(got, tostring(code) .. '@' .. tostring(d.lnum))
  end
  table.sort(got)
  return got
end

-- CADRE_EXPECTED (`code@line;…`, what `cadre-ia lint` says) as a sorted list.
function M.expected(raw)
  local expected = {}
  for item in string.gmatch(raw or '', '[^;]+') do table.insert(expected, item) end
  table.sort(expected)
  return expected
end

return M
