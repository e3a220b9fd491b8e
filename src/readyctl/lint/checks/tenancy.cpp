#include "readyctl/lint/checks/tenancy.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/bound_accounts.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_kueue_group = "kueue.x-k8s.io";

// spec.resourceGroups[].flavors[].resources[].nominalQuota, on any resource.
bool sets_nominal_quota(const Object& cluster_queue)
{
  const yaml::Node* groups = cluster_queue.spec ? cluster_queue.spec->get("resourceGroups") : nullptr;
  if (!groups || !groups->is_sequence()) return false;
  for (const yaml::Node* group : groups->children()) {
    const yaml::Node* flavors = group->get("flavors");
    if (!flavors || !flavors->is_sequence()) continue;
    for (const yaml::Node* flavor : flavors->children()) {
      const yaml::Node* resources = flavor->get("resources");
      if (!resources || !resources->is_sequence()) continue;
      for (const yaml::Node* r : resources->children())
        if (r->get("nominalQuota")) return true;
    }
  }
  return false;
}

// The namespaces whose ServiceAccounts a ClusterRoleBinding names, when the input also defines a CRD: where an
// operator the input installs runs its controller.
class OperatorNamespaces {
public:
  explicit OperatorNamespaces(const Graph& graph)
  {
    if (graph.of_kind("CustomResourceDefinition").empty()) return;
    for (std::string_view ns : graph.cached<BoundAccounts>().cluster_subject_namespaces()) m_namespaces.emplace(ns);
  }
  bool contains(std::string_view ns) const { return m_namespaces.find(ns) != m_namespaces.end(); }

private:
  std::set<std::string, std::less<>> m_namespaces;
};

}  // namespace

bool governs_namespace(const Graph& graph, std::string_view scope)
{
  // A Namespace object for one Kubernetes makes itself (default, kube-system, kube-public, kube-node-lease) creates
  // nothing: applying it is a no-op.
  const bool built_in = scope == "default" || scope == "kube-system" || scope == "kube-public" || scope == "kube-node-lease";
  if (!scope.empty() && !built_in && graph.find("Namespace", "", scope)) return true;
  for (std::string_view kind : {"ResourceQuota", "LimitRange", "NetworkPolicy"})
    for (const Object* o : graph.of_kind(kind))
      if (o->scope == scope) return true;
  return false;
}

bool is_infrastructure_namespace(const Graph& graph, std::string_view ns, const std::vector<std::string>& patterns)
{
  if (ns.empty()) return false;
  if (std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return glob_match(p, ns); })) return true;
  // Another deployment unit of the input may install the operator there (Node Feature Discovery's prune overlay
  // runs its cleanup Job in the namespace the other overlays install NFD's CRDs and controllers into).
  return graph.cached<OperatorNamespaces>().contains(ns) ||
         (graph.input() && graph.input()->cached<OperatorNamespaces>().contains(ns));
}

const yaml::Node* kueue_queue_label(const PodTemplate& pod)
{
  constexpr std::string_view label = "kueue.x-k8s.io/queue-name";
  if (const yaml::Node* own = pod.labels() ? pod.labels()->get(label) : nullptr) return own;
  return pod.owner->labels() ? pod.owner->labels()->get(label) : nullptr;
}

KueueQuotas::KueueQuotas(const Graph& graph)
{
  for (const Object* q : graph.of_kind("LocalQueue"))
    if (q->is("LocalQueue", k_kueue_group)) m_local_queues.emplace(q->name, q);
  for (const Object* q : graph.of_kind("ClusterQueue"))
    if (q->is("ClusterQueue", k_kueue_group) && sets_nominal_quota(*q)) m_capping_cluster_queues.emplace(q->name, q);
}

const Object* KueueQuotas::capping_queue(const PodTemplate& pod) const
{
  const yaml::Node* label = kueue_queue_label(pod);
  if (!label || label->str().empty()) return nullptr;
  std::string_view ns = pod.owner->ns;
  auto [lo, hi] = m_local_queues.equal_range(label->str());
  for (auto it = lo; it != hi; ++it) {
    const Object& local = *it->second;
    if (local.ns != ns && !local.ns.empty() && !ns.empty()) continue;
    std::string_view cluster_queue = local.spec ? local.spec->str_at("clusterQueue") : std::string_view();
    if (auto cq = m_capping_cluster_queues.find(cluster_queue); cq != m_capping_cluster_queues.end()) return cq->second;
  }
  return nullptr;
}

}  // namespace readyctl::lint
