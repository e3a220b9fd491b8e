// route-timeout: routes that carry inference or tool traffic bound each request, and Dapr Resiliency targets
// name a timeout policy.
#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_resiliency_policies.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

// A timeout that is present but does not bound anything: malformed, or zero (which disables it).
bool report_unusable(const CheckContext& ctx, const Object& o, const DurationField& t, std::string_view what)
{
  if (t.malformed()) {
    ctx.sink.report(o, t.node, fmt::format("{}: '{}' is not a duration (e.g. 30s, 2m)", what, t.node->str()));
    return true;
  }
  if (t.seconds && *t.seconds <= 0) {
    ctx.sink.report(o, t.node, fmt::format("{}: a zero timeout disables it; requests may hang forever", what));
    return true;
  }
  return false;
}

void check_virtual_service(const CheckContext& ctx, const TrafficModel& model, const Object& vs)
{
  std::vector<const yaml::Node*> routes = spec_list(vs, "http");
  for (size_t i = 0; i < routes.size(); ++i) {
    const yaml::Node* http = routes[i];
    if (!TrafficModel::annotated_inference(vs) && !model.istio_route_carries_inference(vs, http)) continue;
    std::string what = fmt::format("{} {} timeout", vs.display_name(), describe_entry("http", http, i));
    DurationField t = read_duration(http->get("timeout"));
    if (!t.present())
      ctx.sink.report(vs, http,
                      fmt::format("{} {} carries inference or tool traffic but sets no `timeout`; Istio's default is "
                                  "none, so a stuck generation holds the caller forever",
                                  vs.display_name(), describe_entry("http", http, i)));
    else report_unusable(ctx, vs, t, what);
  }
}

// GKE's Gateway takes a backend's request deadline from a GCPBackendPolicy (networking.gke.io) whose targetRef is the
// backend, a Service or an InferencePool (`default.timeoutSec`; gateway-api-inference-extension's GKE guide applies
// one for inference pools): the policy bounding every backend of the rule, or null.
const Object* gke_backend_policy(const CheckContext& ctx, const Object& route, const yaml::Node* rule)
{
  const yaml::Node* refs = rule->get("backendRefs");
  if (!refs || !refs->is_sequence() || refs->size() == 0) return nullptr;
  const Object* found = nullptr;
  for (const yaml::Node* ref : refs->children()) {
    std::string_view kind = ref->str_at("kind").empty() ? "Service" : ref->str_at("kind");
    std::string_view ns = ref->str_at("namespace").empty() ? route.scope : ref->str_at("namespace");
    const Object* bound = nullptr;
    for (const Object* p : ctx.graph.of_kind_in("GCPBackendPolicy", ns)) {
      const yaml::Node* seconds = p->spec ? p->spec->path({"default", "timeoutSec"}) : nullptr;
      if (p->group != "networking.gke.io" || !seconds || seconds->as_int().value_or(0) <= 0) continue;
      for (const yaml::Node* target : target_refs(*p))
        if (target->str_at("kind") == kind && target->str_at("name") == ref->str_at("name")) bound = p;
    }
    if (!bound) return nullptr;
    found = bound;
  }
  return found;
}

// Gateway API / AI Gateway: the rule's own timeouts.request wins; else the BackendTrafficPolicy's requestTimeout, or
// on GKE the GCPBackendPolicy of its backends.
void check_gateway_route(const CheckContext& ctx, const TrafficModel& model, const Object& route)
{
  std::vector<const yaml::Node*> rules = spec_list(route, "rules");
  const Object* policy = model.effective_traffic_policy(route);
  DurationField policy_timeout =
      read_duration(policy && policy->spec ? policy->spec->path({"timeout", "http", "requestTimeout"}) : nullptr);
  for (size_t i = 0; i < rules.size(); ++i) {
    const yaml::Node* rule = rules[i];
    if (!model.route_rule_carries_inference(route, rule)) continue;
    std::string label = fmt::format("{} {}", route.display_name(), describe_entry("rules", rule, i));
    DurationField own = read_duration(rule->path({"timeouts", "request"}));
    if (own.present()) {
      report_unusable(ctx, route, own, label + " timeouts.request");
      continue;
    }
    if (gke_backend_policy(ctx, route, rule)) continue;
    if (policy_timeout.present()) {
      if (policy_timeout.seconds && *policy_timeout.seconds > 0) continue;
      ctx.sink.report(route, rule,
                      fmt::format("{} has no timeouts.request and {}'s timeout.http.requestTimeout '{}' does not bound it",
                                  label, policy->display_name(), policy_timeout.node->str()),
                      {{policy, policy_timeout.node, "the BackendTrafficPolicy in effect for the route"}});
      continue;
    }
    std::string fallback = route.kind == "AIGatewayRoute"
                               ? fmt::format("Envoy AI Gateway then applies an implicit {}, sized for no model",
                                             format_duration(k_ai_gateway_default_timeout))
                               : std::string("the gateway's default applies (Envoy: 15s, others: none)");
    // GRPCRoute has no timeouts field: only a policy can bound it.
    std::string_view own_field = route.kind == "GRPCRoute" ? "no timeout field of its own" : "no timeouts.request";
    ctx.sink.report(route, rule,
                    fmt::format("{} carries inference or tool traffic but has {} and no BackendTrafficPolicy "
                                "timeout applies; {}",
                                label, own_field, fallback));
  }
}

void check_resiliency_timeouts(const CheckContext& ctx, const Object& res)
{
  for (const DaprTarget& t : dapr_targets(res)) {
    const yaml::Node* timeout = t.block->get("timeout");
    if (timeout && timeout->is_scalar() && !timeout->str().empty()) continue;
    ctx.sink.report(res, t.key,
                    fmt::format("Resiliency {} target {} names no `timeout` policy; calls through the sidecar wait "
                                "as long as the callee takes",
                                res.name, t.describe()));
  }
}

}  // namespace

void check_route_timeout(const CheckContext& ctx)
{
  const TrafficModel& model = ctx.graph.cached<TrafficModel>();
  for (const Object* vs : ctx.of_kind("VirtualService"))
    if (vs->is("VirtualService", k_istio_group)) check_virtual_service(ctx, model, *vs);
  for (std::string_view kind : {"HTTPRoute", "GRPCRoute", "AIGatewayRoute"})
    for (const Object* route : ctx.of_kind(kind))
      if (is_route(*route)) check_gateway_route(ctx, model, *route);
  for (const Object* res : ctx.of_kind("Resiliency"))
    if (is_dapr_resiliency(*res)) check_resiliency_timeouts(ctx, *res);
}

}  // namespace readyctl::lint
