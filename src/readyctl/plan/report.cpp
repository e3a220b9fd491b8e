#include "readyctl/plan/report.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "readyctl/baseline/compare.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/snapshot.hpp"
#include "readyctl/baseline/svg_chart.hpp"
#include "readyctl/baseline/window.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/gameday/journal.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/report/html.hpp"
#include "readyctl/report/markdown.hpp"

namespace readyctl::plan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr size_t k_trend_runs = 12;  // lint runs shown as bars; the table lists them all

// The newest snapshot by window end; its comparison is recomputed from the snapshot it names, if that is here.
void load_latest_baseline(const fs::path& root, const std::vector<std::string>& files, PlanReport& r)
{
  std::vector<std::pair<std::string, baseline::Baseline>> loaded;
  for (const std::string& f : files) loaded.emplace_back(f, baseline::load_snapshot((root / f).string()));
  auto latest = std::max_element(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) {
    return a.second.window.end < b.second.window.end || (a.second.window.end == b.second.window.end && a.first < b.first);
  });
  if (latest == loaded.end()) return;
  r.baseline_file = latest->first;
  r.baseline = latest->second;
  Json raw = Json::parse(read_file(root / latest->first), nullptr, false);
  std::string against = raw.is_object() && raw.contains("comparison") ? raw["comparison"].value("against", "") : "";
  for (const auto& [file, b] : loaded)
    if (!against.empty() && file != latest->first && fs::path(file).filename() == fs::path(against).filename())
      r.baseline->comparison = baseline::compare_baselines(b, *r.baseline, file);
}

std::string state_badge(const std::string& state)
{
  std::string cls = state == "met" ? "ok" : state == "late" ? "late" : state == "in progress" ? "now" : "later";
  return fmt::format("<span class=\"badge {}\">{}</span>", cls, html_escape(state));
}

// Twelve weeks, one bar per phase coloured by its state, and a line at today.
std::string timeline_svg(const PlanStatus& s)
{
  constexpr double k_w = 1000, k_left = 8, k_day = (k_w - 2 * k_left) / 84.0;
  std::string out = fmt::format("<svg class=\"plan-timeline\" viewBox=\"0 0 {} 86\" role=\"img\">", k_w);
  for (int week = 0; week <= 12; ++week)
    out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"18\" y2=\"64\" class=\"wk\"/>", k_left + 7 * week * k_day);
  for (int week = 1; week <= 12; ++week)
    out += fmt::format("<text x=\"{:.1f}\" y=\"12\" class=\"wkl\">w{}</text>", k_left + (7 * week - 3.5) * k_day, week);
  for (const Phase& p : s.phases) {
    double x = k_left + double(p.starts - s.start) * k_day, w = 21 * k_day;
    std::string state = phase_state(p, s.today);
    out += fmt::format("<rect x=\"{:.1f}\" y=\"24\" width=\"{:.1f}\" height=\"30\" rx=\"4\" class=\"ph {}\"><title>{}</title></rect>",
                       x + 1, w - 2, state == "met" ? "ok" : state == "late" ? "late" : state == "in progress" ? "now" : "later",
                       html_escape(fmt::format("{}: {} .. {}", p.name, format_date(p.starts), format_date(p.due))));
    out += fmt::format("<text x=\"{:.1f}\" y=\"44\" class=\"phl\">{} · {}</text>", x + w / 2, html_escape(p.name),
                       html_escape(state));
  }
  double today = std::clamp(double(s.today - s.start) + 0.5, 0.0, 84.0);
  const char* anchor = today < 6 ? "start" : today > 78 ? "end" : "middle";  // keep the label inside the frame
  out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"16\" y2=\"68\" class=\"today\"/><text x=\"{0:.1f}\" y=\"82\" "
                     "class=\"todayl\" text-anchor=\"{2}\">today {1}</text>", k_left + today * k_day, format_date(s.today), anchor);
  return out + "</svg>";
}

std::string criterion_row(const Criterion& c)
{
  std::string evidence = c.evidence.empty() ? "—" : "<code>" + html_escape(c.evidence) + "</code>";
  std::string todo = c.met ? "" : "<div class=\"cmd\"><code>" + html_escape(c.command) + "</code></div>";
  return fmt::format("<tr class=\"{}\"><td class=\"mark\">{}</td><td><b>{}</b><div class=\"desc\">{}</div></td>"
                     "<td>{}{}</td><td>{}</td></tr>",
                     c.met ? "met" : "unmet", c.met ? "✔" : "✘", html_escape(c.id), html_escape(c.description),
                     html_escape(c.detail), todo, evidence);
}

std::string phases_html(const PlanStatus& s)
{
  std::string out;
  for (const Phase& p : s.phases) {
    out += fmt::format("<div class=\"phase\"><h3>Phase {} · weeks {}–{} · {} {}</h3><div class=\"meta\">{} .. {} (due)</div>"
                       "<table class=\"crit\"><tr><th></th><th>criterion</th><th>detail</th><th>evidence</th></tr>",
                       p.number, p.first_week, p.last_week, html_escape(p.name), state_badge(phase_state(p, s.today)),
                       format_date(p.starts), format_date(p.due));
    for (const Criterion& c : p.criteria) out += criterion_row(c);
    out += "</table></div>";
  }
  return out;
}

std::vector<std::string> lint_categories(const std::vector<LintTally>& history)
{
  std::set<std::string> names;
  for (const LintTally& t : history)
    for (const auto& entry : t.categories) names.insert(entry.first);
  return {names.begin(), names.end()};
}

std::string lint_trend_html(const std::vector<LintTally>& history)
{
  std::string out = "<h2>Lint trend of the planned manifests</h2>";
  if (history.empty())
    return out + "<p class=\"meta\">No lint recorded yet: <code>readyctl plan status</code> records one in "
                 "<code>.readyctl/lint-history.json</code> each time the result changes.</p>";
  std::vector<std::string> categories = lint_categories(history);
  std::vector<baseline::ChartBar> bars;
  for (size_t i = history.size() > k_trend_runs ? history.size() - k_trend_runs : 0; i < history.size(); ++i) {
    baseline::ChartBar bar{history[i].at.substr(0, 16), {}};
    std::replace(bar.name.begin(), bar.name.end(), 'T', ' ');
    for (const std::string& c : categories) {
      auto it = history[i].categories.find(c);
      bar.parts.push_back(it == history[i].categories.end() ? 0 : it->second.total());
    }
    bars.push_back(std::move(bar));
  }
  out += "<div class=\"panel\"><div class=\"meta\">Findings per category (all severities) at each <code>plan status</code> "
         "run whose result changed, oldest at the top.</div>";
  out += "<div class=\"bars\">" + baseline::svg_bar_chart(bars, categories, "") + "</div>";
  out += "<div class=\"legend\">";
  for (size_t i = 0; i < categories.size(); ++i)
    out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", baseline::chart_color(i), html_escape(categories[i]));
  out += "</div></div><table class=\"trend\"><tr><th>measured</th><th>paths</th><th>errors</th><th>warnings</th><th>notes</th>";
  for (const std::string& c : categories) out += "<th>" + html_escape(c) + "<br><small>err / all</small></th>";
  out += "</tr>";
  for (auto it = history.begin(); it != history.end(); ++it) {
    out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td>", html_escape(it->at),
                       html_escape(join(it->paths, " ")), it->total.errors, it->total.warnings, it->total.notes);
    for (const std::string& c : categories) {
      auto found = it->categories.find(c);
      out += found == it->categories.end() ? std::string("<td>0 / 0</td>")
                                           : fmt::format("<td>{} / {}</td>", found->second.errors, found->second.total());
    }
    out += "</tr>";
  }
  return out + "</table>";
}

std::string baseline_html(const PlanReport& r)
{
  if (!r.baseline)
    return "<h2>Latest baseline</h2><p class=\"meta\">No baseline snapshot in <code>.readyctl/baselines/</code> yet.</p>";
  return "<h2>Latest baseline: <code>" + html_escape(r.baseline_file) + "</code></h2><div class=\"baseline\">" +
         baseline::render_html_body(*r.baseline) + "</div>";
}

std::string gamedays_html(const PlanReport& r)
{
  std::string out = "<h2>Game days that count</h2>";
  if (r.journals.empty())
    return out + "<p class=\"meta\">No held drill in <code>.readyctl/gamedays/</code> within the last 30 days yet.</p>";
  out += "<div class=\"gameday\">";
  for (const auto& [file, journal] : r.journals)
    out += "<p class=\"meta\">Journal <code>" + html_escape(file) + "</code></p>" + gameday::render_html_section(journal);
  return out + "</div>";
}

int criteria_met(const PlanStatus& s, int* total)
{
  int met = 0;
  *total = 0;
  for (const Phase& p : s.phases)
    for (const Criterion& c : p.criteria) met += c.met, ++*total;
  return met;
}

constexpr const char* k_plan_style = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px} main>h2{font-size:19px;margin:36px 0 10px;padding-top:12px;border-top:2px solid #e2e8f0}
h3{font-size:15px;margin:0 0 2px}
.meta{color:#475569;font-size:13px}
.next{background:#0f172a;color:#e2e8f0;border-radius:8px;padding:12px 16px;margin:16px 0}
.next code{color:#fff;font-size:14px;word-break:break-all}
.plan-timeline{width:100%;height:auto;background:#fff;border:1px solid #e2e8f0;border-radius:8px}
.plan-timeline .wk{stroke:#e2e8f0} .plan-timeline .wkl{font-size:11px;fill:#64748b;text-anchor:middle}
.plan-timeline .phl{font-size:13px;fill:#fff;text-anchor:middle;font-weight:600}
.plan-timeline .today{stroke:#0f172a;stroke-width:2;stroke-dasharray:4 3} .plan-timeline .todayl{font-size:11px}
.ph.ok{fill:#16a34a} .ph.late{fill:#dc2626} .ph.now{fill:#2563eb} .ph.later{fill:#94a3b8}
.badge{color:#fff;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;margin-left:6px}
.badge.ok{background:#16a34a} .badge.late{background:#dc2626} .badge.now{background:#2563eb} .badge.later{background:#94a3b8}
.phases{display:grid;grid-template-columns:1fr;gap:12px}
.phase{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
table.crit{border-collapse:collapse;width:100%;margin-top:8px;font-size:13px}
table.crit th,table.crit td{padding:6px;border-top:1px solid #e2e8f0;text-align:left;vertical-align:top}
table.crit td.mark{font-size:16px;width:18px} table.crit td:nth-child(2){width:34%} table.crit td:nth-child(4){width:26%} tr.met td.mark{color:#16a34a} tr.unmet td.mark{color:#dc2626}
.desc{color:#64748b;font-size:12px} .cmd code{display:inline-block;margin-top:4px;background:#f1f5f9;padding:2px 6px;border-radius:4px;font-size:12px;word-break:break-all}
code{font-size:12px}
.panel{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
.chart{width:100%;height:auto} .bars{max-width:820px} .ytick{font-size:11px;fill:#64748b;text-anchor:end} .label{font-size:11px;fill:#334155}
.legend span{display:inline-block;margin-right:12px;font-size:12px} .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
table.trend{border-collapse:collapse;width:100%;background:#fff;font-size:12px;margin-top:12px}
table.trend th,table.trend td{padding:4px 8px;border-bottom:1px solid #e2e8f0;text-align:right} table.trend th:nth-child(-n+2),table.trend td:nth-child(-n+2){text-align:left}
@media print{.phase,.panel,section{break-inside:avoid}}
)";

}  // namespace

PlanReport gather_plan_report(const fs::path& root, PlanStatus status)
{
  PlanReport r;
  load_latest_baseline(root, status.baselines, r);
  r.lint_history = load_lint_history(root);
  std::set<std::string> seen;
  for (const Phase& p : status.phases)
    for (const Criterion& c : p.criteria)
      if (c.id.starts_with("gameday-") && c.met && seen.insert(c.evidence).second)
        r.journals.emplace_back(c.evidence, gameday::load_journal(root / c.evidence));
  r.status = std::move(status);
  return r;
}

std::string render_report_html(const PlanReport& r)
{
  const PlanStatus& s = r.status;
  int total = 0, met = criteria_met(s, &total);
  std::string out = fmt::format("<h1>90-day plan: {}</h1><div class=\"meta\">Started {} · today {} (week {}) · <b>{} of {}</b> exit "
                     "criteria met{}</div>",
                     html_escape(fs::path(s.root).filename().string()), format_date(s.start), format_date(s.today),
                     current_week(s), met, total, s.any_late() ? " · <b style=\"color:#dc2626\">a phase is late</b>" : "");
  out += s.next_command.empty() ? std::string("<div class=\"next\">All exit criteria are met.</div>")
                                : "<div class=\"next\">Next: <code>" + html_escape(s.next_command) + "</code></div>";
  out += timeline_svg(s);
  out += "<h2>Phases and exit criteria</h2><div class=\"phases\">" + phases_html(s) + "</div>";
  out += baseline_html(r) + lint_trend_html(r.lint_history) + gamedays_html(r);
  out += fmt::format("<p class=\"meta\">Generated by readyctl {} from the evidence in {}.</p>", READYCTL_VERSION,
                     html_escape(s.root));
  std::string css = k_plan_style + scope_css(baseline::html_style(), ".baseline") + scope_css(gameday::html_style(), ".gameday");
  return html_page("readyctl 90-day plan", css, out);
}

std::string render_report_markdown(const PlanReport& r)
{
  std::string out = render_status_markdown(r.status);
  out += "\n## Latest baseline\n\n";
  out += r.baseline ? "From " + markdown_code_cell(r.baseline_file) + ".\n\n" + baseline::render_markdown(*r.baseline) : "No snapshot yet.\n";
  out += "\n## Lint trend of the planned manifests\n\n";
  if (r.lint_history.empty()) out += "No lint recorded yet.\n";
  else out += "| measured | errors | warnings | notes |\n|---|---:|---:|---:|\n";
  for (const LintTally& t : r.lint_history)
    out += fmt::format("| {} | {} | {} | {} |\n", markdown_cell(t.at), t.total.errors, t.total.warnings, t.total.notes);
  out += "\n## Game days that count\n\n";
  std::vector<nlohmann::ordered_json> journals;
  for (const auto& entry : r.journals) journals.push_back(entry.second);
  out += journals.empty() ? std::string("No held drill within the last 30 days yet.\n") : gameday::render_markdown(journals);
  return out;
}

std::string render_report_json(const PlanReport& r)
{
  Json doc = Json::parse(render_status_json(r.status));
  doc["kind"] = "PlanReport";
  doc["baseline"] = r.baseline ? Json{{"file", r.baseline_file},
                                      {"window", {{"start", baseline::format_time(r.baseline->window.start)},
                                                  {"end", baseline::format_time(r.baseline->window.end)}}}}
                               : Json();
  Json history = Json::array();
  for (const LintTally& t : r.lint_history)
    history.push_back({{"at", t.at}, {"errors", t.total.errors}, {"warnings", t.total.warnings}, {"notes", t.total.notes}});
  doc["lintHistory"] = history;
  Json gamedays = Json::array();
  for (const auto& [file, j] : r.journals) {
    gameday::JournalSummary sum = gameday::summarize_journal(j);
    gamedays.push_back({{"file", file}, {"name", sum.name}, {"verdict", sum.verdict}, {"start", sum.start}});
  }
  doc["gamedays"] = gamedays;
  return doc.dump(2) + "\n";
}

}  // namespace readyctl::plan
