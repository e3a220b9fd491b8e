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
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

extern char** environ;

namespace readyctl::io {

namespace {

using Clock = std::chrono::steady_clock;

// Owns the argv/envp arrays posix_spawn needs.
struct SpawnArgs {
  std::vector<std::string> env_strings;
  std::vector<char*> argv;
  std::vector<char*> envp;

  explicit SpawnArgs(const ProcessSpec& spec)
  {
    for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (char** e = environ; *e != nullptr; ++e) {
      std::string_view entry(*e);
      if (!spec.env.count(std::string(entry.substr(0, entry.find('='))))) env_strings.emplace_back(entry);
    }
    for (const auto& [k, v] : spec.env) env_strings.push_back(k + "=" + v);
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
  }
};

// Its own process group, default dispositions for the signals we may have caught, nothing blocked.
void set_attributes(posix_spawnattr_t* attr)
{
  posix_spawnattr_init(attr);
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGHUP}) sigaddset(&defaults, s);
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(attr, &defaults);
  posix_spawnattr_setsigmask(attr, &empty);
  posix_spawnattr_setpgroup(attr, 0);
  posix_spawnattr_setflags(attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
}

// Consumes `actions`.
pid_t spawn(const ProcessSpec& spec, posix_spawn_file_actions_t* actions)
{
  if (spec.argv.empty()) {
    posix_spawn_file_actions_destroy(actions);
    throw InputError("empty command");
  }
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(actions, spec.cwd.c_str());
  posix_spawnattr_t attr;
  set_attributes(&attr);
  SpawnArgs args(spec);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args.argv[0], actions, &attr, args.argv.data(), args.envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(actions);
  if (rc != 0) throw EnvironmentError(fmt::format("cannot start '{}': {}", spec.argv[0], std::strerror(rc)));
  return pid;
}

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

void record_status(int status, ProcessResult& result)
{
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

bool reaped(pid_t pid, ProcessResult& result)
{
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) return false;
  record_status(status, result);
  return true;
}

void kill_group(pid_t pid, ProcessResult& result)
{
  ::kill(-pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  record_status(status, result);
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

pid_t spawn_logged(const ProcessSpec& spec, const std::string& log_path)
{
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  return spawn(spec, &actions);
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
