#include <vector>

#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> check_families()
{
  static const std::vector<CheckFamily> all = [] {
    std::vector<CheckFamily> v;
    for (auto area : {engine_check_families(), workload_check_families(), cluster_check_families(),
                      guardrail_check_families(), platform_check_families()})
      v.insert(v.end(), area.begin(), area.end());
    return v;
  }();
  return all;
}

const CheckFamily* find_check_family(std::string_view name)
{
  for (const CheckFamily& f : check_families())
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace readyctl::lint
