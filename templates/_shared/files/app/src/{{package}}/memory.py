"""Checkpointed memory of a run or conversation: a list kept in the (non-actor) state store, appended with
ETag writes so concurrent writers never lose an entry."""

from typing import Any

from . import dapr_http


def _key(conversation_id: str) -> str:
    return f"memory||{conversation_id}"


async def load(conversation_id: str) -> list:
    value, _ = await dapr_http.get_state(_key(conversation_id))
    return list(value or [])


async def append(conversation_id: str, entry: Any, *, max_entries: int = 200) -> None:
    for _ in range(8):
        value, etag = await dapr_http.get_state(_key(conversation_id))
        entries = list(value or [])
        entries.append(entry)
        if await dapr_http.save_state(_key(conversation_id), entries[-max_entries:], etag=etag):
            return
    raise RuntimeError(f"memory {conversation_id}: write contention, try again")
