#include "readyctl/gameday/process_table.hpp"

#include <chrono>
#include <thread>

#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/command_spec.hpp"

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

struct SignalName {
  const char* name;
  int number;
};
constexpr SignalName k_process_signals[] = {{"TERM", SIGTERM}, {"KILL", SIGKILL}, {"INT", SIGINT},   {"HUP", SIGHUP},
                                    {"QUIT", SIGQUIT}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"STOP", SIGSTOP},
                                    {"CONT", SIGCONT}};

Clock::time_point after(double seconds)
{
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

int signal_number(const std::string& name)
{
  for (const SignalName& s : k_process_signals)
    if (name == s.name) return s.number;
  return 0;
}

std::string signal_name(int signal)
{
  for (const SignalName& s : k_process_signals)
    if (signal == s.number) return s.name;
  return signal == 0 ? "" : std::to_string(signal);
}

void ProcessTable::refresh(OwnedProcess& p)
{
  if (p.state != "running") return;
  int status = 0;
  if (waitpid(p.pid, &status, WNOHANG) != p.pid) return;
  p.state = "exited";
  if (WIFEXITED(status)) p.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) p.signal = WTERMSIG(status);
}

Json ProcessTable::describe(const OwnedProcess& p) const
{
  Json out = {{"name", p.name}, {"pid", p.pid}, {"state", p.state}};
  out["exitCode"] = p.exit_code >= 0 ? Json(p.exit_code) : Json();
  out["signal"] = p.signal ? Json(signal_name(p.signal)) : Json();
  return out;
}

OwnedProcess& ProcessTable::find(const std::string& name)
{
  auto it = m_processes.find(name);
  if (it == m_processes.end()) throw InputError(fmt::format("process '{}' was not started by this scenario", name));
  refresh(it->second);
  return it->second;
}

Json ProcessTable::start(const std::string& name, const Json& spec, const std::string& log)
{
  std::lock_guard lock(m_mutex);
  auto it = m_processes.find(name);
  if (it != m_processes.end()) {
    refresh(it->second);
    if (it->second.state == "running") return describe(it->second);
  }
  pid_t pid = 0;
  try {
    pid = io::spawn_logged(command_spec(spec), log);
  } catch (const EnvironmentError& e) {
    throw EnvironmentError(fmt::format("process '{}': {}", name, e.what()));
  }
  OwnedProcess p{name, pid, spec, log};
  m_processes[name] = p;
  return describe(p);
}

Json ProcessTable::signal(const std::string& name, int signal)
{
  std::lock_guard lock(m_mutex);
  OwnedProcess& p = find(name);
  p.end_expected = true;
  if (p.state == "running") ::kill(p.pid, signal);
  return describe(p);
}

Json ProcessTable::stop(const std::string& name, double grace_seconds)
{
  std::unique_lock lock(m_mutex);
  // Stopping means "make sure it is not running": a rollback may stop what a failed setup never started.
  if (!m_processes.count(name)) return {{"name", name}, {"pid", nullptr}, {"state", "not-started"}};
  OwnedProcess& p = find(name);
  p.end_expected = true;
  if (p.state != "running") return describe(p);
  ::kill(-p.pid, SIGTERM);
  ::kill(p.pid, SIGCONT);
  auto deadline = after(grace_seconds);
  while (p.state == "running" && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    refresh(p);
  }
  if (p.state == "running") {
    ::kill(-p.pid, SIGKILL);
    ::kill(p.pid, SIGKILL);
    int status = 0;
    waitpid(p.pid, &status, 0);
    p.state = "exited";
    p.signal = SIGKILL;
  }
  return describe(p);
}

Json ProcessTable::wait(const std::string& name, double within_seconds, const StopCheck& should_stop)
{
  auto deadline = after(within_seconds);
  while (true) {
    {
      std::lock_guard lock(m_mutex);
      OwnedProcess& p = find(name);
      p.end_expected = true;
      if (p.state != "running" || Clock::now() > deadline) return describe(p);
    }
    if (should_stop && should_stop()) return status(name);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Json ProcessTable::status(const std::string& name)
{
  std::lock_guard lock(m_mutex);
  auto it = m_processes.find(name);
  if (it == m_processes.end()) return {{"name", name}, {"pid", nullptr}, {"state", "not-started"}};
  refresh(it->second);
  return describe(it->second);
}

std::optional<Json> ProcessTable::spec_of(const std::string& name)
{
  std::lock_guard lock(m_mutex);
  auto it = m_processes.find(name);
  if (it == m_processes.end()) return std::nullopt;
  return it->second.spec;
}

void ProcessTable::stop_all(double grace_seconds)
{
  std::vector<std::string> names;
  {
    std::lock_guard lock(m_mutex);
    for (const auto& [name, p] : m_processes) names.push_back(name);
  }
  for (const std::string& name : names) stop(name, grace_seconds);
}

std::optional<Json> ProcessTable::unexpected_exit()
{
  std::lock_guard lock(m_mutex);
  for (auto& [name, p] : m_processes) {
    refresh(p);
    bool failed = p.exit_code > 0 || p.signal != 0;
    if (p.state == "exited" && !p.end_expected && failed) {
      Json out = describe(p);
      out["log"] = p.log;
      return out;
    }
  }
  return std::nullopt;
}

Json ProcessTable::to_json()
{
  std::lock_guard lock(m_mutex);
  Json out = Json::array();
  for (auto& [name, p] : m_processes) {
    refresh(p);
    Json entry = describe(p);
    entry["command"] = p.spec.value("command", Json());
    entry["log"] = p.log;
    out.push_back(entry);
  }
  return out;
}

}  // namespace readyctl::gameday
