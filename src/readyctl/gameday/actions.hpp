// Action drivers: exec, http, process, kubernetes (and the internal `kubectl` undo), sleep.
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

// Runs one action whose spec is already substituted. Throws EnvironmentError when it fails, InputError when it is
// refused (safety) or malformed. In a dry run, targets are resolved and nothing is changed.
ActionResult run_action(const std::string& type, const Json& spec, ActionEnv& env, const BeforeInject& before_inject);

// Sleeps, waking early when the run must stop; false when it was cut short.
bool interruptible_sleep(double seconds, const StopCheck& should_stop);

}  // namespace readyctl::gameday
