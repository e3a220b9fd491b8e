# The cluster area: RBAC, namespaces, cross-resource policies.
list(APPEND READYCTL_LINT_SOURCES
  src/readyctl/lint/checks/autoscaling_bounds.cpp
  src/readyctl/lint/checks/dangling_reference.cpp
  src/readyctl/lint/checks/dangling_selector.cpp
  src/readyctl/lint/checks/default_namespace.cpp
  src/readyctl/lint/checks/disruption_budget.cpp
  src/readyctl/lint/checks/exposed_service.cpp
  src/readyctl/lint/checks/ingress_tls.cpp
  src/readyctl/lint/checks/mtls.cpp
  src/readyctl/lint/checks/network_policy.cpp
  src/readyctl/lint/checks/rbac.cpp
  src/readyctl/lint/checks/rbac_rules.cpp
  src/readyctl/lint/checks/replica_floor.cpp
  src/readyctl/lint/checks/selector_targets.cpp
  src/readyctl/lint/checks/tenancy.cpp
  src/readyctl/lint/checks/tenant_quota.cpp
  src/readyctl/lint/checks/workload_identity.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_lint_cluster.cpp
)
