#include "readyctl/io/process.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/io/spawn.hpp"

namespace readyctl::io {

namespace {

using Clock = std::chrono::steady_clock;

// Reads what is there without blocking; closes the pipe at its end.
void drain(int& fd, std::string& into)
{
  if (fd < 0) return;
  std::array<char, 65536> buffer{};
  while (true) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      into.append(buffer.data(), static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || errno != EAGAIN) {
      ::close(fd);
      fd = -1;
    }
    return;
  }
}

// Whether the limits ask to give up now; says which in `result`.
bool give_up(const ProcessLimits& limits, Clock::time_point deadline, ProcessResult& result)
{
  if (limits.should_stop && limits.should_stop()) return result.stopped = true;
  if (limits.timeout_seconds > 0 && Clock::now() > deadline) return result.timed_out = true;
  return false;
}

// Polls the pipes in short slices so a timeout or a stop is seen within 50 ms.
void wait_loop(pid_t pid, std::array<int, 2>& fds, ProcessResult& result, const ProcessLimits& limits)
{
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(limits.timeout_seconds));
  while (true) {
    std::array<pollfd, 2> pfds{pollfd{fds[0], POLLIN, 0}, pollfd{fds[1], POLLIN, 0}};
    if (fds[0] >= 0 || fds[1] >= 0) ::poll(pfds.data(), 2, 50);
    else std::this_thread::sleep_for(std::chrono::milliseconds(2));
    drain(fds[0], result.out);
    drain(fds[1], result.err);
    if (reaped(pid, result)) break;
    if (give_up(limits, deadline, result)) {
      kill_group(pid, result);
      break;
    }
  }
  drain(fds[0], result.out);
  drain(fds[1], result.err);
  for (int fd : fds)
    if (fd >= 0) ::close(fd);
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec, const ProcessLimits& limits)
{
  std::array<int, 2> out_pipe{}, err_pipe{};
  if (::pipe2(out_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0) throw EnvironmentError("cannot create a pipe");
  if (::pipe2(err_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    throw EnvironmentError(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = -1;
  try {
    pid = spawn(spec, &actions);
  } catch (...) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
    throw;
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ProcessResult result;
  std::array<int, 2> fds{out_pipe[0], err_pipe[0]};
  wait_loop(pid, fds, result, limits);
  return result;
}

bool on_path(const std::string& command)
{
  if (command.find('/') != std::string::npos) return ::access(command.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = end == start ? "." : dirs.substr(start, end - start);
    if (::access((std::filesystem::path(dir) / command).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace readyctl::io
