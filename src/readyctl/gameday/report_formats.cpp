#include "readyctl/gameday/report.hpp"

namespace readyctl::gameday {
namespace {

using Journals = std::vector<Json>;

constexpr OutputFormat<Journals> k_report_formats[] = {
    {"markdown", [](const Journals& j, const RenderOptions&) { return render_markdown(j); }},
    {"html", [](const Journals& j, const RenderOptions&) { return render_html(j); }},
};

}  // namespace

std::span<const OutputFormat<Journals>> report_formats() { return k_report_formats; }

}  // namespace readyctl::gameday
