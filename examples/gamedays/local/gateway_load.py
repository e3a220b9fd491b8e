#!/usr/bin/env python3
"""Steady load through the gateway for the local-gateway drill, and the checks on what it saw.

  gateway_load.py run URL STATE RATE       forever: RATE requests a second, one at a time (2 s timeout each);
                                           STATE (JSON) is rewritten after each: sent, ok, failed, streak
  gateway_load.py sent STATE N             exit 0 once N requests succeeded
  gateway_load.py streak STATE N           exit 0 once the last N requests all succeeded
  gateway_load.py failed STATE             prints how many requests failed
  gateway_load.py storm STATE SLACK COUNT...
                                           prints "backends got B for S sent"; exit 0 when B <= S + SLACK: a client
                                           request reaches a backend once, except the SLACK requests in flight at the
                                           kill, which the gateway may retry once on the live backend
"""
import json
import sys
import time
import urllib.request

from drill_state import load, save


def run(url, state_path, rate):
    state = {"sent": 0, "ok": 0, "failed": 0, "streak": 0}
    period = 1.0 / rate
    while True:
        start = time.monotonic()
        state["sent"] += 1
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                ok = response.status == 200
        except OSError:
            ok = False
        state["ok" if ok else "failed"] += 1
        state["streak"] = state["streak"] + 1 if ok else 0
        save(state_path, state)
        time.sleep(max(0.0, period - (time.monotonic() - start)))


def read_count(path):
    try:
        with open(path) as f:
            return int(f.read().strip() or 0)
    except OSError:
        return 0


def main(argv):
    mode = argv[0]
    if mode == "run":
        run(argv[1], argv[2], float(argv[3]))
        return 0
    state = load(argv[1])
    if mode == "failed":
        print(state.get("failed", 0))
        return 0
    if mode == "storm":
        got = sum(read_count(p) for p in argv[3:])
        print(f"backends got {got} for {state.get('sent', 0)} sent")
        return 0 if got <= state.get("sent", 0) + int(argv[2]) else 1
    print(json.dumps(state))
    key = "ok" if mode == "sent" else "streak"
    return 0 if state.get(key, 0) >= int(argv[2]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
