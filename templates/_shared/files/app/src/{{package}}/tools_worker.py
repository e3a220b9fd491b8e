"""Async tool workers. Tool requests arrive over pub/sub (Subscription tool-requests, dead letter
tool-requests-dead); each call goes through Dapr invoke to the tool-api HTTPEndpoint, so Resiliency applies
(timeout, bounded retry, circuit breaker); the result is published to tool-results for the waiting run."""

import logging
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException

from . import audit, dapr_http
from .config import SETTINGS

log = logging.getLogger("tools")
app = FastAPI(title="{{project_name}} tools")


async def call_tool(request: dict) -> dict:
    """The request id is the idempotency key the tool sees: a redelivered message repeats no side effect."""
    resp = await dapr_http.invoke(SETTINGS.tool_endpoint, request["tool"], json=request.get("arguments", {}),
                                  headers={"Idempotency-Key": request["request_id"]},
                                  timeout=SETTINGS.tool_timeout_seconds)
    if resp.status_code >= 500 or resp.status_code == 429:
        raise dapr_http.DaprError(resp.status_code, resp.text)
    return {"status": resp.status_code, "body": resp.json() if resp.content else None}


@app.post("/tool-requests")
async def on_tool_request(event: dict[str, Any]) -> dict:
    request = event.get("data", event)
    if int(request.get("depth", 0)) > SETTINGS.max_tool_depth:
        log.warning("dropping %s: tool-call depth above %d", request.get("request_id"), SETTINGS.max_tool_depth)
        return {"status": "DROP"}
    try:
        result = await call_tool(request)
    except (httpx.HTTPError, dapr_http.DaprError) as err:
        log.warning("tool %s failed: %s", request.get("tool"), err)
        return {"status": "RETRY"}
    await audit.record_tool_call(request["instance_id"], int(request.get("seq", 0)), request["tool"],
                                 request.get("arguments", {}), "ok", int(request.get("depth", 0)))
    await dapr_http.publish("tool-results", {"instance_id": request["instance_id"],
                                             "request_id": request["request_id"], "result": result})
    return {"status": "SUCCESS"}


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz() -> dict:
    if not await dapr_http.sidecar_ready():
        raise HTTPException(503, "dapr sidecar not ready")
    return {"status": "ready"}
