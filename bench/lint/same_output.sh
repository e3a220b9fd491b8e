#!/usr/bin/env bash
# Checks that two readyctl binaries write byte-identical lint reports: every format, over the given inputs (default:
# examples/, tests/lint/, each fixture file alone, the shared corpus, and the unready example on stdin).
# Usage: bench/lint/same_output.sh OLD NEW [INPUT...]   e.g. add the bench corpora kept with KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
old="$1" new="$2"; shift 2
inputs=("$@")
[[ ${#inputs[@]} -gt 0 ]] || inputs=(examples/ready examples/unready tests/lint "${SHARED_CORPUS:-tests/corpus}")
differ=0
same() {  # label, then the arguments after `lint`
  local label="$1"; shift
  if ! cmp -s <("$old" lint "$@" 2>&1) <("$new" lint "$@" 2>&1); then echo "differs: $label"; differ=1; fi
}
for input in "${inputs[@]}"; do
  for format in json sarif text junit github markdown; do same "$input -o $format" "$input" -o "$format" --fail-on never; done
done
for fixture in tests/lint/*/*.yaml; do same "$fixture" "$fixture" -o json --fail-on never; done
unready=$(find examples/unready -name '*.yaml' | sort)
if ! cmp -s <(cat $unready | "$old" lint - -o json --fail-on never) <(cat $unready | "$new" lint - -o json --fail-on never); then
  echo "differs: stdin"; differ=1
fi
[[ $differ == 0 ]] && echo "same_output: identical"
exit $differ
