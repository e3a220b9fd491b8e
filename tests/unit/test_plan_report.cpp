// `readyctl plan report` and what feeds it: the lint history `plan status` records, and `plan init`'s questions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "readyctl/core/error.hpp"
#include "readyctl/plan/lint_history.hpp"
#include "plan_fixtures.hpp"
#include "readyctl/plan/plan_file.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using readyctl::test::k_plan_today;
using readyctl::test::k_wildcard_cluster_role;
using readyctl::test::run_binary;

nlohmann::json history(const readyctl::test::TempDir& repo)
{
  return nlohmann::json::parse(readyctl::test::slurp(repo / ".readyctl/lint-history.json"));
}

}  // namespace

TEST_SUITE("plan")
{
  TEST_CASE("plan status records the lint of the manifests only when the result changes")
  {
    readyctl::test::TempDir repo;
    REQUIRE(run_binary("plan init --non-interactive --start 2026-11-02 --manifests deploy", repo.path()).code == 0);
    repo.write("deploy/rbac.yaml", k_wildcard_cluster_role);
    REQUIRE(run_binary("plan status" + k_plan_today, repo.path()).code == 0);
    nlohmann::json h = history(repo);
    CHECK(h["kind"] == "LintHistory");
    REQUIRE(h["entries"].size() == 1);
    CHECK(h["entries"][0]["paths"] == nlohmann::json::array({"deploy"}));
    CHECK(h["entries"][0]["categories"]["isolation"]["errors"] == 1);
    CHECK(h["entries"][0]["summary"]["errors"].get<int>() >= 1);

    // Same result: no new point. --no-record: none either.
    REQUIRE(run_binary("plan status" + k_plan_today, repo.path()).code == 0);
    CHECK(history(repo)["entries"].size() == 1);
    fs::remove(repo / "deploy/rbac.yaml");
    repo.write("deploy/empty.yaml", "# nothing yet\n");
    REQUIRE(run_binary("plan status --no-record" + k_plan_today, repo.path()).code == 0);
    CHECK(history(repo)["entries"].size() == 1);

    // Fixed: a second point with no isolation errors.
    REQUIRE(run_binary("plan status" + k_plan_today, repo.path()).code == 0);
    h = history(repo);
    REQUIRE(h["entries"].size() == 2);
    CHECK(h["entries"][1]["summary"]["errors"] == 0);
    CHECK_FALSE(h["entries"][1]["categories"].contains("isolation"));
  }

  TEST_CASE("plan: a lint history that is not one is bad input with its place")
  {
    readyctl::test::TempDir repo;
    repo.write(".readyctl/lint-history.json", "{\n  \"kind\": \"LintHistory\",\n  \"entries\": [1,,]\n}\n");
    CHECK_THROWS_WITH_AS(readyctl::plan::load_lint_history(repo.path()),
                         ".readyctl/lint-history.json:3:17: expected JSON (a lint history written by plan status)",
                         readyctl::InputError);
    repo.write(".readyctl/lint-history.json", "{\"kind\": \"LintHistory\", \"entries\": [{\"at\": 3}]}");
    CHECK_THROWS_WITH_AS(readyctl::plan::load_lint_history(repo.path()),
                         ".readyctl/lint-history.json: entries[0]: expected \"at\" (a timestamp), \"paths\", \"summary\" and "
                         "\"categories\"",
                         readyctl::InputError);
    REQUIRE(run_binary("plan init --non-interactive --start 2026-11-02 --manifests deploy", repo.path()).code == 0);
    repo.write("deploy/rbac.yaml", k_wildcard_cluster_role);
    readyctl::test::CliResult r = run_binary("plan report -o html=plan.html" + k_plan_today, repo.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("readyctl: error: .readyctl/lint-history.json: entries[0]:") != std::string::npos);
  }

  TEST_CASE("plan report: one self-contained page with phases, baseline charts, lint trend and drill timelines")
  {
    readyctl::test::TempDir repo;
    REQUIRE(run_binary("plan init --non-interactive --start 2026-11-02 --manifests deploy", repo.path()).code == 0);
    repo.write("deploy/rbac.yaml", k_wildcard_cluster_role);

    // Before any evidence: the page still renders and says what is missing.
    REQUIRE(run_binary("plan report -o html=empty.html" + k_plan_today, repo.path()).code == 0);
    std::string empty = readyctl::test::slurp(repo / "empty.html");
    CHECK(empty.find("No baseline snapshot in <code>.readyctl/baselines/</code> yet.") != std::string::npos);
    CHECK(empty.find("No held drill in <code>.readyctl/gamedays/</code> within the last 30 days yet.") != std::string::npos);
    CHECK(empty.find("0 of 8</b> exit criteria met") != std::string::npos);

    // Evidence: the demo snapshot, a fix of the manifests (a second lint point), two held drills.
    fs::create_directories(repo / ".readyctl/baselines");
    fs::copy_file(readyctl::test::source_dir() / "examples/demo/baseline.json", repo / ".readyctl/baselines/week-1.json");
    fs::remove(repo / "deploy/rbac.yaml");
    repo.write("deploy/empty.yaml", "# nothing yet\n");
    readyctl::test::write_plan_journal(repo / ".readyctl/gamedays/a.json", "drill-one", {"failover"}, "held",
                                       "2026-11-20T10:00:00.000Z");
    readyctl::test::write_plan_journal(repo / ".readyctl/gamedays/b.json", "drill-two", {"rollback"}, "held",
                                       "2026-11-20T10:00:00.000Z");
    readyctl::test::CliResult r = run_binary("plan report -o html=plan.html -o markdown=plan.md -o json=plan.json" + k_plan_today, repo.path());
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    std::string html = readyctl::test::slurp(repo / "plan.html");

    CHECK(html.starts_with("<!doctype html>"));
    CHECK(std::regex_search(html, std::regex(R"((src|href)\s*=|url\(|<script|<link|@import)")) == false);
    for (const char* id : {"baseline-7d", "flow-scaffolded", "guardrails-clean", "gameday-replay"})
      CHECK(html.find(std::string("<b>") + id + "</b>") != std::string::npos);
    CHECK(html.find("<code>.readyctl/baselines/week-1.json</code>") != std::string::npos);
    CHECK(html.find("Traffic (requests/s)") != std::string::npos);  // the baseline's own panels
    CHECK(html.find("Lint trend of the planned manifests") != std::string::npos);
    CHECK(html.find("<span><i style=\"background:") != std::string::npos);
    CHECK(html.find("drill-one") != std::string::npos);
    CHECK(html.find("drill-two") != std::string::npos);
    CHECK(html.find("class='timeline'") != std::string::npos);
    CHECK(html.find(".baseline .cards{") != std::string::npos);  // embedded stylesheets are scoped
    CHECK(html.find(".gameday section{") != std::string::npos);

    nlohmann::json j = nlohmann::json::parse(readyctl::test::slurp(repo / "plan.json"));
    CHECK(j["kind"] == "PlanReport");
    CHECK(j["schemaVersion"] == 1);
    CHECK(j["baseline"]["file"] == ".readyctl/baselines/week-1.json");
    CHECK(j["baseline"]["window"]["start"] == "2026-11-14T00:00:00Z");
    // Two lint points: the wildcard role (recorded by the first report), then the fixed manifests.
    REQUIRE(j["lintHistory"].size() == 2);
    CHECK(j["lintHistory"][0]["errors"].get<int>() >= 1);
    CHECK(j["lintHistory"][1]["errors"] == 0);
    REQUIRE(j["gamedays"].size() == 2);
    CHECK(j["gamedays"][0]["file"] == ".readyctl/gamedays/a.json");
    CHECK(j["gamedays"][1]["verdict"] == "held");

    std::string md = readyctl::test::slurp(repo / "plan.md");
    CHECK(md.find("## Latest baseline") != std::string::npos);
    CHECK(md.find("drill-two") != std::string::npos);

    CHECK(run_binary("plan report -o pdf" + k_plan_today, repo.path()).code == 2);
    // Phase 1 (due 2026-11-22) is met by the 7-day snapshot; phase 2 (due 2026-12-13) has no flow project.
    CHECK(run_binary("plan report --no-record -o json=late.json --fail-on-late" + k_plan_today, repo.path()).code == 0);
    CHECK(run_binary("plan report --no-record -o json=late.json --fail-on-late --today 2026-12-14", repo.path()).code == 1);
  }

  TEST_CASE("plan init asks for what the flags left open and re-asks a bad date")
  {
    readyctl::plan::PlanConfig c;
    c.start = readyctl::plan::parse_date("2026-11-23", "start");
    std::vector<std::string> answers = {"11/30/2026", "2026-11-30", "platform-flow", "", "http://prom:9090"};
    std::vector<std::string> questions;
    size_t next = 0;
    readyctl::plan::ask_plan_config(c, {true, true, true, true}, [&](const std::string& q) -> std::optional<std::string> {
      questions.push_back(q);
      return next < answers.size() ? std::optional<std::string>(answers[next++]) : std::nullopt;
    });
    CHECK(readyctl::plan::format_date(c.start) == "2026-11-30");
    CHECK(c.flow_dir == "platform-flow");
    CHECK(c.manifests == std::vector<std::string>{"platform-flow/deploy/base"});  // empty answer: the default shown
    CHECK(c.prometheus == "http://prom:9090");
    REQUIRE(questions.size() == 5);
    CHECK(questions[0] == "start date of week 1, YYYY-MM-DD [2026-11-23]: ");
    CHECK(questions[1] == "start: expected a date YYYY-MM-DD, got '11/30/2026'\nstart date of week 1, YYYY-MM-DD [2026-11-23]: ");
    CHECK(questions[3] == "manifest paths linted in weeks 7-9, space-separated [platform-flow/deploy/base]: ");

    // Only what the flags left open; end of input keeps the defaults.
    readyctl::plan::PlanConfig d;
    d.prometheus = "http://given";
    questions.clear();
    readyctl::plan::ask_plan_config(d, {false, false, true, false}, [&](const std::string& q) -> std::optional<std::string> {
      questions.push_back(q);
      return std::nullopt;
    });
    CHECK(questions.size() == 1);
    CHECK(d.manifests == std::vector<std::string>{"flow/deploy/base"});
    CHECK(d.prometheus == "http://given");
  }

  TEST_CASE("plan: on a terminal, init asks and an unsaved baseline says where plan looks (through script(1))")
  {
    readyctl::test::TempDir repo;
    std::string bin = readyctl::test::binary_path();
    std::string cd = "cd '" + repo.path().string() + "' && ";
    int rc = std::system((cd + "printf '2026-11-30\\nmyflow\\n\\nhttp://p:9090\\n' | script -qc '" + bin +
                          " plan init' /dev/null >init.out 2>&1").c_str());
    INFO(readyctl::test::slurp(repo / "init.out"));
    REQUIRE(rc == 0);
    readyctl::plan::PlanConfig c = readyctl::plan::parse_plan_yaml("plan.yaml", readyctl::test::slurp(repo / ".readyctl/plan.yaml"));
    CHECK(readyctl::plan::format_date(c.start) == "2026-11-30");
    CHECK(c.flow_dir == "myflow");
    CHECK(c.manifests == std::vector<std::string>{"myflow/deploy/base"});
    CHECK(c.prometheus == "http://p:9090");

    fs::create_directories(repo / "sub");
    rc = std::system((cd + "cd sub && script -qc '" + bin + " baseline --demo -o json=/dev/null' /dev/null >../hint.out 2>&1").c_str());
    REQUIRE(rc == 0);
    CHECK(readyctl::test::slurp(repo / "hint.out").find("save it where plan status looks: --save ../.readyctl/baselines/") !=
          std::string::npos);
    // Not on a terminal (CI): quiet.
    CHECK(run_binary("baseline --demo -o json=/dev/null", repo.path()).err.empty());
  }
}
