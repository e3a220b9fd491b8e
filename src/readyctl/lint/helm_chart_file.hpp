// Where a Helm render kept on disk (`helm template … > install.yaml`) came from. Each document names its chart file
// in `# Source: <chart>/templates/x.yaml`, a path relative to no directory; the chart is looked for under the
// render's directory and up to two above it (a directory named after the chart, holding Chart.yaml), and a line is
// given only where the template's text confirms it (templates hold directives the render does not, so counting
// lines from the `# Source:` comment is right only before the first of them).
#pragma once
#include <optional>
#include <string>

#include "readyctl/lint/object.hpp"
#include "readyctl/report/finding.hpp"

namespace readyctl::lint {

// The chart file of `object` at `node` (line 0 when the template does not confirm one), or nullopt when the chart
// is not on disk near the render. Safe to call from checks running on several threads.
std::optional<Location> helm_chart_location(const Object& object, const yaml::Node* node);

}  // namespace readyctl::lint
