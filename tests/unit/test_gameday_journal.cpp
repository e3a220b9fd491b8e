// One journal writer for the run and the crash path: an undo's failure stored by `gameday rollback --journal`
// is redacted like the run's own, and neither the journal nor the terminal shows a secret the undo resolved.
#include <doctest/doctest.h>

#include <csignal>

#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::test::gameday::journal_at;
using readyctl::test::gameday::run_drill;
using readyctl::test::gameday::SecretEnv;
using nlohmann::json;

namespace {

const char* k_crash_secret = "undo-LEAKED-7c1e";

// The fault registers an undo that echoes the secret to stderr and fails: its error message carries the secret.
const char* k_crash_scenario =
    "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: crash-secret}\n"
    "steps:\n  - name: fault\n    action: {exec: {command: \"true\"}}\n"
    "    undo: {exec: {command: \"echo restore failed with token ${env.GD_UNDO_TOKEN} >&2; exit 1\"}}\n";

bool journal_shows_hold(const std::filesystem::path& path)
{
  json j = json::parse(readyctl::test::slurp(path), nullptr, false);
  if (j.is_discarded()) return false;
  for (const json& ev : j["events"])
    if (ev["name"] == "hold" && ev["status"] == "running") return true;
  return false;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("crash path: rollback --journal stores and prints an undo's failure with the secret redacted")
  {
    TempDir dir;
    SecretEnv token("GD_UNDO_TOKEN", k_crash_secret);
    dir.write("s.yaml", std::string(k_crash_scenario) + "  - name: hold\n    sleep: 60s\n");
    readyctl::io::ChildProcess run(
        {{readyctl::test::binary_path(), "gameday", "run", "s.yaml", "--journal", "j.json"}, dir.path().string(), {}},
        dir / "run.log");
    readyctl::test::wait_until([&] { return journal_shows_hold(dir / "j.json"); }, 20);
    run.signal(SIGKILL);
    run.wait(10);
    REQUIRE(journal_at(dir / "j.json")["undos"][0]["status"] == "pending");

    auto r = readyctl::test::run_binary("gameday rollback --journal j.json", dir.path());
    INFO(r.out, r.err);
    CHECK(r.code == 3);
    CHECK(mentions(r.out, "restore failed with token [redacted]"));
    CHECK_FALSE(mentions(r.out + r.err, k_crash_secret));
    json j = journal_at(dir / "j.json");  // the ledger checks the whole file for the secret
    const json& undo = j["undos"][0];
    CHECK(undo["status"] == "failed");
    CHECK(mentions(undo["message"].get<std::string>(), "restore failed with token [redacted]"));
    CHECK(undo["at"].is_string());
    CHECK(j["rolledBack"]["failed"] == 1);
  }

  TEST_CASE("run path: a failing undo's message is redacted in the journal, the verdict and the terminal")
  {
    TempDir dir;
    SecretEnv token("GD_UNDO_TOKEN", k_crash_secret);
    dir.write("s.yaml", k_crash_scenario);
    auto r = run_drill("s.yaml", dir.path(), "j.json");
    INFO(r.out, r.err);
    CHECK(r.code == 3);
    CHECK(mentions(r.out, "undo #1 failed"));
    CHECK(mentions(r.out, "[redacted]"));
    CHECK_FALSE(mentions(r.out + r.err, k_crash_secret));
    CHECK(mentions(journal_at(dir / "j.json")["undos"][0]["message"].get<std::string>(), "[redacted]"));
  }

  TEST_CASE("the secret ledger's check finds a secret anywhere in a journal, and only there")
  {
    using readyctl::test::gameday::SecretLedger;
    std::string leaky = std::string("{\"undos\":[{\"message\":\"token ") + k_crash_secret + " refused\"}]}";
    CHECK(SecretLedger::leaks(leaky, k_crash_secret));
    CHECK_FALSE(SecretLedger::leaks("{\"undos\":[{\"message\":\"token [redacted] refused\"}]}", k_crash_secret));
  }
}
