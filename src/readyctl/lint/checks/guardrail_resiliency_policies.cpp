#include "readyctl/lint/checks/guardrail_resiliency_policies.hpp"

#include <fmt/format.h>

#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint::guardrail {

std::string DaprTarget::describe() const
{
  std::string_view what = section == "apps" ? "app" : section == "actors" ? "actor" : "component";
  if (direction.empty()) return fmt::format("{} {}", what, name);
  return fmt::format("{} {} ({})", what, name, direction);
}

bool is_dapr_resiliency(const Object& o) { return o.is("Resiliency", k_dapr_group) && o.spec && o.spec->is_mapping(); }

std::vector<DaprPolicy> dapr_policies(const Object& resiliency, std::string_view section)
{
  std::vector<DaprPolicy> out;
  const yaml::Node* policies = resiliency.spec ? resiliency.spec->path({"policies", section}) : nullptr;
  if (!policies) return out;
  for (auto [key, value] : policies->entries()) out.push_back({key->str(), key, value});
  return out;
}

namespace {

// A direction block that is null or `{}` names no policy for that direction, so it is not a target to judge:
// `inbound: {}` beside a full `outbound` is a placeholder, not a target left without a timeout.
bool configures_direction(const yaml::Node* block) { return block && block->is_mapping() && block->size() > 0; }

}  // namespace

std::vector<DaprTarget> dapr_targets(const Object& resiliency)
{
  std::vector<DaprTarget> out;
  const yaml::Node* targets = resiliency.spec ? resiliency.spec->get("targets") : nullptr;
  if (!targets) return out;
  for (std::string_view section : {"apps", "actors"})
    if (const yaml::Node* list = targets->get(section))
      for (auto [key, value] : list->entries())
        if (value->is_mapping()) out.push_back({section, key->str(), "", key, value});
  if (const yaml::Node* components = targets->get("components"))
    for (auto [key, value] : components->entries())
      for (std::string_view direction : {"outbound", "inbound"})
        if (const yaml::Node* block = value->get(direction); configures_direction(block))
          out.push_back({"components", key->str(), direction, value->key_node(direction), block});
  return out;
}

}  // namespace readyctl::lint::guardrail
