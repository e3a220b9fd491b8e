// token-rate-limit: AI gateway routes are covered by a token-aware or per-tenant rate limit.
#include <algorithm>

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

bool non_empty_list(const yaml::Node* n) { return n && n->is_sequence() && n->size() > 0; }

// Envoy AI Gateway api/v1alpha1/quota_policy.go: a QuotaPolicy sets token quotas on the AIServiceBackends it
// targets and the gateway answers 429 once they are spent. The policy on one of the route's backends, or null.
const Object* quota_policy(const CheckContext& ctx, const Object& route)
{
  std::vector<std::string_view> backends;
  for (const yaml::Node* rule : spec_list(route, "rules"))
    if (const yaml::Node* refs = rule->get("backendRefs"); refs && refs->is_sequence())
      for (const yaml::Node* ref : refs->children()) {
        std::string_view kind = ref->str_at("kind");
        if (kind == "AIServiceBackend" || (kind.empty() && route.kind == "AIGatewayRoute"))
          backends.push_back(ref->str_at("name"));
      }
  for (const Object* p : ctx.graph.of_kind_in("QuotaPolicy", route.scope)) {
    if (p->group != "aigateway.envoyproxy.io") continue;
    for (const yaml::Node* t : target_refs(*p))
      if (std::find(backends.begin(), backends.end(), t->str_at("name")) != backends.end()) return p;
  }
  return nullptr;
}

// api/v1alpha1/gateway_config.go: globalLLMRequestCosts apply to every route of a Gateway that names the
// GatewayConfig in its aigateway.envoyproxy.io/gateway-config annotation, where a route declares none.
bool gateway_costs(const CheckContext& ctx, const Object& route)
{
  for (const auto& [ns, name] : parent_gateways(route))
    for (const Object* gw : ctx.graph.of_kind_in("Gateway", ns)) {
      const std::string_view config = gw->annotation("aigateway.envoyproxy.io/gateway-config");
      if (gw->name != name || config.empty()) continue;
      for (const Object* c : ctx.graph.of_kind_in("GatewayConfig", gw->scope))
        if (c->group == "aigateway.envoyproxy.io" && c->name == config && c->spec &&
            non_empty_list(c->spec->get("globalLLMRequestCosts")))
          return true;
    }
  return false;
}

void check_route(const CheckContext& ctx, const TrafficModel& model, const Object& route)
{
  if (kuadrant_policy(model, route) || quota_policy(ctx, route)) return;
  const Object* policy = model.effective_traffic_policy(route);
  const yaml::Node* rate_limit = policy && policy->spec ? policy->spec->get("rateLimit") : nullptr;
  const yaml::Node* costs = route.spec ? route.spec->get("llmRequestCosts") : nullptr;
  bool has_costs = non_empty_list(costs) || (route.kind == "AIGatewayRoute" && gateway_costs(ctx, route));
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
