#!/usr/bin/env python3
"""A misbehaving Prometheus for readyctl's error-path tests. usage: fake_server.py PORT MODE

MODE bad_data: probes succeed (vLLM names exist), every query answers HTTP 400 with the API's error envelope.
MODE proxy502: every request gets an HTML 502 page, as from a reverse proxy whose upstream is down.
MODE flaky:    every second request answers 503 (retried by the client), otherwise empty successful results,
               and results carry a `warnings` entry.
MODE auth:     requires `Authorization: Bearer s3cr3t-token-value` and `X-Scope-OrgID: team-a` under the
               /prometheus prefix (Mimir); answers 401 otherwise, empty results when satisfied.
MODE basic:    requires basic auth `ops:pa55-LEAKED-w0rd` and `X-Api-Key: hdr-LEAKED-4242`; 401 otherwise.
MODE garbage:  every API request answers 200 with bytes that are not JSON.
MODE truncated: every API request answers 200 with the API's JSON cut off halfway.
MODE huge:     every API request answers 200 and streams 2 GiB (no Content-Length) until the client hangs up.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

MODE = sys.argv[2]
COUNT = [0]


def envelope(data, warnings=None):
    body = {"status": "success", "data": data}
    if warnings:
        body["warnings"] = warnings
    return body


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="application/json"):
        raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def handle_any(self):
        COUNT[0] += 1
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        if path == "/-/ready":
            return self.reply(200, "ready", "text/plain")
        if MODE in HOSTILE:
            return HOSTILE[MODE](self)
        if MODE == "proxy502":
            return self.reply(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>\n",
                              "text/html")
        if MODE == "auth":
            if self.headers.get("Authorization") != "Bearer s3cr3t-token-value" or \
                    self.headers.get("X-Scope-OrgID") != "team-a" or not path.startswith("/prometheus/"):
                return self.reply(401, {"status": "error", "errorType": "unauthorized", "error": "no valid credentials"})
            path = path[len("/prometheus"):]
        if MODE == "basic":
            # Basic auth "ops:pa55-LEAKED-w0rd" and an API key header, as behind an authenticating proxy.
            if self.headers.get("Authorization") != "Basic b3BzOnBhNTUtTEVBS0VELXcwcmQ=" or \
                    self.headers.get("X-Api-Key") != "hdr-LEAKED-4242":
                return self.reply(401, {"status": "error", "errorType": "unauthorized", "error": "no valid credentials"})
        if MODE == "flaky" and COUNT[0] % 2 == 0:
            return self.reply(503, {"status": "error", "errorType": "unavailable", "error": "try again"})
        if path.endswith("/status/buildinfo"):
            return self.reply(200, envelope({"version": "fake-" + MODE}))
        if path.endswith("/label/__name__/values"):
            return self.reply(200, envelope(["vllm:request_success_total", "vllm:e2e_request_latency_seconds_bucket"]))
        if MODE == "bad_data":
            return self.reply(400, {"status": "error", "errorType": "bad_data",
                                    "error": "exceeded maximum resolution of 11,000 points per timeseries"})
        kind = "matrix" if path.endswith("query_range") else "vector"
        warnings = ["partial response: store 10.0.0.7 unreachable"] if MODE == "flaky" else None
        return self.reply(200, envelope({"resultType": kind, "result": []}, warnings))

    do_GET = handle_any
    do_POST = handle_any


def garbage(handler):
    handler.reply(200, "\x1b[2J\x00\x01not json at all \xff{{{", "application/json")


def truncated(handler):
    full = json.dumps(envelope({"resultType": "vector", "result": [{"metric": {"job": "x"}, "value": [1, "1"]}]}))
    handler.reply(200, full[: len(full) // 2])


def huge(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    chunk = b'{"status":"success","data":{"resultType":"vector","result":[' + b" " * (1 << 20)
    try:
        for _ in range(2048):
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass


HOSTILE = {"garbage": garbage, "truncated": truncated, "huge": huge}


HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
