// The local drills the plan journey counts for replay and rollback: they hold as shipped and deviate when what
// they test is broken (a worker that forgets its journal, a rollback to the broken release).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {

struct DrillRun {
  int code = 0;
  nlohmann::json journal;
};

DrillRun run_drill(const readyctl::test::TempDir& dir, const std::string& scenario, const std::string& vars)
{
  std::string journal = (dir / (scenario + ".json")).string();
  readyctl::test::CliResult r = readyctl::test::run_binary(
      "gameday run '" + (readyctl::test::source_dir() / "examples/gamedays" / (scenario + ".yaml")).string() + "' " + vars +
          " --journal '" + journal + "'",
      dir.path());
  INFO(r.out, r.err);
  return {r.code, nlohmann::json::parse(readyctl::test::slurp(journal))};
}

std::string failed_step(const nlohmann::json& journal)
{
  for (const auto& ev : journal["events"])
    if (ev["status"] == "deviated" || ev["status"] == "failed") return ev["name"].get<std::string>();
  return "";
}

}  // namespace

TEST_SUITE("plan")
{
  TEST_CASE("plan drills: local-replay holds, and deviates when the worker does not replay its journal")
  {
    readyctl::test::TempDir dir;
    DrillRun held = run_drill(dir, "local-replay", "");
    CHECK(held.code == 0);
    CHECK(held.journal["verdict"] == "held");
    CHECK(held.journal["scenario"]["tags"] == nlohmann::json::array({"replay"}));

    DrillRun forgot = run_drill(dir, "local-replay", "--var replay=no");
    CHECK(forgot.code == 1);
    CHECK(forgot.journal["verdict"] == "deviated");
    CHECK(failed_step(forgot.journal) == "every-step-once");
  }

  TEST_CASE("plan drills: local-rollback holds, and deviates when the rollback goes to the broken release")
  {
    readyctl::test::TempDir dir;
    DrillRun held = run_drill(dir, "local-rollback", "--var port=18642");
    CHECK(held.code == 0);
    CHECK(held.journal["verdict"] == "held");
    CHECK(held.journal["scenario"]["tags"] == nlohmann::json::array({"rollback"}));

    DrillRun wrong = run_drill(dir, "local-rollback", "--var port=18643 --var good_release=v2");
    CHECK(wrong.code == 1);
    CHECK(wrong.journal["verdict"] == "deviated");
    CHECK(failed_step(wrong.journal) == "recovered");
  }
}
