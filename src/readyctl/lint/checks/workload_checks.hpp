// Families of the workload area.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

void check_env_duplicate(const CheckContext& ctx);
void check_api_validity(const CheckContext& ctx);
void check_gpu_limits(const CheckContext& ctx);
void check_gpu_node_pool(const CheckContext& ctx);
void check_graceful_shutdown(const CheckContext& ctx);
void check_image_pinned(const CheckContext& ctx);
void check_job_limits(const CheckContext& ctx);
void check_kernel_hardening(const CheckContext& ctx);
void check_model_cache_storage(const CheckContext& ctx);
void check_priority(const CheckContext& ctx);
void check_probes(const CheckContext& ctx);
void check_replica_spread(const CheckContext& ctx);
void check_remote_shell(const CheckContext& ctx);
void check_required_metadata(const CheckContext& ctx);
void check_resources(const CheckContext& ctx);
void check_rollout_capacity(const CheckContext& ctx);
void check_secret_literal(const CheckContext& ctx);
void check_security_context(const CheckContext& ctx);
void check_selector_match(const CheckContext& ctx);
void check_service_account(const CheckContext& ctx);
void check_static_cloud_credentials(const CheckContext& ctx);
void check_workload_rbac(const CheckContext& ctx);

}  // namespace readyctl::lint
