// Every rule has bad.yaml/good.yaml fixtures; each `# expect: <id>` marks a line that must get exactly
// that finding, and nothing else may fire for the rule.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

using LineRules = std::multiset<std::pair<int, std::string>>;

LineRules expected_findings(const fs::path& file, const std::string& rule)
{
  LineRules out;
  for (auto& [line, id] : test::expect_marks(file))
    if (id == rule) out.insert({line, std::move(id)});
  return out;
}

LineRules actual_findings(const fs::path& file, const std::string& rule)
{
  lint::LintOptions options;
  options.paths = {file.string()};
  options.only = {rule};
  options.discover_config = false;
  options.kustomize = false;
  lint::LintRun run = lint::run_lint(options);
  LineRules out;
  for (const Finding& f : run.report.findings)
    if (f.rule == rule) out.insert({f.location.line, f.rule});
  return out;
}

std::string describe(const LineRules& set)
{
  std::string s;
  for (const auto& [line, rule] : set) s += fmt::format("{}@{} ", rule, line);
  return s.empty() ? "(none)" : s;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("every rule has fixtures whose expected findings match exactly")
  {
    std::vector<lint::Rule> rules = lint::load_builtin_rules();
    CHECK(rules.size() >= 3);
    for (const lint::Rule& rule : rules) {
      CAPTURE(rule.id);
      fs::path dir = test::source_dir() / "tests/lint" / rule.id;
      REQUIRE_MESSAGE(fs::exists(dir / "bad.yaml"), "missing fixture tests/lint/" << rule.id << "/bad.yaml");
      REQUIRE_MESSAGE(fs::exists(dir / "good.yaml"), "missing fixture tests/lint/" << rule.id << "/good.yaml");
      LineRules expected = expected_findings(dir / "bad.yaml", rule.id);
      CHECK_MESSAGE(!expected.empty(), rule.id << ": bad.yaml marks no '# expect: " << rule.id << "' line");
      LineRules actual = actual_findings(dir / "bad.yaml", rule.id);
      CHECK_MESSAGE(actual == expected, rule.id << " bad.yaml expected " << describe(expected) << " got " << describe(actual));
      LineRules clean = actual_findings(dir / "good.yaml", rule.id);
      CHECK_MESSAGE(clean.empty(), rule.id << " good.yaml should be clean, got " << describe(clean));
    }
  }

  TEST_CASE("every rule is documented: summary, rationale, remediation, examples, a known category")
  {
    for (const lint::Rule& rule : lint::load_builtin_rules()) {
      CAPTURE(rule.id);
      CHECK(!rule.summary.empty());
      CHECK(rule.rationale.size() > 40);
      CHECK(!rule.remediation.empty());
      CHECK(!rule.example_bad.empty());
      CHECK(!rule.example_good.empty());
      CHECK(!rule.kinds.empty());
      test::CliResult explain = test::run_cli({"lint", "explain", rule.id});
      CHECK(explain.code == 0);
      CHECK(explain.out.find(rule.rationale.substr(0, 30)) != std::string::npos);
    }
  }

  TEST_CASE("the rule catalogue is the project's rules/*.yaml: each file a built-in rule named after it")
  {
    // The ids the files declare, read as text, so the test does not trust the loader it checks.
    std::set<std::string> files;
    std::regex id_line(R"((^|\n)id: ([a-z0-9-]+)\n)");
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "rules")) {
      if (entry.path().extension() != ".yaml") continue;
      CAPTURE(entry.path().filename().string());
      std::string text = test::slurp(entry.path());
      std::smatch m;
      REQUIRE(std::regex_search(text, m, id_line));
      CHECK(m[2].str() == entry.path().stem().string());
      files.insert(m[2].str());
    }
    std::set<std::string> builtin;
    for (const lint::Rule& r : lint::load_builtin_rules()) builtin.insert(r.id);
    REQUIRE(files.size() >= 40);
    CHECK(builtin == files);
    // docs/rules-status.md lists rules not yet implemented: a listed id that has a rule file is a stale line.
    std::string status = test::slurp(test::source_dir() / "docs/rules-status.md");
    std::regex listed("`([a-z0-9]+(-[a-z0-9]+)+)`");
    for (auto it = std::sregex_iterator(status.begin(), status.end(), listed); it != std::sregex_iterator(); ++it) {
      CAPTURE((*it)[1].str());
      CHECK_FALSE(files.contains((*it)[1].str()));
    }
  }
}
