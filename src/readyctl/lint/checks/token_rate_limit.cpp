// token-rate-limit: AI gateway routes are covered by a token-aware or per-tenant rate limit.
#include <fmt/format.h>

#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

// Gateway API routes count as AI gateway routes when a rule sends to an InferencePool or the route is annotated
// `readyctl.io/traffic: inference`.
bool is_ai_route(const Object& route)
{
  if (route.kind == "AIGatewayRoute") return true;
  if (route.annotation("readyctl.io/traffic") == "inference") return true;
  for (const yaml::Node* rule : spec_list(route, "rules"))
    if (const yaml::Node* refs = rule->get("backendRefs"); refs && refs->is_sequence())
      for (const yaml::Node* ref : refs->children())
        if (const yaml::Node* kind = ref->get("kind"); kind && kind->str() == "InferencePool") return true;
  return false;
}

const Object* kuadrant_policy(const TrafficModel& model, const Object& route)
{
  for (std::string_view kind : {"TokenRateLimitPolicy", "RateLimitPolicy"})
    for (const Object* p : model.policies_covering(route, kind))
      if (p->group == k_kuadrant_group) return p;
  return nullptr;
}

void check_route(const CheckContext& ctx, const TrafficModel& model, const Object& route)
{
  if (kuadrant_policy(model, route)) return;
  const Object* policy = model.effective_traffic_policy(route);
  const yaml::Node* rate_limit = policy && policy->spec ? policy->spec->get("rateLimit") : nullptr;
  const yaml::Node* costs = route.spec ? route.spec->get("llmRequestCosts") : nullptr;
  bool has_costs = costs && costs->is_sequence() && costs->size() > 0;
  if (route.kind != "AIGatewayRoute") {
    if (rate_limit) return;
    ctx.sink.report(route, spec_key(route),
                    fmt::format("{} serves an InferencePool but no Kuadrant (Token)RateLimitPolicy or "
                                "BackendTrafficPolicy rateLimit covers it or its Gateway: one tenant can take every GPU",
                                route.display_name()));
    return;
  }
  if (rate_limit && has_costs) return;
  if (rate_limit)
    ctx.sink.report(route, spec_key(route),
                    fmt::format("{} is rate limited by {} but declares no llmRequestCosts, so the limit counts "
                                "requests, not tokens",
                                route.display_name(), policy->display_name()),
                    {{policy, rate_limit, "the BackendTrafficPolicy rateLimit in effect for the route"}});
  else if (has_costs)
    ctx.sink.report(route, key_of(route.spec, "llmRequestCosts"),
                    fmt::format("{} computes llmRequestCosts but no BackendTrafficPolicy rateLimit (on the route's "
                                "generated HTTPRoute or its Gateway) or Kuadrant policy charges them",
                                route.display_name()));
  else
    ctx.sink.report(route, spec_key(route),
                    fmt::format("{} has neither llmRequestCosts with a BackendTrafficPolicy rateLimit nor a Kuadrant "
                                "TokenRateLimitPolicy: token spend per tenant is unlimited",
                                route.display_name()));
}

}  // namespace

void check_token_rate_limit(const CheckContext& ctx)
{
  const TrafficModel& model = ctx.graph.cached<TrafficModel>();
  for (std::string_view kind : {"HTTPRoute", "GRPCRoute", "AIGatewayRoute"})
    for (const Object* route : ctx.of_kind(kind))
      if (is_route(*route) && is_ai_route(*route)) check_route(ctx, model, *route);
}

}  // namespace readyctl::lint
