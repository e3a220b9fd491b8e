"""The agent worker: hosts the DurableAgent's workflow runtime and the HTTP surface the entrypoint calls
through Dapr invoke. Starting is idempotent (the instance id is the client's key); approvals arrive as
workflow events; every tool call passes the hooks (audit, approval, depth bound)."""

import logging
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import dapr.ext.workflow as wf
from fastapi import FastAPI, HTTPException

from . import dapr_http, hooks
from .agent import build_agent
from .config import SETTINGS

log = logging.getLogger("worker")

agent = build_agent()
wfr = wf.WorkflowRuntime(
    maximum_concurrent_activity_work_items=SETTINGS.activity_work_items,
    maximum_concurrent_orchestration_work_items=SETTINGS.orchestration_work_items,
)


@wfr.activity(name="run_agent_turns")
def run_agent_turns(ctx: wf.WorkflowActivityContext, request: dict) -> dict:
    """One agent run, bounded by max_iterations; tool calls pass the hooks."""
    result = agent.run(request.get("input", {}).get("task", ""))
    return {"answer": str(result)}


@wfr.activity(name="release_tenant_slot")
async def release_tenant_slot(ctx: wf.WorkflowActivityContext, payload: dict) -> None:
    from . import tenancy

    await tenancy.release(payload["tenant"], payload["instance_id"])


@wfr.workflow(name="agent_run")
def agent_run(ctx: wf.DaprWorkflowContext, request: dict):
    """Deterministic wrapper: optional approval (raced against a timer), the agent turns within the stage
    budget, then the tenant slot is released."""
    base = {"instance_id": ctx.instance_id, "tenant": request.get("tenant", "")}
    outcome: dict[str, Any] = {"outcome": "completed"}
    if hooks.REQUIRE_APPROVAL and request.get("input", {}).get("needs_approval"):
        approval = ctx.wait_for_external_event("approval")
        timer = ctx.create_timer(timedelta(seconds=hooks.APPROVAL_TIMEOUT_SECONDS))
        winner = yield wf.when_any([approval, timer])
        if winner is timer or not (approval.get_result() or {}).get("approved"):
            outcome = {"outcome": "denied"}
    if outcome["outcome"] == "completed":
        task = ctx.call_activity(run_agent_turns, input=request)
        timer = ctx.create_timer(timedelta(seconds=SETTINGS.stage_timeout_seconds * {{max_iterations}}))
        winner = yield wf.when_any([task, timer])
        outcome = {"outcome": "timed-out"} if winner is timer else {"outcome": "completed", **task.get_result()}
    yield ctx.call_activity(release_tenant_slot, input=base)
    return outcome


@asynccontextmanager
async def lifespan(app: FastAPI):
    wfr.start()
    try:
        yield
    finally:
        wfr.shutdown()


app = FastAPI(title="{{project_name}} agent worker", lifespan=lifespan)
client = wf.DaprWorkflowClient()


def describe(state: Any) -> dict:
    return {"instanceID": state.instance_id, "runtimeStatus": state.runtime_status.name,
            "output": state.serialized_output}


@app.post("/workflows", status_code=202)
def start(request: dict) -> dict:
    instance_id = request["instance_id"]
    existing = client.get_workflow_state(instance_id, fetch_payloads=False)
    if existing is not None:
        return {**describe(existing), "created": False}
    client.schedule_new_workflow(workflow=agent_run, input=request, instance_id=instance_id)
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
