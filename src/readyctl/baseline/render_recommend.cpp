#include "readyctl/baseline/render_recommend.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/baseline/display.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/report/markdown.hpp"

namespace readyctl::baseline {
namespace {

std::string count_text(Figure v) { return v ? three_digits(*v) : "—"; }
std::string before_after(Figure now, Figure recommended) { return count_text(now) + " → " + count_text(recommended); }
std::string deployment(const Recommendation& r) { return r.model.empty() ? r.tenant : r.tenant + "/" + r.model; }

std::string targets_line(const Recommendations& r)
{
  const RecommendOptions& o = r.options;
  std::string slo = o.slo_ttft_p95 ? fmt::format("TTFT p95 ≤ {}", format_figure(o.slo_ttft_p95, "s")) : "no TTFT objective";
  if (o.slo_e2e_p95) slo += fmt::format(", e2e p95 ≤ {}", format_figure(o.slo_e2e_p95, "s"));
  return fmt::format("target {} GPU utilisation at the peak; {}; queue p95 ≤ {} per replica; {} h per month",
                     format_figure(o.target_utilization, "%"), slo, three_digits(o.slo_queue_p95),
                     three_digits(k_hours_per_month));
}

std::string cluster_sentence(const Recommendations& r)
{
  const ClusterRecommendation& c = r.cluster;
  std::string out;
  if (c.unrequested_gpus)
    out = fmt::format("{} GPUs allocatable, at most {} requested by pods: {} GPUs no pod requested (node pools to "
                      "shrink, {} a month). ", count_text(c.allocatable_gpus), count_text(c.peak_requested_gpus),
                      count_text(c.unrequested_gpus), format_money_change(c.node_pool_monthly_change));
  else
    out = "GPUs no pod requested: unknown (no kube_node_status_allocatable or GPU requests). ";
  return out + fmt::format("Total monthly change: {} (deployments {}).", format_money_change(c.total_monthly_change),
                           format_money_change(c.tenants_monthly_change));
}

std::vector<std::vector<std::string>> text_rows(const Recommendations& r)
{
  std::vector<std::vector<std::string>> rows{{"TENANT", "MODEL", "VERDICT", "REPLICAS", "GPUS", "$/MONTH", "CONFIDENCE"}};
  for (const Recommendation& item : r.items)
    rows.push_back({item.tenant, item.model.empty() ? "—" : item.model, item.verdict,
                    before_after(item.replicas_now, item.replicas_recommended),
                    before_after(item.gpus_now, item.gpus_recommended), format_money_change(item.monthly_cost_change),
                    item.confidence});
  return rows;
}

size_t text_width(std::string_view s)
{
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string aligned(const std::vector<std::vector<std::string>>& rows, bool color)
{
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], text_width(row[i]));
  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < rows[r].size(); ++i)
      line += (i ? "  " : "") + rows[r][i] + std::string(widths[i] - text_width(rows[r][i]), ' ');
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += (r == 0 && color ? "\033[1m" + line + "\033[0m" : line) + "\n";
  }
  return out;
}

std::string followup_text(const FollowUp& f)
{
  return fmt::format("{}{}: {} replicas, recommended {}, now {} — followed: {}; GPU cost a month {} → {}; TTFT p95 {} → {}",
                     f.tenant, f.model.empty() ? "" : "/" + f.model, count_text(f.replicas_then),
                     count_text(f.recommended_then), count_text(f.replicas_now), f.followed,
                     format_figure(f.monthly_gpu_cost_then, "usd"), format_figure(f.monthly_gpu_cost_now, "usd"),
                     format_figure(f.ttft_p95_then, "s"), format_figure(f.ttft_p95_now, "s"));
}

std::string followup_lines(const Recommendations& r, std::string_view bullet)
{
  if (r.followup_against.empty()) return {};
  std::string out;
  if (r.followup.empty()) out += fmt::format("{}nothing to follow up: {} has no sized deployments (no serving figures)\n", bullet, r.followup_against);
  for (const FollowUp& f : r.followup) out += std::string(bullet) + followup_text(f) + "\n";
  return out;
}

// The follow-up list, each line escaped on its own so the list stays a list.
std::string followup_markdown(const Recommendations& r)
{
  std::string lines = followup_lines(r, "");
  std::string out;
  for (std::string_view line : split(lines, '\n'))
    if (!line.empty()) out += "- " + markdown_cell(line) + "\n";
  return out;
}

std::string html_bar(Figure gpus, double scale, const char* color)
{
  double w = gpus ? std::max(0.0, *gpus) * scale : 0;
  return fmt::format("<div style=\"display:inline-block;height:9px;width:{:.0f}px;background:{};border-radius:2px;"
                     "vertical-align:middle;margin-right:6px\"></div>{}", w, color, html_escape(count_text(gpus)));
}

double bar_scale(const Recommendations& r)
{
  double most = 1;
  for (const Recommendation& item : r.items)
    most = std::max({most, item.gpus_now.value_or(0.0), item.gpus_recommended.value_or(0.0)});
  return 160 / most;
}

std::string html_row(const Recommendation& item, double scale)
{
  return fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}<br>{}</td>"
                     "<td>{}</td><td>{}</td><td style=\"text-align:left;white-space:normal;min-width:320px\">{}{}</td></tr>",
                     html_escape(item.tenant), html_escape(item.model.empty() ? "—" : item.model),
                     html_escape(item.verdict), html_escape(before_after(item.replicas_now, item.replicas_recommended)),
                     html_bar(item.gpus_now, scale, "#94a3b8"), html_bar(item.gpus_recommended, scale, "#2563eb"),
                     html_escape(format_money_change(item.monthly_cost_change)), html_escape(item.confidence),
                     html_escape(item.reason),
                     item.confidence_notes.empty() ? std::string()
                                                   : "<br><small>" + html_escape(fmt::format("confidence: {}", fmt::join(item.confidence_notes, "; "))) + "</small>");
}

}  // namespace

std::string format_money_change(Figure usd)
{
  if (!usd) return "—";
  double v = std::fabs(*usd) < 0.005 ? 0 : *usd;
  return (v > 0 ? "+" : v < 0 ? "-" : "") + format_figure(std::fabs(v), "usd");
}

std::string render_recommend_text(const Baseline& b, bool color)
{
  if (!b.recommendations) return {};
  const Recommendations& r = *b.recommendations;
  std::string title = "Right-sizing";
  std::string out = "\n" + (color ? "\033[1m" + title + "\033[0m" : title) + " (" + targets_line(r) + ")\n";
  for (const std::string& note : r.notes) out += "note: " + note + "\n";
  if (!r.items.empty()) out += aligned(text_rows(r), color);
  out += "cluster: " + cluster_sentence(r) + "\n";
  for (const Recommendation& item : r.items) {
    out += fmt::format("  {}: {}", deployment(item), item.reason);
    if (!item.confidence_notes.empty()) out += fmt::format(" (confidence {}: {})", item.confidence, fmt::join(item.confidence_notes, "; "));
    out += "\n";
  }
  if (!r.followup_against.empty()) out += fmt::format("\nLast recommendation ({}):\n", r.followup_against) + followup_lines(r, "  ");
  return out;
}

std::string render_recommend_markdown(const Baseline& b)
{
  if (!b.recommendations) return {};
  const Recommendations& r = *b.recommendations;
  std::string out = "\n### Right-sizing\n\n" + markdown_cell(targets_line(r)) + ".\n\n";
  for (const std::string& note : r.notes) out += "> " + markdown_cell(note) + "\n\n";
  if (!r.items.empty()) {
    out += "| tenant | model | verdict | replicas | GPUs | $/month | confidence | reason |\n|---|---|---|---:|---:|---:|---|---|\n";
    for (const Recommendation& item : r.items)
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(item.tenant),
                         markdown_cell(item.model.empty() ? "—" : item.model), markdown_cell(item.verdict),
                         before_after(item.replicas_now, item.replicas_recommended),
                         before_after(item.gpus_now, item.gpus_recommended),
                         format_money_change(item.monthly_cost_change), markdown_cell(item.confidence), markdown_cell(item.reason));
  }
  out += "\n**Cluster:** " + markdown_cell(cluster_sentence(r)) + "\n";
  if (!r.followup_against.empty())
    out += "\n**Last recommendation** (" + markdown_cell(r.followup_against) + "):\n\n" + followup_markdown(r);
  return out;
}

std::string render_recommend_html(const Baseline& b)
{
  if (!b.recommendations) return {};
  const Recommendations& r = *b.recommendations;
  std::string out = "<h2>Right-sizing: before → after per tenant</h2><p class=\"meta\">" + html_escape(targets_line(r)) + ".</p>";
  for (const std::string& note : r.notes) out += "<p class=\"meta\">" + html_escape(note) + "</p>";
  if (!r.items.empty()) {
    out += "<div class=\"wide\"><table><tr><th>tenant</th><th>model</th><th>verdict</th><th>replicas</th>"
           "<th style=\"text-align:left\">GPUs now / recommended</th><th>$/month</th><th>confidence</th>"
           "<th style=\"text-align:left\">reason</th></tr>";
    double scale = bar_scale(r);
    for (const Recommendation& item : r.items) out += html_row(item, scale);
    out += "</table></div>";
  }
  out += "<p><b>Cluster:</b> " + html_escape(cluster_sentence(r)) + "</p>";
  if (!r.followup_against.empty()) {
    out += "<h2>Last recommendation (" + html_escape(r.followup_against) + ")</h2><ul>";
    std::string lines = followup_lines(r, "");
    for (std::string_view line : split(lines, '\n'))
      if (!line.empty()) out += "<li>" + html_escape(line) + "</li>";
    out += "</ul>";
  }
  return out;
}

}  // namespace readyctl::baseline
