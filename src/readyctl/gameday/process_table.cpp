#include "readyctl/gameday/process_table.hpp"

#include <chrono>
#include <thread>

#include <signal.h>

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

ProcessTable::~ProcessTable()
{
  for (auto& [name, p] : m_processes) p.process->detach();
}

Json ProcessTable::describe(OwnedProcess& p)
{
  std::optional<io::ProcessResult> end = p.process->wait(0);
  Json out = {{"name", p.name}, {"pid", p.process->pid()}, {"state", end ? "exited" : "running"}};
  out["exitCode"] = end && end->exit_code >= 0 ? Json(end->exit_code) : Json();
  out["signal"] = end && end->signal ? Json(signal_name(end->signal)) : Json();
  return out;
}

OwnedProcess& ProcessTable::find(const std::string& name)
{
  auto it = m_processes.find(name);
  if (it == m_processes.end()) throw InputError(fmt::format("process '{}' was not started by this scenario", name));
  return it->second;
}

Json ProcessTable::start(const std::string& name, const Json& spec, const std::string& log)
{
  std::lock_guard lock(m_mutex);
  auto it = m_processes.find(name);
  if (it != m_processes.end() && !it->second.process->wait(0)) return describe(it->second);
  std::unique_ptr<io::ChildProcess> process;
  try {
    process = std::make_unique<io::ChildProcess>(command_spec(spec), log);
  } catch (const EnvironmentError& e) {
    throw EnvironmentError(fmt::format("process '{}': {}", name, e.what()));
  }
  OwnedProcess& p = m_processes[name] = OwnedProcess{name, std::move(process), spec, log};
  return describe(p);
}

Json ProcessTable::signal(const std::string& name, int signal)
{
  std::lock_guard lock(m_mutex);
  OwnedProcess& p = find(name);
  p.end_expected = true;
  p.process->signal(signal);
  return describe(p);
}

Json ProcessTable::stop(const std::string& name, double grace_seconds)
{
  std::unique_lock lock(m_mutex);
  // Stopping means "make sure it is not running": a rollback may stop what a failed setup never started.
  if (!m_processes.count(name)) return {{"name", name}, {"pid", nullptr}, {"state", "not-started"}};
  OwnedProcess& p = find(name);
  p.end_expected = true;
  p.process->stop(grace_seconds);
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
      if (p.process->wait(0) || Clock::now() > deadline) return describe(p);
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
    std::optional<io::ProcessResult> end = p.process->wait(0);
    if (end && !p.end_expected && !end->succeeded()) {
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
    Json entry = describe(p);
    entry["command"] = p.spec.value("command", Json());
    entry["log"] = p.log;
    out.push_back(entry);
  }
  return out;
}

}  // namespace readyctl::gameday
