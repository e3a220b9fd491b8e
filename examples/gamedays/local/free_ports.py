#!/usr/bin/env python3
"""Prints NAME=PORT for each name given: ports on 127.0.0.1 that nothing listens on right now.

The drills start their own servers; a drill captures these (`capture: {regex: "master=([0-9]+)"}`), so it runs
beside anything else on the machine without a --var. All sockets stay open until every port is chosen, so the
names get distinct ports.
"""
import socket
import sys


def main(names):
    sockets = []
    for name in names:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append((name, s))
    print(" ".join(f"{name}={s.getsockname()[1]}" for name, s in sockets))
    for _, s in sockets:
        s.close()


if __name__ == "__main__":
    main(sys.argv[1:])
