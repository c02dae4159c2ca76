#!/usr/bin/env bash
# Installs code-server (VS Code's workbench served locally) from the npm registry, for the
# real-editor tests (npm run test:e2e). Idempotent: a stamp file makes re-runs free.
#
#   bash scripts/setup-code-server.sh [DEST]      (DEST defaults to $CODE_SERVER_DIR, else .cache/code-server;
#                                                  test/e2e/run.mjs reads the same variable)
#
# code-server 4.100.3 (VS Code 1.100.3) is the newest release whose engines.node accepts Node 20.
# `npm install code-server` is not used: its postinstall runs @vscode/ripgrep's postinstall, which
# downloads from api.github.com; instead the package is unpacked and its dependencies installed
# with scripts off, the native modules rebuilt explicitly, and the system ripgrep put in place.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$(realpath -m "${1:-${CODE_SERVER_DIR:-$ROOT/.cache/code-server}}")"
STAMP="$DEST/.ready-$VERSION"

if [ -f "$STAMP" ]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

command -v node >/dev/null || { echo "node is missing (Node 20 is required)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is missing" >&2; exit 1; }
command -v rg >/dev/null || { echo "ripgrep is missing: run scripts/setup-system.sh (apt-get install -y ripgrep)" >&2; exit 1; }
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$NODE_MAJOR" != "20" ]; then
  echo "warning: code-server $VERSION declares engines.node 20, this is node $(node -v)" >&2
fi

echo "installing code-server $VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
npm pack --silent "code-server@$VERSION" >/dev/null
tar -xzf "code-server-$VERSION.tgz"
rm "code-server-$VERSION.tgz"

# VS Code's own dependencies; scripts off (@vscode/ripgrep's postinstall needs api.github.com)
cd "$DEST/package/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
# native modules, one at a time so one failure does not stop the others; none is needed to start
# code-server and run the tests (kerberos, which needs libkrb5-dev, is left out: only proxy auth uses it)
for mod in @parcel/watcher @vscode/spdlog native-watchdog node-pty; do
  npm_config_yes=true npm rebuild --loglevel=error "$mod" >/dev/null 2>&1 \
    || echo "warning: VS Code's native module $mod did not build (needs make, g++, python3); continuing" >&2
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar          # what code-server's postinstall.sh does
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error)   # built-in extensions' deps

# code-server's own dependencies; argon2 is loaded at startup and must be built
cd "$DEST/package"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
npm_config_yes=true npm rebuild --loglevel=error argon2

test -f "$DEST/package/out/node/entry.js" || { echo "code-server entry point missing after install" >&2; exit 1; }
touch "$STAMP"
echo "code-server $VERSION ready: $DEST/package/out/node/entry.js"
