#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e) needs, idempotently:
#   - Debian packages: chromium, libkrb5-dev, ripgrep, zip, build tools for native modules
#   - code-server 4.100.3 (= VS Code 1.100.3) into .vscode-test/code-server, built from npm
#     without any download besides npm and apt (see shared/e2e/README.md for the recipe).
# Re-running is cheap: each part is skipped when already present.
set -euo pipefail

CS_VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
D="$ROOT/.vscode-test/code-server"
ENTRY="$D/node_modules/code-server/out/node/entry.js"
START=$(date +%s)
# keep code-server from writing ~/.config/code-server/config.yaml on every call
export CODE_SERVER_CONFIG="$ROOT/.vscode-test/code-server-config.yaml"
cs_version() { node "$ENTRY" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true; }

log()  { echo "[setup-e2e $(( $(date +%s) - START ))s] $*"; }
fail() { echo "[setup-e2e] ERROR: $*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && echo "[setup-e2e] FAILED (exit $rc) at line $LINENO: $BASH_COMMAND" >&2' ERR

command -v node >/dev/null || fail "node is not installed (Node 20 is required by code-server $CS_VERSION)"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = "20" ] || log "warning: node $(node --version); code-server $CS_VERSION is built for Node 20"

# ---------------------------------------------------------------- Debian packages
need_pkgs=()
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
pkg_installed libkrb5-dev || need_pkgs+=(libkrb5-dev)
command -v rg >/dev/null || need_pkgs+=(ripgrep)
command -v zip >/dev/null || need_pkgs+=(zip)
command -v unzip >/dev/null || need_pkgs+=(unzip)
command -v make >/dev/null || need_pkgs+=(make)
command -v g++ >/dev/null || need_pkgs+=(g++)
command -v python3 >/dev/null || need_pkgs+=(python3)
command -v pkg-config >/dev/null || need_pkgs+=(pkg-config)
# fonts so that screenshots show text (chromium pulls a basic font, make sure of one)
fc-list 2>/dev/null | grep -qi 'dejavu' || need_pkgs+=(fonts-dejavu-core)

if [ ${#need_pkgs[@]} -gt 0 ]; then
  [ "$(id -u)" = "0" ] || fail "need root to apt-get install: ${need_pkgs[*]}"
  log "apt-get update"
  apt-get update -qq || fail "apt-get update failed"
  log "apt-get install ${need_pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null \
    || fail "apt-get install ${need_pkgs[*]} failed"
else
  log "Debian packages already present (chromium, libkrb5-dev, ripgrep, zip, build tools)"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"

# ---------------------------------------------------------------- code-server
if [ -f "$ENTRY" ] && cs_version | grep -q "^$CS_VERSION "; then
  log "code-server already installed: $(cs_version)"
  log "done"
  exit 0
fi

# node-gyp must build against the local Node headers: it cannot download them here.
NODEDIR=$(npm config get nodedir 2>/dev/null || true)
if [ -z "$NODEDIR" ] || [ "$NODEDIR" = "undefined" ] || [ "$NODEDIR" = "null" ]; then
  NODE_PREFIX=$(dirname "$(dirname "$(command -v node)")")
  for cand in "$NODE_PREFIX" /usr /usr/local; do
    if [ -f "$cand/include/node/node_api.h" ]; then export npm_config_nodedir="$cand"; break; fi
  done
  [ -n "${npm_config_nodedir:-}" ] || log "warning: no local Node headers found (include/node); node-gyp may try to download them"
fi

log "installing code-server $CS_VERSION into $D (takes a few minutes)"
rm -rf "$D"
mkdir -p "$D" "$(dirname "$CODE_SERVER_CONFIG")"
cd "$D"
echo '{"private":true}' > package.json
log "npm install code-server@$CS_VERSION (scripts held back)"
npm install --ignore-scripts --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" \
  || fail "npm install code-server@$CS_VERSION failed"

cd node_modules/code-server/lib/vscode
log "npm install VS Code's own dependencies (scripts held back)"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
  || fail "npm install in lib/vscode failed"
# @vscode/ripgrep's install script would download rg; an existing bin/ folder makes it skip that.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "npm rebuild (native modules: node-pty, spdlog, ...)"
npm_config_yes=true npm rebuild --loglevel=error >/dev/null || fail "npm rebuild in lib/vscode failed"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
log "npm install built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error) \
  || fail "npm install in lib/vscode/extensions failed"
cd ../../../..
log "npm rebuild argon2"
npm rebuild argon2 --loglevel=error >/dev/null || fail "npm rebuild argon2 failed"

V=$(cs_version)
echo "$V" | grep -q "^$CS_VERSION " || fail "code-server --version answered '$V', expected $CS_VERSION"
log "code-server installed: $V"
log "done"
