#!/usr/bin/env bash
# Every test suite, from a fresh machine: installs what is missing (npm packages; Debian's
# chromium and neovim; code-server in its own folder), builds and packages the extension,
# then runs unit, CLI, protocol, fuzz, Neovim, web (the browser server in a Chromium web worker),
# report (the published bilan and notices in Chromium: axe, widths, print)
# and real-VS-Code (code-server) suites.
# Usage: bash scripts/test.sh            (all suites)
#        bash scripts/test.sh unit lsp   (some suites: unit lsp fuzz nvim web report e2e integrations)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p test-results

bash scripts/ensure-deps.sh || exit 2
suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(unit lsp fuzz nvim web report e2e integrations)

want() { local s; for s in "${suites[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

if want nvim || want e2e || want unit || want web || want report; then
  bash test/e2e/setup.sh || { echo "test: setup of chromium/neovim/code-server failed" >&2; exit 2; }
fi

echo "== lint (Biome: biome.jsonc)"
npm run --silent lint || exit 1
echo "== type-check (tsc -b: one project per layer)"
npx tsc -b || exit 1
echo "== build and package"
npm run --silent package || exit 1

passed=0
failed=0
failed_suites=()
run_suite() {
  local name=$1; shift
  local log="test-results/$name.log"
  echo "== suite: $name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  # mocha prints "N passing" / "N failing"; other runners print "N passed, N failed".
  local p f
  p=$(grep -Eo '^ *[0-9]+ passing' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
  f=$(grep -Eo '^ *[0-9]+ failing' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
  if [ -z "$p" ]; then
    p=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | sed -E 's/ passed.*//' || true)
    f=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | sed -E 's/.* ([0-9]+) failed/\1/' || true)
  fi
  p=${p:-0}; f=${f:-0}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then echo "test: suite $name ran no test" >&2; f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$status" -ne 0 ] && failed_suites+=("$name")
  return 0
}

want unit && run_suite unit npx mocha 'test/unit/**/*.test.ts' 'test/cli/**/*.test.ts'
want lsp && run_suite lsp npx mocha 'test/lsp/**/*.test.ts'
want fuzz && run_suite fuzz npx mocha 'test/fuzz/**/*.test.ts'
want nvim && run_suite nvim bash test/nvim/run.sh
want web && run_suite web npx mocha 'test/web/**/*.test.ts'
# The published pages (bilan, notices) in Chromium: axe at 1280/390 px, overflow, broken words, print to PDF.
want report && run_suite report npx mocha 'test/report/**/*.test.ts'
want e2e && run_suite e2e bash test/e2e/run.sh
# The CLI as users install it: npm pack + install, and install from a git URL (needs the npm registry).
want integrations && run_suite integrations npx mocha 'test/integrations/**/*.test.ts'

echo
[ ${#failed_suites[@]} -gt 0 ] && echo "failed suites: ${failed_suites[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
