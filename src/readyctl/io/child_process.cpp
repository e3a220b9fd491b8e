#include "readyctl/io/child_process.hpp"

#include <chrono>
#include <thread>

#include <fcntl.h>
#include <signal.h>

#include "readyctl/io/spawn.hpp"

namespace readyctl::io {

namespace {

pid_t spawn_logged(const ProcessSpec& spec, const std::filesystem::path& log)
{
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  return spawn(spec, &actions);
}

}  // namespace

ChildProcess::ChildProcess(const ProcessSpec& spec, const std::filesystem::path& log) : m_pid(spawn_logged(spec, log))
{
}

ChildProcess::~ChildProcess()
{
  if (!m_detached) stop();
}

void ChildProcess::signal(int sig) const
{
  if (!m_end) ::kill(m_pid, sig);
}

std::optional<ProcessResult> ChildProcess::wait(double seconds)
{
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!m_end) {
    ProcessResult end;
    if (reaped(m_pid, end)) m_end = end;
    else if (std::chrono::steady_clock::now() >= deadline) break;
    else std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return m_end;
}

ProcessResult ChildProcess::stop(double grace_seconds)
{
  if (m_end) return *m_end;
  ::kill(-m_pid, SIGTERM);
  ::kill(-m_pid, SIGCONT);
  if (std::optional<ProcessResult> end = wait(grace_seconds)) return *end;
  ProcessResult killed;
  kill_group(m_pid, killed);
  m_end = killed;
  return killed;
}

}  // namespace readyctl::io
