// Test helpers for the baseline suites: child processes (Prometheus, fake servers), free ports, tiny HTTP GETs.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace readyctl::test {

// A child process started with posix_spawnp, stdout and stderr to `log`; stopped (SIGTERM, then SIGKILL) on destruction.
class ChildProcess {
public:
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  pid_t pid() const { return m_pid; }

private:
  pid_t m_pid = -1;
};

// Runs a command to completion; throws with its output when it fails.
void run_checked(const std::string& command);

// A TCP port on 127.0.0.1 that nothing listens on right now.
int free_port();

// GET http://127.0.0.1:port/path; returns the HTTP status, or 0 when nothing answers.
int http_status(int port, const std::string& path);

// Polls until GET path answers 200, or throws after `seconds`.
void wait_until_ready(int port, const std::string& path, double seconds);

}  // namespace readyctl::test
