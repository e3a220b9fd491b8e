// A broken environment ends a run with exit 3 at once, naming the cause; a failed system still deviates (exit 1).
// Each scenario is built so that only one of the two can be the answer.
#include <doctest/doctest.h>

#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "local_ports.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::test::free_port;
using readyctl::test::gameday::journal_at;
using readyctl::test::gameday::run_drill;
using nlohmann::json;

namespace {

const char* k_env_head = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: env-check}\n";

// A method step that would wait 30 s for something that never holds: a run ending sooner was cut short.
const char* k_env_slow_steps =
    "steps:\n  - name: never\n    probe:\n      exec: {command: \"false\"}\n      interval: 100ms\n"
    "      until: holds\n      within: 30s\n";

struct Timed {
  readyctl::test::CliResult r;
  double seconds = 0;
};

Timed timed_drill(const TempDir& dir, const std::string& scenario, const std::string& flags = "")
{
  dir.write("s.yaml", scenario);
  auto start = std::chrono::steady_clock::now();
  Timed t{run_drill("s.yaml " + flags, dir.path(), "j.json")};
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

bool env_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string setup_process(const std::string& command)
{
  return "setup:\n  - name: db\n    action:\n      process: {op: start, name: db, command: " + command + "}\n";
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("a setup process that exits 3 at once ends the run as environment in about a second, naming it")
  {
    TempDir dir;
    Timed t = timed_drill(dir, std::string(k_env_head) +
                                   setup_process("\"echo 'FATAL: data directory is missing' >&2; exit 3\"") + k_env_slow_steps);
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);  // the method's probe alone would have waited 30 s
    CHECK(env_has(t.r.out, "environment: process 'db'"));
    CHECK(env_has(t.r.out, "exited with code 3"));
    CHECK(env_has(t.r.out, "FATAL: data directory is missing"));
    json j = journal_at(dir / "j.json");
    CHECK(j["verdict"] == "environment");
    CHECK(j["exitCode"] == 3);
  }

  TEST_CASE("a setup process killed by a signal before the fault names the signal")
  {
    TempDir dir;
    Timed t = timed_drill(dir, std::string(k_env_head) + setup_process("\"kill -KILL $$$$\"") + k_env_slow_steps);
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);
    CHECK(env_has(t.r.out, "process 'db'"));
    CHECK(env_has(t.r.out, "was killed by SIGKILL"));
  }

  TEST_CASE("a process command that cannot start is exit 3 naming the process and the program")
  {
    TempDir dir;
    Timed t = timed_drill(dir, std::string(k_env_head) + setup_process("[readyctl-no-such-program, --flag]") + k_env_slow_steps);
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);
    CHECK(env_has(t.r.out, "process 'db': cannot start 'readyctl-no-such-program'"));
  }

  TEST_CASE("a probe whose command cannot start is exit 3, not a deviation")
  {
    TempDir dir;
    Timed t = timed_drill(dir, std::string(k_env_head) +
                                   "steps:\n  - name: ledger\n    probe:\n      exec: {command: \"readyctl-no-such-cli count\"}\n"
                                   "      interval: 100ms\n      until: holds\n      within: 30s\n");
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);
    CHECK(env_has(t.r.out, "probe 'ledger': command 'readyctl-no-such-cli count' cannot start"));
  }

  TEST_CASE("a stop condition whose command cannot start is exit 3: it could never fire")
  {
    TempDir dir;
    Timed t = timed_drill(dir, std::string(k_env_head) +
                                   "abortWhen:\n  - name: error-budget\n    exec: {command: \"readyctl-no-such-slo-check\"}\n"
                                   "    interval: 100ms\n" + k_env_slow_steps);
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);
    CHECK(env_has(t.r.out, "probe 'error-budget': command 'readyctl-no-such-slo-check' cannot start"));
  }

  TEST_CASE("before the fault, a server refusing every connection is exit 3 naming the URL; after it, a deviation")
  {
    int port = free_port();  // nothing listens there
    std::string url = fmt::format("http://127.0.0.1:{}/health", port);
    std::string probe = fmt::format("    probe:\n      http: {{url: \"{}\"}}\n      retry: 2\n      interval: 100ms\n", url);
    SUBCASE("before the fault")
    {
      TempDir dir;
      Timed t = timed_drill(dir, std::string(k_env_head) + "steps:\n  - name: api-up\n" + probe);
      INFO(t.r.out, t.r.err);
      CHECK(t.r.code == 3);
      CHECK(env_has(t.r.out, "probe 'api-up': every connection to " + url + " was refused before the fault (3 attempt(s))"));
    }
    SUBCASE("after the fault: the system did not recover")
    {
      TempDir dir;
      Timed t = timed_drill(dir, std::string(k_env_head) +
                                     "steps:\n  - name: break\n    action: {exec: {command: \"true\"}}\n    fault: true\n"
                                     "  - name: api-up\n" + probe);
      INFO(t.r.out, t.r.err);
      CHECK(t.r.code == 1);
      CHECK(env_has(t.r.out, "deviated: step 'api-up' did not hold"));
    }
  }

  TEST_CASE("a process the fault killed, or one that dies after the fault, is the system's failure: exit 1")
  {
    SUBCASE("killed by the fault")
    {
      TempDir dir;
      Timed t = timed_drill(dir, std::string(k_env_head) + setup_process("[sleep, \"30\"]") +
                                     "steps:\n  - name: kill-db\n    action: {process: {op: kill, name: db}}\n"
                                     "  - name: db-back\n    probe:\n      process: {name: db}\n      interval: 100ms\n"
                                     "      until: holds\n      within: 1s\n");
      INFO(t.r.out, t.r.err);
      CHECK(t.r.code == 1);
      CHECK(env_has(t.r.out, "deviated: step 'db-back' did not hold"));
    }
    SUBCASE("exits on its own after the fault")
    {
      TempDir dir;
      Timed t = timed_drill(dir, std::string(k_env_head) +
                                     "steps:\n  - name: break\n    action: {exec: {command: \"true\"}}\n    fault: true\n"
                                     "  - name: replacement\n    action: {process: {op: start, name: db, command: \"exit 5\"}}\n"
                                     "  - name: db-up\n    probe:\n      process: {name: db}\n      interval: 100ms\n"
                                     "      until: holds\n      within: 1s\n");
      INFO(t.r.out, t.r.err);
      CHECK(t.r.code == 1);
      CHECK(env_has(t.r.out, "deviated: step 'db-up' did not hold"));
    }
  }

  TEST_CASE("requires: a missing command, a taken port and an unset variable are exit 3 before setup runs")
  {
    TempDir dir;
    readyctl::test::SilentListener listener;  // holds a port for the run
    int taken = listener.port;
    unsetenv("READYCTL_GD_UNSET_VAR");
    std::string scenario = std::string(k_env_head) + fmt::format("vars: {{port: \"{}\"}}\n", taken) +
                           "requires:\n  commands: [sh, readyctl-no-such-server]\n  ports: [\"${vars.port}\"]\n"
                           "  env: [READYCTL_GD_UNSET_VAR]\n" +
                           "setup:\n  - name: marker\n    action: {exec: {command: \"touch ${run.journalDir}/setup-ran\"}}\n" +
                           k_env_slow_steps;
    Timed t = timed_drill(dir, scenario);
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 3);
    CHECK(t.seconds < 2.0);
    CHECK(env_has(t.r.out, "s.yaml:6:3: the scenario's requirements are not met"));
    CHECK(env_has(t.r.out, "command 'readyctl-no-such-server' is not on PATH"));
    CHECK_FALSE(env_has(t.r.out, "command 'sh'"));
    CHECK(env_has(t.r.out, fmt::format("port {} on 127.0.0.1 is already in use", taken)));
    CHECK(env_has(t.r.out, "environment variable READYCTL_GD_UNSET_VAR is not set"));
    CHECK_FALSE(std::filesystem::exists(dir / "setup-ran"));
  }

  TEST_CASE("requires: when every requirement is met the run goes on")
  {
    TempDir dir;
    setenv("READYCTL_GD_SET_VAR", "1", 1);
    Timed t = timed_drill(dir, std::string(k_env_head) + fmt::format("vars: {{port: \"{}\"}}\n", free_port()) +
                                   "requires: {commands: [sh], ports: [\"${vars.port}\"], env: [READYCTL_GD_SET_VAR]}\n"
                                   "steps:\n  - name: ok\n    action: {exec: {command: \"true\"}}\n");
    unsetenv("READYCTL_GD_SET_VAR");
    INFO(t.r.out, t.r.err);
    CHECK(t.r.code == 0);
    CHECK(journal_at(dir / "j.json")["events"][0]["status"] == "met");
  }

  TEST_CASE("requires: malformed entries are located errors")
  {
    TempDir dir;
    dir.write("s.yaml", std::string(k_env_head) + "requires:\n  ports: [http]\n  disks: [sda]\n" +
                            "steps:\n  - name: ok\n    action: {exec: {command: \"true\"}}\n");
    auto r = readyctl::test::run_binary("gameday validate s.yaml", dir.path());
    CHECK(r.code == 2);
    CHECK(env_has(r.err, "s.yaml:5:11: expected an integer from 1 to 65535 for 'requires.ports', got 'http'"));
    CHECK(env_has(r.err, "s.yaml:6:3: unknown key 'disks' in requires"));
  }
}
