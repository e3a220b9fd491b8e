#include "readyctl/baseline/detection.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl::baseline {
namespace {

std::string base_name(SignalKind kind, const std::string& series)
{
  if (kind == SignalKind::histogram) return series.substr(0, series.size() - 7);  // "_bucket"
  if (kind == SignalKind::histogram_sum) return series.substr(0, series.size() - 4);  // "_sum"
  return series;
}

// Resolves each signal of a stack to its first candidate that exists; records the misses.
size_t resolve(const Stack& stack, const std::set<std::string>& existing, Detection& out)
{
  size_t found = 0;
  for (const auto& [id, mapping] : stack.signals) {
    bool hit = false;
    for (const Candidate& c : mapping.candidates) {
      for (const std::string& name : probe_names(mapping.kind, c.name)) {
        if (hit || !existing.contains(name)) continue;
        out.signals[id] = {mapping.kind, base_name(mapping.kind, name), mapping.selector, c.scale, mapping.model_label};
        hit = true;
      }
    }
    if (hit) ++found;
    else
      out.missing.try_emplace(id, series_with_matchers(probe_names(mapping.kind, mapping.candidates.front().name).front(),
                                                       mapping.selector));
  }
  return found;
}

size_t count_present(const Stack& stack, const std::set<std::string>& existing)
{
  Detection scratch;
  return resolve(stack, existing, scratch);
}

const Stack& choose_engine(const std::vector<Stack>& stacks, const std::set<std::string>& existing,
                           const std::string& requested)
{
  const Stack* best = nullptr;
  size_t best_count = 0;
  for (const Stack& s : stacks) {
    if (!s.engine) continue;
    if (requested != "auto" && s.name == requested) return s;
    size_t n = requested == "auto" ? count_present(s, existing) : 0;
    if (n > best_count) best = &s, best_count = n;
  }
  if (requested != "auto") {
    std::vector<std::string> names;
    for (const Stack& s : stacks)
      if (s.engine) names.push_back(s.name);
    throw InputError(fmt::format("--stack '{}': expected auto or one of: {}", requested, fmt::join(names, ", ")));
  }
  static const Stack k_none{"", true, "", {}, {}};
  return best ? *best : k_none;
}

}  // namespace

std::string series_with_matchers(const std::string& metric, const std::string& selector)
{
  return selector.empty() ? metric : metric + "{" + selector + "}";
}

std::string ResolvedSignal::series() const { return series_with_matchers(metric, selector); }

std::vector<std::string> all_probe_names(const std::vector<Stack>& stacks)
{
  std::set<std::string> names;
  for (const Stack& s : stacks) {
    for (const auto& [id, mapping] : s.signals)
      for (const Candidate& c : mapping.candidates)
        for (const std::string& n : probe_names(mapping.kind, c.name)) names.insert(n);
    for (const auto& [exporter, list] : s.exporters) names.insert(list.begin(), list.end());
  }
  return {names.begin(), names.end()};
}

Detection detect_stack(const std::vector<Stack>& stacks, const std::set<std::string>& existing,
                       const std::string& requested)
{
  Detection d;
  const Stack& engine = choose_engine(stacks, existing, requested);
  d.engine = engine.name;
  if (!engine.name.empty() && resolve(engine, existing, d) > 0) d.exporters.push_back(engine.name);
  for (const Stack& s : stacks) {
    if (s.engine) continue;
    resolve(s, existing, d);
    for (const auto& [exporter, list] : s.exporters)
      if (std::any_of(list.begin(), list.end(), [&](const std::string& n) { return existing.contains(n); }))
        d.exporters.push_back(exporter);
  }
  std::sort(d.exporters.begin(), d.exporters.end());
  return d;
}

}  // namespace readyctl::baseline
