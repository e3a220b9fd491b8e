// Inline SVG charts for the HTML report: no scripts, no external files, readable when printed.
#pragma once
#include <string>
#include <vector>

#include "readyctl/baseline/statistics.hpp"

namespace readyctl::baseline {

struct ChartLine {
  std::string name;
  std::vector<Figure> values;
};

struct ChartBar {
  std::string name;
  std::vector<double> parts;  // stacked segments, in the order of ChartBars::part_names
};

// One line per tenant over the window; x is the step index, ticks are labelled with `x_labels` (start, middle, end).
std::string svg_line_chart(const std::vector<ChartLine>& lines, const std::string& unit,
                           const std::vector<std::string>& x_labels);

// Horizontal stacked bars, one per tenant.
std::string svg_bar_chart(const std::vector<ChartBar>& bars, const std::vector<std::string>& part_names,
                          const std::string& unit);

// The colour of series i, shared by charts and legends.
std::string chart_color(size_t i);

}  // namespace readyctl::baseline
