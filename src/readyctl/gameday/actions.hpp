// Action drivers: exec, http, process, kubernetes (and the internal `kubectl` undo), sleep. Each runs its type's
// resolved spec (action_spec.hpp); the rows of action_types.cpp point at the run_* functions.
#pragma once
#include <functional>
#include <string>

#include "readyctl/gameday/process_table.hpp"
#include "readyctl/gameday/scenario.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

struct ActionEnv {
  ProcessTable* processes = nullptr;
  const Safety* safety = nullptr;
  StopCheck should_stop;
  bool dry_run = false;
  std::string log_dir;  // where process logs go by default
  const io::HttpOptions* prometheus = nullptr;  // for `prometheus` ready probes
};

struct ActionResult {
  Json output;
  Json targets = Json::array();
};

// Called after targets are resolved and before anything is injected: the runner journals the undo here.
using BeforeInject = std::function<void(const Json& targets, const Json& auto_undo)>;

// Runs one action whose spec is already resolved. Throws EnvironmentError when it fails, InputError when it is
// refused (safety) or malformed. In a dry run, targets are resolved and nothing is changed.
ActionResult run_action(const ActionType& type, const ActionSpec& spec, ActionEnv& env,
                        const BeforeInject& before_inject);

// The row of a type named in a journal (an undo): InputError when there is none.
const ActionType& journaled_action_type(const std::string& name);

ActionResult run_exec_action(const ExecActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
ActionResult run_http_action(const HttpActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
ActionResult run_process_action(const ProcessActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
ActionResult run_kubernetes_action(const KubeActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
ActionResult run_kubectl_undo(const KubectlUndoSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
ActionResult run_sleep_action(const SleepSpec& spec, ActionEnv& env, const BeforeInject& before_inject);

// Sleeps, waking early when the run must stop; false when it was cut short.
bool interruptible_sleep(double seconds, const StopCheck& should_stop);

}  // namespace readyctl::gameday
