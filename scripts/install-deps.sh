#!/usr/bin/env bash
# Installs every package readyctl needs to build and test. Idempotent; run as root (or with sudo).
# Package lists live in scripts/deps/*.apt (one Debian package per line, '#' comments), one file per module;
# scripts/deps/*.sh run afterwards for anything apt cannot do (e.g. npm packages for a test).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mapfile -t packages < <(cat "$here"/deps/*.apt | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for hook in "$here"/deps/*.sh; do
  [ -e "$hook" ] && bash "$hook"
done
exit 0
