#include "readyctl/gameday/report.hpp"

#include <cmath>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

bool failed_probe(const Json& ev)
{
  std::string status = ev.value("status", "");
  return status == "deviated" || status == "abort" || status == "error";
}

}  // namespace

std::string seconds_text(double seconds)
{
  double size = std::fabs(seconds);
  if (size < 1) return fmt::format("{:.0f}ms", seconds * 1000);
  if (size < 10) return fmt::format("{:.2f}s", seconds);
  if (size < 60) return fmt::format("{:.1f}s", seconds);
  return format_duration(std::round(seconds));
}

std::string seconds_text(const Json& seconds) { return seconds.is_number() ? seconds_text(seconds.get<double>()) : "—"; }

JournalSummary summarize_journal(const Json& j)
{
  JournalSummary s;
  s.name = json_text(j["scenario"].value("name", Json()));
  s.run_id = j.value("runId", "");
  s.verdict = j["verdict"].is_null() ? "running" : json_text(j["verdict"]);
  s.reason = j.contains("reason") ? json_text(j["reason"]) : "";
  s.start = j.value("start", "");
  s.duration = j.value("duration", 0.0);
  s.dry_run = j.value("dryRun", false);
  const Json& fault = j.value("fault", Json::object());
  s.ttd = fault.value("ttd", Json());
  s.ttr = fault.value("ttr", Json());
  for (const Json& ev : j["events"]) {
    if (ev.value("kind", "") == "probe") {
      ++s.probes;
      if (failed_probe(ev)) ++s.probe_failures;
    }
    if (ev.value("fault", false)) ++s.faults;
  }
  for (const Json& u : j["undos"]) {
    ++s.undos;
    if (u.value("status", "") == "pending") ++s.undos_pending;
  }
  return s;
}

}  // namespace readyctl::gameday
