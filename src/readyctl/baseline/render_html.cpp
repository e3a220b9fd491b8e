#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/baseline/compare.hpp"
#include "readyctl/baseline/display.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/render_recommend.hpp"
#include "readyctl/baseline/svg_chart.hpp"
#include "readyctl/report/html.hpp"

namespace readyctl::baseline {
namespace {

constexpr const char* k_html_style = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 8px}
.meta{color:#475569;margin-bottom:16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
.card b{display:block;font-size:20px} .card span{color:#64748b;font-size:12px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{padding:5px 6px;border-bottom:1px solid #e2e8f0;text-align:right;white-space:nowrap}
th{white-space:normal;vertical-align:bottom}
th:first-child,td:first-child{text-align:left} tr.cluster td{font-weight:600;background:#f1f5f9}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px} .panel{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
.chart{width:100%;height:auto} .grid{stroke:#e2e8f0} .ytick{font-size:11px;fill:#64748b;text-anchor:end} .xtick{font-size:11px;fill:#64748b}
.label{font-size:11px;fill:#334155}
.legend span{display:inline-block;margin-right:12px;font-size:12px} .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.wide{overflow-x:auto} .bars{max-width:820px}
table.cmp td,table.cmp th{text-align:left}
.worse{color:#dc2626} .better{color:#16a34a} .warn li{color:#92400e}
@media(max-width:900px){.grid2{grid-template-columns:1fr}}
)";

constexpr std::string_view k_html_columns[] = {"requests.total", "requests.rate_mean", "requests.peak_to_mean",
                                          "requests.error_ratio", "latency_seconds.e2e.p95",
                                          "latency_seconds.ttft.p95", "latency_seconds.itl.p95", "queue.p95",
                                          "queue.cv", "prefix_cache_hit_ratio", "gpu.allocated_gpu_hours",
                                          "gpu.utilization_mean", "gpu.utilization_cv", "cost.total",
                                          "cost.per_million_tokens", "cost.idle_gpu", "retry_amplification"};

std::string card(std::string_view title, const std::string& value)
{
  return fmt::format("<div class=\"card\"><b>{}</b><span>{}</span></div>", html_escape(value), html_escape(title));
}

std::string cards(const Baseline& b)
{
  const TenantBaseline& c = b.cluster;
  return "<div class=\"cards\">" + card("requests", format_figure(c.get("requests.total"), "")) +
         card("peak / mean traffic", format_figure(c.get("requests.peak_to_mean"), "x")) +
         card("TTFT p95", format_figure(c.get("latency_seconds.ttft.p95"), "s")) +
         card("GPU-hours allocated", format_figure(c.get("gpu.allocated_gpu_hours"), "h")) +
         card("GPU utilisation", format_figure(c.get("gpu.utilization_mean"), "%")) +
         card("total cost", format_figure(c.get("cost.total"), "usd")) +
         card("idle GPU cost (incl. unrequested GPUs)", format_figure(c.get("cost.idle_gpu"), "usd")) +
         card("cost per 1M tokens", format_figure(c.get("cost.per_million_tokens"), "usd")) + "</div>";
}

std::string table(const Baseline& b)
{
  std::string out = "<div class=\"wide\"><table><tr><th>tenant</th>";
  for (std::string_view p : k_html_columns) out += "<th>" + html_escape(find_field(p)->label) + "</th>";
  out += "</tr>";
  auto row = [&](const TenantBaseline& t, bool cluster) {
    std::string r = cluster ? "<tr class=\"cluster\">" : "<tr>";
    r += "<td>" + html_escape(t.name) + "</td>";
    for (std::string_view p : k_html_columns) r += "<td>" + html_escape(format_figure(t.get(p), find_field(p)->unit)) + "</td>";
    return r + "</tr>";
  };
  for (const TenantBaseline& t : b.tenants) out += row(t, false);
  return out + row(b.cluster, true) + "</table></div>";
}

std::string legend(const Baseline& b)
{
  std::string out = "<div class=\"legend\">";
  for (size_t i = 0; i < b.tenants.size(); ++i)
    out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", chart_color(i), html_escape(b.tenants[i].name));
  return out + "</div>";
}

std::string line_panel(const Baseline& b, const char* title, const char* series, const std::string& unit)
{
  std::vector<ChartLine> lines;
  for (const TenantBaseline& t : b.tenants) {
    auto it = t.series.find(series);
    lines.push_back({t.name, it == t.series.end() ? std::vector<Figure>{} : it->second});
  }
  std::vector<std::string> x{format_time(b.window.start), format_time((b.window.start + b.window.end) / 2),
                             format_time(b.window.end)};
  return fmt::format("<div class=\"panel\"><h2>{}</h2>{}{}</div>", title, svg_line_chart(lines, unit, x), legend(b));
}

std::string cost_panel(const Baseline& b)
{
  std::vector<ChartBar> bars;
  for (const TenantBaseline& t : b.tenants) {
    double gpu = t.get("cost.gpu").value_or(0), idle = std::min(gpu, t.get("cost.idle_gpu").value_or(0));
    bars.push_back({t.name, {gpu - idle, idle, t.get("cost.cpu").value_or(0), t.get("cost.memory").value_or(0)}});
  }
  std::vector<std::string> parts{"GPU (busy)", "GPU (idle)", "CPU", "memory"};
  std::string legend = "<div class=\"legend\">";
  for (size_t i = 0; i < parts.size(); ++i)
    legend += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", chart_color(i), parts[i]);
  return "<div class=\"panel\"><h2>Cost per tenant (USD over the window)</h2><div class=\"bars\">" +
         svg_bar_chart(bars, parts, "$") + "</div>" + legend + "</div></div>";
}

std::string comparison(const Baseline& b)
{
  if (!b.comparison) return {};
  if (b.comparison->changes.empty())
    return fmt::format("<h2>Compared with {}</h2><p class=\"meta\">No figure moved by more than {:g}%.</p>",
                       html_escape(b.comparison->against), k_change_threshold * 100);
  std::string out = "<h2>Compared with " + html_escape(b.comparison->against) + "</h2><div class=\"wide\"><table class=\"cmp\"><tr><th></th><th>tenant</th>"
                    "<th>figure</th><th>before</th><th>after</th><th>change</th></tr>";
  for (const Change& c : b.comparison->changes) {
    const FieldSpec* f = find_field(c.path);
    out += fmt::format("<tr><td class=\"{0}\">{1}</td><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td><td class=\"{0}\">{6}</td></tr>",
                       c.worse ? "worse" : c.neutral ? "neutral" : "better",
                       c.worse ? "▲ worse" : c.neutral ? "● changed" : "▼ better", html_escape(c.tenant), c.path,
                       html_escape(format_figure(c.before, f ? f->unit : "")), html_escape(format_figure(c.after, f ? f->unit : "")),
                       format_change(c));
  }
  return out + "</table></div>";
}

std::string warnings(const Baseline& b)
{
  if (b.warnings.empty()) return {};
  std::string out = "<h2>Warnings</h2><ul class=\"warn\">";
  for (const std::string& w : b.warnings) out += "<li>" + html_escape(w) + "</li>";
  return out + "</ul>";
}

}  // namespace

std::string html_style() { return k_html_style; }

std::string render_html_body(const Baseline& b)
{
  std::string out = fmt::format("<div class=\"meta\">{} → {} ({}, step {}s) · stack <b>{}</b> · "
                                "tenants by <code>{}</code> · exporters: {}</div>",
                                format_time(b.window.start), format_time(b.window.end), format_span(b.window.seconds()),
                                b.window.step, html_escape(b.stack.empty() ? "none found" : b.stack), html_escape(b.tenant_label),
                                html_escape(fmt::format("{}", fmt::join(b.exporters, ", "))));
  out += cards(b);
  out += "<div class=\"grid2\">";
  out += line_panel(b, "Traffic (requests/s)", "request_rate", "");
  out += line_panel(b, "Queue depth (waiting requests)", "queue", "");
  out += line_panel(b, "End-to-end latency p95", "e2e_p95", "s");
  out += line_panel(b, "GPU utilisation", "gpu_utilization", "%");
  out += "</div><div class=\"grid2\" style=\"grid-template-columns:1fr\">" + cost_panel(b) + "</div>";
  out += "<h2>Per tenant</h2>" + table(b) + comparison(b) + warnings(b);
  out += render_recommend_html(b);
  const PriceRow& gpu = b.prices.gpu_price("");
  std::string provenance = gpu.provenance();
  out += fmt::format("<p class=\"meta\">Prices: {} ${}/GPU-hour by default{}.</p>", html_escape(b.prices.default_gpu),
                     gpu.usd, provenance.empty() ? "" : " (" + html_escape(provenance) + ")");
  return out;
}

std::string render_html(const Baseline& b)
{
  return html_page("readyctl baseline", k_html_style,
                   "<h1>readyctl baseline</h1>" + render_html_body(b) +
                       fmt::format("<p class=\"meta\">Generated by readyctl {}.</p>", READYCTL_VERSION));
}

}  // namespace readyctl::baseline
