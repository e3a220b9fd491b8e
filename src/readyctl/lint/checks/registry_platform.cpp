// The platform area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/platform_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> platform_check_families()
{
  static constexpr CheckFamily families[] = {
      {"dapr-access-control", &check_dapr_access_control, CheckScope::whole_graph, {}},
      {"dapr-scopes", &check_dapr_scopes, CheckScope::per_object, {}},
      {"pubsub-dead-letter", &check_pubsub_dead_letter, CheckScope::whole_graph, {}},
      {"resiliency-coverage", &check_resiliency_coverage, CheckScope::per_object, {}},
      {"resiliency-reference", &check_resiliency_reference, CheckScope::whole_graph, {}},
      {"tool-call-audit", &check_tool_call_audit, CheckScope::whole_graph, {}},
      {"workflow-concurrency", &check_workflow_concurrency, CheckScope::whole_graph, {}},
      {"workflow-state-store", &check_workflow_state_store, CheckScope::whole_graph, {}},
  };
  return families;
}

}  // namespace readyctl::lint
