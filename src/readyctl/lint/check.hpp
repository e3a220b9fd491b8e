// A check family: the C++ logic one or more declarative rules bind to by name (`check:` in the rule file).
#pragma once
#include <span>
#include <string_view>

#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/rule.hpp"
#include "readyctl/lint/sink.hpp"

namespace readyctl::lint {

struct CheckContext {
  const Graph& graph;
  const Rule& rule;
  FindingSink& sink;
};

using CheckFn = void (*)(const CheckContext&);

struct CheckFamily {
  std::string_view name;
  CheckFn run;
};

// Every family, from every area registry (checks/registry_*.cpp), for lookup by name.
std::span<const CheckFamily> check_families();
const CheckFamily* find_check_family(std::string_view name);

// Area registries: each area lists its families alphabetically in checks/registry_<area>.cpp.
std::span<const CheckFamily> engine_check_families();
std::span<const CheckFamily> workload_check_families();
std::span<const CheckFamily> cluster_check_families();
std::span<const CheckFamily> guardrail_check_families();
std::span<const CheckFamily> platform_check_families();

}  // namespace readyctl::lint
