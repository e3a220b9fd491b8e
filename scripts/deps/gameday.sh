#!/usr/bin/env bash
# Installs the DBOS Transact worker's npm packages for the gameday replay drill (idempotent).
# They go to tests/gameday/dbos/node_modules (git-ignored by tests/gameday/.gitignore), never committed.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../../tests/gameday/dbos" && pwd)"
if [ -f "$dir/node_modules/@dbos-inc/dbos-sdk/package.json" ] && [ -f "$dir/node_modules/pg/package.json" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "gameday.sh: npm is missing (scripts/deps/gameday.apt installs it)" >&2; exit 1; }
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
