#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "readyctl/lint/engine.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

lint::LintRun lint_paths(const std::vector<std::string>& paths, const std::vector<std::string>& only = {})
{
  lint::LintOptions options;
  options.paths = paths;
  options.only = only;
  options.discover_config = false;
  options.kustomize = false;
  return lint::run_lint(options);
}

const char* k_old_hpa = "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("findings point at the offending field with file:line:col")
  {
    test::TempDir dir;
    dir.write("a.yaml", std::string("---\n") + k_old_hpa);
    lint::LintRun run = lint_paths({(dir / "a.yaml").string()}, {"deprecated-api"});
    REQUIRE(run.report.findings.size() == 1);
    const Finding& f = run.report.findings[0];
    CHECK(f.location.line == 2);
    CHECK(f.location.column == 13);
    CHECK(f.object->kind == "HorizontalPodAutoscaler");
    CHECK(f.object->name == "h");
  }

  TEST_CASE("a rule's findings share one copy of its remediation")
  {
    test::TempDir dir;
    dir.write("a.yaml", std::string(k_old_hpa) + "---\n" + k_old_hpa + "  namespace: other\n");
    lint::LintRun run = lint_paths({(dir / "a.yaml").string()}, {"deprecated-api"});
    REQUIRE(run.report.findings.size() == 2);
    const SharedText& first = run.report.findings[0].remediation;
    CHECK_FALSE(first.empty());
    CHECK(first.str() == run.report.rules.at(0).remediation);
    CHECK(&first.str() == &run.report.findings[1].remediation.str());  // the same string, not an equal copy
  }

  TEST_CASE("objects of one kind, apiVersion and namespace share one copy of each, kept by the set")
  {
    test::TempDir dir;
    auto deployment = [](const char* name) {
      return fmt::format("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {}\n  namespace: team-a\n", name);
    };
    dir.write("a.yaml", deployment("one") + "---\n" + deployment("two"));
    dir.write("b.yaml", deployment("three"));
    lint::ManifestSet set = lint::load_manifests({dir.path().string()}, {nullptr, false});
    REQUIRE(set.objects.size() == 3);
    for (const lint::Object& o : set.objects) {
      CHECK(o.kind == "Deployment");
      CHECK(o.api_version == "apps/v1");
      CHECK(o.ns == "team-a");
      CHECK(o.group == "apps");
      CHECK(o.kind.data() == set.objects[0].kind.data());
      CHECK(o.ns.data() == set.objects[0].ns.data());
    }
    CHECK(set.identity_text.size() == 3);
    lint::ManifestSet moved = std::move(set);
    CHECK(moved.objects[2].kind == "Deployment");
    CHECK(moved.objects[2].name == "three");
  }

  TEST_CASE("List kinds are unpacked into their items")
  {
    test::TempDir dir;
    dir.write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: policy/v1beta1\n  kind: PodDisruptionBudget\n"
                           "  metadata: {name: p}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n");
    lint::LintRun run = lint_paths({(dir / "list.yaml").string()}, {"deprecated-api"});
    CHECK(run.report.summary.objects == 2);
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].location.line == 4);
  }

  TEST_CASE("JSON manifests are read with positions")
  {
    test::TempDir dir;
    dir.write("hpa.json", "{\n  \"apiVersion\": \"autoscaling/v2beta2\",\n  \"kind\": \"HorizontalPodAutoscaler\",\n"
                          "  \"metadata\": {\"name\": \"j\"}\n}\n");
    lint::LintRun run = lint_paths({dir.path().string()}, {"deprecated-api"});
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].location.line == 2);
  }

  TEST_CASE("Helm output on stdin maps findings to the chart file through # Source:")
  {
    std::string helm = "---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                       "---\n# Source: app/templates/hpa.yaml\n" + std::string(k_old_hpa);
    test::CliResult r = test::run_cli({"lint", "-", "--only", "deprecated-api", "-o", "json"}, helm);
    CHECK(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["file"] == "app/templates/hpa.yaml");
    CHECK(j["findings"][0]["line"] == 1);
  }

  TEST_CASE("Helm output in a file keeps its findings in that file and names the chart file in the message")
  {
    test::TempDir dir;
    dir.write("rendered.yaml", "---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                               "  name: c\n---\n# Source: app/templates/hpa.yaml\n" + std::string(k_old_hpa));
    lint::LintRun run = lint_paths({(dir / "rendered.yaml").string()}, {"deprecated-api"});
    REQUIRE(run.report.findings.size() == 1);
    const Finding& f = run.report.findings[0];
    CHECK(f.location.file == (dir / "rendered.yaml").string());
    CHECK(f.location.line == 9);  // the HPA's first line: line 1 of hpa.yaml, whose `# Source:` is on line 8
    // The chart is not on disk beside the render: no related location pointing at a file that is not there (with
    // the chart beside it, test_lint_unrendered.cpp).
    CHECK(f.related.empty());
    CHECK(f.message.ends_with("(rendered from Helm chart file app/templates/hpa.yaml)"));
  }

  TEST_CASE("config ignores suppress with a reason and stop at their expiry date")
  {
    test::TempDir dir;
    dir.write("deploy/hpa.yaml", k_old_hpa);
    dir.write(".readyctl.yaml", "lint:\n  ignore:\n    - rule: deprecated-api\n      path: deploy/*.yaml\n"
                                "      reason: cluster pinned to 1.24\n      until: 2099-01-01\n"
                                "    - rule: deprecated-api\n      name: other\n      reason: old\n      until: 2020-01-01\n");
    lint::LintOptions options;
    options.paths = {(dir / "deploy").string()};
    options.config_path = (dir / ".readyctl.yaml").string();
    options.only = {"deprecated-api", "suppression"};
    lint::LintRun run = lint::run_lint(options);
    REQUIRE(run.report.suppressed.size() == 1);
    CHECK(run.report.suppressed[0].suppression_reason == "cluster pinned to 1.24");
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].rule == "suppression");
    CHECK(run.report.findings[0].message.find("expired on 2020-01-01") != std::string::npos);
    CHECK(run.report.findings[0].location.line == 7);
  }

  TEST_CASE("a parse error is a finding, the rest is linted, and the exit code is 2")
  {
    test::TempDir dir;
    dir.write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: [\n");  // a manifest (a file naming neither key is not)
    dir.write("good.yaml", k_old_hpa);
    test::CliResult r = test::run_binary("lint '" + dir.path().string() + "' --only deprecated-api -o json");
    CHECK(r.code == 2);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["summary"]["findings"] == 2);
    CHECK(j["findings"][0]["rule"] == "parse-error");
    CHECK(j["findings"][1]["rule"] == "deprecated-api");
  }

  TEST_CASE("exit codes follow --fail-on")
  {
    test::TempDir dir;
    dir.write("hpa.yaml", k_old_hpa);
    std::string path = "'" + (dir / "hpa.yaml").string() + "' --only deprecated-api";
    CHECK(test::run_binary("lint " + path).code == 0);  // a warning is below the default threshold
    CHECK(test::run_binary("lint " + path + " --fail-on warning").code == 1);
    CHECK(test::run_binary("lint " + path + " --fail-on never").code == 0);
    CHECK(test::run_binary("lint " + path + " --fail-on bogus").code == 2);
    CHECK(test::run_binary("lint /no/such/path").code == 2);
    CHECK(test::run_binary("lint " + path + " --only no-such-rule").code == 2);
  }

  TEST_CASE("unknown subcommands suggest the right one")
  {
    test::CliResult r = test::run_cli({"lnt"});
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean 'lint'") != std::string::npos);
  }

  TEST_CASE("a broken rule file in --rules fails before manifests are read, naming file:line:col")
  {
    test::TempDir dir;
    dir.write("rules/x.yaml", "id: my-rule\nseverity: fatal\ncategory: hygiene\ncheck: engine\nkinds: ['*']\n"
                              "summary: s\nrationale: r\nremediation: m\n");
    test::CliResult r = test::run_cli({"lint", "--rules", (dir / "rules").string(), "/no/such/manifest"});
    CHECK(r.code == 2);
    CHECK(r.err.find("x.yaml:2:11: expected severity error, warning or note") != std::string::npos);
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("a secret found by secret-literal never reaches the text output, not even in the caret line")
  {
    test::TempDir dir;
    const std::string key = "sk-proj-4fJ9x2Lq8ZrT6vW1bN3mK7pQ";
    dir.write("d.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team-a\nspec:\n  containers:\n"
                        "  - name: c\n    image: vllm/vllm-openai:v0.6.3\n    env:\n    - name: OPENAI_API_KEY\n"
                        "      value: " + key + "\n");
    for (std::string format : {"text", "json", "sarif", "junit", "github", "markdown"}) {
      CAPTURE(format);
      test::CliResult r = test::run_cli({"lint", (dir / "d.yaml").string(), "--only", "secret-literal", "-o", format});
      CHECK(r.code == 1);
      CHECK(r.out.find("secret-literal") != std::string::npos);
      CHECK(r.out.find(key) == std::string::npos);
      CHECK(r.out.find(key.substr(3, 12)) == std::string::npos);
    }
  }
}

TEST_SUITE("cli")
{
  TEST_CASE("global flags may follow the subcommand")
  {
    test::TempDir dir;
    dir.write("hpa.yaml", "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n");
    test::CliResult r = test::run_cli({"lint", (dir / "hpa.yaml").string(), "--only", "deprecated-api", "--color", "always", "-v"});
    CHECK(r.code == 0);
    CHECK(r.out.find("\x1b[") != std::string::npos);
    CHECK(r.out.find("fix: ") != std::string::npos);
    test::CliResult q = test::run_cli({"lint", "rules", "--quiet"});
    CHECK(q.code == 0);
  }
}
