#!/usr/bin/env python3
"""A model-server stand-in for the local-gateway drill: answers /v1/completions and /health, and counts requests.

  model_server.py PORT NAME COUNT_FILE

Every /v1/completions request increments the count in COUNT_FILE (rewritten at once), so a drill can compare what
reached each backend with what its clients sent — after a SIGKILL too, as the file is never behind.
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, NAME, COUNT_FILE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lock = threading.Lock()
count = 0


def record():
    global count
    with lock:
        count += 1
        tmp = COUNT_FILE + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{count}\n")
        os.replace(tmp, COUNT_FILE)


class Handler(BaseHTTPRequestHandler):
    def answer(self):
        if self.path.startswith("/v1/completions"):
            record()
        body = json.dumps({"backend": NAME, "choices": [{"text": "ok"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = answer
    do_POST = answer

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    with open(COUNT_FILE, "w") as f:
        f.write("0\n")
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
