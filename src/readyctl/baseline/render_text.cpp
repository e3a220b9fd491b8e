#include <fmt/format.h>

#include "readyctl/baseline/baseline_json.hpp"
#include "readyctl/baseline/display.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/render_recommend.hpp"

namespace readyctl::baseline {
namespace {

// The columns of the summary table: the figures a platform team looks at first.
constexpr std::string_view k_text_columns[] = {"requests.rate_mean", "requests.peak_to_mean", "requests.error_ratio",
                                          "latency_seconds.e2e.p95", "latency_seconds.ttft.p95",
                                          "latency_seconds.itl.p95", "queue.p95", "gpu.allocated_gpu_hours",
                                          "gpu.utilization_mean", "cost.total", "cost.per_million_tokens"};
constexpr size_t k_spark_width = 24;

struct Style {
  bool color;
  std::string bold(std::string_view s) const { return color ? fmt::format("\033[1m{}\033[0m", s) : std::string(s); }
  std::string red(std::string_view s) const { return color ? fmt::format("\033[31m{}\033[0m", s) : std::string(s); }
  std::string green(std::string_view s) const { return color ? fmt::format("\033[32m{}\033[0m", s) : std::string(s); }
  std::string dim(std::string_view s) const { return color ? fmt::format("\033[2m{}\033[0m", s) : std::string(s); }
};

size_t display_width(std::string_view s)
{
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string_view s, size_t width, bool right)
{
  std::string fill(width > display_width(s) ? width - display_width(s) : 0, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::vector<std::string> row_cells(const TenantBaseline& t)
{
  std::vector<std::string> cells{t.name};
  for (std::string_view path : k_text_columns) cells.push_back(format_figure(t.get(path), find_field(path)->unit));
  auto it = t.series.find("request_rate");
  cells.push_back(it == t.series.end() ? "" : sparkline(it->second, k_spark_width));
  return cells;
}

std::string table(const Baseline& b, const Style& st)
{
  std::vector<std::string> header{"TENANT"};
  for (std::string_view path : k_text_columns) header.emplace_back(find_field(path)->label);
  header.emplace_back("traffic");
  std::vector<std::vector<std::string>> rows{header};
  for (const TenantBaseline& t : b.tenants) rows.push_back(row_cells(t));
  rows.push_back(row_cells(b.cluster));
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < rows[r].size(); ++i)
      line += (i ? "  " : "") + pad(rows[r][i], widths[i], i > 0 && i + 1 < rows[r].size());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += (r == 0 || r + 1 == rows.size() ? st.bold(line) : line) + "\n";
  }
  return out;
}

std::string header(const Baseline& b, const Style& st)
{
  std::string out = st.bold("readyctl baseline") +
                    fmt::format("  {} → {}  ({}, step {}s)\n", format_time(b.window.start), format_time(b.window.end),
                                format_span(b.window.seconds()), b.window.step);
  out += fmt::format("stack: {}   source: {}{}   tenants by: {}\n", b.stack.empty() ? "none found" : b.stack, b.source,
                     b.server_version.empty() ? "" : " (" + b.server_version + ")", b.tenant_label);
  if (!b.exporters.empty()) out += fmt::format("exporters: {}\n", fmt::join(b.exporters, ", "));
  return out + "\n";
}

std::string cost_summary(const Baseline& b)
{
  const TenantBaseline& c = b.cluster;
  // Idle GPU cost also prices capacity no pod requested, so it can exceed the (allocation-based) total.
  std::string out = fmt::format("Cost over the window: {} total = GPU {} + CPU {} + memory {}; "
                                "idle GPU {} (allocated but unused, plus GPUs no pod requested)",
                                format_figure(c.get("cost.total"), "usd"), format_figure(c.get("cost.gpu"), "usd"),
                                format_figure(c.get("cost.cpu"), "usd"), format_figure(c.get("cost.memory"), "usd"),
                                format_figure(c.get("cost.idle_gpu"), "usd"));
  if (Figure pm = c.get("cost.per_million_tokens")) out += fmt::format("; {} per 1M tokens", format_figure(pm, "usd"));
  const PriceRow& gpu = b.prices.gpu_price("");
  std::string provenance = gpu.provenance();
  return out + fmt::format("\nPrices: {} ${}/GPU-h by default{}\n", b.prices.default_gpu, gpu.usd,
                           provenance.empty() ? "" : " (" + provenance + ")");
}

std::string changes(const Baseline& b, const Style& st)
{
  if (!b.comparison) return {};
  std::string out = fmt::format("\nCompared with {} ({} → {}):\n", b.comparison->against,
                                format_time(b.comparison->before_window.start),
                                format_time(b.comparison->before_window.end));
  if (b.comparison->changes.empty()) out += "  nothing moved by more than 5%\n";
  size_t shown = 0;
  for (const Change& c : b.comparison->changes) {
    if (++shown > 15) {
      out += fmt::format("  … and {} more (see -o json)\n", b.comparison->changes.size() - 15);
      break;
    }
    const FieldSpec* f = find_field(c.path);
    std::string mark = c.worse ? st.red("▲ worse ") : c.neutral ? std::string("● changed") : st.green("▼ better");
    out += fmt::format("  {:<9}  {:<14} {:<28} {} → {} ({})\n", mark, c.tenant, c.path,
                       format_figure(c.before, f ? f->unit : ""), format_figure(c.after, f ? f->unit : ""),
                       format_change(c));
  }
  return out;
}

std::string warnings(const Baseline& b, const Style& st)
{
  if (b.warnings.empty()) return {};
  std::string out = "\n" + st.bold("Warnings:") + "\n";
  for (const std::string& w : b.warnings) out += "  - " + w + "\n";
  return out;
}

}  // namespace

std::string render_text(const Baseline& b, const RenderOptions& options)
{
  Style st{options.color};
  std::string out = header(b, st) + table(b, st) + "\n" + cost_summary(b) + render_recommend_text(b, st.color) +
                    changes(b, st) + warnings(b, st);
  if (b.stats.queries == 0) return out;  // read offline: nothing was queried
  return out + st.dim(fmt::format("\n{} queries, {} bytes received, {:.2f}s\n", b.stats.queries,
                                  b.stats.bytes_received, b.stats.wall_seconds));
}

std::string render_json(const Baseline& b) { return baseline_to_json(b, false).dump(2) + "\n"; }

}  // namespace readyctl::baseline
