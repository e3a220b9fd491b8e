// The process sentinel: until the fault, a process the scenario started that ends on its own ends the run as
// `environment` within a tick, instead of letting a probe wait out its budget and call it a deviation.
#include <chrono>

#include <fmt/format.h>

#include "readyctl/gameday/environment.hpp"
#include "readyctl/gameday/run.hpp"

namespace readyctl::gameday {

namespace {

constexpr auto k_sentinel_tick = std::chrono::milliseconds(20);

}  // namespace

void Run::start_sentinel()
{
  if (m_options.dry_run) return;
  m_sentinel = std::thread([this] {
    while (!m_sentinel_stop.load() && !should_stop() && !fault_started()) {
      if (std::optional<Json> dead = m_processes.unexpected_exit()) {
        std::string when = fmt::format("during {}, before the fault", json_text(m_journal.get("phase")));
        fail_environment(unexpected_exit_message(*dead, when));
        return;
      }
      std::this_thread::sleep_for(k_sentinel_tick);
    }
  });
}

void Run::stop_sentinel()
{
  m_sentinel_stop = true;
  if (m_sentinel.joinable()) m_sentinel.join();
}

}  // namespace readyctl::gameday
