// default-namespace: namespaced objects do not live in `default`.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {
namespace {

// Kinds that have no namespace, so `default` cannot apply to them.
constexpr std::string_view k_cluster_kinds[] = {
    "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
    "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "PriorityClass", "RuntimeClass", "IngressClass",
    "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "APIService",
    "CertificateSigningRequest", "PodSecurityPolicy", "FlowSchema", "PriorityLevelConfiguration", "GatewayClass",
    "ResourceFlavor", "Topology", "ClusterSPIFFEID", "ClusterStaticEntry", "ClusterFederatedTrustDomain",
    "DeviceClass", "ResourceSlice", "IPAddress", "ServiceCIDR", "VolumeAttributesClass", "ClusterTrustBundle",
    "ComponentStatus", "List"};

bool cluster_scoped(const Graph& graph, const Object& o)
{
  if (std::find(std::begin(k_cluster_kinds), std::end(k_cluster_kinds), o.kind) != std::end(k_cluster_kinds)) return true;
  for (const Object* crd : graph.of_kind("CustomResourceDefinition")) {
    if (!crd->spec) continue;
    const yaml::Node* kind = crd->spec->path({"names", "kind"});
    const yaml::Node* group = crd->spec->get("group");
    if (kind && group && kind->str() == o.kind && canonical_group(group->str(), o.kind) == o.group) {
      const yaml::Node* scope = crd->spec->get("scope");
      return scope && scope->str() == "Cluster";
    }
  }
  // ClusterIssuer, ClusterQueue, ClusterServingRuntime, ClusterPolicy…: cluster-scoped by convention.
  return o.kind.starts_with("Cluster");
}

}  // namespace

void check_default_namespace(const CheckContext& ctx)
{
  bool missing_counts = ctx.rule.param_bool("missingNamespace");
  for (const Object& o : ctx.graph.objects()) {
    if (o.kind.empty() || !o.metadata) continue;
    const yaml::Node* ns = o.metadata->get("namespace");
    if (ns && ns->str() == "default") {
      if (cluster_scoped(ctx.graph, o)) continue;
      ctx.sink.report(o, ns, fmt::format("{} is in the 'default' namespace, shared by everything that names no namespace", o.display_name()));
    } else if (!ns && missing_counts && !cluster_scoped(ctx.graph, o)) {
      ctx.sink.report(o, o.root->key_node("metadata"),
                      fmt::format("{} names no namespace: it lands in whatever namespace kubectl's context points at, "
                                  "'default' unless told otherwise", o.display_name()));
    }
  }
}

}  // namespace readyctl::lint
