// Dapr Resiliency as the guardrail checks read it: named policies and the targets that use them.
#pragma once
#include <string_view>
#include <vector>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint::guardrail {

// One named policy of `spec.policies.<section>` (timeouts, retries, circuitBreakers).
struct DaprPolicy {
  std::string_view name;
  const yaml::Node* key = nullptr;
  const yaml::Node* value = nullptr;  // a mapping for retries and circuit breakers, a duration for timeouts
};

// One target block that may name policies: `targets.apps.<id>`, `targets.actors.<type>`, or one direction of
// `targets.components.<name>.outbound|inbound` that sets something (a null or `{}` direction is left out).
struct DaprTarget {
  std::string_view section;    // apps, actors, components
  std::string_view name;       // the app-id, actor type or component name
  std::string_view direction;  // outbound / inbound for components, "" otherwise
  const yaml::Node* key = nullptr;
  const yaml::Node* block = nullptr;

  std::string describe() const;  // "app order-processor", "component statestore (outbound)"
};

bool is_dapr_resiliency(const Object& o);
std::vector<DaprPolicy> dapr_policies(const Object& resiliency, std::string_view section);
std::vector<DaprTarget> dapr_targets(const Object& resiliency);

}  // namespace readyctl::lint::guardrail
