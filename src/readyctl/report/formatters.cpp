#include "readyctl/report/formatters.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

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
  std::string names;
  for (const LintFormat& f : k_formats) {
    if (f.name == name) return f;
    names += names.empty() ? "" : ", ";
    names += f.name;
  }
  throw InputError(fmt::format("-o: unknown format '{}', expected one of: {}", name, names));
}

}  // namespace readyctl
