#include <fmt/format.h>

#include "readyctl/baseline/display.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/render_recommend.hpp"
#include "readyctl/report/markdown.hpp"

namespace readyctl::baseline {
namespace {

constexpr std::string_view k_markdown_columns[] = {"requests.total", "requests.peak_to_mean", "requests.error_ratio",
                                          "latency_seconds.e2e.p95", "latency_seconds.ttft.p95",
                                          "latency_seconds.itl.p95", "queue.p95", "prefix_cache_hit_ratio",
                                          "gpu.allocated_gpu_hours", "gpu.utilization_mean", "cost.total",
                                          "cost.per_million_tokens", "cost.idle_gpu"};

std::string row(const TenantBaseline& t, bool bold)
{
  std::string out = bold ? "| **" + markdown_cell(t.name) + "** |" : "| " + markdown_cell(t.name) + " |";
  for (std::string_view path : k_markdown_columns) out += " " + format_figure(t.get(path), find_field(path)->unit) + " |";
  return out + "\n";
}

std::string markdown_comparison(const Baseline& b)
{
  if (!b.comparison) return {};
  std::string out = fmt::format("\n### Compared with {}\n\n", markdown_code_cell(b.comparison->against));
  if (b.comparison->changes.empty()) return out + "Nothing moved by more than 5%.\n";
  out += "| | tenant | figure | before | after | change |\n|---|---|---|---|---|---|\n";
  for (const Change& c : b.comparison->changes) {
    const FieldSpec* f = find_field(c.path);
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", c.worse ? "🔴 worse" : c.neutral ? "⚪ changed" : "🟢 better", markdown_cell(c.tenant), markdown_code_cell(c.path),
                       format_figure(c.before, f ? f->unit : ""), format_figure(c.after, f ? f->unit : ""),
                       format_change(c));
  }
  return out;
}

}  // namespace

std::string render_markdown(const Baseline& b)
{
  std::string out = fmt::format("## readyctl baseline — {} → {} ({})\n\n", format_time(b.window.start),
                                format_time(b.window.end), format_span(b.window.seconds()));
  out += fmt::format("Stack **{}**, tenants by `{}`, exporters: {}.\n\n", b.stack.empty() ? "none found" : b.stack,
                     b.tenant_label, b.exporters.empty() ? "none" : fmt::format("{}", fmt::join(b.exporters, ", ")));
  out += "| tenant |";
  for (std::string_view path : k_markdown_columns) out += " " + std::string(find_field(path)->label) + " |";
  out += "\n|---|";
  for (size_t i = 0; i < std::size(k_markdown_columns); ++i) out += "---:|";
  out += "\n";
  for (const TenantBaseline& t : b.tenants) out += row(t, false);
  out += row(b.cluster, true);
  out += render_recommend_markdown(b);
  out += markdown_comparison(b);
  if (!b.warnings.empty()) {
    out += "\n<details><summary>Warnings (" + std::to_string(b.warnings.size()) + ")</summary>\n\n";
    for (const std::string& w : b.warnings) out += "- " + markdown_cell(w) + "\n";
    out += "\n</details>\n";
  }
  return out;
}

}  // namespace readyctl::baseline
