#include "readyctl/gameday/subprocess.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/template.hpp"

extern char** environ;

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

// Owns the argv/envp arrays posix_spawn needs.
struct SpawnArgs {
  std::vector<std::string> env_strings;
  std::vector<char*> argv;
  std::vector<char*> envp;

  explicit SpawnArgs(const CommandSpec& spec)
  {
    for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (char** e = environ; *e != nullptr; ++e) {
      std::string_view entry(*e);
      std::string name(entry.substr(0, entry.find('=')));
      if (!spec.env.count(name)) env_strings.emplace_back(entry);
    }
    for (const auto& [k, v] : spec.env) env_strings.push_back(k + "=" + v);
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
  }
};

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

pid_t spawn(const CommandSpec& spec, posix_spawn_file_actions_t* actions)
{
  if (spec.argv.empty()) throw InputError("empty command");
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

void drain(int& fd, std::string& into)
{
  if (fd < 0) return;
  std::array<char, 8192> buffer{};
  while (true) {
    ssize_t n = read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      into.append(buffer.data(), static_cast<size_t>(n));
      continue;
    }
    if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
      close(fd);
      fd = -1;
    }
    return;
  }
}

void record_status(int status, CommandResult& result)
{
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

void wait_loop(pid_t pid, std::array<int, 2>& fds, CommandResult& result, double timeout,
               const std::function<bool()>& should_stop)
{
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  bool exited = false;
  while (!exited) {
    std::array<pollfd, 2> pfds{pollfd{fds[0], POLLIN, 0}, pollfd{fds[1], POLLIN, 0}};
    if (fds[0] >= 0 || fds[1] >= 0) poll(pfds.data(), 2, 50);
    else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    drain(fds[0], result.out);
    drain(fds[1], result.err);
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      record_status(status, result);
      exited = true;
      continue;
    }
    bool stop = should_stop && should_stop();
    if (stop || Clock::now() > deadline) {
      (stop ? result.stopped : result.timed_out) = true;
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      record_status(status, result);
      exited = true;
    }
  }
  drain(fds[0], result.out);
  drain(fds[1], result.err);
  for (int fd : fds)
    if (fd >= 0) close(fd);
}

std::map<std::string, std::string> env_map(const Json& env)
{
  std::map<std::string, std::string> out;
  if (env.is_object())
    for (auto it = env.begin(); it != env.end(); ++it) out[it.key()] = json_text(it.value());
  return out;
}

}  // namespace

CommandSpec command_spec(const Json& spec)
{
  CommandSpec out;
  const Json& command = spec.at("command");
  if (command.is_array())
    for (const Json& a : command) out.argv.push_back(json_text(a));
  else
    out.argv = {"/bin/sh", "-c", json_text(command)};
  if (spec.contains("cwd")) out.cwd = json_text(spec["cwd"]);
  if (spec.contains("env")) out.env = env_map(spec["env"]);
  return out;
}

CommandResult run_command(const CommandSpec& spec, double timeout_seconds, const std::function<bool()>& should_stop)
{
  std::array<int, 2> out_pipe{}, err_pipe{};
  if (pipe2(out_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0 || pipe2(err_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0)
    throw EnvironmentError(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = -1;
  try {
    pid = spawn(spec, &actions);
  } catch (...) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    throw;
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  CommandResult result;
  std::array<int, 2> fds{out_pipe[0], err_pipe[0]};
  wait_loop(pid, fds, result, timeout_seconds, should_stop);
  return result;
}

pid_t spawn_background(const CommandSpec& spec, const std::string& log_path)
{
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  return spawn(spec, &actions);
}

}  // namespace readyctl::gameday
