#!/usr/bin/env bash
# Regenerates docs/parity.md from the built binary: the rules' anchors (rules/*.yaml) and the three tools' check
# lists (rules/parity/*.yaml). Run it after changing either; tests/unit/test_lint_parity.cpp fails on a stale page.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/readyctl}"
empty="$(mktemp)"
trap 'rm -f "$empty"' EXIT
# An empty config: a .readyctl.yaml around the checkout must not change the built-in catalogue.
"$bin" --config "$empty" lint rules --anchors -o markdown > docs/parity.md.tmp
mv docs/parity.md.tmp docs/parity.md
echo "docs/parity.md updated from $bin"
