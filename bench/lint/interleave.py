#!/usr/bin/env python3
"""Interleaved wall times of several readyctl binaries on several inputs: best and median of N rounds.

Usage: bench/lint/interleave.py BIN[,BIN...] DIR[,DIR...] ROUNDS
Each round runs every binary on every input once (`lint DIR -o json --fail-on never`, output discarded), so all
binaries meet the same machine state. For comparing two builds minutes apart; run.sh is the benchmark of record.
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binaries, inputs, rounds = sys.argv[1].split(","), sys.argv[2].split(","), int(sys.argv[3])
    times = {(b, d): [] for b in binaries for d in inputs}
    for _ in range(rounds):
        for d in inputs:
            for b in binaries:
                start = time.perf_counter()
                subprocess.run([b, "lint", d, "-o", "json", "--fail-on", "never"], stdout=subprocess.DEVNULL, check=False)
                times[(b, d)].append(time.perf_counter() - start)
    for d in inputs:
        for b in binaries:
            t = times[(b, d)]
            print(f"{b:40} {d:24} best {min(t):.3f} s  median {statistics.median(t):.3f} s")
    if len(inputs) == 2:
        for b in binaries:
            small, big = times[(b, inputs[0])], times[(b, inputs[1])]
            print(f"{b:40} {inputs[1]}/{inputs[0]}: best {min(big) / min(small):.2f}, "
                  f"median {statistics.median(big) / statistics.median(small):.2f}")


if __name__ == "__main__":
    main()
