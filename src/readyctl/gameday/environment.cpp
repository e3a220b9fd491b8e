#include "readyctl/gameday/environment.hpp"

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

std::string how_it_ended(const Json& process)
{
  if (!process["signal"].is_null()) return fmt::format("was killed by SIG{}", json_text(process["signal"]));
  return fmt::format("exited with code {}", json_text(process["exitCode"]));
}

}  // namespace

std::string log_tail(const std::string& path, size_t max_lines, size_t max_chars)
{
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception&) {
    return {};
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  size_t start = text.size();
  for (size_t lines = 0; lines < max_lines && start > 0; ++lines) {
    size_t nl = text.rfind('\n', start - 1);
    if (nl == std::string::npos) {
      start = 0;
      break;
    }
    start = nl;
  }
  std::string tail = text.substr(start);
  while (!tail.empty() && tail.front() == '\n') tail.erase(0, 1);
  if (tail.size() > max_chars) tail = "…" + tail.substr(tail.size() - max_chars);
  return tail;
}

std::string unexpected_exit_message(const Json& process, const std::string& when)
{
  std::string log = json_text(process["log"]);
  std::string tail = log_tail(log);
  return fmt::format("process '{}' (pid {}) {} {}: the environment is broken, not the system under test; its "
                     "output ({}) ends:\n{}",
                     json_text(process["name"]), json_text(process["pid"]), how_it_ended(process), when, log,
                     tail.empty() ? "(nothing)" : tail);
}

std::optional<std::string> probe_environment_cause(const Probe& probe, const ProbeSpec& spec,
                                                   const ProbeResult& result, bool before_fault)
{
  if (result.cannot_start)
    return fmt::format("probe '{}': command '{}' cannot start (exit {}): {}", probe.name, probe_command_text(spec),
                       json_text(result.output["exitCode"]), json_text(result.output.value("stderr", Json(""))));
  bool all_refused = result.attempts > 0 && result.refused_attempts == result.attempts;
  if (before_fault && !result.met && !result.stopped && all_refused)
    return fmt::format("probe '{}': every connection to {} was refused before the fault ({} attempt(s)): the server "
                       "it needs is not running",
                       probe.name, probe_url(spec).value_or("its server"), result.attempts);
  return std::nullopt;
}

}  // namespace readyctl::gameday
