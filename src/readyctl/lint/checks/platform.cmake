# The platform area: Dapr durability, scoping, access control and audit.
list(APPEND READYCTL_LINT_SOURCES
  src/readyctl/lint/checks/dapr_access_control.cpp
  src/readyctl/lint/checks/dapr_pubsub.cpp
  src/readyctl/lint/checks/dapr_resiliency.cpp
  src/readyctl/lint/checks/dapr_scopes.cpp
  src/readyctl/lint/checks/dapr_workflow.cpp
  src/readyctl/lint/checks/platform_dapr.cpp
  src/readyctl/lint/checks/platform_dapr_index.cpp
  src/readyctl/lint/checks/tool_call_audit.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_lint_platform.cpp
)
