#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root, or with sudo) and runs the whole test suite:
#   1. the release-like build (RelWithDebInfo) and every ctest entry;
#   2. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, in a second build directory;
#   3. a fuzz smoke run (a few seconds per libFuzzer target, clang), when fuzz/smoke.sh exists.
# READYCTL_TEST_STAGES picks stages (default "main sanitize fuzz"), e.g. READYCTL_TEST_STAGES=main for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
stages="${READYCTL_TEST_STAGES:-main sanitize fuzz}"
# ccache (when present) shares objects between clones: paths under the repository are hashed relative to it.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
build="${READYCTL_BUILD_DIR:-build}"
# Unity builds (a dozen sources per compiler run) cut a cold build to about a fifth on 2 cores; day-to-day builds
# (README "Install") compile file by file, which keeps every source self-contained. READYCTL_UNITY=OFF to compare.
unity="${READYCTL_UNITY:-ON}"
stage() { [[ " $stages " == *" $1 "* ]]; }
log() { printf '\n== %s (%ss since start)\n' "$1" "$SECONDS"; }

if stage main; then
  log "build $build"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD="$unity" -DCMAKE_UNITY_BUILD_BATCH_SIZE=12 >/dev/null
  cmake --build "$build" -j"$(nproc)"
  log "tests"
  ctest --test-dir "$build" --output-on-failure --timeout 900 -j1
fi

if stage sanitize; then
  # -O1 and line tables only: sanitizer builds are slow to compile; this keeps CI within its budget.
  log "build $build-asan (ASan + UBSan)"
  cmake -S . -B "$build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DREADYCTL_SANITIZE=ON -DCMAKE_UNITY_BUILD="$unity" -DCMAKE_UNITY_BUILD_BATCH_SIZE=12 >/dev/null
  cmake --build "$build-asan" -j"$(nproc)"
  log "tests under sanitizers"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  ctest --test-dir "$build-asan" --output-on-failure --timeout 1800 -j1
fi

if stage fuzz && [ -x fuzz/smoke.sh ]; then
  log "fuzz smoke"
  fuzz/smoke.sh
fi
log "all stages passed: $stages"
