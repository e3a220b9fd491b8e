// The action types as one table: per type, the check of its block when the scenario is loaded (file:line:col),
// the spec its block is read into, the driver that runs it, and what the runner must know about it (who announces
// it, whether it is a fault, whether it owns processes or touches a cluster). A new action type is a row here, its
// spec in action_spec.hpp and its driver in actions.cpp.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "readyctl/gameday/actions.hpp"
#include "readyctl/gameday/checker.hpp"

namespace readyctl::gameday {

// Who tells the runner an action is about to inject (the runner journals its undo and marks the fault there).
enum class Announce {
  before_run,    // the runner, just before the driver runs, with no targets
  with_targets,  // the driver, once its targets are resolved and before anything is injected
  never,         // nothing is injected
};

// Reads the type's block (inside the block `r` numbers) into its spec, when the scenario is loaded.
using ActionRead = ActionSpec (*)(const TemplateReader& r, const Json& block);
using ActionRun = ActionResult (*)(const ActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject);
using ActionCheck = void (*)(Checker& c, const yaml::Node* spec, const Safety& safety);

struct ActionType {
  std::string_view name;
  ActionRead read;
  ActionRun run;
  ActionCheck check;                  // null: internal, only ever an undo the runner wrote itself
  bool mapping = true;                // its block is a mapping (sleep's is a duration)
  Announce announce = Announce::before_run;
  bool (*faults)(const ActionSpec& spec) = nullptr;  // a method step of this type is a fault by default; null: always
  bool owns_processes = false;        // running it changes the process table the journal keeps
  bool touches_cluster = false;       // `gameday run` needs --yes
};

std::span<const ActionType> action_types();
// nullptr when no row has that name (internal rows included).
const ActionType* find_action_type(std::string_view name);
// The types a scenario may write: "exec, http, process, kubernetes, sleep", for messages.
std::string action_type_listing();
// The row a rollback's `sleep` step runs as.
const ActionType& sleep_action_type();
// A block of this type (a scenario's, or an undo's as journaled) read into its spec.
ActionSpec read_action_spec(const ActionType& type, const Json& block);

}  // namespace readyctl::gameday
