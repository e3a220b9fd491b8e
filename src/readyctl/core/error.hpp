// Error kinds and exit codes: bad input (2) and environment failures (3), caught once at the top.
#pragma once
#include <stdexcept>
#include <string>

namespace readyctl {

enum class ExitCode : int {
  ok = 0,
  findings = 1,
  bad_input = 2,
  environment = 3,
  aborted = 4,
  interrupted = 130,
};

// Bad input or usage: the message names the place ("file:line:col: expected ...").
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The world failed us: server unreachable, HTTP error, a command that would not start.
class EnvironmentError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

}  // namespace readyctl
