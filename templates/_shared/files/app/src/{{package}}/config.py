"""Settings read once from the environment (set in deploy/base/deployment-*.yaml).

Values are fixed per deployment, so workflow code may read them without breaking determinism.
"""

import os
from dataclasses import dataclass, field


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


@dataclass(frozen=True)
class Settings:
    app_id: str = os.environ.get("APP_ID", "{{project_name}}")
    dapr_http: str = "http://127.0.0.1:" + os.environ.get("DAPR_HTTP_PORT", "3500")
    worker_app_id: str = os.environ.get("WORKER_APP_ID", "{{project_name}}-worker")
    tools_app_id: str = os.environ.get("TOOLS_APP_ID", "{{project_name}}-tools")
    state_store: str = "memory-store"
    pubsub: str = "tool-queue"
    tool_endpoint: str = "tool-api"
    tenant_max_concurrency: int = _int("TENANT_MAX_CONCURRENCY", {{tenant_max_concurrency}})
    max_tool_depth: int = _int("MAX_TOOL_DEPTH", {{max_tool_depth}})
    stage_timeout_seconds: int = _int("STAGE_TIMEOUT_SECONDS", {{stage_timeout_seconds}})
    # Client deadlines sit inside the Resiliency timeouts (toolCall 20s, stateOp 3s, appCall 10s).
    tool_timeout_seconds: float = float(os.environ.get("TOOL_TIMEOUT_SECONDS", "20"))
    state_timeout_seconds: float = 3.0
    invoke_timeout_seconds: float = 10.0
    activity_work_items: int = _int("ACTIVITY_WORK_ITEMS", 32)
    orchestration_work_items: int = _int("ORCHESTRATION_WORK_ITEMS", 64)
    sensitive_tools: tuple = field(default_factory=lambda: tuple(
        t for t in os.environ.get("SENSITIVE_TOOLS", "send_email,issue_refund").split(",") if t))


SETTINGS = Settings()
