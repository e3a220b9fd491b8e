// Families of the platform area.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

void check_dapr_access_control(const CheckContext& ctx);
void check_dapr_scopes(const CheckContext& ctx);
void check_pubsub_dead_letter(const CheckContext& ctx);
void check_resiliency_coverage(const CheckContext& ctx);
void check_resiliency_reference(const CheckContext& ctx);
void check_tool_call_audit(const CheckContext& ctx);
void check_workflow_concurrency(const CheckContext& ctx);
void check_workflow_state_store(const CheckContext& ctx);

}  // namespace readyctl::lint
