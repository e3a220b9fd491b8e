#!/usr/bin/env bash
# Lints whole repositories from their roots, as a team switching the gate on does, and prints per repository the
# findings, the parse errors, the unrendered-template notes and the exit status, for one binary or two side by side.
# The repositories are not vendored: extract each snapshot into DIR (one directory per repository, any name),
# e.g. `git --git-dir=MIRROR archive COMMIT | tar -x -C DIR/owner+name`; bench/precision/README.md lists the
# repositories and commits behind the figures of record.
# Usage: bench/precision/repo_roots.sh DIR NEW [OLD]
set -euo pipefail
dir="$1" new="$2" old="${3:-}"
summary() {  # binary, repository: "findings parse-errors notes exit"
  local out status=0
  out=$("$1" lint "$2" -o json --fail-on never 2>/dev/null) || status=$?
  python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
rules = [f["rule"] for f in d["findings"]]
print(len(rules), rules.count("parse-error"), rules.count("unrendered-template"), sys.argv[1])' "$status" <<<"$out"
}
header="repository                       findings parse-err notes exit"
[[ -n "$old" ]] && header="$header | before: findings parse-err notes exit"
echo "$header"
cd "$dir"
for repo in */; do
  repo="${repo%/}"
  line=$(printf '%-32s %8s %9s %5s %4s' "$repo" $(summary "$new" "$repo"))
  [[ -n "$old" ]] && line="$line | $(printf '%16s %9s %5s %4s' $(summary "$old" "$repo"))"
  echo "$line"
done
