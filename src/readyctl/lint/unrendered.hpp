// Inputs that are templates, not manifests: a Helm chart directory and a file of Go template actions (`{{ … }}`)
// that does not parse until it is rendered. They are not linted (their YAML errors and half-read objects would be
// noise nobody can act on); each is reported once, as a note of rule `unrendered-template`, with how to lint it.
#pragma once
#include <filesystem>
#include <optional>

#include "readyctl/report/finding.hpp"
#include "readyctl/yaml/source_file.hpp"

namespace readyctl::lint {

inline constexpr std::string_view k_unrendered_rule = "unrendered-template";

// A directory holding `Chart.yaml` is a Helm chart: its templates, values and subcharts are read by `helm template`.
// So is one holding values.yaml and templates/ beside a Chart*.yaml the build turns into Chart.yaml
// (Chart-template.yaml). The chart file, or empty.
std::filesystem::path chart_definition_file(const std::filesystem::path& dir);
bool is_helm_chart_dir(const std::filesystem::path& dir);

// The note for a chart the walk met, at its Chart.yaml.
Finding unrendered_chart(const std::filesystem::path& dir);

// The note for a file that did not read as manifests (YAML errors, an object without apiVersion or kind, or a mapping
// keyed by a collection, which an unquoted `{{.Name}}` parses to) when it holds a Go template action; nullopt when it
// holds none, and its errors stand.
std::optional<Finding> unrendered_file(const yaml::SourceFile& file);

}  // namespace readyctl::lint
