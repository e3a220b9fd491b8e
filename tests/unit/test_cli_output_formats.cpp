// `-o` on every command that reads something out: one table drives the lookup, the help, the error and the
// completions; JSON carries schemaVersion and YAML holds the same data.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "output_formats.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/to_json.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

// A valid invocation of each command of the table, run from the repository (paths are relative to it).
const std::map<std::string, std::string> k_invocations = {
    {"version", "version"},
    {"lint", "lint examples/unready"},
    {"lint rules", "lint rules"},
    {"lint explain", "lint explain image-pinned"},
    {"baseline", "baseline --demo"},
    {"scaffold list", "scaffold list"},
    {"scaffold describe", "scaffold describe durable-flow-python"},
    {"gameday validate", "gameday validate examples/gamedays/local-failover.yaml"},
    {"gameday run", "gameday run examples/gamedays/local-failover.yaml"},
    {"gameday report", "gameday report no-such-journal.json"},
    {"plan status", "plan status"},
    {"plan next", "plan next"},
    {"plan report", "plan report"},
};

std::string names_of(const cli::CommandFormats& row)
{
  std::string out;
  for (std::string_view n : row.names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

nlohmann::json yaml_as_json(const std::string& text)
{
  return yaml::to_json(yaml::parse_single_document(yaml::SourceFile("out.yaml", text)).root);
}

}  // namespace

TEST_SUITE("cli")
{
  TEST_CASE("-o: an unknown format is exit 2 naming the command's formats, before any work")
  {
    for (const cli::CommandFormats& row : cli::command_formats()) {
      std::string command(row.command);
      CAPTURE(command);
      REQUIRE(k_invocations.contains(command));
      test::CliResult r = test::run_binary(k_invocations.at(command) + " -o xml", test::source_dir());
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == "readyctl: error: -o xml: expected one of " + names_of(row) + "\n");
    }
  }

  TEST_CASE("-o: each command's help lists its formats, the first as default")
  {
    for (const cli::CommandFormats& row : cli::command_formats()) {
      std::string command(row.command);
      CAPTURE(command);
      std::vector<std::string> args;
      for (size_t at = 0, sp; at <= command.size(); at = sp + 1) {
        sp = command.find(' ', at);
        if (sp == std::string::npos) sp = command.size();
        args.push_back(command.substr(at, sp - at));
      }
      args.push_back("--help");
      std::string help = test::run_cli(args).out;
      std::string listed = std::string(row.names.front()) + " (default)";
      for (size_t i = 1; i < row.names.size(); ++i) listed += ", " + std::string(row.names[i]);
      CHECK(help.find(listed) != std::string::npos);
    }
  }

  TEST_CASE("-o json carries schemaVersion and -o yaml the same data (commands that read out, from a clean repo)")
  {
    for (const char* command : {"version", "lint rules", "lint explain", "scaffold list", "scaffold describe",
                                "gameday validate", "baseline", "lint"}) {
      CAPTURE(command);
      test::CliResult json = test::run_binary(k_invocations.at(command) + " -o json", test::source_dir());
      test::CliResult yaml = test::run_binary(k_invocations.at(command) + " -o yaml", test::source_dir());
      CHECK(json.code == yaml.code);
      nlohmann::json j = nlohmann::json::parse(json.out);
      CHECK(j.at("schemaVersion") == 1);
      CHECK(yaml_as_json(yaml.out) == j);
    }
    CHECK(nlohmann::json::parse(test::run_cli({"lint", "explain", "image-pinned", "-o", "json"}).out).at("rule").at("id") ==
          "image-pinned");
    CHECK(nlohmann::json::parse(test::run_cli({"version", "-o", "json"}).out).at("version") == READYCTL_VERSION);
  }

  TEST_CASE("-o json and yaml for plan next and plan status, in a repository with a plan")
  {
    test::TempDir repo;
    REQUIRE(test::run_binary("plan init --non-interactive --start 2026-11-02", repo.path()).code == 0);
    for (const char* command : {"plan next --today 2026-11-23", "plan status --no-record --today 2026-11-23"}) {
      CAPTURE(command);
      test::CliResult json = test::run_binary(std::string(command) + " -o json", repo.path());
      test::CliResult yaml = test::run_binary(std::string(command) + " -o yaml", repo.path());
      REQUIRE(json.code == 0);
      nlohmann::json j = nlohmann::json::parse(json.out);
      CHECK(j.at("schemaVersion") == 1);
      CHECK(yaml_as_json(yaml.out) == j);
    }
    // Week 4 of a plan with no evidence: the next step is the week-1 baseline (text and JSON say the same).
    std::string next = test::run_binary("plan next --today 2026-11-23", repo.path()).out;
    CHECK(nlohmann::json::parse(test::run_binary("plan next --today 2026-11-23 -o json", repo.path()).out).at("next") ==
          next.substr(0, next.size() - 1));
  }

  TEST_CASE("gameday validate -o json lists the problems of an invalid scenario, exit 2")
  {
    test::TempDir dir;
    dir.write("bad.yaml", "apiVersion: readyctl.dev/v1\nkind: GameDay\n");
    test::CliResult r = test::run_binary("gameday validate bad.yaml -o json", dir.path());
    CHECK(r.code == 2);
    nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j.at("valid") == false);
    CHECK_FALSE(j.at("problems").empty());
    CHECK(j.at("problems").at(0).at("file") == "bad.yaml");
  }

  TEST_CASE("gameday run -o json and -o yaml: the verdict, reason, journal and exit code as data")
  {
    test::TempDir dir;
    dir.write("s.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: quick}\n"
                        "steps:\n  - name: touch\n    action: {exec: {command: \"touch ${run.journalDir}/touched\"}}\n");
    test::CliResult json = test::run_binary("gameday run s.yaml --journal j.json -o json", dir.path());
    INFO(json.out, json.err);
    REQUIRE(json.code == 0);
    nlohmann::json j = nlohmann::json::parse(json.out);
    CHECK(j.at("schemaVersion") == 1);
    CHECK(j.at("verdict") == "held");
    CHECK(j.at("journal") == (std::filesystem::canonical(dir.path()) / "j.json").string());  // made absolute
    CHECK(j.at("exitCode") == 0);
    CHECK(std::filesystem::exists(dir / "touched"));
    test::CliResult yaml = test::run_binary("gameday run s.yaml --journal j2.json -o yaml", dir.path());
    REQUIRE(yaml.code == 0);
    j["journal"] = (std::filesystem::canonical(dir.path()) / "j2.json").string();
    CHECK(yaml_as_json(yaml.out) == j);
  }

  TEST_CASE("the completions offer a command's formats after -o, and only there")
  {
    test::TempDir dir;
    dir.write("t.sh", "source '" + (test::source_dir() / "completions/readyctl.bash").string() +
                          "'\nCOMP_WORDS=(readyctl version -o ''); COMP_CWORD=3; _readyctl; echo \"${COMPREPLY[@]}\"\n"
                          "COMP_WORDS=(readyctl lint --output y); COMP_CWORD=3; _readyctl; echo \"${COMPREPLY[@]}\"\n"
                          "COMP_WORDS=(readyctl version --o); COMP_CWORD=2; _readyctl; echo \"${COMPREPLY[@]}\"\n");
    std::string cmd = "bash '" + (dir / "t.sh").string() + "' > '" + (dir / "out").string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(test::slurp(dir / "out") == "text json yaml\nyaml\n--output\n");
  }
}
