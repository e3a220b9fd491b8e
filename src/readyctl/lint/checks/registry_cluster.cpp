// The cluster area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> cluster_check_families()
{
  // The variants and parameters the families declare (lint/family_contract.hpp).
  static constexpr std::string_view infrastructure_namespaces =
      R"(["kube-*", "*-system", "*-operator", "*-operators", "openshift-*", "system", "monitoring", "*-monitoring",
          "gpu-operator", "nvidia-device-plugin", "cert-manager", "keda", "kserve", "knative-serving",
          "knative-eventing", "ingress-nginx", "spire", "spire-server"])";
  static constexpr ParamSpec autoscaling_bounds[] = {
      {"maxReplicas", ParamType::integer, "50", "the highest ceiling an HPA or ScaledObject may set"},
  };
  static constexpr ParamSpec default_namespace[] = {
      {"missingNamespace", ParamType::boolean, "false", "also report namespaced objects that name no namespace"},
  };
  static constexpr ParamSpec network_policy[] = {
      {"governedNamespacesOnly", ParamType::boolean, "true", "judge only namespaces the input creates or governs"},
      {"infrastructureNamespaces", ParamType::string_list, infrastructure_namespaces,
       "namespaces (globs) where the platform runs itself, not tenants"},
      {"agentLabels", ParamType::string_list, R"(["readyctl.io/role=agent"])",
       "labels (key=value, or key) that mark an agent namespace"},
      {"agentNamespaces", ParamType::string_list, "[]", "namespaces that are agent namespaces whatever their labels"},
  };
  static constexpr std::string_view rbac_rules[] = {"rbac-cluster-scope", "rbac-escalation", "rbac-secrets", "rbac-wildcard"};
  static constexpr ParamSpec rbac[] = {
      {"controllerRoles", ParamType::boolean, "false",
       "also report, as notes, the create grants of a controller's own role (one that writes status or finalizers)",
       "rbac-escalation"},
  };
  static constexpr ParamSpec tenant_quota[] = {
      {"governedNamespacesOnly", ParamType::boolean, "true", "judge only namespaces the input creates or governs"},
      {"infrastructureNamespaces", ParamType::string_list, infrastructure_namespaces,
       "namespaces (globs) where the platform runs itself, not tenants"},
  };
  static constexpr ParamSpec workload_identity[] = {
      {"agentLabels", ParamType::string_list, R"(["readyctl.io/role=agent"])", "pod or workload labels that mark an agent"},
  };
  static constexpr ParamSpec disruption_budget[] = {
      k_model_server_images_param,
  };
  static constexpr ParamSpec exposed_service[] = {
      {"allowedAnnotations", ParamType::string_list,
       R"(["networking.gke.io/load-balancer-type=Internal", "cloud.google.com/load-balancer-type=Internal",
           "service.beta.kubernetes.io/aws-load-balancer-internal=true",
           "service.beta.kubernetes.io/aws-load-balancer-scheme=internal",
           "service.beta.kubernetes.io/azure-load-balancer-internal=true",
           "service.beta.kubernetes.io/oci-load-balancer-internal=true",
           "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type=private"])",
       "Service annotations (key=value, or key) that make an exposure acceptable, e.g. an internal load balancer"},
      k_model_server_images_param,
      {"agentLabels", ParamType::string_list, R"(["readyctl.io/role=agent"])",
       "pod or workload labels (key=value, or key) that mark an agent"},
  };
  static constexpr ParamSpec ingress_tls[] = {
      {"certificateAnnotations", ParamType::string_list,
       R"(["alb.ingress.kubernetes.io/certificate-arn", "ingress.gcp.kubernetes.io/pre-shared-cert",
           "networking.gke.io/managed-certificates"])",
       "annotations that name a certificate the ingress controller terminates TLS with"},
      {"passthroughAnnotations", ParamType::string_list,
       R"(["nginx.ingress.kubernetes.io/ssl-passthrough", "haproxy.org/ssl-passthrough"])",
       "annotations that, set to \"true\", pass the TLS connection through to the backend, which terminates it"},
  };
  static constexpr ParamSpec replica_floor[] = {
      {"minReplicas", ParamType::integer, "2", "the fewest pods a Deployment, StatefulSet or autoscaler minimum may keep"},
  };
  static constexpr CheckFamily families[] = {
      {"autoscaling-bounds", &check_autoscaling_bounds, CheckScope::whole_graph, {{}, autoscaling_bounds}},
      {"dangling-reference", &check_dangling_reference, CheckScope::per_object, {}},
      {"dangling-selector", &check_dangling_selector, CheckScope::per_object, {}},
      {"default-namespace", &check_default_namespace, CheckScope::whole_graph, {{}, default_namespace}},
      {"disruption-budget", &check_disruption_budget, CheckScope::whole_graph, {{}, disruption_budget}},
      {"exposed-service", &check_exposed_service, CheckScope::per_object, {{}, exposed_service}},
      {"ingress-tls", &check_ingress_tls, CheckScope::per_object, {{}, ingress_tls}},
      {"mtls-strict", &check_mtls, CheckScope::per_object, {}},
      {"network-policy", &check_network_policy, CheckScope::whole_graph, {{}, network_policy}},
      {"rbac", &check_rbac, CheckScope::per_object, {rbac_rules, rbac}},
      {"replica-floor", &check_replica_floor, CheckScope::whole_graph, {{}, replica_floor}},
      {"tenant-quota", &check_tenant_quota, CheckScope::whole_graph, {{}, tenant_quota}},
      {"workload-identity", &check_workload_identity, CheckScope::whole_graph, {{}, workload_identity}},
  };
  return families;
}

}  // namespace readyctl::lint
