"""Per-tenant concurrency ceiling. Dapr has none, so runs in flight are counted per tenant in the state
store with ETag (optimistic) writes. A per-run marker makes acquire and release idempotent."""

from .config import SETTINGS
from . import dapr_http


class TenantLimitExceeded(Exception):
    pass


def _counter_key(tenant: str) -> str:
    return f"tenant||{tenant}||inflight"


def _run_key(tenant: str, instance_id: str) -> str:
    return f"tenant||{tenant}||run||{instance_id}"


async def _add(tenant: str, delta: int, ceiling: int) -> None:
    for _ in range(8):
        value, etag = await dapr_http.get_state(_counter_key(tenant))
        current = int(value or 0)
        if delta > 0 and current + delta > ceiling:
            raise TenantLimitExceeded(f"tenant {tenant} has {current} runs in flight (ceiling {ceiling})")
        if await dapr_http.save_state(_counter_key(tenant), max(0, current + delta), etag=etag):
            return
    raise RuntimeError(f"tenant {tenant}: counter contention, try again")


async def acquire(tenant: str, instance_id: str) -> bool:
    """True when a slot was taken; False when this run already holds one (a retried request)."""
    if not await dapr_http.save_state(_run_key(tenant, instance_id), 1, first_write=True):
        return False
    try:
        await _add(tenant, +1, SETTINGS.tenant_max_concurrency)
    except Exception:
        await dapr_http.delete_state(_run_key(tenant, instance_id))
        raise
    return True


async def release(tenant: str, instance_id: str) -> None:
    value, _ = await dapr_http.get_state(_run_key(tenant, instance_id))
    if value is None:
        return
    await _add(tenant, -1, SETTINGS.tenant_max_concurrency)
    await dapr_http.delete_state(_run_key(tenant, instance_id))
