// The workload area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> workload_check_families()
{
  static constexpr CheckFamily families[] = {
      {"api-validity", &check_api_validity, CheckScope::per_object},
      {"gpu-limits", &check_gpu_limits, CheckScope::per_object},
      {"gpu-node-pool", &check_gpu_node_pool, CheckScope::per_object},
      {"graceful-shutdown", &check_graceful_shutdown, CheckScope::per_object},
      {"image-pinned", &check_image_pinned, CheckScope::per_object},
      {"priority", &check_priority, CheckScope::per_object},
      {"probes", &check_probes, CheckScope::per_object},
      {"remote-shell", &check_remote_shell, CheckScope::per_object},
      {"resources", &check_resources, CheckScope::per_object},
      {"secret-literal", &check_secret_literal, CheckScope::per_object},
      {"security-context", &check_security_context, CheckScope::per_object},
      {"service-account", &check_service_account, CheckScope::per_object},
      {"static-cloud-credentials", &check_static_cloud_credentials, CheckScope::per_object},
  };
  return families;
}

}  // namespace readyctl::lint
