#!/usr/bin/env bash
# Installs the DBOS Transact worker's npm packages for the gameday replay drill (idempotent).
# They go to tests/gameday/dbos/node_modules (git-ignored by tests/gameday/.gitignore), never committed.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../../tests/gameday/dbos" && pwd)"
if [ -f "$dir/node_modules/@dbos-inc/dbos-sdk/package.json" ] && [ -f "$dir/node_modules/pg/package.json" ]; then
  exit 0
fi
# Debian's nodejs ships npm separately; a NodeSource nodejs (which conflicts with Debian's npm) bundles it.
if ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
