// Renderings of a baseline for people: text (tables and sparklines), markdown (PR comments), html (charts).
#pragma once
#include <string>

#include "readyctl/baseline/baseline.hpp"
#include "readyctl/report/output_format.hpp"

namespace readyctl::baseline {

// `baseline -o`: text (default), json, yaml, markdown, html.
std::span<const OutputFormat<Baseline>> baseline_formats();

std::string render_text(const Baseline& b, const RenderOptions& options);
std::string render_markdown(const Baseline& b);
std::string render_html(const Baseline& b);
// The page's parts, for reports that embed a baseline (plan report): its stylesheet and everything under the title.
std::string html_style();
std::string render_html_body(const Baseline& b);
std::string render_json(const Baseline& b);  // the public JSON shape, without per-step series

}  // namespace readyctl::baseline
