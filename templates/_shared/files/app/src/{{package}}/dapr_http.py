"""A small async client for the Dapr sidecar's HTTP API. Every call carries a client deadline, because
Dapr has no per-attempt deadline for activities and a timer that wins a race does not stop the call."""

import os
from typing import Any, Optional

import httpx

from .config import SETTINGS


class DaprError(RuntimeError):
    def __init__(self, status: int, body: str):
        super().__init__(f"dapr returned {status}: {body[:200]}")
        self.status = status


def _headers(extra: Optional[dict] = None) -> dict:
    headers = dict(extra or {})
    token = os.environ.get("DAPR_API_TOKEN")
    if token:
        headers["dapr-api-token"] = token
    return headers


async def request(method: str, path: str, *, timeout: float, json: Any = None,
                  headers: Optional[dict] = None) -> httpx.Response:
    async with httpx.AsyncClient(base_url=SETTINGS.dapr_http, timeout=timeout) as client:
        return await client.request(method, path, json=json, headers=_headers(headers))


async def get_state(key: str) -> tuple[Optional[Any], Optional[str]]:
    """The value and its ETag, or (None, None) when absent."""
    resp = await request("GET", f"/v1.0/state/{SETTINGS.state_store}/{key}",
                         timeout=SETTINGS.state_timeout_seconds)
    if resp.status_code == 204:
        return None, None
    if resp.status_code != 200:
        raise DaprError(resp.status_code, resp.text)
    return resp.json(), resp.headers.get("ETag")


async def save_state(key: str, value: Any, *, etag: Optional[str] = None, first_write: bool = False) -> bool:
    """False when the ETag no longer matches (someone else wrote first)."""
    item: dict = {"key": key, "value": value}
    if etag is not None:
        item["etag"] = etag
    if first_write:
        item["options"] = {"concurrency": "first-write"}
    resp = await request("POST", f"/v1.0/state/{SETTINGS.state_store}", json=[item],
                         timeout=SETTINGS.state_timeout_seconds)
    if resp.status_code in (409, 412):
        return False
    if resp.status_code >= 300:
        raise DaprError(resp.status_code, resp.text)
    return True


async def delete_state(key: str) -> None:
    resp = await request("DELETE", f"/v1.0/state/{SETTINGS.state_store}/{key}",
                         timeout=SETTINGS.state_timeout_seconds)
    if resp.status_code >= 300 and resp.status_code != 404:
        raise DaprError(resp.status_code, resp.text)


async def invoke(app_or_endpoint: str, method: str, *, verb: str = "POST", json: Any = None,
                 headers: Optional[dict] = None, timeout: Optional[float] = None) -> httpx.Response:
    """Service invocation: to a Dapr app-id or to an HTTPEndpoint, both covered by Resiliency."""
    return await request(verb, f"/v1.0/invoke/{app_or_endpoint}/method/{method}", json=json, headers=headers,
                         timeout=timeout or SETTINGS.invoke_timeout_seconds)


async def publish(topic: str, data: Any) -> None:
    resp = await request("POST", f"/v1.0/publish/{SETTINGS.pubsub}/{topic}", json=data,
                         timeout=SETTINGS.state_timeout_seconds)
    if resp.status_code >= 300:
        raise DaprError(resp.status_code, resp.text)


async def sidecar_ready() -> bool:
    try:
        resp = await request("GET", "/v1.0/healthz/outbound", timeout=1.0)
        return resp.status_code == 204
    except httpx.HTTPError:
        return False
