// The manifest loader and lint engine: the bytes are one manifest file, linted by every built-in rule
// (including those off by default), then every finding goes through suppressions and its caret line.
#include <vector>

#include "fuzz_input.hpp"
#include "readyctl/lint/check.hpp"
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

void lint_bytes(std::string text)
{
  ManifestSet set;
  add_manifest_text(set, "fuzz.yaml", std::move(text));
  Graph graph(set.objects);
  std::vector<RawFinding> raw;
  for (const Rule& rule : all_rules()) {
    FindingSink sink(rule, raw);
    find_check_family(rule.check)->run({graph, rule, sink});
  }
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
