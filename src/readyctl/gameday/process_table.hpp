// The local processes a scenario started: it owns them, signals them, and stops them when the run ends.
#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <sys/types.h>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;
using StopCheck = std::function<bool()>;

struct OwnedProcess {
  std::string name;
  pid_t pid = 0;
  Json spec;  // command, cwd, env as started
  std::string log;
  std::string state = "running";  // running | exited
  int exit_code = -1;
  int signal = 0;
  // The scenario signalled, stopped or waited for it: its end is the drill's doing, not the environment's.
  bool end_expected = false;
};

class ProcessTable {
public:
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
  void refresh(OwnedProcess& p);
  Json describe(const OwnedProcess& p) const;
  OwnedProcess& find(const std::string& name);

  std::mutex m_mutex;
  std::map<std::string, OwnedProcess> m_processes;
};

// "TERM", "KILL", ... → the signal number; 0 when unknown.
int signal_number(const std::string& name);
std::string signal_name(int signal);

}  // namespace readyctl::gameday
