#!/usr/bin/env python3
"""Lints each project of tests/precision with a readyctl binary and compares its findings with labels.tsv.

  precision.py report BINARY     per-rule TRUE/FALSE/NOISE counts and precision (what run.sh prints)
  precision.py unlabeled BINARY  findings with no label, as labels.tsv rows with verdict '?' (what unlabeled.sh prints)
  precision.py open-false BINARY the FALSE-labelled findings BINARY still reports (what open_false.sh writes)

The label key is (file relative to tests/precision, line, rule): several findings with one key share its row, and
the report counts each finding under that row's verdict. Python's standard library only.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "precision")
VERDICTS = ("TRUE", "FALSE", "NOISE")


def read_labels():
    labels = {}
    with open(os.path.join(CORPUS, "labels.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 5 or fields[3] not in VERDICTS or not fields[1].isdigit():
                sys.exit(f"labels.tsv:{number}: expected file, line, rule, TRUE|FALSE|NOISE and reason separated by tabs")
            labels[(fields[0], int(fields[1]), fields[2])] = fields[3]
    return labels


def projects():
    return sorted(d for d in os.listdir(CORPUS) if os.path.isdir(os.path.join(CORPUS, d)))


def lint(binary, project):
    """The findings of `readyctl lint <project> -o json`, run in tests/precision as a user runs it in a repository."""
    run = subprocess.run([binary, "lint", project, "-o", "json", "--fail-on", "never"], cwd=CORPUS,
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):  # 2: a parse-error finding, which is labelled like any other
        sys.exit(f"{binary} lint {project}: exit {run.returncode}\n{run.stderr}")
    for f in json.loads(run.stdout)["findings"]:
        file = f["file"]
        if os.path.isabs(file):
            file = os.path.relpath(file, CORPUS)
        yield (file, f["line"], f["rule"]), f["message"]


def all_findings(binary):
    return [finding for project in projects() for finding in lint(binary, project)]


SAMPLE_WORDS = ("sample", "example", "demo", "quickstart", "tutorial", "test", "docs", "addons", "hack", "bench")
DEPLOYABLE_DIRS = ("config", "manifests", "charts")
KINDS = ("deployable", "samples/docs/tests", "other")


def kind_of_file(file):
    """The kind of a corpus file by its upstream path (after `<owner>__<repo>/`), as bench/precision/README.md
    declares it: sample words first, then deployable directories, else other."""
    upstream = file.split("/", 1)[1] if "/" in file else file
    lower = upstream.lower()
    if any(word in lower for word in SAMPLE_WORDS):
        return "samples/docs/tests"
    dirs = lower.split("/")[:-1]
    if any(d in DEPLOYABLE_DIRS or d.startswith("deploy") for d in dirs):
        return "deployable"
    return "other"


def ratio(numerator, denominator):
    return f"{numerator / denominator:.3f}" if denominator else "-"


def report(binary):
    labels = read_labels()
    counts = defaultdict(lambda: defaultdict(int))
    by_kind = defaultdict(lambda: defaultdict(int))
    seen = set()
    for key, _ in all_findings(binary):
        counts[key[2]][labels.get(key, "?")] += 1
        by_kind[kind_of_file(key[0])][labels.get(key, "?")] += 1
        seen.add(key)
    for key, verdict in labels.items():
        if verdict == "TRUE" and key not in seen:
            counts[key[2]]["lost"] += 1
            by_kind[kind_of_file(key[0])]["lost"] += 1
    header = f"{'rule':<24} {'TRUE':>5} {'FALSE':>5} {'NOISE':>5} {'?':>4} {'lost':>4}  {'t/(t+f)':>7} {'t/all':>6}"
    print(header)
    print("-" * len(header))
    total = defaultdict(int)
    for rule in sorted(counts):
        c = counts[rule]
        for k in ("TRUE", "FALSE", "NOISE", "?", "lost"):
            total[k] += c[k]
        print_row(rule, c)
    print("-" * len(header))
    print_row("overall", total)
    print("-" * len(header))
    for kind in KINDS:  # by kind of file, the path rule of bench/precision/README.md
        print_row(kind, by_kind[kind])
    if total["?"]:
        print(f"\n{total['?']} findings have no label: bench/precision/unlabeled.sh {binary} prints their rows")
    if total["lost"]:
        print(f"{total['lost']} labels judged TRUE were not reported ('lost')")


def print_row(name, c):
    t, f, n, u = c["TRUE"], c["FALSE"], c["NOISE"], c["?"]
    print(f"{name:<24} {t:>5} {f:>5} {n:>5} {u:>4} {c['lost']:>4}  {ratio(t, t + f):>7} {ratio(t, t + f + n + u):>6}")


def unlabeled(binary):
    labels = read_labels()
    printed = set()
    for key, message in all_findings(binary):
        if key in labels or key in printed:
            continue
        printed.add(key)
        print(f"{key[0]}\t{key[1]}\t{key[2]}\t?\t{message}")


OPEN_FALSE_HEADER = """\
# Findings judged FALSE in labels.tsv that the code still reports: known false positives whose fix has not landed.
# tests/unit/test_lint_precision.cpp allows these and fails on any other FALSE finding (one that came back after its
# fix), and on an entry here that is no longer reported (run bench/precision/open_false.sh to drop it).
# Written by bench/precision/open_false.sh; columns: file, line, rule.
"""


def read_open_false():
    path = os.path.join(CORPUS, "open-false.tsv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return {(r[0], int(r[1]), r[2]) for r in rows}


def open_false(binary):
    """The list only shrinks: a FALSE finding reported but not listed came back after its fix (a regression to fix,
    not to list), unless PRECISION_ADD_OPEN=1 says the list is being written anew (a new corpus or new labels)."""
    labels = read_labels()
    reported = {key for key, _ in all_findings(binary) if labels.get(key) == "FALSE"}
    listed = read_open_false()
    keys = reported
    if listed is not None and os.environ.get("PRECISION_ADD_OPEN") != "1":
        keys = reported & listed
        for k in sorted(reported - listed):
            print(f"came back after its fix, not listed: {k[0]}:{k[1]} [{k[2]}]", file=sys.stderr)
    sys.stdout.write(OPEN_FALSE_HEADER + "".join(f"{k[0]}\t{k[1]}\t{k[2]}\n" for k in sorted(keys)))


if __name__ == "__main__":
    modes = {"report": report, "unlabeled": unlabeled, "open-false": open_false}
    if len(sys.argv) != 3 or sys.argv[1] not in modes:
        sys.exit(__doc__)
    modes[sys.argv[1]](os.path.abspath(sys.argv[2]))
