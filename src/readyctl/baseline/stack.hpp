// Metric mappings per stack (rules/stacks/*.yaml): which exporter names feed which signal.
#pragma once
#include <map>
#include <span>
#include <string>
#include <vector>

#include "readyctl/core/embedded.hpp"

namespace readyctl::baseline {

enum class SignalKind { counter, gauge, histogram, histogram_sum };

// One metric name that may carry a signal; `scale` converts it to the signal's unit (percent -> ratio).
struct Candidate {
  std::string name;
  double scale = 1;
};

struct SignalMapping {
  SignalKind kind = SignalKind::gauge;
  std::vector<Candidate> candidates;  // in order of preference
  std::string selector;               // extra label matchers, e.g. finished_reason="abort"
  std::string model_label;            // for GPU signals: the label naming the GPU model
};

struct Stack {
  std::string name;
  bool engine = false;  // an inference engine (one is chosen) rather than infrastructure (all are used)
  std::string description;
  std::map<std::string, SignalMapping> signals;
  std::map<std::string, std::vector<std::string>> exporters;  // exporter -> names that reveal it
};

// Parses one stack file; InputError "path:line:col: expected ..." on bad content.
Stack parse_stack(const std::string& path, const std::string& text);

// rules/stacks/*.yaml, compiled in by baseline/sources.cmake; paths read "stacks/<name>.yaml".
std::span<const EmbeddedFile> embedded_stacks();
// The stacks compiled into the binary, engines first, each group by name.
std::vector<Stack> builtin_stacks();

// The exact series names a candidate may be stored under: counters with and without `_total`,
// histograms by their `_bucket` (or `_sum`) series.
std::vector<std::string> probe_names(SignalKind kind, const std::string& name);

}  // namespace readyctl::baseline
