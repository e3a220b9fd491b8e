"""The guardrail hooks: depth bound and approval of sensitive tools."""

from {{package}} import hooks
from {{package}}.config import SETTINGS


def test_depth_bound_denies_after_max():
    run = "depth-test"
    decisions = [hooks.before_tool_call(run, "search", {}) for _ in range(SETTINGS.max_tool_depth + 1)]
    assert all(d.action == "proceed" for d in decisions[:-1])
    assert decisions[-1].action == "deny"
    hooks.forget(run)


def test_sensitive_tool_needs_approval():
    decision = hooks.before_tool_call("approval-test", "send_email", {})
    assert decision.action == ("require_approval" if hooks.REQUIRE_APPROVAL else "proceed")
    hooks.forget("approval-test")
