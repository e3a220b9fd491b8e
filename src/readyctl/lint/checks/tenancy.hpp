// Which namespaces are tenants, and which pods a Kueue quota already caps: shared by tenant-quota and
// network-policy (infrastructure namespaces) and gpu-node-pool (queued pods).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

// A namespace the platform runs itself in (kube-system, istio-system, an operator's namespace): matched against
// the rule's `infrastructureNamespaces` globs, or an operator's install namespace in the input: the input defines
// a CustomResourceDefinition and binds a ClusterRole to a ServiceAccount of that namespace (OME installs into `ome`,
// which no list names). The unstated namespace is never one: it is wherever it is applied.
bool is_infrastructure_namespace(const Graph& graph, std::string_view ns, const std::vector<std::string>& patterns);

// Whether the input governs the namespace of `scope` (Object::scope): it creates it (a Namespace object of that
// name, not one of those Kubernetes makes itself) or sets policy in it (a ResourceQuota, LimitRange or NetworkPolicy there). Pods the input only deploys into
// a namespace made and governed elsewhere (a sample's unstated namespace, `default`, the namespace an install
// manifest is applied to) land where the platform keeps quota and policy out of the input's sight, so a rule that
// asks for that namespace's quota or policy would be guessing (the existence-check rule of RULES.md's wave 2).
bool governs_namespace(const Graph& graph, std::string_view scope);

// The pods' `kueue.x-k8s.io/queue-name` label, else the owner's (Kueue reads either): null when not queued.
const yaml::Node* kueue_queue_label(const PodTemplate& pod);

// Kueue LocalQueues and the ClusterQueues they point at. A ClusterQueue admits a workload only within the
// nominalQuota of its flavors (plus what it may borrow in its cohort), and admits nothing for resources it does not
// cover, so a pod queued through it is capped as a ResourceQuota would cap it.
class KueueQuotas {
public:
  explicit KueueQuotas(const Graph& graph);
  // The ClusterQueue with a nominalQuota that caps the pod: its queue label names a LocalQueue of its namespace in
  // the input (an unstated namespace on either side matches any), whose spec.clusterQueue is in the input. Null
  // otherwise, also when the queue objects are defined outside the input (their quota cannot be seen).
  const Object* capping_queue(const PodTemplate& pod) const;

private:
  std::multimap<std::string_view, const Object*, std::less<>> m_local_queues;  // by name
  std::map<std::string_view, const Object*, std::less<>> m_capping_cluster_queues;  // by name, with a nominalQuota
};

}  // namespace readyctl::lint
