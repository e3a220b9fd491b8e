"""Guardrails around every tool call, in process: an audit record of each call, an approval step for
sensitive tools{{#require_approval}} (a human raises the approval event within {{approval_timeout_seconds}} s){{/require_approval}}, and a bound on
the tool-call chain depth of one run."""

import asyncio
import json
import logging
from collections import defaultdict
from typing import Any

from . import audit
from .config import SETTINGS

log = logging.getLogger("hooks")

REQUIRE_APPROVAL = {{#require_approval}}True{{/require_approval}}{{^require_approval}}False{{/require_approval}}
APPROVAL_TIMEOUT_SECONDS = {{#require_approval}}{{approval_timeout_seconds}}{{/require_approval}}{{^require_approval}}0{{/require_approval}}

_depth: dict = defaultdict(int)


class Decision:
    """What a hook returns: proceed, deny (with a reason) or require approval."""

    def __init__(self, action: str, reason: str = ""):
        self.action, self.reason = action, reason

    def __repr__(self) -> str:
        return f"Decision({self.action!r}, {self.reason!r})"


PROCEED = Decision("proceed")


def before_tool_call(instance_id: str, tool_name: str, arguments: dict[str, Any]) -> Decision:
    _depth[instance_id] += 1
    if _depth[instance_id] > SETTINGS.max_tool_depth:
        return Decision("deny", f"tool-call depth above {SETTINGS.max_tool_depth}")
    if REQUIRE_APPROVAL and tool_name in SETTINGS.sensitive_tools:
        return Decision("require_approval", f"{tool_name} is sensitive")
    return PROCEED


def after_tool_call(instance_id: str, tool_name: str, arguments: dict[str, Any], outcome: str) -> None:
    """The audit hook: every tool call leaves an append-only record, whatever its outcome."""
    log.info(json.dumps({"audit": "tool_call", "instance_id": instance_id, "tool": tool_name, "outcome": outcome}))
    asyncio.run(audit.record_tool_call(instance_id, _depth[instance_id], tool_name, arguments, outcome,
                                       _depth[instance_id]))


def forget(instance_id: str) -> None:
    _depth.pop(instance_id, None)
