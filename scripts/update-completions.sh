#!/usr/bin/env bash
# Regenerates completions/ from the built binary's command tree (run after adding or changing a flag).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/readyctl}"
"$bin" completion bash > completions/readyctl.bash
"$bin" completion zsh > completions/_readyctl
"$bin" completion fish > completions/readyctl.fish
echo "completions/ updated from $bin"
