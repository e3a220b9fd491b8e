// The manifest loader and lint engine: the bytes are one manifest file, linted by every built-in rule
// (including those off by default), then every finding goes through suppressions and its caret line.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_input.hpp"
#include "readyctl/lint/check_runner.hpp"
#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "readyctl/lint/suppression.hpp"

namespace {

using namespace readyctl::lint;

// Loaded once: parsing the catalogue per input would dwarf the work under test.
const std::vector<Rule>& all_rules()
{
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> r = load_builtin_rules();
    for (Rule& rule : r) rule.enabled = true;
    return r;
  }();
  return rules;
}

std::vector<RawFinding> flatten(std::vector<std::vector<RawFinding>> segments)
{
  std::vector<RawFinding> out;
  for (std::vector<RawFinding>& s : segments) std::move(s.begin(), s.end(), std::back_inserter(out));
  return out;
}

// What a finding says and where, sorted: the engine sorts findings by position before anyone sees their order.
std::vector<std::tuple<std::string, int, int, std::string>> summaries(const std::vector<RawFinding>& raw)
{
  std::vector<std::tuple<std::string, int, int, std::string>> out;
  for (const RawFinding& f : raw) out.emplace_back(f.rule->id, f.line, f.column, f.message);
  std::sort(out.begin(), out.end());
  return out;
}

void lint_bytes(std::string text)
{
  ManifestSet set;
  add_manifest_text(set, "fuzz.yaml", std::move(text));
  Graph graph(set.objects);
  // Windows of one object, the finest split the engine can make, against one window of every object: a per-object
  // family that reads the other objects it walks would find something else.
  std::vector<RawFinding> raw = flatten(run_checks(graph, all_rules(), 1));
  if (summaries(raw) != summaries(flatten(run_checks(graph, all_rules(), SIZE_MAX)))) __builtin_trap();
  LintConfig config;
  Suppressor suppressor(graph, config, "2026-01-01");
  for (RawFinding& f : raw) {
    (void)suppressor.reason_for(f);
    const readyctl::Finding finding = make_finding(std::move(f), {});
    (void)set.files.front().line(finding.location.line);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  return readyctl::fuzz::expect_clean_errors([&] { lint_bytes(readyctl::fuzz::as_text(data, size)); });
}
