// kube-linter's `ignore-check.kube-linter.io/<check>` and Polaris's `polaris.fairwinds.com/<check>-exempt` and
// `polaris.fairwinds.com/exempt` annotations suppress the rules anchoring the check, with a reason, where readyctl's
// own suppressions show: the JSON report's `suppressed`, SARIF `suppressions`, the counts.
#include <regex>
#include <sstream>
#include <set>
#include <tuple>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace readyctl;

namespace {

using Mark = std::tuple<int, std::string, std::string>;  // line, rule, reason ("" when reported)

// The fixture's `# reported: RULE` and `# suppressed: RULE, reason "WHY"` marks.
std::set<Mark> expected_foreign_marks(const std::filesystem::path& fixture)
{
  std::set<Mark> marks;
  std::regex mark(R"re(# (reported|suppressed): ([a-z-]+)(, reason "([^"]*)")?)re");
  std::istringstream in(test::slurp(fixture));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, mark)) marks.insert({n, m[2].str(), m[4].str()});
  }
  return marks;
}

const std::set<std::string> k_watched = {"privileged", "image-pinned", "default-namespace", "suppression"};

std::set<Mark> actual_marks(const nlohmann::json& report)
{
  std::set<Mark> marks;
  for (const char* list : {"findings", "suppressed"})
    for (const auto& f : report[list])
      if (k_watched.count(f["rule"].get<std::string>()))
        marks.insert({f["line"].get<int>(), f["rule"].get<std::string>(), f.value("reason", std::string())});
  return marks;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("kube-linter and Polaris annotations suppress the rules anchoring their check, and only those")
  {
    const auto fixture = test::source_dir() / "tests/lint/suppression/foreign.yaml";
    test::TempDir dir;
    dir.write("empty.yaml", "");
    test::CliResult r = test::run_cli({"--config", (dir / "empty.yaml").string(), "lint", fixture.string(), "-o", "json",
                                       "--fail-on", "never"});
    REQUIRE(r.code == 0);
    const nlohmann::json report = nlohmann::json::parse(r.out);
    const std::set<Mark> expected = expected_foreign_marks(fixture);
    REQUIRE(expected.size() == 8);
    CHECK(actual_marks(report) == expected);
    CHECK(report["suppressed"].size() >= 4);
  }

  TEST_CASE("a suppression by a foreign annotation shows in SARIF with the annotation's reason")
  {
    const auto fixture = test::source_dir() / "tests/lint/suppression/foreign.yaml";
    test::TempDir dir;
    dir.write("empty.yaml", "");
    test::CliResult r = test::run_cli({"--config", (dir / "empty.yaml").string(), "lint", fixture.string(), "-o",
                                       "sarif", "--fail-on", "never"});
    REQUIRE(r.code == 0);
    const nlohmann::json sarif = nlohmann::json::parse(r.out);
    std::set<std::string> justifications;
    for (const auto& result : sarif["runs"][0]["results"])
      if (result.contains("suppressions")) justifications.insert(result["suppressions"][0]["justification"].get<std::string>());
    CHECK(justifications.count("pinned by the deploy pipeline"));
    CHECK(justifications.count("polaris.fairwinds.com/hostNetworkSet-exempt: true"));
    CHECK(justifications.count("polaris.fairwinds.com/exempt: true"));
  }
}
