#include "readyctl/gameday/action_types.hpp"

#include <fmt/format.h>

#include "readyctl/gameday/schema.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

// Starting a process or waiting for one prepares the drill; signalling, stopping or restarting it is the fault.
bool process_faults(const Json& spec)
{
  std::string op = json_text(spec.value("op", Json()));
  return op != "start" && op != "wait";
}

bool never_faults(const Json&) { return false; }

constexpr ActionType k_action_types[] = {
    {"exec", &run_exec_action, &check_exec_action},
    {"http", &run_http_action, &check_http_action},
    {"process", &run_process_action, &check_process_action, true, Announce::before_run, &process_faults, true},
    {"kubernetes", &run_kubernetes_action, &check_kubernetes_action, true, Announce::with_targets, nullptr, false,
     true},
    {"sleep", &run_sleep_action, &check_sleep_action, false, Announce::never, &never_faults},
    // The undo of cordon and drain (uncordon), registered by the kubernetes driver.
    {"kubectl", &run_kubectl_undo, nullptr, true, Announce::before_run, nullptr, false, true},
};

}  // namespace

std::span<const ActionType> action_types() { return k_action_types; }

const ActionType* find_action_type(std::string_view name)
{
  for (const ActionType& t : k_action_types)
    if (t.name == name) return &t;
  return nullptr;
}

std::string action_type_listing()
{
  std::string out;
  for (const ActionType& t : k_action_types)
    if (t.check) out += fmt::format("{}{}", out.empty() ? "" : ", ", t.name);
  return out;
}

const ActionType& sleep_action_type() { return *find_action_type("sleep"); }

}  // namespace readyctl::gameday
