// Exact Kubernetes label-selector semantics, for every cross-resource rule.
#pragma once
#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {

// A LabelSelector (matchLabels + matchExpressions). An empty selector `{}` selects everything;
// an absent (null) selector selects nothing.
bool label_selector_matches(const yaml::Node* selector, const yaml::Node* labels);

// A map selector (Service spec.selector): every pair must be present. Absent or empty selects nothing
// (a Service without a selector has no pods).
bool map_selector_matches(const yaml::Node* selector, const yaml::Node* labels);

}  // namespace readyctl::lint
