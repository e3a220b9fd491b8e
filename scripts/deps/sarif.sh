#!/usr/bin/env bash
# Installs the SARIF Multitool (npm @microsoft/sarif-multitool, the version pinned in tests/sarif/package-lock.json)
# for the sarif-multitool ctest. It goes to tests/sarif/node_modules (git-ignored), never committed. Idempotent.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../../tests/sarif" && pwd)"
want="$(sed -n 's/.*"@microsoft\/sarif-multitool": "\(.*\)".*/\1/p' "$dir/package.json")"
have="$(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$dir/node_modules/@microsoft/sarif-multitool-linux/package.json" 2>/dev/null || true)"
[ -n "$have" ] && [ "$have" = "$want" ] && exit 0
# Debian's nodejs ships npm separately; a NodeSource nodejs (which conflicts with Debian's npm) bundles it.
if ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
