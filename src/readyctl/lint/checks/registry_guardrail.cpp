// The guardrail area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/guardrail_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> guardrail_check_families()
{
  // The variants and parameters the families declare (lint/family_contract.hpp).
  static constexpr std::string_view retry_rules[] = {"retry-backoff", "retry-bounded", "retry-within-timeout"};
  static constexpr ParamSpec retry_policy[] = {
      {"minInterval", ParamType::duration, R"("100ms")", "shortest acceptable constant interval between Dapr retries",
       "retry-backoff"},
      {"maxAttempts", ParamType::integer, "3", "largest Istio or Gateway API retry attempts", "retry-bounded"},
      {"maxRetries", ParamType::integer, "5", "largest Envoy Gateway numRetries and Dapr maxRetries", "retry-bounded"},
  };
  static constexpr CheckFamily families[] = {
      {"backpressure", &check_backpressure, CheckScope::per_object, {}},
      {"circuit-breaker", &check_circuit_breaker, CheckScope::whole_graph, {}},
      {"model-fallback", &check_model_fallback, CheckScope::whole_graph, {}},
      {"retry-policy", &check_retry_policy, CheckScope::per_object, {retry_rules, retry_policy}},
      {"route-timeout", &check_route_timeout, CheckScope::per_object, {}},
      {"token-rate-limit", &check_token_rate_limit, CheckScope::per_object, {}},
  };
  return families;
}

}  // namespace readyctl::lint
