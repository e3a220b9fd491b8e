// Runs the enabled rules over the graph: whole-graph rules once each, per-object rules window by window.
#pragma once
#include <cstddef>
#include <vector>

#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

// Objects per window. A window's trees (about 1 MB at 512 of the bench's objects) stay in the cache while every
// per-object rule reads them; each rule walking all trees in turn read 200 MB from memory per rule at 100,000 objects.
constexpr size_t k_window_objects = 512;

// One rule over one window, with the findings on kinds the rule does not concern dropped.
std::vector<RawFinding> run_rule(const Graph& graph, const Window& window, const Rule& rule);

// The findings of every enabled rule, in segments: in catalogue order, a whole-graph rule has one segment and a
// per-object rule one per window, in window order. Rules only read the graph, so they run on two threads; the
// segments do not depend on which thread finished first.
std::vector<std::vector<RawFinding>> run_checks(const Graph& graph, const std::vector<Rule>& rules,
                                                size_t window_objects = k_window_objects);

}  // namespace readyctl::lint
