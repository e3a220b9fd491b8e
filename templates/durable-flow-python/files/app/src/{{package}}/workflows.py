"""The durable flow. Workflow code is replayed from history, so it must be deterministic: no I/O, no
random, no clocks (use ctx.current_utc_datetime), no mutable globals. Change it with versioning
(is_patched / versioned_workflow), never in place for runs in flight.

Every stage races its activity against a timer, because call_activity takes no timeout: the stage gets a
budget of STAGE_TIMEOUT_SECONDS, and a stage that loses the race triggers compensation."""

from datetime import timedelta
from typing import Any, Generator

import dapr.ext.workflow as wf

from . import activities
from .config import SETTINGS
from .runtime import wfr

# Workflow retries compound with the Resiliency retries of the sidecar: keep both small.
ACTIVITY_RETRY = wf.RetryPolicy(
    first_retry_interval=timedelta(seconds=1),
    max_number_of_attempts=3,
    backoff_coefficient=2.0,
    max_retry_interval=timedelta(seconds=10),
)


class StageTimedOut(Exception):
    pass


class ToolDepthExceeded(Exception):
    pass


def run_stage(ctx: wf.DaprWorkflowContext, activity: Any, payload: dict, budget: int) -> Generator:
    """Runs one activity within its timeout budget (use with `yield from`)."""
    task = ctx.call_activity(activity, input=payload, retry_policy=ACTIVITY_RETRY)
    timer = ctx.create_timer(timedelta(seconds=budget))
    winner = yield wf.when_any([task, timer])
    if winner is timer:
        raise StageTimedOut(f"{getattr(activity, '__name__', 'activity')} exceeded {budget}s")
    return task.get_result()


def wait_for_tool_result(ctx: wf.DaprWorkflowContext, request_id: str, budget: int) -> Generator:
    """Waits for the async tool's answer (raised by the worker's /tool-results route), within budget."""
    event = ctx.wait_for_external_event(f"tool-result-{request_id}")
    timer = ctx.create_timer(timedelta(seconds=budget))
    winner = yield wf.when_any([event, timer])
    if winner is timer:
        raise StageTimedOut(f"async tool {request_id} exceeded {budget}s")
    return event.get_result()


def call_tools(ctx: wf.DaprWorkflowContext, base: dict, calls: list, budget: int) -> Generator:
    results = []
    for depth, call in enumerate(calls, start=1):
        if depth > SETTINGS.max_tool_depth:
            raise ToolDepthExceeded(f"more than {SETTINGS.max_tool_depth} tool calls in one run")
        payload = {**base, "seq": depth, "depth": depth, "tool": call["tool"], "arguments": call.get("arguments", {})}
        if call.get("async"):
            payload["request_id"] = f"{base['instance_id']}-{depth}"
            yield from run_stage(ctx, activities.enqueue_tool_request, payload, budget)
            results.append((yield from wait_for_tool_result(ctx, payload["request_id"], budget)))
        else:
            results.append((yield from run_stage(ctx, activities.call_tool, payload, budget)))
    return results


@wfr.workflow(name="durable_flow")
def durable_flow(ctx: wf.DaprWorkflowContext, request: dict) -> Generator:
    budget = SETTINGS.stage_timeout_seconds
    base = {"instance_id": ctx.instance_id, "tenant": request.get("tenant", ""), "input": request.get("input", {})}
    outcome: dict = {"outcome": "completed"}
    try:
        plan = yield from run_stage(ctx, activities.plan_step, base, budget)
        results = yield from call_tools(ctx, base, plan["tool_calls"], budget)
        outcome["summary"] = yield from run_stage(ctx, activities.summarize, {**base, "results": results}, budget)
    except Exception as err:  # a stage timed out, a tool failed for good, or the depth bound was hit
        if not ctx.is_replaying:
            pass  # logging belongs here; it must not change what the workflow does
        yield from run_stage(ctx, activities.compensate, {**base, "reason": str(err)}, budget)
        outcome = {"outcome": "compensated", "reason": str(err)}
    yield ctx.call_activity(activities.release_tenant_slot, input=base, retry_policy=ACTIVITY_RETRY)
    return outcome
