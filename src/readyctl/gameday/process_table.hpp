// The local processes a scenario started: it owns them, signals them, and stops them when the run ends.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "readyctl/io/child_process.hpp"

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;
using StopCheck = std::function<bool()>;

struct OwnedProcess {
  std::string name;
  std::unique_ptr<io::ChildProcess> process;
  Json spec;  // command, cwd, env as started
  std::string log;
  // The scenario signalled, stopped or waited for it: its end is the drill's doing, not the environment's.
  bool end_expected = false;
};

// Processes still running when the table goes keep running: stop_all() ends them (a run's rollback does), while
// one that `gameday rollback` starts to undo a stop must outlive the command.
class ProcessTable {
public:
  ProcessTable() = default;
  ~ProcessTable();
  ProcessTable(const ProcessTable&) = delete;
  ProcessTable& operator=(const ProcessTable&) = delete;
  // Starts `name` unless it is already running. `spec` holds command/cwd/env.
  Json start(const std::string& name, const Json& spec, const std::string& log);
  Json signal(const std::string& name, int signal);
  Json stop(const std::string& name, double grace_seconds);
  Json wait(const std::string& name, double within_seconds, const StopCheck& should_stop);
  Json status(const std::string& name);
  std::optional<Json> spec_of(const std::string& name);
  // Stops everything still running (SIGTERM, then SIGKILL after the grace).
  void stop_all(double grace_seconds);
  Json to_json();
  // The first process that ended on its own with a failure (non-zero exit or a signal nobody sent): its
  // description plus "log". Nullopt while every process runs or ended as the scenario asked.
  std::optional<Json> unexpected_exit();

private:
  static Json describe(OwnedProcess& p);
  OwnedProcess& find(const std::string& name);

  std::mutex m_mutex;
  std::map<std::string, OwnedProcess> m_processes;
};

// "TERM", "KILL", ... → the signal number; 0 when unknown.
int signal_number(const std::string& name);
std::string signal_name(int signal);

}  // namespace readyctl::gameday
