// backpressure: Dapr apps cap concurrent requests, and model servers behind a mesh cap the queue in front of
// them.
#include <functional>
#include <map>

#include <fmt/format.h>

#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

constexpr std::string_view k_max_concurrency = "dapr.io/app-max-concurrency";

// A connection pool limit on the whole destination, or on every subset when the top level leaves it out.
bool limits_http(const yaml::Node* traffic_policy)
{
  const yaml::Node* http = traffic_policy ? traffic_policy->path({"connectionPool", "http"}) : nullptr;
  return http && (http->get("http1MaxPendingRequests") || http->get("http2MaxRequests"));
}

bool has_pool_limits(const Object& dr)
{
  if (!dr.spec) return false;
  if (limits_http(dr.spec->get("trafficPolicy"))) return true;
  std::vector<const yaml::Node*> subsets = spec_list(dr, "subsets");
  if (subsets.empty()) return false;
  for (const yaml::Node* s : subsets)
    if (!limits_http(s->get("trafficPolicy"))) return false;
  return true;
}

struct MeshLimits {
  std::map<const Object*, std::vector<const Object*>> rules_by_service;  // Service -> DestinationRules for it
  // The same Services by the first key/value pair of their selector: a pod is compared only with Services that
  // could select it (one Service per app made pods x services quadratic). Empty selectors select nothing.
  std::map<std::pair<std::string_view, std::string_view>, std::vector<const Object*>> by_selector_pair;
};

MeshLimits index_destination_rules(const Graph& graph, const TrafficModel& model)
{
  MeshLimits m;
  for (const Object* dr : graph.of_kind("DestinationRule")) {
    if (!dr->is("DestinationRule", k_istio_group) || !dr->spec) continue;
    const yaml::Node* host = dr->spec->get("host");
    if (const Object* s = host ? model.service_for_host(host->str(), dr->scope) : nullptr) m.rules_by_service[s].push_back(dr);
  }
  for (const auto& [service, rules] : m.rules_by_service) {
    const yaml::Node* selector = service->spec ? service->spec->get("selector") : nullptr;
    if (!selector || !selector->is_mapping() || selector->size() == 0) continue;
    const yaml::Node::Entry first = *selector->entries().begin();
    m.by_selector_pair[{first.key->str(), first.value->str()}].push_back(service);
  }
  return m;
}

// Built once per run, shared by every window.
struct BackpressureIndex {
  explicit BackpressureIndex(const Graph& graph) : limits(index_destination_rules(graph, graph.cached<TrafficModel>())) {}
  MeshLimits limits;
};

bool pod_behind_limited_service(const MeshLimits& limits, const PodTemplate& pod)
{
  const yaml::Node* labels = pod.labels();
  if (!labels) return false;
  for (auto [key, value] : labels->entries()) {
    auto candidates = limits.by_selector_pair.find({key->str(), value->str()});
    if (candidates == limits.by_selector_pair.end()) continue;
    for (const Object* service : candidates->second) {
      if (!same_namespace(service->scope, pod.owner->scope)) continue;
      if (!map_selector_matches(service->spec ? service->spec->get("selector") : nullptr, labels)) continue;
      for (const Object* dr : limits.rules_by_service.at(service))
        if (has_pool_limits(*dr)) return true;
    }
  }
  return false;
}

// dapr.io/app-max-concurrency caps what the sidecar hands the app over its app channel (invocations, pushed events
// and bindings). A pod without one (no dapr.io/app-port) pulls its work, so the cap would hold nothing back; a
// Job's pod ends on its own.
bool takes_pushed_work(const PodTemplate& pod)
{
  return pod.long_running && pod.annotation("dapr.io/enabled") == "true" && dapr::has_app_channel(pod);
}

void check_dapr_pod(const CheckContext& ctx, const MeshLimits& limits, const PodTemplate& pod)
{
  const Object& owner = *pod.owner;
  if (const yaml::Node* value = pod.annotation_node(k_max_concurrency)) {
    std::optional<long long> n = value->as_int();
    if (n && *n > 0) return;
    ctx.sink.report(owner, value,
                    fmt::format("{} {}: '{}' does not cap concurrency (a positive integer does; -1 is unlimited)",
                                owner.display_name(), k_max_concurrency, value->str()));
    return;
  }
  if (pod_behind_limited_service(limits, pod)) return;
  ctx.sink.report(owner, pod.annotation_node("dapr.io/enabled"),
                  fmt::format("{} is Dapr-enabled without {} and no DestinationRule limits its Service's "
                              "connection pool: every request the sidecar accepts reaches the app at once",
                              owner.display_name(), k_max_concurrency));
}

// The model-server Services of the window (the map is keyed by address, which is input order).
void check_model_service_rules(const CheckContext& ctx, const TrafficModel& model, const MeshLimits& limits)
{
  const Object* first = ctx.objects().data();
  const Object* last = first + ctx.objects().size();
  for (auto it = limits.rules_by_service.lower_bound(first); it != limits.rules_by_service.lower_bound(last); ++it) {
    const auto& [service, rules] = *it;
    if (!model.is_model_service(*service)) continue;
    for (const Object* dr : rules) {
      if (has_pool_limits(*dr)) continue;
      const yaml::Node* policy = dr->spec->get("trafficPolicy");
      const yaml::Node* at = policy && policy->get("connectionPool") ? key_of(policy, "connectionPool")
                             : policy                                ? key_of(dr->spec, "trafficPolicy")
                                                                     : spec_key(*dr);
      ctx.sink.report(*dr, at,
                      fmt::format("{} fronts model server {} but sets no connectionPool.http "
                                  "http1MaxPendingRequests or http2MaxRequests: the queue in front of the GPUs is "
                                  "unbounded",
                                  dr->display_name(), service->display_name()),
                      {{service, nullptr, "the model-server Service"}});
    }
  }
}

}  // namespace

void check_backpressure(const CheckContext& ctx)
{
  const TrafficModel& model = ctx.graph.cached<TrafficModel>();
  const MeshLimits& limits = ctx.graph.cached<BackpressureIndex>().limits;
  for (const PodTemplate& pod : ctx.pods())
    if (takes_pushed_work(pod)) check_dapr_pod(ctx, limits, pod);
  check_model_service_rules(ctx, model, limits);
}

}  // namespace readyctl::lint
