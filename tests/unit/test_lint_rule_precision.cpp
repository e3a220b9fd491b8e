// What the fixtures of the precision fixes (issue 18) cannot show: per-finding severities of rbac-wildcard, rule
// parameters changed through the config file, kustomization files without apiVersion/kind, and messages that never
// echo a secret or claim what the scheduler does not do.
#include <doctest/doctest.h>

#include <map>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

// Lints `file` (written into `dir` with `text`) with one rule, and a .readyctl.yaml setting `rule_config` for that
// rule when it is not empty.
std::vector<Finding> lint_one(const test::TempDir& dir, const std::string& file, const std::string& text,
                              const std::string& rule, const std::string& rule_config = "")
{
  dir.write(file, text);
  lint::LintOptions options;
  options.paths = {(dir / file).string()};
  options.only = {rule};
  options.kustomize = false;
  options.discover_config = false;
  if (!rule_config.empty()) {
    dir.write(".readyctl.yaml", "lint:\n  rules:\n    " + rule + ": " + rule_config + "\n");
    options.config_path = (dir / ".readyctl.yaml").string();
  }
  return lint::run_lint(options).report.findings;
}

std::map<int, Severity> severities(const std::vector<Finding>& findings)
{
  std::map<int, Severity> out;
  for (const Finding& f : findings) out[f.location.line] = f.severity;
  return out;
}

// Line 7: '*' resources with a write verb; 11: '*' verbs; 12: read-only; 22: '*' verbs on a named resource of a
// kubebuilder admin helper role.
constexpr const char* k_wildcard_roles = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: operator
rules:
  - apiGroups: [apps]
    resources: ["*"]
    verbs: [create, get]
  - apiGroups: [""]
    resources: [pods]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [get, list, watch]
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: webapp-admin-role}
rules:
  - apiGroups: [apps.example.com]
    resources: [webapps]
    verbs: ["*"]
)";

constexpr const char* k_team_a_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: team-a
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
)";

// A LimitRange in `ns`: the input governs that namespace, so tenant-quota and network-policy judge it
// (governedNamespacesOnly).
std::string governed(std::string manifest, const std::string& ns)
{
  return manifest + "---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: " + ns + "}\n";
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("rbac-wildcard: writes are errors, read-only wildcards and every verb on harmless named resources warnings, a helper role's '*' verbs a note")
  {
    test::TempDir dir;
    std::map<int, Severity> at = severities(lint_one(dir, "roles.yaml", k_wildcard_roles, "rbac-wildcard"));
    // mpi-operator's `verbs: ["*"]` on leases: every verb on a named resource that hands out nothing more.
    CHECK(at == std::map<int, Severity>{{7, Severity::error}, {11, Severity::error}, {12, Severity::warning},
                                        {17, Severity::warning}, {25, Severity::note}});
    // A configured severity is never raised: at warning, the read-only and helper findings stay where they were.
    at = severities(lint_one(dir, "roles.yaml", k_wildcard_roles, "rbac-wildcard", "warning"));
    CHECK(at == std::map<int, Severity>{{7, Severity::warning}, {11, Severity::warning}, {12, Severity::warning},
                                        {17, Severity::warning}, {25, Severity::note}});
  }

  TEST_CASE("tenant-quota and network-policy: infrastructureNamespaces is a parameter of globs")
  {
    test::TempDir dir;
    for (const std::string rule : {"tenant-quota", "network-policy"}) {
      CAPTURE(rule);
      const std::string team_a = governed(k_team_a_deployment, "team-a");
      CHECK(lint_one(dir, "deploy.yaml", team_a, rule).size() == 1);
      CHECK(lint_one(dir, "deploy.yaml", team_a, rule, "{params: {infrastructureNamespaces: [\"team-*\"]}}").empty());
      // Not governed by the input: not judged, unless the parameter says every namespace is.
      CHECK(lint_one(dir, "deploy.yaml", k_team_a_deployment, rule).empty());
      CHECK(lint_one(dir, "deploy.yaml", k_team_a_deployment, rule, "{params: {governedNamespacesOnly: false}}").size() == 1);
      // The defaults are the parameter's: with an empty list kube-system is judged like any namespace.
      std::string kube_system = k_team_a_deployment;
      kube_system.replace(kube_system.find("team-a"), 6, "kube-system");
      kube_system = governed(kube_system, "kube-system");
      CHECK(lint_one(dir, "deploy.yaml", kube_system, rule).empty());
      CHECK(lint_one(dir, "deploy.yaml", kube_system, rule, "{params: {infrastructureNamespaces: []}}").size() == 1);
    }
  }

  TEST_CASE("tenant-quota: only the pods Kueue does not cap are counted in a namespace")
  {
    const std::string input = governed(k_team_a_deployment, "team-a") + R"(---
apiVersion: batch/v1
kind: Job
metadata:
  name: train
  namespace: team-a
  labels: {kueue.x-k8s.io/queue-name: research}
spec:
  template:
    spec:
      containers:
        - name: train
          image: ghcr.io/acme/train:1.0.0
          resources: {limits: {nvidia.com/gpu: 8}}
---
apiVersion: kueue.x-k8s.io/v1beta1
kind: LocalQueue
metadata: {name: research, namespace: team-a}
spec: {clusterQueue: research}
---
apiVersion: kueue.x-k8s.io/v1beta1
kind: ClusterQueue
metadata: {name: research}
spec:
  resourceGroups:
    - coveredResources: [nvidia.com/gpu]
      flavors:
        - name: h100
          resources: [{name: nvidia.com/gpu, nominalQuota: 8}]
)";
    test::TempDir dir;
    std::vector<Finding> findings = lint_one(dir, "in.yaml", input, "tenant-quota");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.find("(Deployment team-a/api)") != std::string::npos);
    CHECK(findings[0].message.find("gpu") == std::string::npos);  // the only GPU pod is capped by the ClusterQueue
  }

  TEST_CASE("image-pinned: a kustomization.yaml without apiVersion and kind has its images: read")
  {
    const std::string kustomization = "resources: [../base]\nimages:\n  - name: controller\n    newTag: main\n"
                                      "  - name: epp\n    newTag: v1.0.0\n";
    test::TempDir dir;
    std::vector<Finding> findings = lint_one(dir, "kustomization.yaml", kustomization, "image-pinned");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.line == 4);
    CHECK(findings[0].message.find("':main'") != std::string::npos);
    // The same text in a file of another name is no kustomization, and no object at all.
    CHECK(lint_one(dir, "other.yaml", kustomization, "image-pinned").empty());
  }

  TEST_CASE("image-pinned: movingTags is a parameter of globs")
  {
    const std::string deployment = std::string(k_team_a_deployment) + "        - name: canary\n"
                                   "          image: ghcr.io/acme/api:canary-7\n        - name: main\n"
                                   "          image: ghcr.io/acme/api:main\n";
    test::TempDir dir;
    std::vector<Finding> findings = lint_one(dir, "deploy.yaml", deployment, "image-pinned", "{params: {movingTags: [\"canary-*\"]}}");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.line == 13);
    REQUIRE(lint_one(dir, "deploy.yaml", deployment, "image-pinned").size() == 1);
    CHECK(lint_one(dir, "deploy.yaml", deployment, "image-pinned")[0].location.line == 15);
  }

  TEST_CASE("secret-literal: a credential on the command line is named by its flag and never shown")
  {
    const std::string secret = "Wq8Lr2Mz5Tx9Kv3Pn";
    const std::string deployment = std::string(k_team_a_deployment) + "          args: [\"--token=" + secret +
                                   "\"]\n          command: [sh, -c, \"serve --password " + secret + " --port 80\"]\n";
    test::TempDir dir;
    std::vector<Finding> findings = lint_one(dir, "deploy.yaml", deployment, "secret-literal");
    REQUIRE(findings.size() == 2);
    for (const Finding& f : findings) {
      CAPTURE(f.message);
      CHECK(f.message.find(secret) == std::string::npos);
      CHECK(f.message.find(fmt::format("({} characters, not shown)", secret.size())) != std::string::npos);
    }
    const std::string both = findings[0].message + "\n" + findings[1].message;
    CHECK(both.find("gives the credential flag --password") != std::string::npos);
    CHECK(both.find("gives the credential flag --token") != std::string::npos);
  }

  TEST_CASE("gpu-node-pool: the message says what is at risk, not that a GPU pod lands on a CPU node")
  {
    const std::string deployment = std::string(k_team_a_deployment) + "          resources: {limits: {nvidia.com/gpu: 1}}\n";
    test::TempDir dir;
    std::vector<Finding> findings = lint_one(dir, "deploy.yaml", deployment, "gpu-node-pool");
    REQUIRE(findings.size() == 2);
    for (const Finding& f : findings) {
      CAPTURE(f.message);
      CHECK(f.message.find("CPU node") == std::string::npos);
    }
    const std::string both = findings[0].message + "\n" + findings[1].message;
    CHECK(both.find("wrong GPU model") != std::string::npos);
    CHECK(both.find("stays Pending") != std::string::npos);
  }

  TEST_CASE("priority-class: a workload that requests no GPUs is reported only with cpuWorkloads")
  {
    const std::string gpu_worker = std::string(k_team_a_deployment) + "        - name: worker\n"
                                   "          image: ghcr.io/acme/worker:1.4.2\n"
                                   "          resources: {limits: {nvidia.com/gpu: 1}}\n";
    test::TempDir dir;
    CHECK(lint_one(dir, "deploy.yaml", k_team_a_deployment, "priority-class").empty());
    std::vector<Finding> all = lint_one(dir, "deploy.yaml", k_team_a_deployment, "priority-class",
                                        "{params: {cpuWorkloads: true}}");
    REQUIRE(all.size() == 1);
    CHECK(all[0].location.line == 8);  // the pod spec
    REQUIRE(lint_one(dir, "deploy.yaml", gpu_worker, "priority-class").size() == 1);
  }

  // The fixture good.yaml defines no globalDefault class, so that its KAI-scheduled pods show the KAI exemption.
  TEST_CASE("priority-class: a GPU pod without a class passes when the input defines a globalDefault class")
  {
    const std::string gpu_api = std::string(k_team_a_deployment) + "          resources: {limits: {nvidia.com/gpu: 1}}\n";
    const std::string standard = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: standard}\n"
                                 "value: 1000\n";
    test::TempDir dir;
    REQUIRE(lint_one(dir, "deploy.yaml", standard + "---\n" + gpu_api, "priority-class").size() == 1);
    CHECK(lint_one(dir, "deploy.yaml", standard + "globalDefault: true\n---\n" + gpu_api, "priority-class").empty());
  }
}
