// tenant-quota: every namespace with workloads has a ResourceQuota capping pods, CPU, memory and requested GPUs.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/tenancy.hpp"

namespace readyctl::lint {
namespace {

struct Tenant {
  std::vector<const PodTemplate*> pods;
  std::vector<std::string> gpus;  // GPU resource names requested or limited by its pods
};

void add_gpus(const PodTemplate& pod, std::vector<std::string>& out)
{
  for (const auto* list : {&pod.containers, &pod.init_containers})
    for (const yaml::Node* c : *list)
      for (std::string_view part : {"limits", "requests"}) {
        const yaml::Node* amounts = c->path({"resources", part});
        if (!amounts || !amounts->is_mapping()) continue;
        for (auto [key, value] : amounts->entries())
          if (is_gpu_resource(key->str()) && std::find(out.begin(), out.end(), key->str()) == out.end())
            out.emplace_back(key->str());
      }
}

// A quota with scopes or a scopeSelector caps only some pods (BestEffort, a PriorityClass…), not the tenant.
bool namespace_wide(const Object& quota)
{
  return quota.spec && !quota.spec->get("scopes") && !quota.spec->get("scopeSelector");
}

bool caps(const std::vector<const Object*>& quotas, std::initializer_list<std::string_view> keys)
{
  for (const Object* q : quotas)
    if (const yaml::Node* hard = q->spec->get("hard"))
      for (std::string_view k : keys)
        if (hard->get(k)) return true;
  return false;
}

std::vector<std::string> missing_caps(const std::vector<const Object*>& quotas, const Tenant& tenant)
{
  std::vector<std::string> missing;
  if (!caps(quotas, {"pods", "count/pods"})) missing.emplace_back("pods");
  if (!caps(quotas, {"cpu", "requests.cpu", "limits.cpu"})) missing.emplace_back("cpu (requests.cpu or limits.cpu)");
  if (!caps(quotas, {"memory", "requests.memory", "limits.memory"}))
    missing.emplace_back("memory (requests.memory or limits.memory)");
  for (const std::string& gpu : tenant.gpus) {
    std::string key = "requests." + gpu;
    if (!caps(quotas, {key})) missing.push_back(key);
  }
  return missing;
}

std::string join(const std::vector<std::string>& parts)
{
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// The tenants by namespace, with the pods no quota outside the namespace caps: infrastructure namespaces are not
// tenants, and pods queued through a Kueue ClusterQueue with a nominalQuota are capped by it.
std::map<std::string_view, Tenant> collect_tenants(const CheckContext& ctx)
{
  const std::vector<std::string> infrastructure = ctx.rule.param_strings("infrastructureNamespaces");
  const KueueQuotas& kueue = ctx.graph.cached<KueueQuotas>();
  std::map<std::string_view, Tenant> tenants;
  for (const PodTemplate& pod : ctx.graph.pods()) {
    if (is_infrastructure_namespace(ctx.graph, pod.owner->scope, infrastructure) || kueue.capping_queue(pod)) continue;
    Tenant& t = tenants[pod.owner->scope];
    t.pods.push_back(&pod);
    add_gpus(pod, t.gpus);
  }
  return tenants;
}

}  // namespace

void check_tenant_quota(const CheckContext& ctx)
{
  const bool governed_only = ctx.rule.param_bool("governedNamespacesOnly");
  for (const auto& [ns, tenant] : collect_tenants(ctx)) {
    if (governed_only && !governs_namespace(ctx.graph, ns)) continue;
    std::vector<const Object*> quotas;
    for (const Object* q : ctx.graph.of_kind_in("ResourceQuota", ns))
      if (q->is("ResourceQuota", "") && namespace_wide(*q)) quotas.push_back(q);
    std::vector<std::string> missing = missing_caps(quotas, tenant);
    if (missing.empty()) continue;
    std::string name = scope_label(ns);
    std::string gpus = tenant.gpus.empty() ? "" : fmt::format("; its pods request {}", tenant.gpus.front());
    if (!quotas.empty()) {
      const Object& q = *quotas.front();
      const yaml::Node* hard = q.spec->get("hard");
      ctx.sink.report(q, hard ? q.spec->key_node("hard") : q.root->key_node("spec"),
                      fmt::format("ResourceQuotas of {} do not cap {}{}: one tenant can take the cluster's "
                                  "capacity", name, join(missing), gpus));
      continue;
    }
    const Object* anchor = ns.empty() ? nullptr : ctx.graph.find("Namespace", "", ns);
    if (!anchor) anchor = tenant.pods.front()->owner;
    ctx.sink.report(*anchor, anchor->kind == "Namespace" ? nullptr : anchor->root->key_node("metadata"),
                    fmt::format("{} holds workloads ({}{}) but no namespace-wide ResourceQuota caps {}",
                                name, tenant.pods.front()->owner->display_name(),
                                tenant.pods.size() > 1 ? fmt::format(" and {} more", tenant.pods.size() - 1) : "", join(missing) + gpus));
  }
}

}  // namespace readyctl::lint
