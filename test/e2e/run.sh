#!/usr/bin/env bash
# CI entry point for the e2e tests (real VS Code = code-server, driven by Chromium):
#   bash test/e2e/run.sh [extra mocha args, e.g. --grep palette]
# Installs what is missing (setup.sh), runs test/e2e/**/*.e2e.ts with mocha, checks that no
# process the tests started is left, prints "e2e: N passed, N failed". Exit code != 0 on failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1

bash test/e2e/setup.sh || { echo "e2e: setup failed"; exit 1; }

mkdir -p test-results/e2e
out=test-results/e2e/mocha-output.txt
# Every process the tests start inherits this; any still alive afterwards has leaked.
run_id="$$-$(date +%s%N)"
t0=$(date +%s)
# --no-config: the root .mocharc.json is for the unit tests. --exit: a forgotten handle must not
# hang CI (the libraries' exit hooks still kill their servers).
E2E_RUN_ID="$run_id" npx mocha --no-config --require tsx/cjs --timeout 180000 --exit \
  'test/e2e/**/*.e2e.ts' "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}

leaked=()
for p in /proc/[0-9]*; do
  pid=${p#/proc/}
  if { tr '\0' '\n' < "$p/environ"; } 2>/dev/null | grep -qxF "E2E_RUN_ID=$run_id"; then leaked+=("$pid"); fi
done
if ((${#leaked[@]})); then
  echo "e2e: ERROR: ${#leaked[@]} process(es) started by the tests are still running; killing them:"
  for pid in "${leaked[@]}"; do
    echo "  $pid $({ tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-160)"
    kill -KILL "$pid" 2>/dev/null || true
  done
  rc=1
fi

plain() { sed 's/\x1b\[[0-9;]*m//g' "$out"; }  # mocha colours its output when CI is set
passed=$(plain | grep -oE '^ *[0-9]+ passing' | grep -oE '[0-9]+' | tail -1)
failed=$(plain | grep -oE '^ *[0-9]+ failing' | grep -oE '[0-9]+' | tail -1)
echo "e2e ($(( $(date +%s) - t0 ))s): ${passed:-0} passed, ${failed:-0} failed"
if [[ $rc == 0 && -z "$passed" ]]; then echo "e2e: no test ran"; rc=1; fi
exit "$rc"
