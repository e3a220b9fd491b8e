// The failover drills on real HA machinery (examples/gamedays/local-*.yaml tagged failover): Redis Sentinel,
// PostgreSQL streaming replication with promotion, HAProxy health checks. Each holds as written, and deviates
// (exit 1) with its own mechanism turned off (--var break_failover=true).
#include <doctest/doctest.h>

#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::test::gameday::journal_at;
using readyctl::test::gameday::run_drill;
using nlohmann::json;

namespace {

struct Drill {
  readyctl::test::CliResult r;
  json journal;
};

Drill run_ha_drill(const TempDir& dir, const std::string& name, const std::string& vars = "")
{
  Drill d{run_drill(fmt::format("examples/gamedays/{}.yaml {}", name, vars), readyctl::test::source_dir(), dir / "j.json"),
          json()};
  d.journal = journal_at(dir / "j.json");
  return d;
}

const json& ha_event(const json& j, const std::string& name)
{
  for (const json& ev : j["events"])
    if (ev["name"] == name) return ev;
  static const json none = json::object();
  return none;
}

// Held, with a detection and a recovery measured after the fault, inside the scenario's budgets, and nothing left
// running.
// Every rollback step and undo succeeded: the drill cleans up after itself, held or not.
void check_clean_rollback(const Drill& d)
{
  for (const json& ev : d.journal["events"])
    if (ev["phase"] == "rollback") CHECK_MESSAGE(ev["status"] == "succeeded", ev.dump());
  for (const json& p : d.journal["processes"]) CHECK_MESSAGE(p["state"] == "exited", p.dump());
}

void check_held(const Drill& d, double detect_budget, double recover_within)
{
  INFO(d.r.out, d.r.err);
  CHECK(d.r.code == 0);
  CHECK(d.journal["verdict"] == "held");
  const json& fault = d.journal["fault"];
  REQUIRE(fault["ttd"].is_number());
  REQUIRE(fault["ttr"].is_number());
  CHECK(fault["ttd"].get<double>() <= detect_budget);
  CHECK(fault["ttd"].get<double>() <= fault["ttr"].get<double>());
  CHECK(fault["ttr"].get<double>() <= recover_within);
  check_clean_rollback(d);
}

void check_deviated_at(const Drill& d, const std::string& step)
{
  INFO(d.r.out, d.r.err);
  CHECK(d.r.code == 1);
  CHECK(d.journal["verdict"] == "deviated");
  CHECK(d.journal["reason"].get<std::string>().find("step '" + step + "' did not hold") != std::string::npos);
  CHECK(d.journal["fault"]["ttr"].is_null());
  check_clean_rollback(d);
}

}  // namespace

TEST_SUITE("integration-gameday")
{
  TEST_CASE("local-redis-sentinel: the master is SIGKILLed, Sentinel promotes the replica, no acknowledged write is lost")
  {
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-redis-sentinel");
    // Budgets of the scenario: detection within 5 s of the kill; writes on the new master within 15 s after that.
    check_held(d, 5, 5 + 15);
    // The master Sentinel names afterwards is the replica the drill started (its captured port).
    CHECK(ha_event(d.journal, "replica-promoted")["output"]["stdout"] == ha_event(d.journal, "ports")["output"]["replica"]);
    std::string verify = ha_event(d.journal, "no-acknowledged-write-lost")["output"]["stdout"];
    CHECK(verify.starts_with("lost 0 of "));
  }

  TEST_CASE("local-redis-sentinel with break_failover=true: a quorum of 4 of 3 Sentinels never fails over")
  {
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-redis-sentinel", "--var break_failover=true");
    check_deviated_at(d, "writes-on-new-master");
    CHECK(d.journal["fault"]["ttd"].is_number());  // the master was still seen down: only the failover is missing
  }

  TEST_CASE("local-gateway: a SIGKILLed backend is ejected by HAProxy's health checks, few requests fail, no retry storm")
  {
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-gateway");
    // Budgets of the scenario: a failing check within 3 s, ejection within 5 s after that.
    check_held(d, 3, 3 + 5);
    CHECK(ha_event(d.journal, "m1-ejected")["output"]["stdout"] == "DOWN");
    CHECK(ha_event(d.journal, "few-requests-failed")["status"] == "met");
    CHECK(ha_event(d.journal, "no-retry-storm")["status"] == "met");
  }

  TEST_CASE("local-gateway with break_failover=true: without health checks the dead backend is never ejected")
  {
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-gateway", "--var break_failover=true");
    check_deviated_at(d, "m1-ejected");
    CHECK(ha_event(d.journal, "m1-ejected")["output"]["stdout"] == "no check");
  }

  TEST_CASE("local-postgres-promotion: the primary is SIGKILLed mid-workflow, the promoted replica finishes it")
  {
    REQUIRE(std::system(("bash '" + (readyctl::test::source_dir() / "scripts/deps/gameday.sh").string() + "'").c_str()) == 0);
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-postgres-promotion");
    // Budgets of the scenario: the primary refuses within 5 s; the workflow completes within 40 s after that.
    check_held(d, 5, 5 + 40);
    // Three steps, each side effect once: the kill landed in "charge", so recovery re-ran at most that step.
    CHECK(ha_event(d.journal, "one-side-effect-per-step")["output"]["stdout"] == "charge=1,reserve=1,ship=1");
    CHECK(ha_event(d.journal, "finished-steps-not-rerun")["output"]["stdout"] == "2");
  }

  TEST_CASE("local-postgres-promotion with break_failover=true: without the promotion the replica stays read-only")
  {
    REQUIRE(std::system(("bash '" + (readyctl::test::source_dir() / "scripts/deps/gameday.sh").string() + "'").c_str()) == 0);
    TempDir dir;
    Drill d = run_ha_drill(dir, "local-postgres-promotion", "--var break_failover=true");
    check_deviated_at(d, "replica-writable");
    CHECK(ha_event(d.journal, "replica-writable")["output"]["stdout"] == "t");
  }
}
