"""The agent's tools. Each one calls out only through Dapr invoke to the tool-api HTTPEndpoint, so the
Resiliency policies (timeout, bounded retry, circuit breaker) apply, with a client deadline on top."""

import asyncio
from typing import Any

from dapr_agents import tool

from . import dapr_http
from .config import SETTINGS


def _call(name: str, arguments: dict[str, Any], request_id: str) -> Any:
    async def go() -> Any:
        resp = await dapr_http.invoke(SETTINGS.tool_endpoint, name, json=arguments,
                                      headers={"Idempotency-Key": request_id},
                                      timeout=SETTINGS.tool_timeout_seconds)
        if resp.status_code >= 300:
            raise dapr_http.DaprError(resp.status_code, resp.text)
        return resp.json() if resp.content else None

    return asyncio.run(go())


@tool
def search(query: str) -> Any:
    """Search the knowledge base for a query."""
    return _call("search", {"q": query}, f"search-{abs(hash(query))}")


@tool
def send_email(to: str, subject: str, body: str) -> Any:
    """Send an email (sensitive: waits for approval)."""
    return _call("send_email", {"to": to, "subject": subject, "body": body}, f"email-{to}-{abs(hash(subject))}")


TOOLS = [search, send_email]
