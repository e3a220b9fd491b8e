#!/usr/bin/env bash
# CI smoke run: builds the harnesses with clang in build-fuzz, assembles the seeds, then runs every harness with a
# fixed random seed (FUZZ_SEED, default 1) for its run budget below, at most FUZZ_SECONDS (default 60), and fails on
# the first crash, leak, hang (>10 s per input) or out-of-memory input. The fixed seed, run budget and fresh corpus
# make the smoke run all but repeatable: every clone of one commit mutates from the same seeds in the same order (only
# coverage that depends on heap addresses, such as pointer-keyed maps, drifts by a few edges), so a red CI is a bug
# to replay rather than a roll of the dice. Exploring new inputs is the long run's job (fuzz/README.md).
# A crashing input lands in build-fuzz/crashes/; replay it with `build-fuzz/fuzz/<harness> <file>`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
fuzz_seed="${FUZZ_SEED:-1}"
jobs="${FUZZ_BUILD_JOBS:-2}"

# -O1 with line tables: what libFuzzer recommends, and much quicker to build than -O2 -g under the sanitizers.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DREADYCTL_FUZZ=ON -DREADYCTL_BUILD_TESTS=OFF \
  -DCMAKE_UNITY_BUILD="${FUZZ_UNITY_BUILD:-ON}" -DCMAKE_UNITY_BUILD_BATCH_SIZE=12 >/dev/null
cmake --build "$build" -j"$jobs" --target fuzz
"$root/fuzz/make-seeds.sh" "$build/seeds"
mkdir -p "$build/crashes"

status=0
# Runs per harness: 15-30 s each on a quiet 2-core machine (executions include replaying the seeds).
declare -A budget=([fuzz_config_files]=12000 [fuzz_gameday_scenario]=150000 [fuzz_lint]=16000 [fuzz_prometheus_response]=200000
  [fuzz_rule_file]=250000 [fuzz_scaffold_render]=18000)
for harness in fuzz_config_files fuzz_gameday_scenario fuzz_lint fuzz_prometheus_response fuzz_rule_file fuzz_scaffold_render; do
  corpus="$build/smoke-corpus/$harness"  # fresh each run, as on a clean clone; the long run keeps build-fuzz/corpus
  rm -rf "$corpus" && mkdir -p "$corpus"
  echo "== $harness (seed $fuzz_seed, ${budget[$harness]} runs, at most ${seconds}s)"
  if ! "$build/fuzz/$harness" "$corpus" "$build/seeds/$harness" -seed="$fuzz_seed" -runs="${budget[$harness]}" \
      -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=131072 -print_final_stats=1 -artifact_prefix="$build/crashes/$harness-" \
      >"$build/$harness.log" 2>&1; then
    tail -n 60 "$build/$harness.log"
    echo "FAIL: $harness crashed; input saved under $build/crashes/" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^Done' "$build/$harness.log" || true
done
exit $status
