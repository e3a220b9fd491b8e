// The built-in templates, generated into a temporary directory: every Python file compiles, every overlay
// passes `readyctl lint --fail-on warning` (rendered by kubectl kustomize when kubectl exists), every
// game-day scenario passes `readyctl gameday validate`, and nothing is left unrendered.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.hpp"

namespace fs = std::filesystem;
using readyctl::test::CliResult;
using readyctl::test::TempDir;
using readyctl::test::run_binary;
using readyctl::test::run_cli;
using readyctl::test::slurp;

namespace {

bool not_implemented(const CliResult& r) { return r.err.find("not yet implemented") != std::string::npos; }

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

std::vector<fs::path> files_under(const fs::path& dir, const std::string& extension)
{
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension &&
        entry.path().string().find("/.readyctl/") == std::string::npos)
      out.push_back(entry.path());
  return out;
}

fs::path generate(const TempDir& tmp, const std::string& name, const std::vector<std::string>& sets)
{
  std::vector<std::string> args{"scaffold", "new", name, (tmp / "project").string(), "--non-interactive",
                                "--set", std::string("project_name=") + (name.find("agent") != std::string::npos ? "acme-agent" : "acme-flow")};
  for (const std::string& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  CliResult r = run_cli(args);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return tmp / "project";
}

void check_rendered(const fs::path& project)
{
  CHECK(fs::exists(project / ".readyctl-answers.yaml"));
  for (const auto& entry : fs::recursive_directory_iterator(project)) {
    if (!entry.is_regular_file()) continue;
    std::string text = slurp(entry.path());
    INFO(entry.path().string());
    CHECK(text.find("{{") == std::string::npos);
    CHECK(text.find("<%") == std::string::npos);
  }
}

void check_python(const fs::path& project)
{
  REQUIRE(have("python3"));
  std::vector<fs::path> sources = files_under(project / "app", ".py");
  CHECK(sources.size() >= 8);
  for (const fs::path& py : sources) {
    INFO(py.string());
    CHECK(std::system(("python3 -m py_compile '" + py.string() + "'").c_str()) == 0);
  }
}

void lint_overlay(const fs::path& project, const std::string& overlay)
{
  std::string target = "deploy/base";
  if (have("kubectl")) {
    std::string rendered = "rendered-" + overlay + ".yaml";
    REQUIRE(std::system(("cd '" + project.string() + "' && kubectl kustomize deploy/overlays/" + overlay + " > " +
                         rendered)
                            .c_str()) == 0);
    target = rendered;
  }
  CliResult r = run_binary("lint " + target + " --fail-on warning", project);
  if (not_implemented(r)) {
    MESSAGE("skipped: readyctl lint is not yet implemented");
    return;
  }
  INFO(r.out, r.err);
  CHECK(r.code == 0);  // notes (e.g. workload-identity without SPIRE) are below the warning gate
}

// The whole project as a user first lints it: `readyctl lint .` at its root, the base and both overlays (one unit each,
// a base finding once), the cluster kustomization, the game-day faults and Dapr's local files (not linted).
void lint_root(const fs::path& project)
{
  CliResult r = run_binary("lint . --fail-on warning", project);
  INFO(r.out, r.err);
  CHECK(r.code == 0);
}

void validate_gamedays(const fs::path& project)
{
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(project / "gameday"))
    if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
  CHECK(scenarios.size() == 4);
  for (const fs::path& scenario : scenarios) {
    CliResult r = run_binary("gameday validate '" + scenario.string() + "'", project);
    if (not_implemented(r)) {
      MESSAGE("skipped: readyctl gameday validate is not yet implemented");
      return;
    }
    INFO(scenario.string(), r.out, r.err);
    CHECK(r.code == 0);
  }
}

// The generated GitHub Actions workflow (include_ci, on by default).
std::string ci_workflow(const fs::path& project) { return slurp(project / ".github/workflows/ci.yaml"); }

void check_project(const std::string& name, const std::vector<std::string>& sets)
{
  TempDir tmp;
  fs::path project = generate(tmp, name, sets);
  check_rendered(project);
  check_python(project);
  lint_root(project);  // before lint_overlay writes its rendered files into the project
  lint_overlay(project, "dev");
  lint_overlay(project, "prod");
  validate_gamedays(project);
}

}  // namespace

TEST_SUITE("scaffold")
{
  TEST_CASE("durable-flow-python with defaults is production-ready")
  {
    check_project("durable-flow-python", {});
  }

  TEST_CASE("durable-flow-python with PostgreSQL, HPA and no CI is production-ready")
  {
    check_project("durable-flow-python", {"state_store=postgresql", "autoscaler=hpa", "include_ci=false"});
  }

  TEST_CASE("durable-agent-python with defaults is production-ready")
  {
    check_project("durable-agent-python", {});
  }

  TEST_CASE("durable-agent-python without approval is production-ready")
  {
    check_project("durable-agent-python", {"require_approval=false", "namespace=agents"});
  }

  TEST_CASE("generated file sets follow the answers")
  {
    TempDir tmp;
    fs::path flow = generate(tmp, "durable-flow-python", {"autoscaler=hpa", "include_ci=false"});
    CHECK(fs::exists(flow / "deploy/base/hpa-tools.yaml"));
    CHECK_FALSE(fs::exists(flow / "deploy/base/scaledobject-tools.yaml"));
    CHECK_FALSE(fs::exists(flow / ".github/workflows/ci.yaml"));
    CHECK(fs::exists(flow / "app/src/flow/workflows.py"));
    CHECK(slurp(flow / "deploy/base/kustomization.yaml").find("hpa-tools.yaml") != std::string::npos);
    TempDir tmp2;
    fs::path agent = generate(tmp2, "durable-agent-python", {});
    CHECK(fs::exists(agent / "deploy/base/scaledobject-tools.yaml"));
    CHECK(fs::exists(agent / ".github/workflows/ci.yaml"));
    CHECK(fs::exists(agent / "deploy/base/dapr/conversation.yaml"));
    CHECK(fs::exists(agent / "app/src/agent/agent.py"));
    CHECK(slurp(agent / "app/src/agent/agent.py").find("MAX_ITERATIONS = 10\n") != std::string::npos);
    CHECK(slurp(agent / "deploy/base/namespace.yaml").find("pod-security.kubernetes.io/enforce: restricted") !=
          std::string::npos);
  }

  TEST_CASE("the generated CI installs readyctl through the Action of the repository the answers name")
  {
    const std::string tag = std::string("@v") + READYCTL_VERSION + "\n";
    TempDir tmp;
    std::string ci = ci_workflow(generate(tmp, "durable-flow-python", {}));
    CHECK(ci.find("uses: readyctl/readyctl" + tag) != std::string::npos);  // the documented default
    CHECK(ci.find("install-only: true") != std::string::npos);
    CHECK(ci.find("curl") == std::string::npos);
    CHECK(ci.find("releases/download") == std::string::npos);
    CHECK(ci.find("readyctl lint \"$overlay\" --fail-on error") != std::string::npos);  // the lint gate as before

    TempDir fork;
    ci = ci_workflow(generate(fork, "durable-agent-python", {"readyctl_repository=acme-platform/readyctl.fork"}));
    CHECK(ci.find("uses: acme-platform/readyctl.fork" + tag) != std::string::npos);
    CHECK(ci.find("readyctl/readyctl@") == std::string::npos);
  }

  TEST_CASE("a readyctl_repository answer that is not owner/name is refused, naming the variable")
  {
    TempDir tmp;
    for (const char* bad : {"readyctl", "https://github.com/readyctl/readyctl", "a/b/c", "own er/name"}) {
      CliResult r = run_cli({"scaffold", "new", "durable-flow-python", (tmp / "p").string(), "--non-interactive",
                             "--set", "project_name=acme-flow", "--set", std::string("readyctl_repository=") + bad});
      INFO(bad, r.err);
      CHECK(r.code == 2);
      CHECK(r.err.find("readyctl_repository") != std::string::npos);
      CHECK_FALSE(fs::exists(tmp / "p"));
    }
  }
}
