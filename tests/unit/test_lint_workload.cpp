// Workload-rule logic the fixtures cannot show: credential recognition, base64, identifier words, and rule
// parameters changed through the config file.
#include <doctest/doctest.h>

#include "readyctl/lint/checks/credentials.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

std::vector<Finding> lint_with_config(const test::TempDir& dir, const std::string& rule)
{
  lint::LintOptions options;
  options.paths = {(dir / "deploy.yaml").string()};
  options.config_path = (dir / ".readyctl.yaml").string();
  options.only = {rule};
  options.kustomize = false;
  return lint::run_lint(options).report.findings;
}

constexpr const char* k_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
  namespace: team-a
spec:
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.10.1
          resources:
            limits:
              nvidia.com/gpu: 1
)";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("identifier words split snake, kebab, dotted and camel case")
  {
    CHECK(lint::identifier_words("VLLM_API_KEY") == std::vector<std::string>{"vllm", "api", "key"});
    CHECK(lint::identifier_words("redisPassword") == std::vector<std::string>{"redis", "password"});
    CHECK(lint::identifier_words("APIKey") == std::vector<std::string>{"api", "key"});
    CHECK(lint::identifier_words("tls.key") == std::vector<std::string>{"tls", "key"});
  }

  TEST_CASE("credential names are words, not substrings, and references are not credentials")
  {
    CHECK(lint::is_credential_name("HF_TOKEN"));
    CHECK(lint::is_credential_name("accessKey"));
    CHECK(lint::is_credential_name("client_secret"));
    CHECK_FALSE(lint::is_credential_name("MAX_NUM_BATCHED_TOKENS"));
    CHECK_FALSE(lint::is_credential_name("tokenizer"));
    CHECK_FALSE(lint::is_credential_name("PASSWORD_FILE"));
    CHECK_FALSE(lint::is_credential_name("AWS_ACCESS_KEY_ID"));
    CHECK_FALSE(lint::is_credential_name("keyPrefix"));
  }

  TEST_CASE("placeholders are not credentials")
  {
    for (const char* v : {"", "${TOKEN}", "$(TOKEN)", "{{ .Values.token }}", "<YOUR_API_KEY>", "changeme", "REPLACE_ME",
                          "your-token-here", "xxxxxxxx", "/var/run/secrets/token", "true"})
      CHECK_MESSAGE(lint::is_placeholder(v, "API_TOKEN"), v);
    CHECK(lint::is_placeholder("langsmith-api-key", "LANGSMITH_API_KEY"));
    CHECK_FALSE(lint::is_placeholder("s3cr3t-Pa55", "REDIS_PASSWORD"));
  }

  TEST_CASE("live keys need their exact shape and a random-looking body")
  {
    CHECK(lint::find_live_key("key=sk-proj-8fK2mQ9xLr4Tz7Wc1VbN3pYh6Ds0Ge5J;"));
    CHECK(lint::find_live_key("AKIAZ3MHQ7RT2XW5PL4N"));
    CHECK_FALSE(lint::find_live_key("AKIAZ3MHQ7RT2XW5PL4NX"));  // 17 characters: not an access key id
    CHECK_FALSE(lint::find_live_key("AKIAIOSFODNN7EXAMPLE"));
    CHECK_FALSE(lint::find_live_key("sk-litellm-1234567890abcdef"));
    CHECK_FALSE(lint::find_live_key("task-2b8f0c1d9e7a6b5c4d3e2f1a"));
    CHECK_FALSE(lint::find_live_key("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"));
    CHECK(lint::has_url_password("redis://:Xk29fjQ@redis:6379/0"));
    CHECK_FALSE(lint::has_url_password("https://oauth2:$TOKEN@huggingface.co/x"));
    CHECK_FALSE(lint::has_url_password("https://user@example.com/"));
  }

  TEST_CASE("base64 decoding accepts padding and whitespace and rejects other characters")
  {
    CHECK(lint::decode_base64("Y2hhbmdlbWU=") == std::optional<std::string>("changeme"));
    CHECK(lint::decode_base64("Y2hh\nbmdlbWU") == std::optional<std::string>("changeme"));
    CHECK_FALSE(lint::decode_base64("not base64!"));
  }

  TEST_CASE("image-pinned requireDigest reports tag-only images")
  {
    test::TempDir dir;
    dir.write("deploy.yaml", k_deployment);
    dir.write(".readyctl.yaml", "lint:\n  rules:\n    image-pinned:\n      params:\n        requireDigest: true\n");
    std::vector<Finding> findings = lint_with_config(dir, "image-pinned");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.line == 11);
    CHECK(findings[0].message.find("not by digest") != std::string::npos);
  }

  TEST_CASE("secret-literal secretEnvRefs notes Secrets read into the environment; off, they are not reported")
  {
    test::TempDir dir;
    // Line 13: the envFrom secretRef; line 17: the secretKeyRef; line 19: a literal credential.
    dir.write("deploy.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  namespace: team-a
spec:
  template:
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.0.0
          envFrom:
            - secretRef: {name: provider-keys}
          env:
            - name: OPENAI_API_KEY
              valueFrom:
                secretKeyRef: {name: openai, key: api-key}
            - name: REDIS_PASSWORD
              value: x7Gq2Lp9Vw4Rt8Zc
)");
    dir.write(".readyctl.yaml", "lint:\n  rules:\n    secret-literal:\n      params:\n        secretEnvRefs: false\n");
    std::vector<Finding> off = lint_with_config(dir, "secret-literal");
    REQUIRE(off.size() == 1);
    CHECK(off[0].location.line == 19);
    CHECK(off[0].severity == Severity::error);

    dir.write(".readyctl.yaml", "lint:\n  rules:\n    secret-literal:\n      params:\n        secretEnvRefs: true\n");
    std::vector<Finding> on = lint_with_config(dir, "secret-literal");
    REQUIRE(on.size() == 3);
    CHECK(on[0].location.line == 13);
    CHECK(on[0].severity == Severity::note);
    CHECK(on[0].message.starts_with("envFrom of container 'agent' reads every key of Secret provider-keys into the "
                                    "environment"));
    CHECK(on[1].location.line == 17);
    CHECK(on[1].severity == Severity::note);
    CHECK(on[1].message.starts_with("env OPENAI_API_KEY of container 'agent' reads key 'api-key' of Secret openai"));
    CHECK(on[1].message.find("mount the Secret as a file") != std::string::npos);
    CHECK(on[2].location.line == 19);
    CHECK(on[2].severity == Severity::error);
  }

  TEST_CASE("gpu-node-pool requireToleration false accepts admission-added tolerations")
  {
    test::TempDir dir;
    dir.write("deploy.yaml", std::string(k_deployment) + "      nodeSelector:\n        nvidia.com/gpu.product: NVIDIA-L4\n");
    dir.write(".readyctl.yaml", "lint:\n  rules:\n    gpu-node-pool:\n      params:\n        requireToleration: false\n");
    CHECK(lint_with_config(dir, "gpu-node-pool").empty());
    dir.write(".readyctl.yaml", "lint:\n  rules:\n    gpu-node-pool:\n      params:\n        requireToleration: true\n");
    CHECK(lint_with_config(dir, "gpu-node-pool").size() == 1);
  }
}

namespace {

// One alternative install of an admission-init Job (Volcano's installer/volcano-development*.yaml): the Job, its
// account, a Role that reads Secrets and the binding, all named alike in every variant.
constexpr const char* k_install_variant = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: admission-init
  namespace: volcano-system
spec:
  template:
    spec:
      serviceAccountName: admission-init
      restartPolicy: Never
      containers:
        - name: main
          image: ghcr.io/acme/init:1.0.0
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: admission-init
  namespace: volcano-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: admission-init
  namespace: volcano-system
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: admission-init
  namespace: volcano-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: admission-init
subjects:
  - kind: ServiceAccount
    name: admission-init
    namespace: volcano-system
)";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("workload-rbac: alternative install files linted together give each pod one finding, about its own file")
  {
    test::TempDir dir;
    const std::vector<std::string> variants = {"install.yaml", "install-vap.yaml", "install-vap-map.yaml"};
    for (const std::string& name : variants) dir.write(name, k_install_variant);
    lint::LintOptions options;
    options.paths = {dir.path().string()};
    options.only = {"workload-rbac"};
    options.discover_config = false;
    options.kustomize = false;
    std::map<std::string, int> per_file;
    for (const Finding& f : lint::run_lint(options).report.findings) {
      const std::string file = std::filesystem::path(f.location.file).filename().string();
      ++per_file[file];
      CHECK(f.location.line == 9);  // serviceAccountName
      for (const RelatedLocation& r : f.related)
        CHECK_MESSAGE(std::filesystem::path(r.location.file).filename() == file, r.location.file);
    }
    CHECK(per_file == std::map<std::string, int>{{"install-vap-map.yaml", 1}, {"install-vap.yaml", 1}, {"install.yaml", 1}});
  }
}

namespace {

constexpr const char* k_sleep_job = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: sample-job
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: sleep
          image: busybox:1.36
          args: ["sleep", "30"]
)";

// Kueue's site/static/examples/visibility/cluster-role-and-binding.yaml: a docs example granting `default/default`
// read access to the visibility API.
constexpr const char* k_default_binding = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: read-pending-workloads
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kueue-batch-user-role
subjects:
  - kind: ServiceAccount
    name: default
    namespace: default
)";

std::map<std::string, int> automount_per_file(const test::TempDir& dir)
{
  lint::LintOptions options;
  options.paths = {dir.path().string()};
  options.only = {"sa-token-automount"};
  options.discover_config = false;
  options.kustomize = false;
  std::map<std::string, int> out;
  for (const Finding& f : lint::run_lint(options).report.findings)
    ++out[std::filesystem::path(f.location.file).lexically_relative(dir.path()).string()];
  return out;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("sa-token-automount: a binding of `default` in another directory does not speak for a pod; a dedicated account's does")
  {
    test::TempDir dir;
    dir.write("examples/jobs/sample-job.yaml", k_sleep_job);
    dir.write("examples/visibility/cluster-role-and-binding.yaml", k_default_binding);
    // The pod beside the binding was given the rights on purpose; the one in jobs/ was not.
    dir.write("examples/visibility/reader.yaml", k_sleep_job);
    CHECK(automount_per_file(dir) == std::map<std::string, int>{{"examples/jobs/sample-job.yaml", 1}});
    // kubebuilder's layout with its kustomization left out: the manager in manager/, its binding in rbac/, both
    // naming a dedicated account.
    test::TempDir split;
    std::string manager = k_sleep_job;
    manager.replace(manager.find("      restartPolicy"), 0, "      serviceAccountName: trainer-controller-manager\n");
    split.write("base/manager/manager.yaml", manager);
    std::string binding = k_default_binding;
    binding.replace(binding.find("name: default\n"), 13, "name: trainer-controller-manager");
    split.write("base/rbac/role_binding.yaml", binding);
    CHECK(automount_per_file(split).empty());
  }
}
