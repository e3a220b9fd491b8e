// Which stack and exporters a Prometheus holds, decided from exact metric names (some backends reject regex).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "readyctl/baseline/stack.hpp"

namespace readyctl::baseline {

// A signal bound to the series name found on the server.
struct ResolvedSignal {
  SignalKind kind = SignalKind::gauge;
  std::string metric;  // base name: histograms without `_bucket`, counters as stored (with or without `_total`)
  std::string selector;
  double scale = 1;
  std::string model_label;

  // The series as a reader would select it: `vllm:request_success_total{finished_reason="abort"}`.
  std::string series() const;
};

// A metric name with the signal's extra label matchers, if any.
std::string series_with_matchers(const std::string& metric, const std::string& selector);

struct Detection {
  std::string engine;                              // chosen engine stack; empty when none was found
  std::map<std::string, ResolvedSignal> signals;   // engine signals plus every infrastructure signal found
  std::map<std::string, std::string> missing;      // signal -> the series looked for, with its label matchers
  std::vector<std::string> exporters;              // what was found, sorted
};

// Every exact series name worth probing for these stacks.
std::vector<std::string> all_probe_names(const std::vector<Stack>& stacks);

// `requested` is "auto" (the engine with the most signals present) or a stack name.
Detection detect_stack(const std::vector<Stack>& stacks, const std::set<std::string>& existing,
                       const std::string& requested);

}  // namespace readyctl::baseline
