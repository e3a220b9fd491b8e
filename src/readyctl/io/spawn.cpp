#include "readyctl/io/spawn.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

extern char** environ;

namespace readyctl::io {

namespace {

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

void record_status(int status, ProcessResult& result)
{
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

}  // namespace

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
  ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  record_status(status, result);
}

}  // namespace readyctl::io
