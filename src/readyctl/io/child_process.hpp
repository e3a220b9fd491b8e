// The one owner of a long-lived program (a server a game day or a test starts): started, signalled, waited, stopped.
#pragma once
#include <filesystem>
#include <optional>

#include <sys/types.h>

#include "readyctl/io/process.hpp"

namespace readyctl::io {

// Runs in a process group of its own with stdin from /dev/null and stdout and stderr appended to a log, so a
// restart under the same log keeps the earlier output. The end is reported as run_process reports it
// (ProcessResult: exit_code, or -1 and `signal`). Destroying it stops the whole group, unless detached.
class ChildProcess {
public:
  static constexpr double k_default_grace_seconds = 5;

  // Throws EnvironmentError when the program cannot be started, InputError for an empty argv.
  ChildProcess(const ProcessSpec& spec, const std::filesystem::path& log);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return m_pid; }
  // To the process itself, not its group; nothing once it has been reaped (its pid may be another's by then).
  void signal(int sig) const;
  // Waits up to `seconds` (0: only looks) for the end: nullopt while it still runs. Once seen, the end is kept.
  std::optional<ProcessResult> wait(double seconds);
  // SIGTERM (and SIGCONT, so a stopped process sees it) to the group; SIGKILL to the group after the grace.
  ProcessResult stop(double grace_seconds = k_default_grace_seconds);
  // Leaves it running past this object, which will neither stop nor reap it.
  void detach() { m_detached = true; }

private:
  pid_t m_pid = -1;
  std::optional<ProcessResult> m_end;
  bool m_detached = false;
};

}  // namespace readyctl::io
