// Families of the cluster area: RBAC, namespaces and cross-resource policies.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

void check_autoscaling_bounds(const CheckContext& ctx);
void check_dangling_reference(const CheckContext& ctx);
void check_dangling_selector(const CheckContext& ctx);
void check_default_namespace(const CheckContext& ctx);
void check_disruption_budget(const CheckContext& ctx);
void check_exposed_service(const CheckContext& ctx);
void check_ingress_tls(const CheckContext& ctx);
void check_mtls(const CheckContext& ctx);
void check_network_policy(const CheckContext& ctx);
void check_rbac(const CheckContext& ctx);  // rbac-wildcard, rbac-secrets, rbac-escalation, rbac-cluster-scope
void check_replica_floor(const CheckContext& ctx);
void check_tenant_quota(const CheckContext& ctx);
void check_workload_identity(const CheckContext& ctx);

}  // namespace readyctl::lint
