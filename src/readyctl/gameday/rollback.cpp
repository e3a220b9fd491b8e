#include "readyctl/gameday/rollback.hpp"

#include <chrono>
#include <string>
#include <vector>
#include <thread>

#include <signal.h>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/actions.hpp"
#include "readyctl/gameday/journal.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

Safety safety_of(const Json& journal)
{
  Safety s;
  const Json& j = journal.value("safety", Json::object());
  if (j.contains("allowedContexts")) s.allowed_contexts = j["allowedContexts"].get<std::vector<std::string>>();
  s.max_targets = j.value("maxTargets", 1LL);
  s.max_percent = j.value("maxPercent", 100LL);
  return s;
}

// Runs one pending undo; `${env.*}` values it resolves are registered with the journal, so its error message is
// stored and shown redacted like the run's own. Returns the error text, empty on success.
std::string run_undo(const Json& undo, const Safety& safety, Journal& journal)
{
  ProcessTable processes;
  ActionEnv env{&processes, &safety, {}, false, "/tmp"};
  auto env_only = [&journal](std::string_view ref) -> std::optional<std::string> {
    if (!ref.starts_with("env.")) return std::nullopt;
    const char* v = std::getenv(std::string(ref.substr(4)).c_str());
    if (!v) return std::nullopt;
    journal.redact(v);
    return std::string(v);
  };
  try {
    const ActionType& type = journaled_action_type(json_text(undo["type"]));
    run_action(type, resolved(read_action_spec(type, undo["action"]), env_only), env, {});
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::vector<std::string> cmdline_of(int pid)
{
  std::vector<std::string> args;
  std::string raw;
  try {
    raw = read_file(fmt::format("/proc/{}/cmdline", pid));
  } catch (const std::exception&) {
    return args;
  }
  for (size_t start = 0; start < raw.size();) {
    size_t end = raw.find('\0', start);
    if (end == std::string::npos) end = raw.size();
    args.push_back(raw.substr(start, end - start));
    start = end + 1;
  }
  return args;
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// The pid still belongs to the process we started: same program name, or the same arguments after it
// (launchers such as pyenv shims exec the real binary under another name).
bool same_process(const Json& process)
{
  int pid = process.value("pid", 0);
  Json command = process.value("command", Json());
  if (command.is_string()) command = Json{"/bin/sh", "-c", command};
  if (pid <= 0 || ::kill(pid, 0) != 0 || !command.is_array() || command.empty()) return false;
  std::vector<std::string> actual = cmdline_of(pid);
  if (actual.empty()) return false;
  if (base_name(actual[0]) == base_name(json_text(command[0]))) return true;
  if (actual.size() < command.size()) return false;
  for (size_t i = 1; i < command.size(); ++i)
    if (actual[actual.size() - command.size() + i] != json_text(command[i])) return false;
  return command.size() > 1;
}

void stop_process(int pid)
{
  ::kill(-pid, SIGTERM);
  for (int i = 0; i < 250 && ::kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (::kill(pid, 0) == 0) ::kill(-pid, SIGKILL);
}

}  // namespace

RollbackResult rollback_journal(const std::filesystem::path& path)
{
  Journal journal(path);
  Json doc = journal.snapshot();
  Safety safety = safety_of(doc);
  RollbackResult result;
  const Json& undos = doc["undos"];
  for (size_t i = undos.size(); i-- > 0;) {
    if (undos[i].value("status", "") != "pending") continue;
    std::string error = run_undo(undos[i], safety, journal);
    journal.set_undo_status(i, error.empty() ? "done" : "failed", error);
    (error.empty() ? result.undone : result.failed) += 1;
    result.messages.push_back(journal.redacted_text(
        fmt::format("undo #{} ({}): {}", i + 1, json_text(undos[i]["step"]), error.empty() ? "done" : error)));
  }
  const Json& processes = doc.value("processes", Json::array());
  for (size_t i = 0; i < processes.size(); ++i) {
    const Json& process = processes[i];
    if (process.value("state", "") != "running" || !same_process(process)) continue;
    stop_process(process.value("pid", 0));
    journal.set_process_exited(i);
    ++result.stopped_processes;
    result.messages.push_back(fmt::format("stopped process '{}' (pid {})", json_text(process["name"]), json_text(process["pid"])));
  }
  journal.record_rollback(result.undone, result.failed);
  return result;
}

}  // namespace readyctl::gameday
