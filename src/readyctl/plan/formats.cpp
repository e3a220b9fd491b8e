#include "readyctl/plan/report.hpp"
#include "readyctl/plan/status.hpp"
#include "readyctl/report/json_to_yaml.hpp"

namespace readyctl::plan {
namespace {

constexpr OutputFormat<PlanStatus> k_status_formats[] = {
    {"text", [](const PlanStatus& s, const RenderOptions&) { return render_status_text(s); }},
    {"json", [](const PlanStatus& s, const RenderOptions&) { return render_status_json(s); }},
    {"yaml", [](const PlanStatus& s, const RenderOptions&) { return json_text_to_yaml(render_status_json(s)); }},
    {"markdown", [](const PlanStatus& s, const RenderOptions&) { return render_status_markdown(s); }},
    {"junit", [](const PlanStatus& s, const RenderOptions&) { return render_status_junit(s); }},
};

constexpr OutputFormat<PlanReport> k_report_formats[] = {
    {"html", [](const PlanReport& r, const RenderOptions&) { return render_report_html(r); }},
    {"markdown", [](const PlanReport& r, const RenderOptions&) { return render_report_markdown(r); }},
    {"json", [](const PlanReport& r, const RenderOptions&) { return render_report_json(r); }},
    {"yaml", [](const PlanReport& r, const RenderOptions&) { return json_text_to_yaml(render_report_json(r)); }},
};

}  // namespace

std::span<const OutputFormat<PlanStatus>> status_formats() { return k_status_formats; }
std::span<const OutputFormat<PlanReport>> report_formats() { return k_report_formats; }

}  // namespace readyctl::plan
