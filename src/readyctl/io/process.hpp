// The one way readyctl runs a program to completion (kubectl, exec probes and actions); long-lived: child_process.hpp.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace readyctl::io {

// What to run. Every process starts in a process group of its own, so a timeout or a stop kills its children too.
struct ProcessSpec {
  std::vector<std::string> argv;           // argv[0] is looked up on PATH
  std::string cwd;                         // empty: ours
  std::map<std::string, std::string> env;  // added to, or replacing, the inherited environment
};

// When to give up on a run: after `timeout_seconds` (0: never), or as soon as `should_stop` returns true.
struct ProcessLimits {
  double timeout_seconds = 0;
  std::function<bool()> should_stop;
};

// How a run ended, with one convention for a killed process: `exit_code` is the status the program exited with,
// and -1 when it did not exit by itself — killed by a signal (`signal` names it; SIGKILL when we killed it after a
// timeout or a stop, which `timed_out` / `stopped` say) or never started. Never 128+N: shell_status() gives that.
struct ProcessResult {
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  bool stopped = false;  // should_stop() asked us to give up
  std::string out;
  std::string err;

  bool succeeded() const { return exit_code == 0; }
  // The status a shell would show: the exit code, or 128 + the signal.
  int shell_status() const { return exit_code >= 0 ? exit_code : 128 + signal; }
};

// Runs to completion with stdin from /dev/null and stdout/stderr captured; on timeout or stop the whole process
// group is killed (SIGKILL). Throws EnvironmentError when the program cannot be started, InputError for an empty argv.
ProcessResult run_process(const ProcessSpec& spec, const ProcessLimits& limits = {});

// Whether `command` is an executable: a path with '/' as it is, a bare name on PATH.
bool on_path(const std::string& command);

}  // namespace readyctl::io
