"""Append-only audit record of every tool call: one first-write key per call (a retried activity cannot
overwrite it), plus a JSON log line for the log pipeline. Arguments are stored as a digest, never raw."""

import hashlib
import json
import logging
import time
from typing import Any

from . import dapr_http

log = logging.getLogger("audit")


def digest(arguments: Any) -> str:
    return hashlib.sha256(json.dumps(arguments, sort_keys=True).encode()).hexdigest()


async def record_tool_call(instance_id: str, seq: int, tool: str, arguments: Any, outcome: str,
                           depth: int) -> None:
    record = {
        "instance_id": instance_id,
        "seq": seq,
        "tool": tool,
        "arguments_sha256": digest(arguments),
        "outcome": outcome,
        "depth": depth,
        "recorded_at": time.time(),
    }
    log.info(json.dumps({"audit": "tool_call", **record}))
    await dapr_http.save_state(f"audit||{instance_id}||{seq:06d}||{outcome}", record, first_write=True)
