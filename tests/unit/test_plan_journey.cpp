// The README's walk through the 90 days, run exactly as written: every ```sh journey block of README.md, in order,
// in one bash script in a temp dir with the built binary first on PATH; after each block `plan status -o json` is
// saved and checked against what that block did.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace fs = std::filesystem;
using JsonDoc = nlohmann::json;  // not Json: the gameday tests, built in the same unity batches, bring in gameday::Json

namespace {

std::vector<std::string> journey_blocks(const std::string& readme)
{
  std::vector<std::string> blocks;
  std::istringstream in(readme);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line == "```sh journey") inside = true, block.clear();
    else if (inside && line == "```") inside = false, blocks.push_back(block);
    else if (inside) block += line + "\n";
  }
  return blocks;
}

const std::vector<std::string> k_criteria = {"baseline-7d",     "flow-scaffolded",  "flow-lint-clean",
                                             "guardrails-clean", "baseline-second", "gameday-failover",
                                             "gameday-replay",   "gameday-rollback"};

std::map<std::string, JsonDoc> criteria_of(const JsonDoc& status)
{
  std::map<std::string, JsonDoc> out;
  for (const JsonDoc& phase : status["phases"])
    for (const JsonDoc& c : phase["criteria"]) out[c["id"].get<std::string>()] = c;
  return out;
}

// Which criteria the walk has met after each block, from what the block does.
const std::vector<std::vector<std::string>> k_met_after = {
    {},                                                                  // plan init on the unready platform
    {"baseline-7d"},                                                     // a 7-day demo snapshot
    {"baseline-7d", "flow-scaffolded", "flow-lint-clean"},               // the scaffolded flow
    {"baseline-7d", "flow-scaffolded", "flow-lint-clean", "guardrails-clean", "baseline-second"},  // fixed + compared
    k_criteria,                                                          // three held drills
};

}  // namespace

TEST_SUITE("plan")
{
  TEST_CASE("the README's 90-day plan journey runs as written and plan status follows each step")
  {
    std::vector<std::string> blocks = journey_blocks(readyctl::test::slurp(readyctl::test::source_dir() / "README.md"));
    REQUIRE(blocks.size() == k_met_after.size());

    readyctl::test::TempDir dir;
    fs::create_directory_symlink(readyctl::test::source_dir() / "examples", dir / "examples");
    fs::create_directories(dir / "status");
    std::string script = "set -euo pipefail\n";
    for (size_t i = 0; i < blocks.size(); ++i)
      script += blocks[i] + "readyctl plan status --no-record -o json=\"$JOURNEY_STATUS/" + std::to_string(i) + ".json\"\n";
    dir.write("journey.sh", script);
    std::string bin_dir = fs::path(readyctl::test::binary_path()).parent_path().string();
    std::string cmd = "cd '" + dir.path().string() + "' && JOURNEY_STATUS='" + (dir / "status").string() + "' PATH='" + bin_dir +
                      "':\"$PATH\" bash journey.sh >out.txt 2>err.txt";
    int rc = std::system(cmd.c_str());
    INFO("script:\n", script, "\nstdout:\n", readyctl::test::slurp(dir / "out.txt"), "\nstderr:\n",
         readyctl::test::slurp(dir / "err.txt"));
    REQUIRE(rc == 0);

    for (size_t step = 0; step < blocks.size(); ++step) {
      CAPTURE(step);
      JsonDoc status = JsonDoc::parse(readyctl::test::slurp(dir / "status" / (std::to_string(step) + ".json")));
      std::map<std::string, JsonDoc> criteria = criteria_of(status);
      REQUIRE(criteria.size() == k_criteria.size());
      for (const std::string& id : k_criteria) {
        CAPTURE(id);
        bool expected = std::find(k_met_after[step].begin(), k_met_after[step].end(), id) != k_met_after[step].end();
        INFO(criteria[id].dump());
        CHECK(criteria[id]["met"] == expected);
      }
      CHECK(status["late"] == false);
    }

    fs::path journey = dir / "journey";
    JsonDoc first = JsonDoc::parse(readyctl::test::slurp(dir / "status/0.json"));
    CHECK(first["next"].get<std::string>().starts_with("readyctl baseline "));
    CHECK(JsonDoc::parse(readyctl::test::slurp(dir / "status/1.json"))["next"] == "readyctl scaffold new durable-flow-python flow");
    CHECK(JsonDoc::parse(readyctl::test::slurp(dir / "status/2.json"))["next"] ==
          "readyctl lint platform flow/deploy/base flow/deploy/cluster");
    JsonDoc last = JsonDoc::parse(readyctl::test::slurp(dir / "status/4.json"));
    CHECK(last["next"].is_null());
    CHECK(criteria_of(last)["baseline-second"]["evidence"] == ".readyctl/baselines/week-8.json");
    CHECK(criteria_of(last)["gameday-replay"]["evidence"] == ".readyctl/gamedays/replay.json");

    // The lint trend shows the fix: errors at the start, none at the end.
    JsonDoc history = JsonDoc::parse(readyctl::test::slurp(journey / ".readyctl/lint-history.json"));
    REQUIRE(history["entries"].size() >= 2);
    CHECK(history["entries"][0]["summary"]["errors"].get<int>() > 0);
    CHECK(history["entries"].back()["summary"]["errors"] == 0);

    std::string html = readyctl::test::slurp(journey / "plan.html");
    CHECK(html.find("All exit criteria are met.") != std::string::npos);
    CHECK(html.find("local-replay") != std::string::npos);
    CHECK(fs::exists(journey / "plan.md"));
  }
}
