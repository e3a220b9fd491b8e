#include "readyctl/lint/check_runner.hpp"

#include <algorithm>

#include "readyctl/core/parallel.hpp"

namespace readyctl::lint {
namespace {

bool per_object(const Rule& rule)
{
  return find_check_family(rule.check)->scope == CheckScope::per_object;
}

// Where each enabled rule's segments start, and which rules run whole and which by window.
struct Plan {
  std::vector<const Rule*> rules;  // enabled, in catalogue order
  std::vector<size_t> first_segment;
  std::vector<size_t> whole;     // indexes into rules
  std::vector<size_t> windowed;  // indexes into rules
  size_t windows = 1;
  size_t segments = 0;
};

// `width` is at least 1.
Plan make_plan(const Graph& graph, const std::vector<Rule>& rules, size_t width)
{
  Plan plan;
  const size_t objects = graph.objects().size();
  plan.windows = std::max<size_t>(1, objects / width + (objects % width != 0));
  for (const Rule& rule : rules) {
    if (!rule.enabled) continue;
    const size_t i = plan.rules.size();
    plan.rules.push_back(&rule);
    plan.first_segment.push_back(plan.segments);
    const bool by_window = per_object(rule);
    (by_window ? plan.windowed : plan.whole).push_back(i);
    plan.segments += by_window ? plan.windows : 1;
  }
  return plan;
}

}  // namespace

std::vector<RawFinding> run_rule(const Graph& graph, const Window& window, const Rule& rule)
{
  std::vector<RawFinding> raw;
  FindingSink sink(rule, raw);
  find_check_family(rule.check)->run({graph, rule, sink, window});
  // A rule never fires on a kind it does not concern, whatever its family reported.
  std::erase_if(raw, [&](const RawFinding& f) { return f.object && !rule.applies_to(*f.object); });
  return raw;
}

// Whole-graph rules are handed out first (each is one long task), then the windows, each running every per-object
// rule over its objects. Segments are not joined: at 100,000 findings that copy alone was 34 MB of fresh memory.
std::vector<std::vector<RawFinding>> run_checks(const Graph& graph, const std::vector<Rule>& rules,
                                                size_t window_objects)
{
  const size_t width = std::max<size_t>(1, window_objects);
  const Plan plan = make_plan(graph, rules, width);
  const size_t objects = graph.objects().size();
  std::vector<std::vector<RawFinding>> segments(plan.segments);
  auto task = [&](size_t t) {
    if (t < plan.whole.size()) {
      const size_t i = plan.whole[t];
      segments[plan.first_segment[i]] = run_rule(graph, Window(graph), *plan.rules[i]);
      return;
    }
    const size_t w = t - plan.whole.size();
    const size_t first = std::min(objects, w * width);
    const Window window(graph, first, first + std::min(objects - first, width));
    for (size_t i : plan.windowed) segments[plan.first_segment[i] + w] = run_rule(graph, window, *plan.rules[i]);
  };
  const size_t windowed_tasks = plan.windowed.empty() ? 0 : plan.windows;
  parallel_for(plan.whole.size() + windowed_tasks, task, 2);
  return segments;
}

}  // namespace readyctl::lint
