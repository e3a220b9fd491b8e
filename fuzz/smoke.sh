#!/usr/bin/env bash
# CI smoke run: builds the harnesses with clang in build-fuzz, assembles the seeds, then runs every harness for
# FUZZ_SECONDS (default 25) and fails on the first crash, leak, hang (>10 s per input) or out-of-memory input.
# A crashing input lands in build-fuzz/crashes/; replay it with `build-fuzz/fuzz/<harness> <file>`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-25}"
jobs="${FUZZ_BUILD_JOBS:-2}"

# -O1 with line tables: what libFuzzer recommends, and much quicker to build than -O2 -g under the sanitizers.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DREADYCTL_FUZZ=ON -DREADYCTL_BUILD_TESTS=OFF \
  -DCMAKE_UNITY_BUILD="${FUZZ_UNITY_BUILD:-ON}" -DCMAKE_UNITY_BUILD_BATCH_SIZE=12 >/dev/null
cmake --build "$build" -j"$jobs" --target fuzz
"$root/fuzz/make-seeds.sh" "$build/seeds"
mkdir -p "$build/crashes"

status=0
for harness in fuzz_gameday_scenario fuzz_lint fuzz_prometheus_response fuzz_rule_file fuzz_scaffold_render; do
  corpus="$build/corpus/$harness"
  mkdir -p "$corpus"
  echo "== $harness (${seconds}s)"
  if ! "$build/fuzz/$harness" "$corpus" "$build/seeds/$harness" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=131072 -print_final_stats=1 -artifact_prefix="$build/crashes/$harness-" \
      >"$build/$harness.log" 2>&1; then
    tail -n 60 "$build/$harness.log"
    echo "FAIL: $harness crashed; input saved under $build/crashes/" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^Done' "$build/$harness.log" || true
done
exit $status
