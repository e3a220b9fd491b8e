// Renders a LintReport in any of the supported formats; one table drives lookup and listing.
#pragma once
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

#include "readyctl/report/lint_report.hpp"

namespace readyctl {

struct RenderOptions {
  bool color = false;
  bool verbose = false;
  bool quiet = false;  // text: summary only when there are findings
};

using LintFormatter = std::string (*)(const LintReport&, const RenderOptions&);
// Writes the same bytes as the formatter straight to a stream, in pieces, for reports too big to hold twice.
using LintStreamer = void (*)(const LintReport&, const RenderOptions&, std::ostream&);

struct LintFormat {
  std::string_view name;
  LintFormatter render;
  std::string_view description;
  LintStreamer stream = nullptr;  // null: render() and write the string
};

std::span<const LintFormat> lint_formats();
// InputError naming the valid formats when `name` is unknown.
const LintFormat& find_lint_format(std::string_view name);

std::string render_lint_text(const LintReport& report, const RenderOptions& options);
std::string render_lint_json(const LintReport& report, const RenderOptions& options);
void write_lint_json(const LintReport& report, const RenderOptions& options, std::ostream& out);
std::string render_lint_yaml(const LintReport& report, const RenderOptions& options);
std::string render_lint_sarif(const LintReport& report, const RenderOptions& options);
std::string render_lint_junit(const LintReport& report, const RenderOptions& options);
std::string render_lint_github(const LintReport& report, const RenderOptions& options);
std::string render_lint_markdown(const LintReport& report, const RenderOptions& options);

}  // namespace readyctl
