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
  std::string type;
  Json spec;  // `${env.*}` still unresolved
};

class Run {
public:
  Run(Scenario scenario, const RunOptions& options, std::string run_id, std::filesystem::path journal_path);
  RunResult play();

  // Used by the phases (run_steps.cpp, watcher.cpp, run_rollback.cpp).
  bool should_stop() const;
  double elapsed() const;
  Json resolve(const Json& spec, bool keep_env = false);
  std::string resolve_text(const std::string& text);
  void fail(Verdict verdict, const std::string& reason);  // the first failure decides the verdict
  size_t begin_event(const std::string& phase, const std::string& name, const std::string& kind, const std::string& type);
  void end_event(size_t index, const std::string& status, Json fields, const std::string& detail = {});
  void note_fault_start();
  void note_probe(bool holds, bool recovery_check);
  ProbeEnv probe_env();
  ActionEnv action_env(bool dry_run);

  bool run_steps(const std::vector<Step>& steps, const std::string& phase);
  bool run_probe_list(const std::vector<Probe>& probes, const std::string& phase, std::optional<ProbeMode> mode);
  void start_watcher();
  void stop_watcher();
  // Watches the scenario's processes until the fault: one that dies on its own ends the run as environment.
  void start_sentinel();
  void stop_sentinel();
  bool fault_started();
  // Ends the run as `environment` at once: the drill's own machinery is broken, not the system under test.
  void fail_environment(const std::string& reason);
  void run_rollbacks();

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

private:
  void step_into_method();
  void record_fault_timings();
  void finish(RunResult& result);
  void check_requirements();
  std::optional<std::string> lookup(std::string_view reference);
  bool check_stop();
};

}  // namespace readyctl::gameday
