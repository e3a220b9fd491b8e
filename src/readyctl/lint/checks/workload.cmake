# The workload area: pod-level rules over every PodTemplate in the graph.
list(APPEND READYCTL_LINT_SOURCES
  src/readyctl/lint/checks/api_validity.cpp
  src/readyctl/lint/checks/batch_schedulers.cpp
  src/readyctl/lint/checks/bound_accounts.cpp
  src/readyctl/lint/checks/cloud_credentials.cpp
  src/readyctl/lint/checks/controller_signals.cpp
  src/readyctl/lint/checks/credentials.cpp
  src/readyctl/lint/checks/env_duplicate.cpp
  src/readyctl/lint/checks/gpu_scheduling.cpp
  src/readyctl/lint/checks/graceful_shutdown.cpp
  src/readyctl/lint/checks/image_tag.cpp
  src/readyctl/lint/checks/job_limits.cpp
  src/readyctl/lint/checks/kernel_hardening.cpp
  src/readyctl/lint/checks/model_cache_storage.cpp
  src/readyctl/lint/checks/pod_walk.cpp
  src/readyctl/lint/checks/priority.cpp
  src/readyctl/lint/checks/probes.cpp
  src/readyctl/lint/checks/replica_spread.cpp
  src/readyctl/lint/checks/remote_shell.cpp
  src/readyctl/lint/checks/required_metadata.cpp
  src/readyctl/lint/checks/resources.cpp
  src/readyctl/lint/checks/rollout_capacity.cpp
  src/readyctl/lint/checks/secret_literal.cpp
  src/readyctl/lint/checks/secret_names.cpp
  src/readyctl/lint/checks/security_context.cpp
  src/readyctl/lint/checks/selector_match.cpp
  src/readyctl/lint/checks/service_account.cpp
  src/readyctl/lint/checks/train_job.cpp
  src/readyctl/lint/checks/workload_rbac.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_lint_rule_precision.cpp
  tests/unit/test_lint_pod_template.cpp
  tests/unit/test_lint_required_metadata.cpp
  tests/unit/test_lint_workload.cpp
  tests/unit/test_lint_cron_schedule.cpp
)
