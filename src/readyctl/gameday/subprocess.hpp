// Runs commands for exec probes/actions and kubectl, and spawns the long-lived processes a scenario owns.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

struct CommandSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH
  std::string cwd;
  std::map<std::string, std::string> env;  // added to the inherited environment
};

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal or not started
  int signal = 0;
  std::string out;
  std::string err;
  bool timed_out = false;
  bool stopped = false;  // should_stop() asked us to give up
};

// A string command runs through `/bin/sh -c`, a list directly; `cwd` and `env` come from the spec.
CommandSpec command_spec(const nlohmann::ordered_json& spec);

// Runs to completion in its own process group; on timeout or stop the whole group is killed.
// Throws EnvironmentError when the command cannot be started.
CommandResult run_command(const CommandSpec& spec, double timeout_seconds, const std::function<bool()>& should_stop);

// Starts a process in its own process group with stdout and stderr appended to `log_path`.
pid_t spawn_background(const CommandSpec& spec, const std::string& log_path);

}  // namespace readyctl::gameday
