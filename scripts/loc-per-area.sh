#!/usr/bin/env bash
# Prints the non-blank lines of C++ (.cpp, .hpp, .h) per area, as committed: one row per src/readyctl/<area> (a new
# area shows up by itself), then cli, tests and fuzz, then the total. Issue 22 reports its before/after figures with
# it; `scripts/loc-per-area.sh REV` counts a revision (a commit, branch or tag) instead of the working tree's HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"

# Non-blank lines of the C++ files tracked under one directory at $rev: "files lines".
count() {
  git grep -c '[^[:space:]]' "$rev" -- "$1/*.cpp" "$1/*.hpp" "$1/*.h" |
    awk -F: '{ files++; lines += $NF } END { printf "%d %d\n", files, lines }'
}

areas=$(git ls-tree -d --name-only "$rev" src/readyctl/ | xargs -n1 basename)
total=0
printf '%-10s %6s %8s\n' area files lines
for dir in $(printf 'src/readyctl/%s\n' $areas) cli tests fuzz; do
  read -r files lines < <(count "$dir")
  printf '%-10s %6d %8d\n' "$(basename "$dir")" "$files" "$lines"
  total=$((total + lines))
done
printf '%-10s %6s %8d\n' total '' "$total"
