// circuit-breaker: dependencies eject or stop calling failing backends (Istio outlier detection, Dapr circuit
// breakers, Envoy Gateway circuit breakers next to retries).
#include <fmt/format.h>

#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_resiliency_policies.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

// Outlier detection on the whole destination, or on every subset when the top level leaves it out.
bool has_outlier_detection(const Object& dr)
{
  if (!dr.spec) return false;
  if (dr.spec->path({"trafficPolicy", "outlierDetection"})) return true;
  std::vector<const yaml::Node*> subsets = spec_list(dr, "subsets");
  if (subsets.empty()) return false;
  for (const yaml::Node* s : subsets)
    if (!s->path({"trafficPolicy", "outlierDetection"})) return false;
  return true;
}

std::string_view dr_host(const Object& dr)
{
  const yaml::Node* h = dr.spec ? dr.spec->get("host") : nullptr;
  return h ? h->str() : std::string_view();
}

// Istio host matching: exact, or a DestinationRule wildcard "*.example.com" covering the entry's host.
bool host_covers(std::string_view rule_host, std::string_view host)
{
  if (rule_host == host || rule_host == "*") return true;
  if (!rule_host.starts_with("*.")) return false;
  std::string_view suffix = rule_host.substr(1);
  return host.size() > suffix.size() && host.ends_with(suffix);
}

void check_destination_rule_breaker(const CheckContext& ctx, const Object& dr)
{
  if (has_outlier_detection(dr)) return;
  const yaml::Node* at = dr.spec && dr.spec->get("trafficPolicy") ? key_of(dr.spec, "trafficPolicy") : spec_key(dr);
  ctx.sink.report(dr, at,
                  fmt::format("{} for host {} sets no trafficPolicy.outlierDetection: failing endpoints stay in the "
                              "load-balancing pool",
                              dr.display_name(), dr_host(dr)));
}

void check_service_entry(const CheckContext& ctx, const Object& se, const std::vector<const Object*>& rules)
{
  const yaml::Node* hosts = se.spec ? se.spec->get("hosts") : nullptr;
  if (!hosts || !hosts->is_sequence()) return;
  for (const yaml::Node* host : hosts->children()) {
    bool covered = false;
    for (const Object* dr : rules) covered = covered || host_covers(dr_host(*dr), host->str());
    if (covered) continue;  // a DestinationRule without outlier detection is reported on its own
    ctx.sink.report(se, host,
                    fmt::format("{} host {} has no DestinationRule in the input, so no outlier detection: an "
                                "external dependency that fails keeps receiving calls",
                                se.display_name(), host->str()));
  }
}

void check_resiliency_breakers(const CheckContext& ctx, const Object& res)
{
  for (const DaprTarget& t : dapr_targets(res)) {
    if (t.section != "apps") continue;
    const yaml::Node* cb = t.block->get("circuitBreaker");
    if (cb && cb->is_scalar() && !cb->str().empty()) continue;
    ctx.sink.report(res, t.key,
                    fmt::format("{} target {} names no `circuitBreaker`: service invocation keeps calling an app "
                                "(or HTTPEndpoint) that is failing",
                                res.display_name(), t.describe()));
  }
}

// Envoy's default thresholds (1024 pending/parallel requests) are far above what a model replica absorbs, so a
// policy that adds retries also states the limits those retries run into.
void check_traffic_policy_breaker(const CheckContext& ctx, const Object& policy)
{
  if (!policy.spec || !policy.spec->get("retry") || policy.spec->get("circuitBreaker")) return;
  ctx.sink.report(policy, spec_key(policy),
                  fmt::format("{} configures retries but no `circuitBreaker`: Envoy's default thresholds (1024 "
                              "pending and parallel requests) let retries pile onto an overloaded backend",
                              policy.display_name()));
}

}  // namespace

void check_circuit_breaker(const CheckContext& ctx)
{
  std::vector<const Object*> rules;
  for (const Object* dr : ctx.graph.of_kind("DestinationRule"))
    if (dr->is("DestinationRule", k_istio_group)) {
      rules.push_back(dr);
      check_destination_rule_breaker(ctx, *dr);
    }
  for (const Object* se : ctx.graph.of_kind("ServiceEntry"))
    if (se->is("ServiceEntry", k_istio_group)) check_service_entry(ctx, *se, rules);
  for (const Object* res : ctx.graph.of_kind("Resiliency"))
    if (is_dapr_resiliency(*res)) check_resiliency_breakers(ctx, *res);
  for (const Object* p : ctx.graph.of_kind("BackendTrafficPolicy"))
    if (p->is("BackendTrafficPolicy", k_envoy_gateway_group)) check_traffic_policy_breaker(ctx, *p);
}

}  // namespace readyctl::lint
