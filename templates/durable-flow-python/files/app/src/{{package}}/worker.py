"""The workflow worker: hosts the runtime (started and stopped with the app) and the small HTTP surface the
entrypoint calls through Dapr invoke. Starting is idempotent: the instance id is the client's key."""

import logging
from contextlib import asynccontextmanager
from typing import Any

import dapr.ext.workflow as wf
from fastapi import FastAPI, HTTPException

from . import dapr_http
from . import activities, workflows  # noqa: F401  (registers the workflow and activities)
from .runtime import wfr

log = logging.getLogger("worker")


@asynccontextmanager
async def lifespan(app: FastAPI):
    wfr.start()
    try:
        yield
    finally:
        wfr.shutdown()


app = FastAPI(title="{{project_name}} worker", lifespan=lifespan)
client = wf.DaprWorkflowClient()


def describe(state: Any) -> dict:
    return {
        "instanceID": state.instance_id,
        "runtimeStatus": state.runtime_status.name,
        "output": state.serialized_output,
        "failure": str(state.failure_details.message) if state.failure_details else None,
    }


@app.post("/workflows", status_code=202)
def start(request: dict) -> dict:
    instance_id = request["instance_id"]
    existing = client.get_workflow_state(instance_id, fetch_payloads=False)
    if existing is not None:
        return {**describe(existing), "created": False}
    client.schedule_new_workflow(workflow=workflows.durable_flow, input=request, instance_id=instance_id)
    return {"instanceID": instance_id, "runtimeStatus": "PENDING", "created": True}


@app.get("/workflows/{instance_id}")
def status(instance_id: str) -> dict:
    state = client.get_workflow_state(instance_id)
    if state is None:
        raise HTTPException(404, "no such run")
    return describe(state)


@app.post("/workflows/{instance_id}/events/{name}", status_code=202)
def raise_event(instance_id: str, name: str, payload: dict) -> dict:
    client.raise_workflow_event(instance_id, name, data=payload)
    return {"instanceID": instance_id, "event": name}


@app.post("/tool-results")
def on_tool_result(event: dict) -> dict:
    """Subscription route: hands an async tool's result to the run waiting for it."""
    data = event.get("data", event)
    if client.get_workflow_state(data["instance_id"], fetch_payloads=False) is None:
        return {"status": "DROP"}
    client.raise_workflow_event(data["instance_id"], f"tool-result-{data['request_id']}", data=data["result"])
    return {"status": "SUCCESS"}


@app.get("/healthz")
def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz() -> dict:
    if not await dapr_http.sidecar_ready():
        raise HTTPException(503, "dapr sidecar not ready")
    return {"status": "ready"}
