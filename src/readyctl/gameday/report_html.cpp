#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/core/duration.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

constexpr double k_width = 900, k_label = 190, k_row = 22;

std::string status_color(const std::string& status)
{
  if (status == "deviated" || status == "failed" || status == "abort" || status == "error" || status == "refused")
    return "#d64545";
  if (status == "running" || status == "stopped") return "#9aa5b1";
  if (status == "dry-run") return "#7b93db";
  return "#3f9142";
}

std::string seconds_text(const Json& value) { return value.is_number() ? format_duration(value.get<double>()) : "—"; }

double x_of(double t, double span) { return k_label + (k_width - k_label - 10) * (span > 0 ? t / span : 0); }

std::string marker(const Json& fault, const char* key, const char* label, const char* color, double span, double height)
{
  if (!fault.is_object() || !fault.value(key, Json()).is_number()) return "";
  double x = x_of(fault[key].get<double>(), span);
  return fmt::format("<line x1='{0:.1f}' x2='{0:.1f}' y1='14' y2='{1:.1f}' stroke='{2}' stroke-width='2' "
                     "stroke-dasharray='4 3'/><text x='{0:.1f}' y='11' fill='{2}' font-size='11' "
                     "text-anchor='middle'>{3}</text>", x, height, color, label);
}

std::string timeline(const Json& j)
{
  std::vector<std::string> rows;
  std::map<std::string, size_t> row_of;
  double span = j.value("duration", 0.0);
  for (const Json& ev : j["events"]) {
    std::string key = json_text(ev["phase"]) + " · " + json_text(ev["name"]);
    if (!row_of.count(key)) row_of[key] = rows.size(), rows.push_back(key);
    if (ev["t1"].is_number()) span = std::max(span, ev["t1"].get<double>());
  }
  double height = 24 + k_row * static_cast<double>(rows.size()) + 20;
  std::string svg = fmt::format("<svg class='timeline' viewBox='0 0 {} {:.0f}' role='img'>", k_width, height);
  for (size_t i = 0; i < rows.size(); ++i)
    svg += fmt::format("<text x='4' y='{:.1f}' font-size='11'>{}</text>", 24 + k_row * static_cast<double>(i) + 14,
                       html_escape(rows[i].substr(0, 30)));
  for (const Json& ev : j["events"]) {
    double t0 = ev.value("t0", 0.0), t1 = ev["t1"].is_number() ? ev["t1"].get<double>() : span;
    double y = 24 + k_row * static_cast<double>(row_of[json_text(ev["phase"]) + " · " + json_text(ev["name"])]) + 4;
    double w = std::max(3.0, x_of(t1, span) - x_of(t0, span));
    svg += fmt::format("<rect x='{:.1f}' y='{:.1f}' width='{:.1f}' height='14' rx='2' fill='{}'><title>{} {} {:.2f}s–{:.2f}s "
                       "{}</title></rect>", x_of(t0, span), y, w, status_color(json_text(ev["status"])), html_escape(json_text(ev["name"])),
                       html_escape(json_text(ev["status"])), t0, t1, html_escape(ev.contains("message") ? json_text(ev["message"]) : ""));
  }
  const Json& fault = j.value("fault", Json::object());
  svg += marker(fault, "start", "fault", "#d64545", span, height - 16);
  svg += marker(fault, "detected", "detected", "#c77c02", span, height - 16);
  svg += marker(fault, "recovered", "recovered", "#3f9142", span, height - 16);
  svg += fmt::format("<text x='{:.0f}' y='{:.0f}' font-size='11'>0s</text><text x='{:.0f}' y='{:.0f}' font-size='11' "
                     "text-anchor='end'>{}</text></svg>", k_label, height - 4, k_width - 10, height - 4, format_duration(span));
  return svg;
}

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
      format_duration(s.duration), s.probe_failures, s.probes, s.faults, s.undos, s.undos_pending, html_escape(s.run_id),
      html_escape(s.start), timeline(j), event_table(j));
}

constexpr const char* k_style =
    "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2933;background:#f7f9fb}"
    "h1{font-size:22px}h2{font-size:18px}section{background:#fff;border:1px solid #d9e2ec;border-radius:8px;"
    "padding:16px;margin-bottom:24px}.badge{color:#fff;border-radius:10px;padding:2px 10px;font-size:13px}"
    ".cards{display:flex;gap:12px;flex-wrap:wrap}.cards div{border:1px solid #d9e2ec;border-radius:6px;padding:8px 12px;"
    "min-width:110px}.cards b{display:block;font-size:18px}.cards span{color:#52606d;font-size:12px}"
    ".timeline{width:100%;max-width:900px;margin:12px 0;background:#fbfcfd;border:1px solid #e4e7eb}"
    "table{border-collapse:collapse;width:100%;font-size:12px}td,th{border-bottom:1px solid #e4e7eb;padding:3px 6px;"
    "text-align:left;vertical-align:top}.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}"
    ".reason{color:#9b1c1c}.meta{color:#52606d;font-size:12px}";

}  // namespace

std::string render_html(const std::vector<Json>& journals)
{
  std::string body;
  for (const Json& j : journals) body += section(j);
  return fmt::format("<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>Game-day report</title>"
                     "<style>{}</style></head><body><h1>Game-day report</h1>{}</body></html>\n", k_style, body);
}

std::string html_style() { return k_style; }
std::string render_html_section(const Json& journal) { return section(journal); }

}  // namespace readyctl::gameday
