"""Activities: the only place with I/O. Dapr runs them at least once, so each is idempotent (the request id
is the idempotency key downstream, audit and queue writes are first-write) and async with a client deadline
(a timer that wins the stage race abandons an activity but does not stop it)."""

from typing import Any

import dapr.ext.workflow as wf

from . import audit, dapr_http, memory, tenancy
from .config import SETTINGS
from .runtime import wfr


@wfr.activity(name="plan_step")
async def plan_step(ctx: wf.WorkflowActivityContext, payload: dict) -> dict:
    """Decides which tools to call. Replace with your planner (an LLM call through Dapr Conversation, rules…)."""
    await memory.append(payload["instance_id"], {"stage": "plan", "input": payload.get("input", {})})
    calls = payload.get("input", {}).get("tool_calls", [])
    return {"tool_calls": [c for c in calls if isinstance(c, dict) and "tool" in c]}


@wfr.activity(name="call_tool")
async def call_tool(ctx: wf.WorkflowActivityContext, payload: dict) -> dict:
    request_id = f"{payload['instance_id']}-{payload['seq']}"
    resp = await dapr_http.invoke(SETTINGS.tool_endpoint, payload["tool"], json=payload.get("arguments", {}),
                                  headers={"Idempotency-Key": request_id}, timeout=SETTINGS.tool_timeout_seconds)
    outcome = "ok" if resp.status_code < 300 else f"http-{resp.status_code}"
    await audit.record_tool_call(payload["instance_id"], payload["seq"], payload["tool"],
                                 payload.get("arguments", {}), outcome, payload["depth"])
    if resp.status_code >= 300:
        raise dapr_http.DaprError(resp.status_code, resp.text)
    result = resp.json() if resp.content else None
    await memory.append(payload["instance_id"], {"stage": "tool", "tool": payload["tool"], "result": result})
    return {"tool": payload["tool"], "result": result}


@wfr.activity(name="enqueue_tool_request")
async def enqueue_tool_request(ctx: wf.WorkflowActivityContext, payload: dict) -> str:
    """Publishes a long-running tool call; the tools app answers on tool-results, which raises an event."""
    await dapr_http.publish("tool-requests", payload)
    return payload["request_id"]


@wfr.activity(name="summarize")
async def summarize(ctx: wf.WorkflowActivityContext, payload: dict) -> dict:
    entries = await memory.load(payload["instance_id"])
    return {"steps": len(entries), "results": payload.get("results", [])}


@wfr.activity(name="compensate")
async def compensate(ctx: wf.WorkflowActivityContext, payload: dict) -> dict:
    """Undo what the run did so far (e.g. cancel reservations). Must be idempotent like every activity."""
    await audit.record_tool_call(payload["instance_id"], 999999, "compensate", payload, "compensated",
                                 payload.get("depth", 0))
    return {"compensated": True, "reason": payload.get("reason", "")}


@wfr.activity(name="release_tenant_slot")
async def release_tenant_slot(ctx: wf.WorkflowActivityContext, payload: dict) -> None:
    await tenancy.release(payload["tenant"], payload["instance_id"])


def result_of(task: Any) -> Any:
    return task.get_result()
