// The rollback phase: registered undos newest first, then the scenario's rollbacks, then owned processes stopped.
// It runs after success, deviation, abort, failure and Ctrl-C alike, and never stops early.
#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/run.hpp"

namespace readyctl::gameday {

namespace {

// Runs one rollback action; returns the error text, empty on success.
std::string attempt(Run& run, const ActionType& type, const ActionSpec& spec)
{
  ActionEnv env = run.action_env(false);
  env.should_stop = {};  // rollbacks finish even after Ctrl-C
  try {
    run_action(type, spec, env, {});
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
}

void run_undos(Run& run)
{
  std::vector<PendingUndo> undos = run.pending_undos();
  for (auto it = undos.rbegin(); it != undos.rend(); ++it) {
    size_t ev = run.begin_event("rollback", fmt::format("undo #{}", it->journal_index + 1), "undo",
                                std::string(it->type->name));
    std::string error = attempt(run, *it->type, run.resolve_spec(it->spec));
    run.set_undo_status(it->journal_index, error.empty() ? "done" : "failed", error);
    run.end_event(ev, error.empty() ? "succeeded" : "failed", Json::object(), error);
    if (!error.empty()) run.fail(Verdict::environment, fmt::format("undo #{} failed: {}", it->journal_index + 1, error));
  }
}

void run_rollback_steps(Run& run)
{
  for (const Step& step : run.scenario().rollbacks) {
    const ActionType& type = step.kind == StepKind::sleep ? sleep_action_type() : *step.action.type;
    size_t ev = run.begin_event("rollback", step.name, "action", std::string(type.name));
    std::string error;
    try {
      // A rollback's sleep runs as written: its duration is not substituted.
      ActionSpec spec = step.kind == StepKind::sleep ? ActionSpec(SleepSpec{Template{step.sleep}})
                                                     : run.resolve_spec(step.action.spec);
      error = attempt(run, type, spec);
    } catch (const std::exception& e) {
      error = e.what();
    }
    run.end_event(ev, error.empty() ? "succeeded" : "failed", Json::object(), error);
    if (!error.empty()) run.fail(Verdict::environment, fmt::format("rollback '{}' failed: {}", step.name, error));
  }
}

}  // namespace

void Run::run_rollbacks()
{
  if (m_options.dry_run) return;
  run_undos(*this);
  run_rollback_steps(*this);
  m_processes.stop_all(5);
}

}  // namespace readyctl::gameday
