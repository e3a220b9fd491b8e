#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/gameday/report_timeline.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/report/html.hpp"

namespace readyctl::gameday {

namespace {

std::string event_table(const Json& j)
{
  std::string out = "<table><tr><th>t</th><th>phase</th><th>name</th><th>kind</th><th>status</th><th>targets</th>"
                    "<th>message</th></tr>";
  for (const Json& ev : j["events"]) {
    std::string targets = ev.contains("targets") && ev["targets"].is_array() && !ev["targets"].empty() ? ev["targets"].dump() : "";
    out += fmt::format("<tr><td>{:.1f}s</td><td>{}</td><td>{}</td><td>{}{}</td><td><span class='dot' style='background:{}'>"
                       "</span>{}</td><td>{}</td><td>{}</td></tr>", ev.value("t0", 0.0), html_escape(json_text(ev["phase"])),
                       html_escape(json_text(ev["name"])), html_escape(json_text(ev.value("type", Json()))),
                       ev.value("fault", false) ? " <b>fault</b>" : "", status_color(json_text(ev["status"])),
                       html_escape(json_text(ev["status"])), html_escape(targets),
                       html_escape(ev.contains("message") ? json_text(ev["message"]).substr(0, 240) : ""));
  }
  return out + "</table>";
}

std::string section(const Json& j)
{
  JournalSummary s = summarize_journal(j);
  std::string badge = s.verdict == "held" ? "#3f9142" : s.verdict == "running" ? "#9aa5b1" : "#d64545";
  return fmt::format(
      "<section><h2>{} <span class='badge' style='background:{}'>{}</span>{}</h2>{}"
      "<div class='cards'><div><b>{}</b><span>time to detect</span></div><div><b>{}</b><span>time to recover</span></div>"
      "<div><b>{}</b><span>duration</span></div><div><b>{} / {}</b><span>probes failed</span></div>"
      "<div><b>{}</b><span>faults</span></div><div><b>{} ({} pending)</b><span>undos</span></div></div>"
      "<p class='meta'>run {} · started {}</p>{}{}</section>",
      html_escape(s.name), badge, html_escape(s.verdict), s.dry_run ? " <small>(dry run)</small>" : "",
      s.reason.empty() ? "" : "<p class='reason'>" + html_escape(s.reason) + "</p>", seconds_text(s.ttd), seconds_text(s.ttr),
      seconds_text(s.duration), s.probe_failures, s.probes, s.faults, s.undos, s.undos_pending, html_escape(s.run_id),
      html_escape(s.start), render_timeline(j), event_table(j));
}

constexpr const char* k_report_style =
    "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2933;background:#f7f9fb}"
    "h1{font-size:22px}h2{font-size:18px}section{background:#fff;border:1px solid #d9e2ec;border-radius:8px;"
    "padding:16px;margin-bottom:24px}.badge{color:#fff;border-radius:10px;padding:2px 10px;font-size:13px}"
    ".cards{display:flex;gap:12px;flex-wrap:wrap}.cards div{border:1px solid #d9e2ec;border-radius:6px;padding:8px 12px;"
    "min-width:110px}.cards b{display:block;font-size:18px}.cards span{color:#52606d;font-size:12px}"
    ".timeline{width:100%;max-width:900px;font-family:system-ui,sans-serif;margin:12px 0;background:#fbfcfd;border:1px solid #e4e7eb}"
    "table{border-collapse:collapse;width:100%;font-size:12px}td,th{border-bottom:1px solid #e4e7eb;padding:3px 6px;"
    "text-align:left;vertical-align:top}.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}"
    ".reason{color:#9b1c1c}.meta{color:#52606d;font-size:12px}";

}  // namespace

std::string render_html(const std::vector<Json>& journals)
{
  std::string body;
  for (const Json& j : journals) body += section(j);
  return html_page("Game-day report", k_report_style, "<h1>Game-day report</h1>" + body);
}

std::string html_style() { return k_report_style; }
std::string render_html_section(const Json& journal) { return section(journal); }

}  // namespace readyctl::gameday
