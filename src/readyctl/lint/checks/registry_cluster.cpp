// The cluster area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> cluster_check_families()
{
  static constexpr CheckFamily families[] = {
      {"autoscaling-bounds", &check_autoscaling_bounds},
      {"dangling-reference", &check_dangling_reference, CheckScope::per_object},
      {"dangling-selector", &check_dangling_selector, CheckScope::per_object},
      {"default-namespace", &check_default_namespace},
      {"disruption-budget", &check_disruption_budget},
      {"exposed-service", &check_exposed_service, CheckScope::per_object},
      {"mtls-strict", &check_mtls, CheckScope::per_object},
      {"network-policy", &check_network_policy},
      {"rbac", &check_rbac, CheckScope::per_object},
      {"tenant-quota", &check_tenant_quota},
      {"workload-identity", &check_workload_identity},
  };
  return families;
}

}  // namespace readyctl::lint
