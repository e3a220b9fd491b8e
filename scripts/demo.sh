#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root, or with sudo), builds readyctl and runs it on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
run() { echo; echo "\$ readyctl $*"; build/readyctl "$@" || echo "(exit $?)"; }
run lint examples/unready
run lint examples/ready --fail-on warning
run baseline --demo
