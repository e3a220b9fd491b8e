// Splitting raw findings into reported and suppressed ones: segment order is kept on both sides, whichever of the
// two threads files a segment, and every finding lands exactly once.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "readyctl/lint/split_findings.hpp"

using namespace readyctl;
using namespace readyctl::lint;

namespace {

// `sizes[s]` findings in segment s; finding k of the whole run is named "m<k>" and belongs to rule `quiet` (which
// the config ignores) when k % 3 == 0, to `loud` otherwise.
struct Run {
  Rule loud;
  Rule quiet;
  std::string file = "deploy.yaml";
  std::vector<std::vector<RawFinding>> segments;

  explicit Run(const std::vector<size_t>& sizes)
  {
    loud.id = "loud";
    loud.remediation = "fix loud";
    quiet.id = "quiet";
    quiet.remediation = "fix quiet";
    int k = 0;
    for (size_t n : sizes) {
      std::vector<RawFinding>& segment = segments.emplace_back();
      for (size_t i = 0; i < n; ++i, ++k) {
        RawFinding f;
        f.rule = k % 3 == 0 ? &quiet : &loud;
        f.file = &file;
        f.line = k + 1;
        f.column = 1;
        f.message = "m" + std::to_string(k);
        segment.push_back(std::move(f));
      }
    }
  }
};

LintConfig ignoring_quiet()
{
  LintConfig config;
  IgnoreEntry e;
  e.rule = "quiet";
  e.reason = "known and accepted";
  config.ignores.push_back(e);
  return config;
}

void check_split(const std::vector<size_t>& sizes)
{
  size_t total = 0;
  for (size_t n : sizes) total += n;
  Run run(sizes);
  const std::vector<Object> none;
  const Graph graph(none);
  const LintConfig config = ignoring_quiet();
  const Suppressor suppressor(graph, config, "2026-01-01");
  LintReport report;
  split_suppressed(run.segments, suppressor, report, 4);
  // Expected from the construction: k % 3 == 0 suppressed, the rest reported, each side in k order.
  std::vector<std::string> reported, suppressed;
  for (size_t k = 0; k < total; ++k) (k % 3 == 0 ? suppressed : reported).push_back("m" + std::to_string(k));
  REQUIRE(report.findings.size() == reported.size());
  REQUIRE(report.suppressed.size() == suppressed.size());
  CHECK(report.findings.capacity() >= reported.size() + 4);
  for (size_t i = 0; i < reported.size(); ++i) {
    CHECK(report.findings[i].message == reported[i]);
    CHECK(report.findings[i].rule == "loud");
    CHECK(report.findings[i].remediation.str() == "fix loud");
    CHECK(report.findings[i].suppression_reason.empty());
    CHECK(report.findings[i].location.file == "deploy.yaml");
  }
  for (size_t i = 0; i < suppressed.size(); ++i) {
    CHECK(report.suppressed[i].message == suppressed[i]);
    CHECK(report.suppressed[i].rule == "quiet");
    CHECK(report.suppressed[i].remediation.str() == "fix quiet");
    CHECK(report.suppressed[i].suppression_reason == "known and accepted");
  }
  for (const std::vector<RawFinding>& s : run.segments) CHECK(s.capacity() == 0);  // memory given back
}

}  // namespace

TEST_CASE("split keeps segment order on both sides and files every finding once")
{
  check_split({});
  check_split({0});
  check_split({0, 0, 0});
  check_split({1});
  check_split({7});
  check_split({1000});               // one segment: the second part is empty
  check_split({0, 5, 0, 3, 0, 0, 9});
  check_split({2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
  check_split({500, 1, 1, 1, 1, 1}); // the halfway point falls inside the first segment
  check_split({1, 1, 1, 1, 1, 500});
}

TEST_CASE("problems with suppressions are never suppressed themselves")
{
  Run run({4});
  Rule suppression;
  suppression.id = "suppression";
  for (RawFinding& f : run.segments[0]) f.rule = &suppression;
  const std::vector<Object> none;
  const Graph graph(none);
  LintConfig config = ignoring_quiet();
  config.ignores[0].rule = "all";
  const Suppressor suppressor(graph, config, "2026-01-01");
  LintReport report;
  split_suppressed(run.segments, suppressor, report, 0);
  CHECK(report.findings.size() == 4);
  CHECK(report.suppressed.empty());
}
