// `readyctl plan`: a repository built step by step in a temp dir, checked with `plan status -o json` after each
// step against what was done (real demo snapshots, a real scaffold, real lint; journals written by hand).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/error.hpp"
#include "plan_fixtures.hpp"
#include "readyctl/plan/plan_file.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using readyctl::test::CliResult;
using readyctl::test::run_binary;
using readyctl::test::TempDir;
using JsonDoc = nlohmann::json;  // not Json: the gameday tests, built in the same unity batches, bring in gameday::Json

namespace {

const std::string& k_today = readyctl::test::k_plan_today;

JsonDoc plan_status(const fs::path& cwd)
{
  CliResult r = run_binary("plan status -o json" + k_today, cwd);
  INFO(r.out, r.err);
  REQUIRE(r.code == 0);
  return JsonDoc::parse(r.out);
}

const JsonDoc& criterion(const JsonDoc& s, int phase, const std::string& id)
{
  for (const JsonDoc& c : s["phases"][phase - 1]["criteria"])
    if (c["id"] == id) return c;
  FAIL("no criterion " << id);
  static JsonDoc none;
  return none;
}

// A demo snapshot with its window start moved to `start` (empty: as shipped) and, when `compared_with` is set, the
// comparison `baseline --compare` records.
void write_snapshot(const fs::path& to, const std::string& demo, const std::string& start, const std::string& compared_with = "")
{
  JsonDoc j = JsonDoc::parse(readyctl::test::slurp(readyctl::test::source_dir() / "examples/demo" / demo));
  if (!start.empty()) j["window"]["start"] = start;
  if (!compared_with.empty()) j["comparison"] = {{"against", compared_with}, {"changes", JsonDoc::array()}};
  fs::create_directories(to.parent_path());
  std::ofstream(to) << j.dump(1);
}

void write_journal(const fs::path& to, const std::string& name, const std::vector<std::string>& tags,
                   const std::string& verdict, const std::string& start)
{
  readyctl::test::write_plan_journal(to, name, tags, verdict, start);
}

}  // namespace

TEST_SUITE("plan")
{
  TEST_CASE("plan.yaml round-trips and names the place of a bad value")
  {
    readyctl::plan::PlanConfig c;
    c.start = readyctl::plan::parse_date("2026-11-02", "start");
    c.manifests = {"deploy/", "flow \"x\"/deploy"};
    c.prometheus = "http://prom:9090";
    c.flow_dir = "flow";
    readyctl::plan::PlanConfig back = readyctl::plan::parse_plan_yaml("plan.yaml", readyctl::plan::render_plan_yaml(c));
    CHECK(readyctl::plan::format_date(back.start) == "2026-11-02");
    CHECK(back.manifests == c.manifests);
    CHECK(back.prometheus == c.prometheus);
    CHECK(back.flow_dir == "flow");
    CHECK_THROWS_WITH_AS(readyctl::plan::parse_plan_yaml("plan.yaml", "start: 2026-13-40\n"),
                         "plan.yaml:1:8: expected 'start' as YYYY-MM-DD, got '2026-13-40'", readyctl::InputError);
    CHECK_THROWS_WITH_AS(readyctl::plan::parse_plan_yaml("plan.yaml", "start: 2026-11-02\nstrat: 1\n"),
                         "plan.yaml:2:1: unknown key 'strat': expected start, manifests, prometheus or flowDir",
                         readyctl::InputError);
  }

  TEST_CASE("init refuses to overwrite without --force; status without a plan is bad input")
  {
    TempDir repo;
    CHECK(run_binary("plan status", repo.path()).code == 2);
    CHECK(run_binary("plan init --start 2026-11-02", repo.path()).code == 0);
    CliResult again = run_binary("plan init --start 2026-11-02", repo.path());
    CHECK(again.code == 2);
    CHECK(run_binary("plan init --start 2026-11-09 --force", repo.path()).code == 0);
    CHECK(readyctl::test::slurp(repo / ".readyctl/plan.yaml").find("start: 2026-11-09") != std::string::npos);
    CHECK(run_binary("plan init --start 11/02/2026 --force", repo.path()).code == 2);
    CHECK(run_binary("plan report -o sarif", repo.path()).code == 2);
  }

  TEST_CASE("plan: a repository walks through the four phases")
  {
    TempDir repo;
    REQUIRE(run_binary("plan init --start 2026-11-02 --prometheus http://prom:9090 --flow-dir flow", repo.path()).code == 0);

    // Empty: phase 1 unmet and late (due 2026-11-22), next is a baseline.
    JsonDoc s = plan_status(repo.path());
    CHECK(s["schemaVersion"] == 1);
    CHECK(s["tool"]["name"] == "readyctl");
    CHECK(s["start"] == "2026-11-02");
    CHECK(s["phases"].size() == 4);
    CHECK(s["phases"][0]["due"] == "2026-11-22");
    CHECK(s["phases"][3]["due"] == "2027-01-24");
    CHECK(s["phases"][0]["late"] == true);
    CHECK(s["phases"][1]["late"] == false);
    CHECK(s["late"] == true);
    CHECK(criterion(s, 1, "baseline-7d")["met"] == false);
    CHECK(s["next"] == "readyctl baseline --prometheus http://prom:9090 --since 7d --save .readyctl/baselines/$(date +%F).json");
    CHECK(run_binary("plan next" + k_today, repo.path()).out == s["next"].get<std::string>() + "\n");
    CHECK(run_binary("plan status --fail-on-late" + k_today, repo.path()).code == 1);

    // The demo's figures over one day, 2026-11-20 .. 2026-11-21: not enough.
    write_snapshot(repo / ".readyctl/baselines/2026-11-21.json", "baseline.json", "2026-11-20T00:00:00Z");
    s = plan_status(repo.path());
    CHECK(criterion(s, 1, "baseline-7d")["met"] == false);
    CHECK(criterion(s, 1, "baseline-7d")["detail"].get<std::string>().find("covers 1.0 days") != std::string::npos);

    // The demo snapshot as shipped covers 2026-11-14 .. 2026-11-21 (7 days): phase 1 met.
    fs::remove(repo / ".readyctl/baselines/2026-11-21.json");
    write_snapshot(repo / ".readyctl/baselines/2026-11-21.json", "baseline.json", "");
    s = plan_status(repo.path());
    CHECK(criterion(s, 1, "baseline-7d")["met"] == true);
    CHECK(criterion(s, 1, "baseline-7d")["evidence"] == ".readyctl/baselines/2026-11-21.json");
    CHECK(s["phases"][0]["met"] == true);
    CHECK(s["late"] == false);
    CHECK(criterion(s, 3, "baseline-second")["met"] == false);
    CHECK(s["next"] == "readyctl scaffold new durable-flow-python flow");

    // A real scaffold: phase 2 met (deploy/base lints without errors), and the default manifests are clean too.
    CliResult scaffold = run_binary("scaffold new durable-flow-python flow --non-interactive --set project_name=acme-flow",
                                    repo.path());
    INFO(scaffold.out, scaffold.err);
    REQUIRE(scaffold.code == 0);
    s = plan_status(repo.path());
    CHECK(criterion(s, 2, "flow-scaffolded")["met"] == true);
    CHECK(criterion(s, 2, "flow-scaffolded")["evidence"] == "flow/.readyctl-answers.yaml");
    INFO(criterion(s, 2, "flow-lint-clean")["detail"]);
    CHECK(criterion(s, 2, "flow-lint-clean")["met"] == true);
    CHECK(criterion(s, 2, "flow-lint-clean")["command"] == "readyctl lint flow/deploy/base");
    CHECK(criterion(s, 3, "guardrails-clean")["met"] == true);

    // A second snapshot alone is not a comparison; one saved with --compare against the first is: phase 3 met.
    write_snapshot(repo / ".readyctl/baselines/2026-11-22.json", "baseline-previous.json", "");
    s = plan_status(repo.path());
    CHECK(criterion(s, 3, "baseline-second")["met"] == false);
    CHECK(criterion(s, 3, "baseline-second")["detail"] == "2 snapshots, but none saved with --compare against an earlier one");
    CHECK(criterion(s, 3, "baseline-second")["command"] ==
          "readyctl baseline --prometheus http://prom:9090 --since 7d --save .readyctl/baselines/$(date +%F).json "
          "--compare .readyctl/baselines/2026-11-21.json");
    fs::remove(repo / ".readyctl/baselines/2026-11-22.json");
    write_snapshot(repo / ".readyctl/baselines/2026-11-22.json", "baseline-previous.json", "",
                   ".readyctl/baselines/2026-11-21.json");
    s = plan_status(repo.path());
    CHECK(criterion(s, 3, "baseline-second")["met"] == true);
    CHECK(criterion(s, 3, "baseline-second")["evidence"] == ".readyctl/baselines/2026-11-22.json");
    CHECK(s["phases"][2]["met"] == true);

    // Journals: a deviated drill and one older than 30 days do not count; held drills within 30 days do.
    write_journal(repo / ".readyctl/gamedays/old-rollback.json", "tool-dependency-failure", {"rollback"}, "held",
                  "2026-10-01T10:00:00.000Z");
    write_journal(repo / ".readyctl/gamedays/bad-failover.json", "state-store-outage", {"failover"}, "deviated",
                  "2026-11-20T10:00:00.000Z");
    s = plan_status(repo.path());
    CHECK(criterion(s, 4, "gameday-failover")["met"] == false);
    CHECK(criterion(s, 4, "gameday-rollback")["met"] == false);

    write_journal(repo / ".readyctl/gamedays/worker-kill.json", "worker-kill-replay", {"replay", "failover"}, "held",
                  "2026-11-20T10:00:00.000Z");
    s = plan_status(repo.path());
    CHECK(criterion(s, 4, "gameday-failover")["met"] == true);
    CHECK(criterion(s, 4, "gameday-replay")["met"] == true);
    CHECK(criterion(s, 4, "gameday-replay")["evidence"] == ".readyctl/gamedays/worker-kill.json");
    CHECK(criterion(s, 4, "gameday-rollback")["command"] == "readyctl gameday run flow/gameday/tool-dependency-failure.yaml "
                                                              "--journal .readyctl/gamedays/rollback-$(date +%F).json");

    write_journal(repo / ".readyctl/gamedays/rollback.json", "tool-dependency-failure", {"rollback"}, "held",
                  "2026-11-21T10:00:00.000Z");
    s = plan_status(repo.path());
    CHECK(criterion(s, 4, "gameday-rollback")["met"] == true);
    CHECK(s["phases"][3]["met"] == true);
    CHECK(s["phases"][2]["met"] == true);
  }

  TEST_CASE("plan status -o junit: a suite per phase; unmet criteria fail in a late phase and are skipped in the others")
  {
    TempDir repo;
    REQUIRE(run_binary("plan init --start 2026-11-02 --prometheus http://prom:9090 --flow-dir flow", repo.path()).code == 0);
    // Nothing is done yet: phase 1 (due 2026-11-22) is late, phases 2-4 are not due.
    const JsonDoc s = plan_status(repo.path());
    const size_t phase1 = s["phases"][0]["criteria"].size();
    size_t total = 0;
    for (const JsonDoc& p : s["phases"]) total += p["criteria"].size();
    CliResult r = run_binary("plan status -o junit=status.xml" + k_today, repo.path());
    REQUIRE(r.code == 0);
    const std::string xml = readyctl::test::slurp(repo / "status.xml");
    CHECK(xml.find(fmt::format("<testsuites name=\"readyctl plan status\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                               "skipped=\"{}\">", total, phase1, total - phase1)) != std::string::npos);
    CHECK(xml.find("<testsuite name=\"Phase 1: ") != std::string::npos);
    CHECK(xml.find("name=\"baseline-7d: ") != std::string::npos);
    CHECK(xml.find("<failure message=\"late: due 2026-11-22\">") != std::string::npos);
    // An unknown format is refused before any work, naming the ones plan status has.
    r = run_binary("plan status -o xml" + k_today, repo.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("expected one of text, json, yaml, markdown, junit") != std::string::npos);
  }

  TEST_CASE("guardrail errors over the planned manifests block weeks 7-9")
  {
    TempDir repo;
    REQUIRE(run_binary("plan init --start 2026-11-02 --manifests deploy", repo.path()).code == 0);
    repo.write("deploy/rbac.yaml", readyctl::test::k_wildcard_cluster_role);
    JsonDoc s = plan_status(repo.path());
    const JsonDoc& g = criterion(s, 3, "guardrails-clean");
    INFO(g.dump());
    CHECK(g["met"] == false);
    CHECK(g["detail"].get<std::string>().find("deploy/rbac.yaml:") != std::string::npos);
    CHECK(g["command"] == "readyctl lint deploy");
  }
}
