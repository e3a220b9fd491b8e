// Families of the guardrail area.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

void check_backpressure(const CheckContext& ctx);
void check_circuit_breaker(const CheckContext& ctx);
void check_model_fallback(const CheckContext& ctx);
// retry-bounded, retry-backoff, retry-within-timeout
void check_retry_policy(const CheckContext& ctx);
void check_route_timeout(const CheckContext& ctx);
void check_token_rate_limit(const CheckContext& ctx);

}  // namespace readyctl::lint
