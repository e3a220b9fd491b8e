// The workload area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> workload_check_families()
{
  static constexpr CheckFamily families[] = {
      {"gpu-limits", &check_gpu_limits},
      {"gpu-node-pool", &check_gpu_node_pool},
      {"graceful-shutdown", &check_graceful_shutdown},
      {"image-pinned", &check_image_pinned},
      {"priority", &check_priority},
      {"probes", &check_probes},
      {"resources", &check_resources},
      {"secret-literal", &check_secret_literal},
      {"security-context", &check_security_context},
      {"service-account", &check_service_account},
      {"static-cloud-credentials", &check_static_cloud_credentials},
  };
  return families;
}

}  // namespace readyctl::lint
