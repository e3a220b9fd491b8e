// The parity map: every check of kube-linter, kube-score and Polaris is covered by an anchor or states partial,
// non-goal or planned; anchors name listed checks; docs/parity.md is what the binary generates.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/embedded.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/lint/parity.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

// The wave-2 rule ids fixed in the catalogue's plan: a `planned:` entry names one of them or a rule already in.
const std::set<std::string> k_wave2_rules = {"dangling-selector", "dangling-reference", "selector-match",
                                             "replica-spread",    "rollout-capacity",   "exposed-service",
                                             "env-duplicate",     "model-cache-storage", "kernel-hardening",
                                             "job-limits",        "workload-rbac"};

lint::Rule rule_with_anchors(const std::string& anchors)
{
  return lint::parse_rule("r.yaml", "id: my-rule\nseverity: note\ncategory: hygiene\ncheck: deprecated-api\nkinds: ['*']\n" +
                                        anchors + "summary: s\nrationale: r\nremediation: m\n");
}

std::string error_of(const std::function<void()>& f)
{
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// The built-in catalogue as `readyctl lint rules` shows it, with an empty config so no .readyctl.yaml around
// the test's working directory changes it.
test::CliResult lint_rules(const test::TempDir& dir, std::vector<std::string> args)
{
  dir.write("empty.yaml", "");
  args.insert(args.begin(), {"--config", (dir / "empty.yaml").string(), "lint", "rules", "--anchors"});
  return test::run_cli(args);
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("every check of the three tools is covered, partial, non-goal or planned, and no state is stale")
  {
    const std::vector<lint::Rule> rules = lint::load_builtin_rules();
    const lint::ParityMap map = lint::build_parity(lint::builtin_foreign_checks(), rules);
    for (const std::string& p : map.problems) FAIL_CHECK(p);
    for (const lint::ParityEntry& e : map.entries) {
      if (e.check.stated != lint::ParityState::planned) continue;
      CAPTURE(e.check.where.str());
      bool known = k_wave2_rules.count(e.check.rule) ||
                   std::any_of(rules.begin(), rules.end(), [&](const lint::Rule& r) { return r.id == e.check.rule; });
      CHECK_MESSAGE(known, "planned names '" << e.check.rule << "', neither a rule nor a wave-2 rule id");
    }
  }

  TEST_CASE("the lists hold every check of the three tools (63, 39 and 44; 31, 33 and 44 on by default)")
  {
    std::map<std::string, std::pair<int, int>> counts;
    for (const lint::ForeignCheck& c : lint::builtin_foreign_checks()) {
      ++counts[c.tool].first;
      counts[c.tool].second += c.on_by_default;
    }
    CHECK(counts["kube-linter"] == std::pair{63, 31});
    CHECK(counts["kube-score"] == std::pair{39, 33});
    CHECK(counts["polaris"] == std::pair{44, 44});
  }

  TEST_CASE("every built-in rule file states its anchors, even when it has none")
  {
    for (const EmbeddedFile& f : lint::embedded_rules()) {
      if (f.path.find('/') != std::string_view::npos) continue;
      CAPTURE(f.path);
      CHECK(f.content.find("\nanchors:") != std::string_view::npos);
    }
  }

  TEST_CASE("docs/parity.md is what scripts/update-parity.sh generates from the rules and the lists")
  {
    test::TempDir dir;
    test::CliResult r = lint_rules(dir, {"-o", "markdown"});
    REQUIRE(r.code == 0);
    CHECK_MESSAGE(r.out == test::slurp(test::source_dir() / "docs/parity.md"),
                  "docs/parity.md is stale: run scripts/update-parity.sh");
  }

  TEST_CASE("the parity problems: an unstated check, a stale state, an anchor to a check no list holds")
  {
    const std::string list = "tool: kube-linter\nchecks:\n"
                             "  - {id: one, default: true, meaning: m}\n"
                             "  - {id: two, default: false, meaning: m, planned: my-rule}\n"
                             "  - {id: three, default: false, meaning: m, non-goal: why}\n";
    const auto checks = lint::parse_foreign_checks("k.yaml", list);
    const lint::Rule rule = rule_with_anchors("anchors:\n  kube-linter: [two, four]\n");
    const lint::ParityMap map = lint::build_parity(checks, {rule});
    REQUIRE(map.problems.size() == 3);
    CHECK(map.problems[0] == "k.yaml:3:5: kube-linter check 'one' is anchored by no rule and states no partial, "
                             "non-goal or planned");
    CHECK(map.problems[1] == "k.yaml:4:5: kube-linter check 'two' is anchored by rule my-rule but still states "
                             "planned: drop the stale state");
    CHECK(map.problems[2] == "r.yaml: rule my-rule anchors kube-linter check 'four', which is not in "
                             "rules/parity/kube-linter.yaml");
    const lint::ToolCoverage& kl = map.coverage.front();
    CHECK(kl.checks == 3);
    CHECK(kl.covered == 1);
    CHECK(kl.non_goal == 1);
    CHECK(kl.unstated == 1);
  }

  TEST_CASE("a malformed anchor or list entry is an input error at file:line:col")
  {
    CHECK(error_of([] { rule_with_anchors("anchors:\n  datree: [x]\n"); }) ==
          "r.yaml:7:3: expected kube-linter, kube-score or polaris under 'anchors', got 'datree'");
    CHECK(error_of([] { rule_with_anchors("anchors:\n  polaris: hostPortSet\n"); }) ==
          "r.yaml:7:12: expected a list of polaris check ids for 'anchors.polaris'");
    CHECK(error_of([] { rule_with_anchors("anchors:\n  polaris: [a, a]\n"); }) ==
          "r.yaml:7:16: expected each check once, 'a' is listed twice");
    CHECK(error_of([] { rule_with_anchors("anchors: [x]\n"); }) ==
          "r.yaml:6:10: expected a mapping of tool names to check lists for 'anchors' (kube-linter, kube-score, polaris)");
    CHECK(error_of([] {
            lint::parse_foreign_checks("k.yaml", "tool: polaris\nchecks:\n  - {id: a, default: true, meaning: m, "
                                                 "planned: x, non-goal: y}\n");
          }) == "k.yaml:3:5: expected at most one of 'partial', 'non-goal' and 'planned'");
  }

  TEST_CASE("lint rules --anchors with a rule file whose anchors name an unknown tool exits 2 at file:line:col")
  {
    test::TempDir dir;
    dir.write("rules/x.yaml", "id: my-rule\nseverity: note\ncategory: hygiene\ncheck: deprecated-api\nkinds: ['*']\n"
                              "anchors: {kube-lint: [latest-tag]}\nsummary: s\nrationale: r\nremediation: m\n");
    test::CliResult r = lint_rules(dir, {"--rules", (dir / "rules").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("x.yaml:6:11: expected kube-linter, kube-score or polaris under 'anchors', got 'kube-lint'") !=
          std::string::npos);
  }

  TEST_CASE("lint rules --anchors lists each rule's anchors and the coverage per tool, in text and JSON")
  {
    test::TempDir dir;
    test::CliResult text = lint_rules(dir, {});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("image-pinned               kube-linter: latest-tag; kube-score: container-image-tag; "
                        "polaris: tagNotSpecified\n") != std::string::npos);
    CHECK(text.out.find("COVERED%") != std::string::npos);
    test::CliResult explain = test::run_cli({"lint", "explain", "image-pinned"});
    CHECK(explain.out.find("Covers (kube-linter, kube-score, Polaris):\n  kube-linter: latest-tag; kube-score: "
                           "container-image-tag; polaris: tagNotSpecified\n") != std::string::npos);
    test::CliResult json = lint_rules(dir, {"-o", "json"});
    REQUIRE(json.code == 0);
    nlohmann::json j = nlohmann::json::parse(json.out);
    // Covered: the distinct checks the rule files anchor, counted from the files themselves.
    std::map<std::string, std::set<std::string>> anchored;
    for (const lint::Rule& r : lint::load_builtin_rules())
      for (const auto& [tool, ids] : r.anchors) anchored[tool].insert(ids.begin(), ids.end());
    CHECK(j["coverage"][0]["tool"] == "kube-linter");
    CHECK(j["coverage"][0]["covered"] == anchored["kube-linter"].size());
    CHECK(j["coverage"][1]["covered"] == anchored["kube-score"].size());
    CHECK(j["coverage"][2]["covered"] == anchored["polaris"].size());
    CHECK(j["coverage"][3]["checks"] == 146);
    CHECK(j["coverage"][3]["unstated"] == 0);
    CHECK(j["checks"].size() == 146);
  }
}
