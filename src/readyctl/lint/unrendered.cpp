#include "readyctl/lint/unrendered.hpp"

#include <fmt/format.h>

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

Finding note(std::string file, int line, int column, std::string message, const char* remediation)
{
  return {std::string(k_unrendered_rule), Severity::note, std::move(message), {std::move(file), line, column},
          std::nullopt, remediation, {}, {}};
}

// The first `{{` that a `}}` closes on the same line: a template action, not a flow mapping in a flow mapping
// (`{{a: b}}` is valid YAML, but no manifest is written that way).
std::optional<std::pair<int, int>> first_action(const yaml::SourceFile& file)
{
  const std::string& text = file.text();
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    const size_t eol = text.find('\n', at);
    const size_t close = text.find("}}", at + 2);
    if (close == std::string::npos) return std::nullopt;
    if (eol != std::string::npos && close > eol) continue;
    const size_t line_start = text.rfind('\n', at);
    const int column = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    int line = 1;
    for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return std::pair{line, column};
  }
  return std::nullopt;
}

}  // namespace

bool is_helm_chart_dir(const fs::path& dir)
{
  std::error_code ec;
  return fs::is_regular_file(dir / "Chart.yaml", ec);
}

Finding unrendered_chart(const fs::path& dir)
{
  const std::string shown = dir.lexically_normal().string();
  return note((dir / "Chart.yaml").lexically_normal().string(), 1, 1,
              fmt::format("Helm chart {}: its templates are not manifests until rendered, so its files are not linted",
                          shown),
              "Lint what the chart renders: `helm template <release> <chart> | readyctl lint -` (findings name the "
              "chart's template files). Pass the values files your environments use with -f.");
}

std::optional<Finding> unrendered_file(const yaml::SourceFile& file)
{
  const auto action = first_action(file);
  if (!action) return std::nullopt;
  return note(file.path(), action->first, action->second,
              "Go template: this file holds template actions ({{ ... }}) and is not a manifest until rendered, so it "
              "is not linted",
              "Lint what it renders to (the operator's or tool's rendered output), or keep templates out of the "
              "linted paths.");
}

}  // namespace readyctl::lint
