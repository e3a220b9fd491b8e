// required-metadata as a team uses it: off by default, turned on in .readyctl.yaml with the team's own keys and
// scope, and a parameter of the wrong type refused at its place.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace readyctl;

namespace {

// Line 3: the Deployment's metadata; line 21: the Service's; line 30: the ConfigMap's.
constexpr const char* k_metadata_objects = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
  namespace: team-a
  labels:
    team: ml-platform
spec:
  selector:
    matchLabels: {app: vllm}
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
---
apiVersion: v1
kind: Service
metadata:
  name: vllm
  namespace: team-a
  labels: {team: ml-platform, cost-center: "4711"}
spec:
  selector: {app: vllm}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: vllm-config
  namespace: team-a
data: {max-model-len: "8192"}
)";

constexpr std::string_view k_metadata_policy = "lacks what the organisation's metadata policy requires: ";

// `readyctl --config <dir>/readyctl.yaml lint <dir>/m.yaml -o json`: the required-metadata findings, one
// "line severity message" row each.
std::vector<std::string> required_metadata_findings(const test::TempDir& dir, const std::string& config)
{
  dir.write("m.yaml", k_metadata_objects);
  dir.write("readyctl.yaml", config);
  test::CliResult r = test::run_cli({"--config", (dir / "readyctl.yaml").string(), "lint", (dir / "m.yaml").string(),
                                     "-o", "json", "--fail-on", "never"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::vector<std::string> out;
  for (const nlohmann::json& f : report["findings"])
    if (f["rule"] == "required-metadata")
      out.push_back(fmt::format("{} {} {}", f["line"].get<int>(), f["severity"].get<std::string>(),
                                f["message"].get<std::string>()));
  return out;
}

// A config turning the rule on with these parameters (YAML lines under `params:`).
std::string metadata_policy_config(const std::string& params)
{
  return "lint:\n  rules:\n    required-metadata:\n      enabled: true\n      params:\n" + params;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("required-metadata: off by default")
  {
    test::TempDir dir;
    CHECK(required_metadata_findings(dir, "lint:\n  rules: {}\n").empty());
  }

  TEST_CASE("required-metadata: .readyctl.yaml turns it on with the team's own labels, and only those are asked for")
  {
    test::TempDir dir;
    // The Deployment has team but no cost-center; the Service has both; the ConfigMap is outside the default kinds.
    std::vector<std::string> found = required_metadata_findings(
        dir, metadata_policy_config("        labels: [team, cost-center]\n        annotations: []\n"
                          "        instanceLabelMatchesName: false\n"));
    CHECK(found == std::vector<std::string>{fmt::format("3 warning Deployment team-a/vllm {}label cost-center", k_metadata_policy)});
  }

  TEST_CASE("required-metadata: the defaults ask for owner, email and, on workloads only, the instance label")
  {
    test::TempDir dir;
    std::vector<std::string> found = required_metadata_findings(dir, "lint:\n  rules:\n    required-metadata: on\n");
    CHECK(found == std::vector<std::string>{
                       fmt::format("3 warning Deployment team-a/vllm {}label owner, annotation email, label "
                                   "app.kubernetes.io/instance (set to its name, vllm)",
                                   k_metadata_policy),
                       fmt::format("21 warning Service team-a/vllm {}label owner, annotation email", k_metadata_policy)});
  }

  TEST_CASE("required-metadata: the kinds parameter sets the scope as rule files write kinds")
  {
    test::TempDir dir;
    std::vector<std::string> found =
        required_metadata_findings(dir, metadata_policy_config("        kinds: [ConfigMap]\n        annotations: []\n"));
    CHECK(found == std::vector<std::string>{fmt::format("30 warning ConfigMap team-a/vllm-config {}label owner", k_metadata_policy)});
  }

  TEST_CASE("required-metadata: a parameter of the wrong type is exit 2 at the value")
  {
    test::TempDir dir;
    dir.write("m.yaml", k_metadata_objects);
    dir.write("readyctl.yaml", metadata_policy_config("        labels: owner\n"));
    test::CliResult r = test::run_cli({"--config", (dir / "readyctl.yaml").string(), "lint", (dir / "m.yaml").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("readyctl.yaml:6:17: expected a list of strings for 'labels'") != std::string::npos);
    dir.write("readyctl.yaml", "lint:\n  rules:\n    required-metadata:\n      params:\n"
                               "        instanceLabelMatchesName: \"yes\"\n");
    r = test::run_cli({"--config", (dir / "readyctl.yaml").string(), "lint", (dir / "m.yaml").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("readyctl.yaml:5:35: expected true or false for 'instanceLabelMatchesName'") != std::string::npos);
  }
}
