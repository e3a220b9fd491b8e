"""Stateless entrypoint. The client's Idempotency-Key becomes the workflow instance id, so a retried request
finds the run it already started instead of starting a second one. A tenant above its ceiling gets 429."""

import re
from typing import Any

from fastapi import FastAPI, Header, HTTPException, Response
from pydantic import BaseModel

from . import dapr_http, tenancy
from .config import SETTINGS

app = FastAPI(title="{{project_name}} api")

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class StartRequest(BaseModel):
    input: dict[str, Any] = {}


def instance_id_for(tenant: str, key: str) -> str:
    if not _KEY.match(tenant) or not _KEY.match(key):
        raise HTTPException(400, "X-Tenant-Id and Idempotency-Key: 1-100 of [A-Za-z0-9._-]")
    return f"{tenant}--{key}"


@app.post("/flows", status_code=202)
async def start(body: StartRequest, response: Response, idempotency_key: str = Header(alias="Idempotency-Key"),
                tenant: str = Header(alias="X-Tenant-Id")) -> dict:
    instance_id = instance_id_for(tenant, idempotency_key)
    try:
        await tenancy.acquire(tenant, instance_id)
    except tenancy.TenantLimitExceeded as err:
        raise HTTPException(429, str(err), headers={"Retry-After": "5"})
    resp = await dapr_http.invoke(SETTINGS.worker_app_id, "workflows", json={
        "instance_id": instance_id, "tenant": tenant, "input": body.input})
    if resp.status_code >= 300:
        await tenancy.release(tenant, instance_id)
        raise HTTPException(503, "the workflow worker is unavailable; retry with the same Idempotency-Key")
    response.headers["Location"] = f"/flows/{instance_id}"
    return {"instanceID": instance_id, **resp.json()}


@app.get("/flows/{instance_id}")
async def status(instance_id: str) -> dict:
    resp = await dapr_http.invoke(SETTINGS.worker_app_id, f"workflows/{instance_id}", verb="GET")
    if resp.status_code == 404:
        raise HTTPException(404, "no such run")
    if resp.status_code >= 300:
        raise HTTPException(503, "the workflow worker is unavailable")
    return resp.json()


@app.post("/flows/{instance_id}/events/{name}", status_code=202)
async def raise_event(instance_id: str, name: str, payload: dict[str, Any]) -> dict:
    resp = await dapr_http.invoke(SETTINGS.worker_app_id, f"workflows/{instance_id}/events/{name}", json=payload)
    if resp.status_code >= 300:
        raise HTTPException(resp.status_code if resp.status_code < 500 else 503, "event not delivered")
    return {"instanceID": instance_id, "event": name}


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz() -> dict:
    if not await dapr_http.sidecar_ready():
        raise HTTPException(503, "dapr sidecar not ready")
    return {"status": "ready"}
