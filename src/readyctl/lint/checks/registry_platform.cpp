// The platform area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/platform_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> platform_check_families()
{
  static constexpr CheckFamily families[] = {
      {"dapr-access-control", &check_dapr_access_control},
      {"dapr-scopes", &check_dapr_scopes, CheckScope::per_object},
      {"pubsub-dead-letter", &check_pubsub_dead_letter},
      {"resiliency-coverage", &check_resiliency_coverage, CheckScope::per_object},
      {"resiliency-reference", &check_resiliency_reference},
      {"tool-call-audit", &check_tool_call_audit},
      {"workflow-concurrency", &check_workflow_concurrency},
      {"workflow-state-store", &check_workflow_state_store},
  };
  return families;
}

// What each family implements and reads (lint/family_contract.hpp), beside the families above.
std::span<const FamilyContract> platform_family_contracts()
{
  static constexpr FamilyContract contracts[] = {
      {"dapr-access-control", {}, {}},
      {"dapr-scopes", {}, {}},
      {"pubsub-dead-letter", {}, {}},
      {"resiliency-coverage", {}, {}},
      {"resiliency-reference", {}, {}},
      {"tool-call-audit", {}, {}},
      {"workflow-concurrency", {}, {}},
      {"workflow-state-store", {}, {}},
  };
  return contracts;
}

}  // namespace readyctl::lint
