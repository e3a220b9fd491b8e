#include <fmt/format.h>

#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

// Markdown table cells must not break the row.
std::string cell(std::string text)
{
  for (char& ch : text)
    if (ch == '\n' || ch == '\r') ch = ' ';
  std::string out;
  for (char ch : text) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
  return out.size() > 160 ? out.substr(0, 157) + "..." : out;
}

std::string event_row(const Json& ev)
{
  std::string t = ev["t0"].is_number() ? fmt::format("{:.1f}s", ev["t0"].get<double>()) : "";
  std::string dt = ev["t0"].is_number() && ev["t1"].is_number()
                       ? fmt::format("{:.2f}s", ev["t1"].get<double>() - ev["t0"].get<double>())
                       : "";
  std::string kind = json_text(ev.value("kind", Json())) + (ev.value("fault", false) ? " (fault)" : "");
  std::string targets = ev.contains("targets") && ev["targets"].is_array() && !ev["targets"].empty()
                            ? ev["targets"].dump() : "";
  return fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", t, dt, json_text(ev["phase"]), cell(json_text(ev["name"])),
                     cell(kind + " " + json_text(ev.value("type", Json()))), json_text(ev["status"]), cell(targets),
                     cell(ev.contains("message") ? json_text(ev["message"]) : ""));
}

std::string journal_section(const Json& j)
{
  JournalSummary s = summarize_journal(j);
  std::string out = fmt::format("## {} — {}{}\n\n", s.name, s.verdict, s.dry_run ? " (dry run)" : "");
  if (!s.reason.empty()) out += fmt::format("> {}\n\n", cell(s.reason));
  out += "| run | started | duration | time to detect | time to recover | probes failed | undos |\n";
  out += "|---|---|---|---|---|---|---|\n";
  out += fmt::format("| `{}` | {} | {} | {} | {} | {} / {} | {} ({} pending) |\n\n", s.run_id, s.start,
                     seconds_text(s.duration), seconds_text(s.ttd), seconds_text(s.ttr), s.probe_failures, s.probes,
                     s.undos, s.undos_pending);
  out += "| t | took | phase | name | kind | status | targets | message |\n|---|---|---|---|---|---|---|---|\n";
  for (const Json& ev : j["events"]) out += event_row(ev);
  return out + "\n";
}

}  // namespace

std::string render_markdown(const std::vector<Json>& journals)
{
  std::string out = "# Game-day report\n\n| game day | verdict | time to detect | time to recover | journal run |\n"
                    "|---|---|---|---|---|\n";
  for (const Json& j : journals) {
    JournalSummary s = summarize_journal(j);
    out += fmt::format("| {} | **{}** | {} | {} | `{}` |\n", s.name, s.verdict, seconds_text(s.ttd), seconds_text(s.ttr), s.run_id);
  }
  out += "\n";
  for (const Json& j : journals) out += journal_section(j);
  return out;
}

}  // namespace readyctl::gameday
