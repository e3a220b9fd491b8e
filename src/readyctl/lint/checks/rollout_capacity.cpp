// rollout-capacity: a Deployment's rollout strategy can run: not maxSurge 0 with maxUnavailable 0, surge pods whose
// GPUs fit the namespace's GPU quota, and no Recreate (all replicas down at once) on a replicated serving workload.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// A GPU resource's quota in one scope: the tightest `requests.<gpu>` of its ResourceQuotas, and what the pods of
// the input already request there (replicas × per-pod request).
struct GpuQuota {
  long long hard = 0;
  const Object* quota = nullptr;
  const yaml::Node* hard_node = nullptr;
  long long used = 0;
};

long long container_gpus(const yaml::Node* container, std::string_view resource)
{
  for (std::string_view part : {"requests", "limits"})  // a limit alone sets the request to it
    if (const yaml::Node* n = container->path({"resources", part}); n && n->is_mapping())
      if (const yaml::Node* v = n->get(resource)) return v->as_int32().value_or(0);
  return 0;
}

// GPUs one pod requests, per GPU resource name.
std::map<std::string, long long, std::less<>> pod_gpus(const PodTemplate& pod)
{
  std::map<std::string, long long, std::less<>> out;
  for (const yaml::Node* c : pod.containers)
    for (std::string_view part : {"requests", "limits"})
      if (const yaml::Node* n = c->path({"resources", part}); n && n->is_mapping())
        for (auto [key, value] : n->entries())
          if (is_gpu_resource(key->str()) && !out.contains(key->str()))
            out[std::string(key->str())] = 0;
  for (auto& [resource, count] : out)
    for (const yaml::Node* c : pod.containers) count += container_gpus(c, resource);
  return out;
}

class GpuQuotaIndex {
public:
  explicit GpuQuotaIndex(const Graph& graph)
  {
    for (const Object* q : graph.of_kind("ResourceQuota")) add_quota(*q);
    if (m_quotas.empty()) return;
    for (const PodTemplate& pod : graph.pods())
      for (const auto& [resource, count] : pod_gpus(pod))
        if (auto it = m_quotas.find(key(pod.owner->scope, resource)); it != m_quotas.end())
          it->second.used += count * spec_replicas(*pod.owner);
  }
  const GpuQuota* find(std::string_view scope, std::string_view resource) const
  {
    auto it = m_quotas.find(key(scope, resource));
    return it == m_quotas.end() ? nullptr : &it->second;
  }

private:
  static std::string key(std::string_view scope, std::string_view resource)
  {
    return fmt::format("{}\n{}", scope, resource);
  }
  void add_quota(const Object& q)
  {
    if (!q.group.empty() || !q.spec || q.spec->get("scopes") || q.spec->get("scopeSelector")) return;
    const yaml::Node* hard = q.spec->get("hard");
    if (!hard || !hard->is_mapping()) return;
    for (auto [k, v] : hard->entries()) {
      std::string_view name = k->str();
      if (!name.starts_with("requests.") || !is_gpu_resource(name.substr(9))) continue;
      std::optional<long long> n = v->as_int32();
      if (!n) continue;
      GpuQuota& slot = m_quotas[key(q.scope, name.substr(9))];
      if (!slot.quota || *n < slot.hard) slot = {*n, &q, v, 0};
    }
  }
  std::map<std::string, GpuQuota, std::less<>> m_quotas;
};

// An IntOrString of a rolling update against `replicas`: a percentage rounds up for maxSurge, down for
// maxUnavailable, as the Deployment controller resolves them. Unset is 25%.
std::optional<long long> resolve_count(const yaml::Node* value, long long replicas, bool round_up)
{
  std::string_view text = value ? value->str() : "25%";
  if (!text.ends_with('%')) return value->as_int32();
  std::optional<long long> pct = yaml::parse_int(text.substr(0, text.size() - 1));
  if (!pct || *pct < 0) return std::nullopt;
  return (*pct * replicas + (round_up ? 99 : 0)) / 100;
}

bool literal_zero(const yaml::Node* n) { return n && (n->str() == "0" || n->str() == "0%"); }

void check_quota_fit(const CheckContext& ctx, const PodTemplate& pod, const yaml::Node* rolling, long long replicas)
{
  const Object& o = *pod.owner;
  const yaml::Node* surge_node = rolling ? rolling->get("maxSurge") : nullptr;
  std::optional<long long> surge = resolve_count(surge_node, replicas, true);
  std::optional<long long> unavailable = resolve_count(rolling ? rolling->get("maxUnavailable") : nullptr, replicas, false);
  if (!surge || *surge <= 0) return;
  const GpuQuotaIndex& index = ctx.graph.cached<GpuQuotaIndex>();
  for (const auto& [resource, per_pod] : pod_gpus(pod)) {
    const GpuQuota* q = index.find(o.scope, resource);
    long long need = *surge * per_pod;
    if (!q || per_pod <= 0 || need <= q->hard - q->used) continue;
    std::string effect = unavailable.value_or(0) > 0
                             ? fmt::format("the quota refuses them and the rollout advances only by taking {} pods down "
                                           "at a time",
                                           *unavailable)
                             : std::string("the quota refuses them and, with maxUnavailable 0, the rollout stalls");
    ctx.sink.report(o, surge_node ? surge_node : o.root->key_node("spec"),
                    fmt::format("{} surges {} pods{} needing {} {} during a rollout, but {} leaves {} of its {} "
                                "({} requested by the input's pods): {}",
                                o.display_name(), *surge, surge_node ? "" : " (maxSurge 25%, the default)", need,
                                resource, q->quota->display_name(), std::max(0LL, q->hard - q->used), q->hard, q->used,
                                effect),
                    {{q->quota, q->hard_node, fmt::format("requests.{}: {}", resource, q->hard)}});
  }
}

bool serving(const std::vector<std::string>& images, const PodTemplate& pod)
{
  return pod.serves_traffic && std::any_of(pod.containers.begin(), pod.containers.end(),
                                           [&](const yaml::Node* c) { return serves_requests(pod, c, images); });
}

void check_deployment(const CheckContext& ctx, const std::vector<std::string>& images, const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  const yaml::Node* strategy = o.spec->get("strategy");
  const yaml::Node* type = strategy ? strategy->get("type") : nullptr;
  long long replicas = spec_replicas(o);
  if (type && type->str() == "Recreate") {
    if (replicas >= 2 && serving(images, pod))
      ctx.sink.report(o, type, fmt::format("{} serves with {} replicas but rolls out with Recreate: every replica "
                                           "stops before the new ones start loading, so each rollout is an outage",
                                           o.display_name(), replicas));
    return;
  }
  const yaml::Node* rolling = strategy ? strategy->get("rollingUpdate") : nullptr;
  const yaml::Node* surge = rolling ? rolling->get("maxSurge") : nullptr;
  const yaml::Node* unavailable = rolling ? rolling->get("maxUnavailable") : nullptr;
  if (literal_zero(surge) && literal_zero(unavailable)) {
    ctx.sink.report(o, unavailable, "rollingUpdate sets maxSurge and maxUnavailable both to 0: the rollout can neither "
                                    "add a pod nor remove one (the API server rejects it)");
    return;
  }
  check_quota_fit(ctx, pod, rolling, replicas);
}

}  // namespace

void check_rollout_capacity(const CheckContext& ctx)
{
  const std::vector<std::string> images = ctx.rule.param_strings("modelServerImages");
  for (const PodTemplate& pod : ctx.pods())
    if (pod.owner->is("Deployment", "apps") && pod.owner->spec) check_deployment(ctx, images, pod);
}

}  // namespace readyctl::lint
