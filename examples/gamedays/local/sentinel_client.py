#!/usr/bin/env python3
"""The client of the local-redis-sentinel drill: it finds the master through Sentinel, as an application would.

  sentinel_client.py write SENTINELS STATE ACKED   forever: ask Sentinel for the master, SET drill:N N, then
                                                   WAIT 1 500; N goes to ACKED when a replica acknowledged it.
                                                   STATE (JSON) is rewritten after every write.
  sentinel_client.py acked STATE N                 exit 0 once at least N writes were acknowledged
  sentinel_client.py resumed STATE                 exit 0 once a write succeeded on a master other than the first
  sentinel_client.py verify SENTINELS ACKED        prints "lost L of A acknowledged writes" read on today's master

SENTINELS is a comma-separated list of Sentinel ports; the master's name is "drill".
"""
import json
import sys
import time

from drill_state import load, save
from resp import Connection, RedisError, ask


def master_port(sentinels):
    """The master Sentinel reports now (the first Sentinel that answers), or None."""
    for port in sentinels.split(","):
        try:
            addr = ask(port, "SENTINEL", "get-master-addr-by-name", "drill", timeout=0.5)
            if addr:
                return int(addr[1])
        except (OSError, RedisError):
            continue
    return None


def write_one(conn, state, acked_file):
    n = state["writes"] + 1
    state["writes"] = n
    if conn.command("SET", f"drill:{n}", n) != "OK":
        raise RedisError("SET refused")
    state["ok"] += 1
    if conn.command("WAIT", 1, 500) >= 1:
        acked_file.write(f"{n}\n")
        acked_file.flush()
        state["acked"] += 1


def write(sentinels, state_path, acked_path):
    state = {"writes": 0, "ok": 0, "acked": 0, "errors": 0, "first_master": None, "master": None,
             "ok_on_new_master": 0}
    conn = None
    with open(acked_path, "a") as acked_file:
        while True:
            try:
                if conn is None:
                    state["master"] = master_port(sentinels)
                    if state["master"] is None:
                        raise ConnectionError("no Sentinel answers")
                    state["first_master"] = state["first_master"] or state["master"]
                    conn = Connection(state["master"], timeout=1.0)
                write_one(conn, state, acked_file)
                if state["master"] != state["first_master"]:
                    state["ok_on_new_master"] += 1
            except (OSError, RedisError):
                state["errors"] += 1
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.05)
            save(state_path, state)
            time.sleep(0.01)


def verify(sentinels, acked_path):
    with open(acked_path) as f:
        keys = [line.strip() for line in f if line.strip()]
    port = master_port(sentinels)
    conn = Connection(port)
    lost = 0
    for start in range(0, len(keys), 500):
        batch = keys[start:start + 500]
        values = conn.command("MGET", *[f"drill:{k}" for k in batch])
        lost += sum(1 for k, v in zip(batch, values) if v != k)
    print(f"lost {lost} of {len(keys)} acknowledged writes (master on port {port})")


def main(argv):
    mode = argv[0]
    if mode == "write":
        write(argv[1], argv[2], argv[3])
    elif mode == "acked":
        state = load(argv[1])
        print(json.dumps(state))
        return 0 if state.get("acked", 0) >= int(argv[2]) else 1
    elif mode == "resumed":
        state = load(argv[1])
        print(json.dumps(state))
        return 0 if state.get("ok_on_new_master", 0) > 0 else 1
    elif mode == "verify":
        verify(argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
