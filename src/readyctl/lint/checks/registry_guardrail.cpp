// The guardrail area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/guardrail_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> guardrail_check_families()
{
  static constexpr CheckFamily families[] = {
      {"backpressure", &check_backpressure, CheckScope::per_object},
      {"circuit-breaker", &check_circuit_breaker},
      {"model-fallback", &check_model_fallback},
      {"retry-policy", &check_retry_policy, CheckScope::per_object},
      {"route-timeout", &check_route_timeout, CheckScope::per_object},
      {"token-rate-limit", &check_token_rate_limit, CheckScope::per_object},
  };
  return families;
}

}  // namespace readyctl::lint
