// The cluster area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> cluster_check_families()
{
  static constexpr CheckFamily families[] = {
      {"autoscaling-bounds", &check_autoscaling_bounds},
      {"default-namespace", &check_default_namespace},
      {"disruption-budget", &check_disruption_budget},
      {"ingress-tls", &check_ingress_tls, CheckScope::per_object},
      {"mtls-strict", &check_mtls, CheckScope::per_object},
      {"network-policy", &check_network_policy},
      {"rbac", &check_rbac, CheckScope::per_object},
      {"replica-floor", &check_replica_floor},
      {"tenant-quota", &check_tenant_quota},
      {"workload-identity", &check_workload_identity},
  };
  return families;
}

}  // namespace readyctl::lint
