// Renderings of a PlanStatus: text for people, JSON for CI, markdown for tickets and wikis.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/plan/status.hpp"
#include "readyctl/report/json_common.hpp"
#include "readyctl/report/markdown.hpp"

namespace readyctl::plan {
std::string phase_state(const Phase& p, Day today)
{
  if (p.met()) return "met";
  if (p.late(today)) return "late";
  if (today < p.starts) return "upcoming";
  return "in progress";
}

long current_week(const PlanStatus& s) { return s.today < s.start ? 0 : (s.today - s.start) / 7 + 1; }

std::string render_status_text(const PlanStatus& s)
{
  std::string out = fmt::format("90-day plan started {}, today {} (week {})\n", format_date(s.start), format_date(s.today),
                                current_week(s));
  for (const Phase& p : s.phases) {
    out += fmt::format("\nPhase {}  weeks {}-{}  {:<13} {} .. {}  {}\n", p.number, p.first_week, p.last_week, p.name,
                       format_date(p.starts), format_date(p.due), phase_state(p, s.today));
    for (const Criterion& c : p.criteria) {
      out += fmt::format("  [{}] {:<17} {}\n", c.met ? "x" : " ", c.id, c.description);
      out += fmt::format("      {}{}\n", c.detail, c.evidence.empty() ? "" : fmt::format(" (evidence: {})", c.evidence));
    }
  }
  out += s.next_command.empty() ? "\nAll exit criteria are met.\n" : fmt::format("\nNext: {}\n", s.next_command);
  return out;
}

std::string render_status_json(const PlanStatus& s)
{
  using Json = nlohmann::ordered_json;
  Json phases = Json::array();
  for (const Phase& p : s.phases) {
    Json criteria = Json::array();
    for (const Criterion& c : p.criteria)
      criteria.push_back({{"id", c.id}, {"description", c.description}, {"met", c.met},
                          {"evidence", c.evidence.empty() ? Json() : Json(c.evidence)}, {"detail", c.detail},
                          {"command", c.command}});
    phases.push_back({{"number", p.number}, {"name", p.name}, {"weeks", {p.first_week, p.last_week}},
                      {"starts", format_date(p.starts)}, {"due", format_date(p.due)}, {"state", phase_state(p, s.today)},
                      {"met", p.met()}, {"late", p.late(s.today)}, {"criteria", criteria}});
  }
  Json doc = {{"schemaVersion", 1},
              {"tool", tool_block()},
              {"kind", "PlanStatus"},
              {"root", s.root},
              {"start", format_date(s.start)},
              {"today", format_date(s.today)},
              {"week", current_week(s)},
              {"late", s.any_late()},
              {"next", s.next_command.empty() ? Json() : Json(s.next_command)},
              {"phases", phases}};
  return doc.dump(2) + "\n";
}

std::string render_status_markdown(const PlanStatus& s)
{
  std::string out = fmt::format("# 90-day plan\n\nStarted {}, today {} (week {}).\n", format_date(s.start),
                                format_date(s.today), current_week(s));
  for (const Phase& p : s.phases) {
    out += fmt::format("\n## Phase {}: {} (weeks {}-{}, due {}) - {}\n\n", p.number, markdown_cell(p.name), p.first_week, p.last_week,
                       format_date(p.due), phase_state(p, s.today));
    out += "| | criterion | detail | evidence |\n|---|---|---|---|\n";
    for (const Criterion& c : p.criteria)
      out += fmt::format("| {} | {} {} | {} | {} |\n", c.met ? "✅" : "❌", markdown_code_cell(c.id),
                         markdown_cell(c.description), markdown_cell(c.detail),
                         c.evidence.empty() ? "" : markdown_code_cell(c.evidence));
  }
  out += s.next_command.empty() ? "\nAll exit criteria are met.\n" : fmt::format("\nNext:\n\n```sh\n{}\n```\n", s.next_command);
  return out;
}

}  // namespace readyctl::plan
