// Drills against real local processes: a python HTTP server killed and brought back by a supervisor, and the
// negative controls (no recovery, a stop condition, Ctrl-C mid-fault, a crashed runner finished by rollback).
#include <csignal>
#include <optional>

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
using readyctl::test::wait_until;
using nlohmann::json;

namespace {

const char* k_header = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: control}\nvars: {port: \"0\"}\n";

// The server the negative controls start directly (no supervisor): killed, it stays dead.
const char* k_server_setup =
    "setup:\n  - name: api\n    action:\n      process: {op: start, name: api, command: [python3, -m, http.server, "
    "\"${vars.port}\", --bind, 127.0.0.1]}\n"
    "hypothesis:\n  title: answers\n  probes:\n    - name: answers\n      http: {url: \"http://127.0.0.1:${vars.port}/\"}\n"
    "      until: holds\n      within: 10s\n      interval: 100ms\n";

// `readyctl gameday run s.yaml` in `dir` as a process of its own, journal in j.json, output in run.log.
ChildProcess start_run(const TempDir& dir, int port)
{
  return ChildProcess({{readyctl::test::binary_path(), "gameday", "run", "s.yaml", "--var", "port=" + std::to_string(port),
                        "--journal", "j.json"},
                       dir.path().string(),
                       {}},
                      dir / "run.log");
}

bool journal_has_running(const std::filesystem::path& path, const std::string& name)
{
  json j = json::parse(readyctl::test::slurp(path), nullptr, false);
  if (j.is_discarded()) return false;
  for (const json& ev : j["events"])
    if (ev["name"] == name && ev["status"] == "running") return true;
  return false;
}

}  // namespace

TEST_SUITE("integration-gameday")
{
  TEST_CASE("local-failover example: the supervised server is SIGKILLed and answers again within the budget")
  {
    TempDir dir;
    int port = free_port();
    auto r = readyctl::test::run_binary(
        fmt::format("gameday run examples/gamedays/local-failover.yaml --var port={} --journal '{}'", port,
                    (dir / "j.json").string()),
        readyctl::test::source_dir());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    json j = journal_at(dir / "j.json");
    CHECK(j["verdict"] == "held");
    CHECK(j["schemaVersion"] == 1);
    CHECK(j["tool"]["name"] == "readyctl");
    CHECK(j["state"] == "finished");
    // The outage was seen, and recovery came after it: detect <= recover <= the 15 s budget after the kill.
    REQUIRE(j["fault"]["ttd"].is_number());
    REQUIRE(j["fault"]["ttr"].is_number());
    CHECK(j["fault"]["ttd"].get<double>() <= j["fault"]["ttr"].get<double>());
    CHECK(j["fault"]["ttr"].get<double>() < 15.0);
    CHECK_FALSE(port_open(port));  // the scenario stopped what it started
    for (const json& p : j["processes"]) CHECK(p["state"] == "exited");
  }

  TEST_CASE("negative control: a server nobody restarts ends deviated, and the rollbacks run")
  {
    TempDir dir;
    int port = free_port();
    dir.write("s.yaml", std::string(k_header) + k_server_setup +
                            "steps:\n  - name: kill\n    action: {process: {op: kill, name: api}}\n"
                            "  - name: recovered\n    probe:\n      http: {url: \"http://127.0.0.1:${vars.port}/\"}\n"
                            "      until: holds\n      within: 2s\n      interval: 200ms\n"
                            "rollbacks:\n  - name: marker\n    action: {exec: {command: \"touch ${run.journalDir}/rolled-back\"}}\n");
    auto r = readyctl::test::gameday::run_drill(fmt::format("s.yaml --var port={}", port), dir.path(), "j.json");
    INFO(r.out, r.err);
    CHECK(r.code == 1);
    CHECK(journal_at(dir / "j.json")["verdict"] == "deviated");
    CHECK(std::filesystem::exists(dir / "rolled-back"));
  }

  TEST_CASE("a stop condition aborts the method (exit 4) long before its sleep ends")
  {
    TempDir dir;
    dir.write("s.yaml", std::string(k_header) +
                            "abortWhen:\n  - name: stop-file\n    exec: {command: \"test -f ${run.journalDir}/stop\"}\n"
                            "    interval: 100ms\n"
                            "steps:\n  - name: trip\n    action: {exec: {command: \"touch ${run.journalDir}/stop\"}}\n"
                            "  - name: long\n    sleep: 60s\n"
                            "rollbacks:\n  - name: marker\n    action: {exec: {command: \"touch ${run.journalDir}/rolled-back\"}}\n");
    auto start = std::chrono::steady_clock::now();
    auto r = readyctl::test::gameday::run_drill("s.yaml", dir.path(), "j.json");
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.out, r.err);
    CHECK(r.code == 4);
    CHECK(took < 10);
    CHECK(journal_at(dir / "j.json")["verdict"] == "aborted");
    CHECK(std::filesystem::exists(dir / "rolled-back"));
  }

  TEST_CASE("a continuous probe that fails during the method deviates the run")
  {
    TempDir dir;
    int port = free_port();
    std::string scenario = std::string(k_header) + k_server_setup + "      mode: [before, continuous]\n" +
                           "steps:\n  - name: kill\n    action: {process: {op: kill, name: api}}\n"
                           "  - name: wait\n    sleep: 2s\n";
    dir.write("s.yaml", scenario);
    auto r = readyctl::test::gameday::run_drill(fmt::format("s.yaml --var port={}", port), dir.path(), "j.json");
    INFO(r.out, r.err);
    CHECK(r.code == 1);
    CHECK(journal_at(dir / "j.json")["reason"].get<std::string>().find("continuous probe 'answers'") != std::string::npos);
  }

  TEST_CASE("Ctrl-C mid-fault runs the undo and exits 130")
  {
    TempDir dir;
    int port = free_port();
    dir.write("s.yaml", std::string(k_header) + k_server_setup +
                            "steps:\n  - name: stop-api\n    action: {process: {op: stop, name: api}}\n"
                            "    undo:\n      process:\n        op: start\n        name: api\n"
                            "        ready: {http: {url: \"http://127.0.0.1:${vars.port}/\"}, interval: 100ms, within: 10s}\n"
                            "  - name: hold\n    sleep: 60s\n"
                            "rollbacks:\n  - name: check-restored\n    action:\n      http: {url: \"http://127.0.0.1:${vars.port}/\","
                            " method: GET}\n");
    ChildProcess run = start_run(dir, port);
    REQUIRE(wait_until([&] { return journal_has_running(dir / "j.json", "hold"); }, 20));
    run.signal(SIGINT);
    std::optional<readyctl::io::ProcessResult> end = run.wait(30);
    INFO(readyctl::test::slurp(dir / "run.log"));
    REQUIRE(end);
    CHECK(end->shell_status() == 130);
    json j = journal_at(dir / "j.json");
    CHECK(j["verdict"] == "interrupted");
    CHECK(j["undos"][0]["status"] == "done");
    // The rollback's GET only succeeds because the undo restarted the server first and waited until it answered.
    bool rollback_ok = false;
    for (const json& ev : j["events"])
      if (ev["name"] == "check-restored") rollback_ok = ev["status"] == "succeeded";
    CHECK(rollback_ok);
    CHECK_FALSE(port_open(port));
  }

  TEST_CASE("a runner killed mid-fault leaves a readable journal that rollback finishes")
  {
    TempDir dir;
    int port = free_port();
    dir.write("s.yaml", std::string(k_header) + k_server_setup +
                            "steps:\n  - name: fault\n    action: {exec: {command: \"true\"}}\n"
                            "    undo: {exec: {command: \"touch ${run.journalDir}/undone\"}}\n"
                            "  - name: hold\n    sleep: 60s\n");
    ChildProcess run = start_run(dir, port);
    REQUIRE(wait_until([&] { return journal_has_running(dir / "j.json", "hold"); }, 20));
    run.signal(SIGKILL);
    run.wait(10);
    json crashed = journal_at(dir / "j.json");
    CHECK(crashed["state"] == "running");
    CHECK(crashed["undos"][0]["status"] == "pending");
    CHECK(port_open(port));  // the server the crashed run started is still up
    auto r = readyctl::test::run_binary("gameday rollback --journal j.json", dir.path());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    CHECK(std::filesystem::exists(dir / "undone"));
    CHECK(journal_at(dir / "j.json")["undos"][0]["status"] == "done");
    CHECK(wait_until([&] { return !port_open(port); }, 10));
  }
}
