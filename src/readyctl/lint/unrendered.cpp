#include "readyctl/lint/unrendered.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/yaml/document.hpp"

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

fs::path chart_definition_file(const fs::path& dir)
{
  std::error_code ec;
  if (fs::is_regular_file(dir / "Chart.yaml", ec)) return dir / "Chart.yaml";
  // A chart whose Chart.yaml the build writes from a template (kagent's Chart-template.yaml, filled by envsubst):
  // the chart's shape, values.yaml and templates/, beside a Chart*.yaml.
  if (!fs::is_regular_file(dir / "values.yaml", ec) || !fs::is_directory(dir / "templates", ec)) return {};
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("Chart") && name.ends_with(".yaml") && e.is_regular_file(ec)) return e.path();
  }
  return {};
}

bool is_helm_chart_dir(const fs::path& dir) { return !chart_definition_file(dir).empty(); }

// `type: library` in Chart.yaml: a chart of named templates that only the charts depending on it render.
bool is_library_chart(const fs::path& chart_file)
{
  try {
    yaml::SourceFile source(chart_file.string(), read_file(chart_file, 1024 * 1024));
    yaml::ParsedFile parsed = yaml::parse_yaml(source);
    const yaml::Node* root = parsed.documents.empty() ? nullptr : parsed.documents.front().root;
    return root && root->is_mapping() && root->str_at("type") == "library";
  } catch (const InputError&) {
    return false;
  }
}

Finding unrendered_chart(const fs::path& dir)
{
  const std::string shown = dir.lexically_normal().string();
  const fs::path chart_file = chart_definition_file(dir);
  if (is_library_chart(chart_file))
    return note(chart_file.lexically_normal().string(), 1, 1,
                fmt::format("Helm library chart {}: its named templates are rendered only by the charts that depend "
                            "on it, so its files are not linted",
                            shown),
                "Lint what the charts that depend on it render: `helm template <release> <chart> | readyctl lint -` "
                "on each of them.");
  return note(chart_file.lexically_normal().string(), 1, 1,
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
