#include <fmt/format.h>

#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/report/markdown.hpp"

namespace readyctl::gameday {

namespace {

// A long message or target list is cut (on a character boundary) before it is escaped, so the table stays readable.
std::string clipped_cell(std::string_view text)
{
  if (text.size() <= 160) return markdown_cell(text);
  size_t cut = 157;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return markdown_cell(text.substr(0, cut)) + "...";
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
  return fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", t, dt, markdown_cell(json_text(ev["phase"])),
                     clipped_cell(json_text(ev["name"])), clipped_cell(kind + " " + json_text(ev.value("type", Json()))),
                     markdown_cell(json_text(ev["status"])), clipped_cell(targets),
                     clipped_cell(ev.contains("message") ? json_text(ev["message"]) : ""));
}

std::string journal_section(const Json& j)
{
  JournalSummary s = summarize_journal(j);
  std::string out = fmt::format("## {} — {}{}\n\n", markdown_cell(s.name), markdown_cell(s.verdict), s.dry_run ? " (dry run)" : "");
  if (!s.reason.empty()) out += fmt::format("> {}\n\n", clipped_cell(s.reason));
  out += "| run | started | duration | time to detect | time to recover | probes failed | undos |\n";
  out += "|---|---|---|---|---|---|---|\n";
  out += fmt::format("| {} | {} | {} | {} | {} | {} / {} | {} ({} pending) |\n\n", markdown_code_cell(s.run_id),
                     markdown_cell(s.start),
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
    out += fmt::format("| {} | **{}** | {} | {} | {} |\n", markdown_cell(s.name), markdown_cell(s.verdict),
                       seconds_text(s.ttd), seconds_text(s.ttr), markdown_code_cell(s.run_id));
  }
  out += "\n";
  for (const Json& j : journals) out += journal_section(j);
  return out;
}

}  // namespace readyctl::gameday
