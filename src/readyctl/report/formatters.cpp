#include "readyctl/report/formatters.hpp"

#include <vector>

#include "readyctl/report/output_format.hpp"

namespace readyctl {

namespace {

constexpr LintFormat k_formats[] = {
    {"text", &render_lint_text, "compiler-style findings with the source line and a caret (default)"},
    {"json", &render_lint_json, "machine-readable findings, schemaVersion 1", &write_lint_json},
    {"yaml", &render_lint_yaml, "the JSON report's data as YAML"},
    {"sarif", &render_lint_sarif, "SARIF 2.1.0 for code scanning"},
    {"junit", &render_lint_junit, "JUnit XML, one test case per file and rule"},
    {"github", &render_lint_github, "GitHub Actions workflow annotations"},
    {"markdown", &render_lint_markdown, "a pull-request comment"},
};

}  // namespace

std::span<const LintFormat> lint_formats() { return k_formats; }

const LintFormat& find_lint_format(std::string_view name)
{
  std::vector<std::string_view> names;
  for (const LintFormat& f : k_formats) {
    if (f.name == name) return f;
    names.push_back(f.name);
  }
  throw_unknown_format(name, names);
}

}  // namespace readyctl
