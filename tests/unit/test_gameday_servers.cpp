// Drills against real servers started by the tests: Redis with its append-only file, Prometheus as a probe source,
// and a stand-in of Dapr's workflow HTTP API for the dapr-workflow probe.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "local_ports.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::io::ChildProcess;
using readyctl::test::free_port;
using readyctl::test::gameday::journal_at;
using readyctl::test::port_open;
using readyctl::test::wait_for_port;
using nlohmann::json;

namespace {

const json* event_named(const json& j, const std::string& name)
{
  for (const json& ev : j["events"])
    if (ev["name"] == name) return &ev;
  return nullptr;
}

}  // namespace

TEST_SUITE("integration-gameday")
{
  TEST_CASE("redis killed with SIGKILL comes back from its append-only file with every key")
  {
    TempDir dir;
    int port = free_port();
    auto r = readyctl::test::run_binary(
        fmt::format("gameday run examples/gamedays/local-redis-aof.yaml --var port={} --var dir='{}' --var keys=500 "
                    "--journal '{}'", port, (dir / "redis").string(), (dir / "j.json").string()),
        readyctl::test::source_dir());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    json j = journal_at(dir / "j.json");
    CHECK(j["verdict"] == "held");
    // The scenario wrote 500 keys; the count before the kill and after the restart are both 500.
    REQUIRE(event_named(j, "keys-before") != nullptr);
    CHECK((*event_named(j, "keys-before"))["output"]["stdout"] == "500");
    CHECK((*event_named(j, "nothing-lost"))["output"]["stdout"] == "500");
    CHECK((*event_named(j, "redis-down"))["status"] == "met");
    CHECK_FALSE(port_open(port));
    CHECK_FALSE(std::filesystem::exists(dir / "redis"));  // the rollback removed the data
  }

  TEST_CASE("a prometheus probe reads a real Prometheus scraping itself")
  {
    TempDir dir;
    int port = free_port();
    dir.write("prometheus.yml", fmt::format("global: {{scrape_interval: 1s}}\nscrape_configs:\n"
                                            "  - job_name: self\n    static_configs: [{{targets: ['127.0.0.1:{}']}}]\n", port));
    ChildProcess prometheus({{"prometheus", "--config.file=" + (dir / "prometheus.yml").string(),
                              "--storage.tsdb.path=" + (dir / "data").string(),
                              "--web.listen-address=127.0.0.1:" + std::to_string(port)},
                             "",
                             {}},
                            dir / "prometheus.log");
    REQUIRE(wait_for_port(port, 30));
    std::string url = fmt::format("http://127.0.0.1:{}", port);
    dir.write("s.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: prom}\nvars: {prom: x}\n"
                        "hypothesis:\n  title: scraping\n  probes:\n"
                        "    - name: self-up\n      prometheus: {url: \"${vars.prom}\", query: 'up{job=\"self\"}'}\n"
                        "      tolerance: 1\n      interval: 500ms\n      until: holds\n      within: 30s\n"
                        "steps:\n  - name: samples\n    probe:\n      prometheus: {url: \"${vars.prom}\", "
                        "query: 'count(up{job=\"self\"})'}\n      tolerance: {ge: 1}\n"
                        "  - name: missing-job\n    probe:\n      prometheus: {url: \"${vars.prom}\", query: 'up{job=\"nope\"}'}\n"
                        "      tolerance: 1\n");
    auto r = readyctl::test::gameday::run_drill(fmt::format("s.yaml --var prom={}", url), dir.path(), "j.json");
    INFO(r.out, r.err, readyctl::test::slurp(dir / "prometheus.log"));
    // The job that does not exist has no series: its probe must not hold, so the run deviates there.
    CHECK(r.code == 1);
    json j = journal_at(dir / "j.json");
    CHECK((*event_named(j, "self-up"))["value"] == 1);
    CHECK((*event_named(j, "samples"))["status"] == "met");
    CHECK((*event_named(j, "missing-job"))["status"] == "deviated");
    CHECK((*event_named(j, "missing-job"))["output"]["series"] == 0);
  }

  TEST_CASE("a dapr-workflow probe waits for COMPLETED over Dapr's HTTP API and catches FAILED")
  {
    TempDir dir;
    int port = free_port();
    ChildProcess dapr(
        {{"python3", (readyctl::test::source_dir() / "tests/gameday/dapr_standin.py").string(), std::to_string(port)}, "", {}},
        dir / "dapr.log");
    REQUIRE(wait_for_port(port, 15));
    setenv("GAMEDAY_TEST_DAPR_TOKEN", "t0ken", 1);
    auto scenario = [&](const std::string& instance) {
      return "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: dapr}\nvars: {port: \"0\"}\n"
             "steps:\n  - name: workflow-done\n    probe:\n      dapr-workflow:\n"
             "        url: \"http://127.0.0.1:${vars.port}\"\n        instanceId: " + instance + "\n"
             "        headers: {dapr-api-token: \"${env.GAMEDAY_TEST_DAPR_TOKEN}\"}\n"
             "      interval: 100ms\n      until: holds\n      within: 3s\n";
    };
    dir.write("slow.yaml", scenario("slow-1"));
    dir.write("poison.yaml", scenario("poison-1"));
    auto slow = readyctl::test::gameday::run_drill(fmt::format("slow.yaml --var port={}", port), dir.path(), "slow.json");
    auto poison = readyctl::test::gameday::run_drill(fmt::format("poison.yaml --var port={}", port), dir.path(), "poison.json");
    unsetenv("GAMEDAY_TEST_DAPR_TOKEN");
    INFO(slow.out, slow.err, poison.out, poison.err);
    CHECK(slow.code == 0);
    // RUNNING for three reads, COMPLETED on the fourth.
    CHECK((*event_named(journal_at(dir / "slow.json"), "workflow-done"))["attempts"] == 4);
    CHECK(poison.code == 1);
    CHECK((*event_named(journal_at(dir / "poison.json"), "workflow-done"))["value"] == "FAILED");
    // The token came from the environment and is nowhere in the journal.
    CHECK(readyctl::test::slurp(dir / "slow.json").find("t0ken") == std::string::npos);
  }
}
