#include "readyctl/gameday/action_types.hpp"

#include <fmt/format.h>

#include "readyctl/gameday/schema.hpp"

namespace readyctl::gameday {

namespace {

// Starting a process or waiting for one prepares the drill; signalling, stopping or restarting it is the fault.
bool process_faults(const ActionSpec& spec)
{
  const std::string& op = std::get<ProcessActionSpec>(spec).op;
  return op != "start" && op != "wait";
}

bool never_faults(const ActionSpec&) { return false; }

// A row's reader and driver for the spec type it owns: the row picks the variant's alternative.
template <class Spec>
ActionSpec action_read(const TemplateReader& r, const Json& block)
{
  return read_spec<Spec>(r, block);
}

template <class Spec, ActionResult (*Run)(const Spec&, ActionEnv&, const BeforeInject&)>
ActionResult action_run(const ActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  return Run(std::get<Spec>(spec), env, before_inject);
}

constexpr ActionType k_action_types[] = {
    {"exec", &action_read<ExecActionSpec>, &action_run<ExecActionSpec, &run_exec_action>,
     &check_exec_action},
    {"http", &action_read<HttpActionSpec>, &action_run<HttpActionSpec, &run_http_action>,
     &check_http_action},
    {"process", &action_read<ProcessActionSpec>,
     &action_run<ProcessActionSpec, &run_process_action>, &check_process_action, true, Announce::before_run,
     &process_faults, true},
    {"kubernetes", &action_read<KubeActionSpec>,
     &action_run<KubeActionSpec, &run_kubernetes_action>, &check_kubernetes_action, true, Announce::with_targets,
     nullptr, false, true},
    {"sleep", &action_read<SleepSpec>, &action_run<SleepSpec, &run_sleep_action>,
     &check_sleep_action, false, Announce::never, &never_faults},
    // The undo of cordon and drain (uncordon), registered by the kubernetes driver.
    {"kubectl", &action_read<KubectlUndoSpec>,
     &action_run<KubectlUndoSpec, &run_kubectl_undo>, nullptr, true, Announce::before_run, nullptr, false, true},
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

ActionSpec read_action_spec(const ActionType& type, const Json& block)
{
  return type.read(TemplateReader(block), block);
}

}  // namespace readyctl::gameday
