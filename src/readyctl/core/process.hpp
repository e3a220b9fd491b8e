// Runs a command to completion and captures its output (kubectl kustomize, helpers of drills).
#pragma once
#include <string>
#include <vector>

namespace readyctl {

struct CommandResult {
  int exit_code = -1;  // 128+signal when killed; -1 when it could not start
  std::string out;
  std::string err;
};

// argv[0] is looked up on PATH. Throws EnvironmentError when it cannot be started.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = "");

// Whether `name` is an executable on PATH.
bool on_path(const std::string& name);

}  // namespace readyctl
