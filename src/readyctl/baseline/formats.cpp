#include "readyctl/baseline/render.hpp"
#include "readyctl/report/json_to_yaml.hpp"

namespace readyctl::baseline {
namespace {

constexpr OutputFormat<Baseline> k_baseline_formats[] = {
    {"text", &render_text},
    {"json", [](const Baseline& b, const RenderOptions&) { return render_json(b); }},
    {"yaml", [](const Baseline& b, const RenderOptions&) { return json_text_to_yaml(render_json(b)); }},
    {"markdown", [](const Baseline& b, const RenderOptions&) { return render_markdown(b); }},
    {"html", [](const Baseline& b, const RenderOptions&) { return render_html(b); }},
};

}  // namespace

std::span<const OutputFormat<Baseline>> baseline_formats() { return k_baseline_formats; }

}  // namespace readyctl::baseline
