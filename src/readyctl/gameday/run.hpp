// The state of one run, shared by the phases, the step runner and the background watcher.
#pragma once
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "readyctl/gameday/actions.hpp"
#include "readyctl/gameday/journal.hpp"
#include "readyctl/gameday/probes.hpp"
#include "readyctl/gameday/runner.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

struct PendingUndo {
  size_t journal_index = 0;
  const ActionType* type = nullptr;
  ActionSpec spec;  // read from the undo as journaled: `${env.*}` still unresolved
};

// A run's state is private: the phases (run_steps.cpp, watcher.cpp, sentinel.cpp, run_rollback.cpp) reach it
// through the operations below, which take the lock where the state is shared with the background threads.
class Run {
public:
  Run(Scenario scenario, const RunOptions& options, std::string run_id, std::filesystem::path journal_path);
  RunResult play();

  // What the run is playing, and how.
  const Scenario& scenario() const { return m_scenario; }
  bool dry_run() const { return m_options.dry_run; }

  // Stopping and the verdict.
  bool should_stop() const;
  double elapsed() const;
  void fail(Verdict verdict, const std::string& reason);  // the first failure decides the verdict
  // Ends the run as `environment` at once: the drill's own machinery is broken, not the system under test.
  void fail_environment(const std::string& reason);
  // Ends the run as `aborted` at once: a stop condition held.
  void abort(const std::string& reason);
  bool in_method() const { return m_in_method.load(); }
  bool fault_started();

  // Templates, resolved against the variables, environment and the outputs of earlier steps.
  Json resolve(const Json& spec, bool keep_env = false);
  std::string resolve_text(const std::string& text);
  ProbeSpec resolve_spec(const ProbeSpec& spec);
  ActionSpec resolve_spec(const ActionSpec& spec);
  // A step's output, for later steps' `${steps.NAME...}`.
  void keep_output(const std::string& step, Json output);

  // The journal's events and undos.
  size_t begin_event(const std::string& phase, const std::string& name, const std::string& kind, const std::string& type);
  void end_event(size_t index, const std::string& status, Json fields, const std::string& detail = {});
  // Merges fields into an event still running (an action's targets, once known).
  void annotate_event(size_t index, const Json& fields);
  // Journals an undo (its action redacted) and returns its index; keep_undos() makes such undos pending.
  size_t journal_undo(Json undo);
  void keep_undos(const std::vector<PendingUndo>& undos);
  std::vector<PendingUndo> pending_undos();
  void set_undo_status(size_t index, const std::string& status, const std::string& message);
  // Writes the process table to the journal (after a process action).
  void journal_processes();

  // Fault timings: detection and recovery are measured from the first fault.
  void note_fault_start();
  void note_probe(bool holds, bool recovery_check);

  ProbeEnv probe_env();
  ActionEnv action_env(bool dry_run);

private:
  bool run_steps(const std::vector<Step>& steps, const std::string& phase);
  bool run_probe_list(const std::vector<Probe>& probes, const std::string& phase, std::optional<ProbeMode> mode);
  void start_watcher();
  void stop_watcher();
  // Watches the scenario's processes until the fault: one that dies on its own ends the run as environment.
  void start_sentinel();
  void stop_sentinel();
  void run_rollbacks();
  void step_into_method();
  void record_fault_timings();
  void finish(RunResult& result);
  void check_requirements();
  std::optional<std::string> lookup(std::string_view reference);
  bool check_stop();

  Scenario m_scenario;
  const RunOptions& m_options;
  std::string m_run_id;
  std::filesystem::path m_journal_dir;
  Journal m_journal;
  ProcessTable m_processes;
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();

  std::mutex m_mutex;  // guards outputs, verdict, undos and fault timings
  std::map<std::string, Json> m_outputs;
  std::optional<Verdict> m_verdict;
  std::string m_reason;
  std::vector<PendingUndo> m_undos;
  std::optional<double> m_fault_start, m_detected, m_recovered;

  std::atomic<bool> m_aborted{false};
  std::atomic<bool> m_broken{false};  // fail_environment() was called
  std::atomic<bool> m_in_method{false};
  std::atomic<bool> m_watch_stop{false};
  std::thread m_watcher;
  std::atomic<bool> m_sentinel_stop{false};
  std::thread m_sentinel;
};

}  // namespace readyctl::gameday
