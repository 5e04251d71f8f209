#!/usr/bin/env bash
# Neovim as a third-party LSP client: for every test/nvim/fixtures/*.ia.yaml and every
# examples/**/*.ia.yaml, Neovim (Debian's 0.7, headless) starts `cadre-ia lsp --stdio`, opens
# the file and must receive the same diagnostics (codes and lines) as `cadre-ia lint`; then the
# README's own Neovim init.lua, with a `cadre-ia` shim on PATH, on one declaration.
# Prints one PASS/FAIL line per file, then "N passed, M failed"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim: installing Debian's neovim"
  (apt-get install -y neovim >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y neovim >/dev/null; }) || { echo "FAIL nvim: cannot install neovim" >&2; exit 2; }
fi
if [ ! -f dist/cli.js ]; then node scripts/build.mjs || exit 2; fi
nvim --version | head -1

files=(test/nvim/fixtures/*.ia.yaml)
if [ -d examples ]; then
  while IFS= read -r f; do files+=("$f"); done < <(find examples -name '*.ia.yaml' -o -name '*.ia.yml' | sort)
fi

# Reproducible dates for the rules that compare with today (the CLI and the server both read it).
export CADRE_IA_DATE=${CADRE_IA_DATE:-2026-06-01}
passed=0
failed=0
for f in "${files[@]}"; do
  json=$(node bin/cadre-ia.js lint --format json --locale fr "$f" 2>/dev/null)
  # 0: no error, 1: errors found (both give the JSON); 2: usage or I/O failure.
  if [ $? -gt 1 ]; then echo "FAIL nvim $f: cadre-ia lint failed"; failed=$((failed + 1)); continue; fi
  expected=$(printf '%s' "$json" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const [r] = JSON.parse(s);
      process.stdout.write(r.diagnostics.map((d) => d.code + "@" + d.range.start.line).join(";"));
    });')
  out=$(CADRE_ROOT="$root" CADRE_FILE="$root/$f" CADRE_EXPECTED="$expected" timeout 60 \
    nvim --headless --clean -u NONE -c "luafile $root/test/nvim/test.lua" 2>&1)
  status=$?
  line=$(printf '%s\n' "$out" | grep -E '^(PASS|FAIL) ' | tail -1)
  if [ $status -eq 0 ] && [[ "$line" == PASS* ]]; then
    echo "$line"
    passed=$((passed + 1))
  else
    echo "${line:-FAIL nvim $f: exit $status}"
    [ -z "$line" ] && printf '%s\n' "$out" | tail -20
    failed=$((failed + 1))
  fi
done
# The README's Neovim configuration itself (its first ```lua block after "**Neovim**"), with
# `cadre-ia` on PATH as an installed package puts it: one declaration with findings.
tmp=$(mktemp -d)
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec node "%s/bin/cadre-ia.js" "$@"\n' "$root" > "$tmp/bin/cadre-ia"
chmod +x "$tmp/bin/cadre-ia"
awk '/^\*\*Neovim\*\*/ { seen = 1 } seen && /^```lua$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md > "$tmp/init.lua"
f=examples/assistant-conversationnel-usagers.ia.yaml
if ! grep -q "vim.lsp.start_client" "$tmp/init.lua"; then
  echo "FAIL nvim README init.lua: no Neovim configuration found in README.md"; failed=$((failed + 1))
else
  expected=$(node bin/cadre-ia.js lint --format json --locale fr "$f" 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const [r] = JSON.parse(s);
      process.stdout.write(r.diagnostics.map((d) => d.code + "@" + d.range.start.line).join(";"));
    });')
  out=$(cd "$tmp" && PATH="$tmp/bin:$PATH" CADRE_ROOT="$root" CADRE_FILE="$root/$f" CADRE_EXPECTED="$expected" timeout 60 \
    nvim --headless --clean -u "$tmp/init.lua" -c "luafile $root/test/nvim/readme.lua" "$root/$f" 2>&1)
  status=$?
  line=$(printf '%s\n' "$out" | grep -E '^(PASS|FAIL) ' | tail -1)
  if [ $status -eq 0 ] && [[ "$line" == PASS* ]]; then echo "$line"; passed=$((passed + 1)); else
    echo "${line:-FAIL nvim README init.lua: exit $status}"; [ -z "$line" ] && printf '%s\n' "$out" | tail -20
    failed=$((failed + 1))
  fi
fi
rm -rf "$tmp"

echo "nvim: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
