#include "readyctl/baseline/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/baseline/display.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::baseline {
namespace {

constexpr double k_width = 760, k_height = 220, k_left = 56, k_right = 12, k_top = 12, k_bottom = 28;
constexpr size_t k_max_points = 400;  // downsample long series: a chart has ~700 pixels

std::vector<Figure> downsample(const std::vector<Figure>& v)
{
  if (v.size() <= k_max_points) return v;
  std::vector<Figure> out(k_max_points);
  for (size_t b = 0; b < k_max_points; ++b) {
    size_t from = b * v.size() / k_max_points, to = (b + 1) * v.size() / k_max_points;
    out[b] = max_of(std::span<const Figure>(v).subspan(from, to - from));  // keep peaks visible
  }
  return out;
}

// 1-2-5 steps for the y axis.
double nice_ceiling(double v)
{
  if (v <= 0) return 1;
  double p = std::pow(10, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

std::string tick(double v, const std::string& unit)
{
  if (unit == "%") return fmt::format("{:.0f}%", v * 100);
  if (unit == "s" && v < 1 && v > 0) return fmt::format("{:.0f}ms", v * 1000);
  return three_digits(v) + (unit == "s" ? "s" : "");
}

std::string axes(double ymax, const std::string& unit, const std::vector<std::string>& x_labels)
{
  std::string out;
  double plot_h = k_height - k_top - k_bottom;
  for (int i = 0; i <= 4; ++i) {
    double y = k_top + plot_h * (1 - i / 4.0);
    out += fmt::format(R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" class="grid"/>)", k_left, k_width - k_right, y, y);
    out += fmt::format(R"(<text x="{}" y="{:.1f}" class="ytick">{}</text>)", k_left - 6, y + 4, html_escape(tick(ymax * i / 4, unit)));
  }
  for (size_t i = 0; i < x_labels.size(); ++i) {
    double x = k_left + (k_width - k_left - k_right) * (x_labels.size() == 1 ? 0 : double(i) / double(x_labels.size() - 1));
    const char* anchor = i == 0 ? "start" : i + 1 == x_labels.size() ? "end" : "middle";
    out += fmt::format(R"(<text x="{:.1f}" y="{}" class="xtick" text-anchor="{}">{}</text>)", x, k_height - 8, anchor,
                       html_escape(x_labels[i]));
  }
  return out;
}

std::string polyline(const std::vector<Figure>& v, double ymax, size_t color)
{
  std::string out, points;
  double plot_w = k_width - k_left - k_right, plot_h = k_height - k_top - k_bottom;
  auto flush = [&] {
    if (!points.empty())
      out += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="1.6" points="{}"/>)", chart_color(color), points);
    points.clear();
  };
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i]) { flush(); continue; }
    double x = k_left + plot_w * (v.size() == 1 ? 0 : double(i) / double(v.size() - 1));
    double y = k_top + plot_h * (1 - std::clamp(*v[i] / ymax, 0.0, 1.0));
    points += fmt::format("{:.1f},{:.1f} ", x, y);
  }
  flush();
  return out;
}

}  // namespace

std::string chart_color(size_t i)
{
  static constexpr const char* k_palette[] = {"#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed",
                                              "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"};
  return k_palette[i % std::size(k_palette)];
}

std::string svg_line_chart(const std::vector<ChartLine>& lines, const std::string& unit,
                           const std::vector<std::string>& x_labels)
{
  double peak = 0;
  for (const ChartLine& l : lines) peak = std::max(peak, max_of(l.values).value_or(0));
  double ymax = nice_ceiling(peak);
  std::string out = fmt::format(R"(<svg viewBox="0 0 {} {}" class="chart" role="img">)", k_width, k_height);
  out += axes(ymax, unit, x_labels);
  for (size_t i = 0; i < lines.size(); ++i) out += polyline(downsample(lines[i].values), ymax, i);
  return out + "</svg>";
}

std::string svg_bar_chart(const std::vector<ChartBar>& bars, const std::vector<std::string>& part_names,
                          const std::string& unit)
{
  constexpr double k_row = 26, k_label = 150;
  double total_max = 0;
  for (const ChartBar& b : bars) {
    double t = 0;
    for (double p : b.parts) t += p;
    total_max = std::max(total_max, t);
  }
  double scale_max = nice_ceiling(total_max);
  double height = k_row * double(bars.size()) + 30;
  std::string out = fmt::format(R"(<svg viewBox="0 0 {} {:.0f}" class="chart" role="img">)", k_width, height);
  for (size_t r = 0; r < bars.size(); ++r) {
    double y = 4 + k_row * double(r), x = k_label, sum = 0;
    out += fmt::format(R"(<text x="{}" y="{:.1f}" class="ytick">{}</text>)", k_label - 8, y + 15, html_escape(bars[r].name));
    for (size_t p = 0; p < bars[r].parts.size(); ++p) {
      double w = (k_width - k_label - 90) * bars[r].parts[p] / scale_max;
      out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="18" fill="{}"><title>{}</title></rect>)", x, y,
                         std::max(0.0, w), chart_color(p), html_escape(part_names[p]));
      x += w;
      sum += bars[r].parts[p];
    }
    out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" class="label">{}{:.0f}</text>)", x + 6, y + 14, unit, sum);
  }
  return out + "</svg>";
}

}  // namespace readyctl::baseline
