// A check family: the C++ logic one or more declarative rules bind to by name (`check:` in the rule file).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/rule.hpp"
#include "readyctl/lint/sink.hpp"
#include "readyctl/lint/window.hpp"

namespace readyctl::lint {

// `graph` answers lookups across every input; `window` is what this call walks. A per-object family walks
// ctx.pods(), ctx.objects() and ctx.of_kind() and looks up everything else in ctx.graph.
struct CheckContext {
  const Graph& graph;
  const Rule& rule;
  FindingSink& sink;
  const Window& window;

  std::span<const Object> objects() const { return window.objects(); }
  std::span<const PodTemplate> pods() const { return window.pods(); }
  std::span<const Object* const> of_kind(std::string_view kind) const { return window.of_kind(kind); }
};

using CheckFn = void (*)(const CheckContext&);

// What a family's findings depend on. A per-object family's findings about the objects it walks depend on those
// objects and on lookups in the whole graph only, never on the other objects it walked; the engine runs it window
// by window, so that every per-object rule reads a window's trees while they are still in the cache.
enum class CheckScope : uint8_t { whole_graph, per_object };

// One row per family: its name (what rule files write as `check:`), its logic, and its contract, so a family
// cannot exist without one.
struct CheckFamily {
  std::string_view name;
  CheckFn run;
  CheckScope scope;
  FamilyContract contract;  // the rule ids it tells apart and the parameters it reads, typed
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
