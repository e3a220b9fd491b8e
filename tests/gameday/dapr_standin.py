#!/usr/bin/env python3
"""A stand-in for Dapr's workflow HTTP API (GET /v1.0/workflows/dapr/{id}) for the dapr-workflow probe tests.

usage: dapr_standin.py PORT
Instance "slow-*" is RUNNING for its first 3 status reads, then COMPLETED; "poison-*" is FAILED; others 404.
Requests without the header dapr-api-token: t0ken are answered 401.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

reads = {}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        prefix = "/v1.0/workflows/dapr/"
        if self.headers.get("dapr-api-token") != "t0ken":
            return self.reply(401, {"errorCode": "ERR_UNAUTHORIZED"})
        if not self.path.startswith(prefix):
            return self.reply(404, {"errorCode": "ERR_NOT_FOUND"})
        instance = self.path[len(prefix):]
        reads[instance] = reads.get(instance, 0) + 1
        if instance.startswith("slow-"):
            status = "RUNNING" if reads[instance] <= 3 else "COMPLETED"
        elif instance.startswith("poison-"):
            status = "FAILED"
        else:
            return self.reply(404, {"errorCode": "ERR_INSTANCE_ID_NOT_FOUND"})
        self.reply(200, {"instanceID": instance, "workflowName": "drill", "runtimeStatus": status, "properties": {}})

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
