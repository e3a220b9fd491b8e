"""The workflow runtime of this worker. Its work-item caps are the first layer of backpressure: keep the
activity cap below the downstream's connection limit (Dapr's concurrency guide)."""

import dapr.ext.workflow as wf

from .config import SETTINGS

wfr = wf.WorkflowRuntime(
    maximum_concurrent_activity_work_items=SETTINGS.activity_work_items,
    maximum_concurrent_orchestration_work_items=SETTINGS.orchestration_work_items,
)
