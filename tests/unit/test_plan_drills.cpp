// The local drills the plan journey counts for replay and rollback: they hold as shipped and deviate when what
// they test is broken (a worker that forgets its journal, a rollback to the broken release).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "local_ports.hpp"
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

// The drill holds with `good_vars` and deviates at `failing_step` with `broken_vars`.
void check_drill(const std::string& scenario, const std::string& tag, const std::string& good_vars,
                 const std::string& broken_vars, const std::string& failing_step)
{
  readyctl::test::TempDir dir;
  DrillRun held = run_drill(dir, scenario, good_vars);
  CHECK(held.code == 0);
  CHECK(held.journal["verdict"] == "held");
  CHECK(held.journal["scenario"]["tags"] == nlohmann::json::array({tag}));

  DrillRun broken = run_drill(dir, scenario, broken_vars);
  CHECK(broken.code == 1);
  CHECK(broken.journal["verdict"] == "deviated");
  CHECK(failed_step(broken.journal) == failing_step);
}

}  // namespace

TEST_SUITE("plan")
{
  TEST_CASE("plan drills: local-replay holds, and deviates when the worker does not replay its journal")
  {
    check_drill("local-replay", "replay", "", "--var replay=no", "every-step-once");
  }

  TEST_CASE("plan drills: local-rollback holds, and deviates when the rollback goes to the broken release")
  {
    // Free ports, not fixed ones: another test process on the machine (a second worktree's suite) may hold those.
    const std::string good = "--var port=" + std::to_string(readyctl::test::free_port());
    const std::string broken = "--var port=" + std::to_string(readyctl::test::free_port()) + " --var good_release=v2";
    check_drill("local-rollback", "rollback", good, broken, "recovered");
  }
}
