list(APPEND READYCTL_LINT_SOURCES
  src/readyctl/lint/checks/backpressure.cpp
  src/readyctl/lint/checks/circuit_breaker.cpp
  src/readyctl/lint/checks/guardrail_resiliency_policies.cpp
  src/readyctl/lint/checks/guardrail_traffic.cpp
  src/readyctl/lint/checks/model_fallback.cpp
  src/readyctl/lint/checks/retry_policy.cpp
  src/readyctl/lint/checks/route_timeout.cpp
  src/readyctl/lint/checks/token_rate_limit.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_lint_guardrail.cpp
)
