#!/usr/bin/env bash
# Lint throughput benchmark: `readyctl lint` against libyaml's bare event parser over the same corpus.
# Usage: bench/lint/run.sh [path/to/readyctl] (default build/readyctl)
# Env: RUNS (best of, default 5), OBJECTS (default 10000), SCALE (default 10), KEEP=1 keeps the corpus.
# Results are ratios against the reference measured in the same run, interleaved, best of RUNS: the machine is
# shared and absolute times are noisy. Every command runs twice in a row; the repeat is the figure of record and the
# first run is reported beside it (see the comment above the loop).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
readyctl="$(realpath "${1:-$root/build/readyctl}")"
runs="${RUNS:-5}"
objects="${OBJECTS:-10000}"
scale="${SCALE:-10}"
out="$root/bench/out"
timer=/usr/bin/time

[[ -x "$readyctl" ]] || { echo "run.sh: $readyctl: not an executable (build first)" >&2; exit 2; }
if [[ ! -x "$timer" ]]; then
  echo "run.sh: $timer missing; install the packages in scripts/deps/bench.apt" >&2
  exit 3
fi

mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/readyctl-bench.XXXXXX")"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT

# The reference: libyaml's event parser, nothing else.
cc -O2 -o "$work/yaml_events" "$here/yaml_events.c" $(pkg-config --cflags --libs yaml-0.1)

gen() { python3 "$here/generate.py" "$work/$1" --objects "$objects" --scale "$2"; }
gen c1 1 > "$work/c1.json"
gen c10 "$scale" > "$work/c10.json"

# One timed run: prints "wall_seconds peak_kib cpu_seconds" (cpu = user + system). Output goes to /dev/null; exit
# codes other than 0 fail the bench. Peak RSS and CPU come from time(1); wall time from a monotonic clock read around
# it, to the microsecond (time(1) rounds to 10 ms, 8% of the 1x run; its own start-up, ~1 ms, is in every figure alike).
measure() {
  python3 - "$timer" "$work/time.txt" "$@" <<'PY'
import subprocess, sys, time
timer, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.perf_counter()
done = subprocess.run([timer, "-o", out, "-f", "%M %U %S", *cmd], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - t0
if done.returncode != 0:
    sys.exit(f"run.sh: {' '.join(cmd)}: exit {done.returncode}")
peak, user, system = open(out).read().split()[-3:]
print(f"{wall:.4f} {peak} {float(user) + float(system):.2f}")
PY
}
ref() { measure "$work/yaml_events" "$work/$1"/*.yaml; }
lint() { measure "$readyctl" lint "$work/$1" -o json --fail-on never; }

# Warm the page cache once. Each round then runs, in turn, the reference and readyctl on 1x and on 10x, each command
# twice in a row, and times both runs: the first follows a different command (as before), the repeat follows
# itself. The repeat is the figure of record. On this VM memory a process frees stays backed by the host for a
# moment, so a first run after a smaller one pays for fresh pages (up to ~1.5 ms per MB, bench/README.md) and a
# first run after a bigger one does not: in the first-run figures the 1x run follows the 10x run of the previous
# round and the 10x run follows the 1x run, which compares a warm 1x run with a cold 10x run. The repeats compare
# like with like, as hyperfine does with --warmup.
ref c1 > /dev/null; lint c1 > /dev/null
declare -A best_t best_m best_c
less() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a<b)}'; }
keep_best() {  # name "seconds kib cpu_seconds"; peak memory keeps the worst run
  local s m c; read -r s m c <<< "$2"
  if [[ -z "${best_t[$1]:-}" ]] || less "$s" "${best_t[$1]}"; then best_t[$1]=$s; fi
  if [[ -z "${best_c[$1]:-}" ]] || less "$c" "${best_c[$1]}"; then best_c[$1]=$c; fi
  if [[ -z "${best_m[$1]:-}" ]] || (( m > best_m[$1] )); then best_m[$1]=$m; fi
}
twice() {  # name command...: the first run is kept as first_<name>, the repeat as <name>
  local name="$1"; shift
  keep_best "first_$name" "$("$@")"
  keep_best "$name" "$("$@")"
}
for ((i = 1; i <= runs; ++i)); do
  twice ref1 ref c1
  twice lint1 lint c1
  twice ref10 ref c10
  twice lint10 lint c10
  echo "run $i/$runs: ref ${best_t[ref1]}s lint ${best_t[lint1]}s ref10 ${best_t[ref10]}s lint10 ${best_t[lint10]}s" \
    "(first runs: lint ${best_t[first_lint1]}s lint10 ${best_t[first_lint10]}s)" >&2
done

python3 - "$work/c1.json" "$work/c10.json" "$out/lint-results.json" "$readyctl" "$runs" \
  "${best_t[ref1]}" "${best_t[lint1]}" "${best_t[ref10]}" "${best_t[lint10]}" \
  "${best_m[ref1]}" "${best_m[lint1]}" "${best_m[ref10]}" "${best_m[lint10]}" \
  "${best_c[ref1]}" "${best_c[lint1]}" "${best_c[ref10]}" "${best_c[lint10]}" \
  "${best_t[first_ref1]}" "${best_t[first_lint1]}" "${best_t[first_ref10]}" "${best_t[first_lint10]}" <<'EOF'
import json, sys
c1, c10 = (json.load(open(p)) for p in sys.argv[1:3])
dest, binary, runs = sys.argv[3], sys.argv[4], int(sys.argv[5])
r1, l1, r10, l10 = (max(float(x), 0.0001) for x in sys.argv[6:10])
mr1, ml1, mr10, ml10 = (int(x) for x in sys.argv[10:14])
cr1, cl1, cr10, cl10 = (max(float(x), 0.01) for x in sys.argv[14:18])  # time(1) reports CPU to 10 ms
fr1, fl1, fr10, fl10 = (max(float(x), 0.0001) for x in sys.argv[18:22])  # first runs (after another command)
rows = []
for label, c, r, l, mr, ml, cr, cl in (("1x", c1, r1, l1, mr1, ml1, cr1, cl1),
                                       (f"{c10['objects'] // c1['objects']}x", c10, r10, l10, mr10, ml10, cr10, cl10)):
    rows.append({"corpus": label, "objects": c["objects"], "files": c["files"], "bytes": c["bytes"],
                 "reference_s": r, "readyctl_s": l, "ratio": l / r, "objects_per_s": c["objects"] / l,
                 "reference_peak_mb": mr / 1024, "readyctl_peak_mb": ml / 1024,
                 "reference_cpu_s": cr, "readyctl_cpu_s": cl, "cpu_ratio": cl / cr})
time_scaling, mem_scaling = l10 / l1, ml10 / ml1
factor = c10["objects"] / c1["objects"]
targets = [
    ("ratio 1x <= 3.0", rows[0]["ratio"] <= 3.0, f"{rows[0]['ratio']:.2f}"),
    ("objects/s 1x >= 20000", rows[0]["objects_per_s"] >= 20000, f"{rows[0]['objects_per_s']:.0f}"),
    (f"time({factor:.0f}x)/time(1x) <= {1.1 * factor:.0f}", time_scaling <= 1.1 * factor, f"{time_scaling:.2f}"),
    (f"mem({factor:.0f}x)/mem(1x) <= {factor:.0f} (linear)", mem_scaling <= factor, f"{mem_scaling:.2f}"),
]
print(f"readyctl lint benchmark: {binary}, best of {runs}, interleaved, each command run twice in a row (the repeat counts)")
print(f"{'corpus':<7}{'objects':>9}{'files':>7}{'ref s':>8}{'readyctl s':>12}{'ratio':>7}{'objects/s':>11}"
      f"{'ref MB':>8}{'peak MB':>9}{'KB/object':>11}{'cpu ratio':>11}")
for r in rows:
    print(f"{r['corpus']:<7}{r['objects']:>9}{r['files']:>7}{r['reference_s']:>8.3f}{r['readyctl_s']:>12.3f}"
          f"{r['ratio']:>7.2f}{r['objects_per_s']:>11.0f}{r['reference_peak_mb']:>8.1f}{r['readyctl_peak_mb']:>9.1f}"
          f"{r['readyctl_peak_mb'] * 1024 / r['objects']:>11.2f}{r['cpu_ratio']:>11.2f}")
print("(seconds: wall of the repeat runs, best of the rounds; peak MB: max RSS, worst of all runs, of readyctl and of the reference;")
print(" cpu ratio: user+system of readyctl / of the reference, for reference only)")
print(f"scaling ({factor:.0f}x input): time {time_scaling:.2f}, memory {mem_scaling:.2f} "
      f"(reference: time {r10 / r1:.2f}, memory {mr10 / mr1:.2f})")
print(f"first runs (after another command, not the target): readyctl 1x {fl1:.3f} s, {factor:.0f}x {fl10:.3f} s, "
      f"time {fl10 / fl1:.2f}; reference 1x {fr1:.3f} s, {factor:.0f}x {fr10:.3f} s, time {fr10 / fr1:.2f}")
for name, ok, value in targets:
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {value}")
json.dump({"binary": binary, "runs": runs, "rows": rows, "time_scaling": time_scaling, "memory_scaling": mem_scaling,
           "reference_time_scaling": r10 / r1, "reference_memory_scaling": mr10 / mr1,
           "first_runs": {"readyctl_s": [fl1, fl10], "reference_s": [fr1, fr10], "time_scaling": fl10 / fl1,
                          "reference_time_scaling": fr10 / fr1},
           "targets": [{"target": n, "pass": ok, "value": float(v)} for n, ok, v in targets],
           "pass": all(ok for _, ok, _ in targets)}, open(dest, "w"), indent=2)
print(f"wrote {dest}")
sys.exit(0 if all(ok for _, ok, _ in targets) else 1)
EOF
