#!/usr/bin/env python3
"""A tiny durable workflow for the local replay drill: STEPS steps, each recorded in a journal (one fsync'd JSON
line per finished step). On start it replays the journal and resumes after the last recorded step, so a crash
neither loses a finished step nor runs it twice. A torn last line (killed mid-write) is not a finished step.

usage: durable_steps.py JOURNAL STEPS SECONDS_PER_STEP [yes|no]
With "no" as the fourth argument it forgets the journal on start (a worker that is not durable: the negative
control of the drill, which must then deviate).
writes JOURNAL (the steps), JOURNAL.log (one "start replayed=N" line per start) and JOURNAL.done at the end."""
import json
import os
import sys
import time

journal, steps, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
replay = len(sys.argv) < 5 or sys.argv[4] != "no"
done = []
if replay and os.path.exists(journal):
    with open(journal) as f:
        done = [line for line in f if line.endswith("\n")]
    with open(journal + ".tmp", "w") as f:  # drop a torn line before appending
        f.writelines(done)
    os.replace(journal + ".tmp", journal)
with open(journal + ".log", "a") as log:
    log.write(f"start replayed={len(done)}\n")
with open(journal, "a") as f:
    for step in range(len(done) + 1, steps + 1):
        time.sleep(pause)  # the step's work
        f.write(json.dumps({"step": step, "result": step * step}) + "\n")
        f.flush()
        os.fsync(f.fileno())
with open(journal + ".done", "w") as f:
    f.write(f"{steps}\n")
