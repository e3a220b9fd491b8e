// What the fixtures cannot show for the cluster and RBAC rules: per-finding severities and cross-resource related
// locations (the integrity rules' near-misses in every output format, workload-rbac, rollout-capacity), the existence
// rule's scopes, parameters.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

LintReport lint_file(const test::TempDir& dir, const std::string& text, const std::string& rule)
{
  dir.write("in.yaml", text);
  lint::LintOptions options;
  options.paths = {(dir / "in.yaml").string()};
  options.only = {rule};
  options.discover_config = false;
  options.kustomize = false;
  return lint::run_lint(options).report;
}

// Lints with one rule's parameters overridden through a .readyctl.yaml.
LintReport lint_with_params(const test::TempDir& dir, const std::string& text, const std::string& rule,
                            const std::string& params)
{
  dir.write("in.yaml", text);
  dir.write(".readyctl.yaml", "lint:\n  rules:\n    " + rule + ":\n      params: " + params + "\n");
  lint::LintOptions options;
  options.paths = {(dir / "in.yaml").string()};
  options.only = {rule};
  options.config_path = (dir / ".readyctl.yaml").string();
  options.kustomize = false;
  return lint::run_lint(options).report;
}

constexpr const char* k_secret_reader = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["list"]
)";

// A Service whose selector lost a character (line 5) and the Deployment it was meant for (labels at line 17).
constexpr const char* k_renamed = R"(apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: serving}
spec:
  selector: {app: vllm-llama, tier: gpu}
  ports: [{port: 8000}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm-llama3, namespace: serving}
spec:
  selector:
    matchLabels: {app: vllm-llama3}
  template:
    metadata:
      labels: {app: vllm-llama3, tier: gpu}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.10.1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm-llama, namespace: staging}
spec:
  selector:
    matchLabels: {app: vllm-llama}
  template:
    metadata:
      labels: {app: vllm-llama, tier: gpu}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.10.1}]
)";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("rbac-secrets: a ClusterRoleBinding makes the grant cluster-wide, an error naming the binding")
  {
    test::TempDir dir;
    LintReport unbound = lint_file(dir, k_secret_reader, "rbac-secrets");
    REQUIRE(unbound.findings.size() == 1);
    CHECK(unbound.findings[0].severity == Severity::warning);

    std::string bound = std::string(k_secret_reader) + R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: reader-binding
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
subjects: [{kind: ServiceAccount, name: agent, namespace: agents}]
)";
    LintReport cluster_wide = lint_file(dir, bound, "rbac-secrets");
    REQUIRE(cluster_wide.findings.size() == 1);
    CHECK(cluster_wide.findings[0].severity == Severity::error);
    CHECK(cluster_wide.findings[0].message.find("ClusterRoleBinding reader-binding") != std::string::npos);
    REQUIRE(cluster_wide.findings[0].related.size() == 1);
    CHECK(cluster_wide.findings[0].related[0].location.line == 14);  // the binding's roleRef
  }

  TEST_CASE("rbac-wildcard: '*' over the kinds of the project's own API groups is graded down, not off")
  {
    // Shaped like KEDA's config/rbac/aggregate_cluster_roles.yaml and config/rbac/role.yaml.
    test::TempDir dir;
    const std::string roles = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: keda-edit
  labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
rules:
  - apiGroups: [keda.sh]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: keda-operator
rules:
  - apiGroups: [keda.sh]
    resources: ["*"]
    verbs: ["*"]
)";
    const std::string crd = R"(---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: scaledobjects.keda.sh
spec:
  group: keda.sh
  names: {kind: ScaledObject, plural: scaledobjects}
  scope: Namespaced
)";
    auto severities = [&](const std::string& text) {
      std::map<int, Severity> out;
      for (const Finding& f : lint_file(dir, text, "rbac-wildcard").findings) out[f.location.line] = f.severity;
      return out;
    };
    // Without the CRDs in the input the group may be anyone's: the rule's severity.
    CHECK(severities(roles) == std::map<int, Severity>{{8, Severity::error}, {17, Severity::error}});
    CHECK(severities(roles + crd) == std::map<int, Severity>{{8, Severity::note}, {17, Severity::warning}});
  }

  TEST_CASE("rbac-secrets: a ClusterRole aggregated into a bound one is granted cluster-wide through it")
  {
    // Shaped like Knative's config/core: knative-serving-core carries serving.knative.dev/controller: "true", which
    // knative-serving-admin aggregates, and the admin role is bound to the controller's account.
    test::TempDir dir;
    const std::string core = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: core
  labels: {serving.knative.dev/controller: "true"}
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: admin
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {serving.knative.dev/controller: "true"}
rules: []
)";
    const std::string binding = R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: controller-admin
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects: [{kind: ServiceAccount, name: controller, namespace: knative-serving}]
)";
    LintReport unbound = lint_file(dir, core, "rbac-secrets");
    REQUIRE(unbound.findings.size() == 1);
    CHECK(unbound.findings[0].severity == Severity::warning);
    LintReport aggregated = lint_file(dir, core + binding, "rbac-secrets");
    REQUIRE(aggregated.findings.size() == 1);
    CHECK(aggregated.findings[0].severity == Severity::error);
    CHECK(aggregated.findings[0].message.ends_with(
        "bound by ClusterRoleBinding controller-admin through ClusterRole admin, which aggregates it"));
  }

  TEST_CASE("mtls-strict: insecureSkipVerify is an error, a PERMISSIVE mode keeps the rule's warning")
  {
    test::TempDir dir;
    LintReport report = lint_file(dir, R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: epp, namespace: inference}
spec:
  host: epp
  trafficPolicy:
    tls: {mode: SIMPLE, insecureSkipVerify: true}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: inference}
spec:
  mtls: {mode: PERMISSIVE}
)", "mtls-strict");
    REQUIRE(report.findings.size() == 2);
    CHECK(report.findings[0].location.line == 7);
    CHECK(report.findings[0].severity == Severity::error);
    CHECK(report.findings[1].location.line == 13);
    CHECK(report.findings[1].severity == Severity::warning);
  }

  TEST_CASE("disruption-budget: the message shows the arithmetic of an unsatisfiable percentage")
  {
    test::TempDir dir;
    LintReport report = lint_file(dir, R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec:
  replicas: 4
  template:
    metadata:
      labels: {app: api}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api, namespace: web}
spec:
  minAvailable: 80%
  selector: {matchLabels: {app: api}}
)", "disruption-budget");
    REQUIRE(report.findings.size() == 1);
    // 80% of 4 = 3.2, rounded up to 4 pods: no eviction allowed.
    CHECK(report.findings[0].message.find("80% (= 4 pods, rounded up) ≥ 4 expected pods") != std::string::npos);
  }

  TEST_CASE("disruption-budget: percentages are read as Kubernetes reads them (optional '+', digits only)")
  {
    test::TempDir dir;
    auto lint_budget = [&](const std::string& budget) {
      return lint_file(dir, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: web}\n"
                            "spec:\n  replicas: 4\n  template:\n    metadata:\n      labels: {app: api}\n---\n"
                            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: web}\n"
                            "spec:\n  minAvailable: " + budget + "\n  selector: {matchLabels: {app: api}}\n",
                       "disruption-budget");
    };
    // '+80%' is 80%: 4 of 4 pods must stay, so no eviction is allowed.
    LintReport plus = lint_budget("'+80%'");
    REQUIRE(plus.findings.size() == 1);
    CHECK(plus.findings[0].message.find("(= 4 pods, rounded up) ≥ 4 expected pods") != std::string::npos);
    // 50% leaves room for 2 evictions: nothing to report.
    CHECK(lint_budget("50%").findings.empty());
    // Spaces, a minus sign, a fraction or nothing before '%' are not percentages the API accepts.
    for (std::string bad : {"' 50%'", "'-5%'", "'5.5%'", "'%'", "'101%'", "'0x10%'"}) {
      LintReport r = lint_budget(bad);
      REQUIRE_MESSAGE(r.findings.size() == 1, bad);
      CHECK_MESSAGE(r.findings[0].message.find("is neither a 32-bit integer nor a percentage") != std::string::npos,
                    bad, ": ", r.findings[0].message);
      CHECK(r.findings[0].location.line == 14);
    }
  }

  TEST_CASE("default-namespace: a missing namespace counts only with missingNamespace: true")
  {
    test::TempDir dir;
    std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\n"
                       "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n";
    CHECK(lint_file(dir, text, "default-namespace").findings.empty());
    LintReport strict = lint_with_params(dir, text, "default-namespace", "{missingNamespace: true}");
    REQUIRE(strict.findings.size() == 1);  // the ConfigMap; a ClusterRole has no namespace
    CHECK(strict.findings[0].location.line == 3);
  }

  TEST_CASE("network-policy: agentNamespaces makes a namespace need Egress default deny too")
  {
    test::TempDir dir;
    std::string text = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: tools, namespace: tools}
spec:
  template:
    metadata:
      labels: {app: tools}
    spec:
      containers: [{name: tools, image: example/tools:1.0}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tools}
spec:
  podSelector: {}
)";
    CHECK(lint_file(dir, text, "network-policy").findings.empty());
    LintReport agents = lint_with_params(dir, text, "network-policy", "{agentNamespaces: [tools]}");
    REQUIRE(agents.findings.size() == 1);
    CHECK(agents.findings[0].message.find("no default-deny Egress") != std::string::npos);
  }

  TEST_CASE("autoscaling-bounds: the maxReplicas parameter is the ceiling")
  {
    test::TempDir dir;
    std::string text = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm, namespace: inference}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  maxReplicas: 8
)";
    CHECK(lint_file(dir, text, "autoscaling-bounds").findings.empty());
    LintReport tight = lint_with_params(dir, text, "autoscaling-bounds", "{maxReplicas: 4}");
    REQUIRE(tight.findings.size() == 1);
    CHECK(tight.findings[0].location.line == 6);
    CHECK(tight.findings[0].message.find("maxReplicas 8 > 4 allowed") != std::string::npos);
  }

  TEST_CASE("dangling-selector: the near-miss and the match in another namespace are related locations")
  {
    test::TempDir dir;
    LintReport report = lint_file(dir, k_renamed, "dangling-selector");
    REQUIRE(report.findings.size() == 1);
    const Finding& f = report.findings[0];
    CHECK(f.location.line == 5);
    CHECK(f.message.find("app=vllm-llama, tier=gpu") != std::string::npos);
    REQUIRE(f.related.size() == 2);
    CHECK(f.related[0].location.line == 16);  // serving's template labels: one value differs
    CHECK(f.related[0].message.find("carry app=vllm-llama3 where the selector wants app=vllm-llama") != std::string::npos);
    CHECK(f.related[1].location.line == 28);  // staging's template: the same labels in another namespace
    CHECK(f.related[1].message.find("namespace staging") != std::string::npos);
  }

  TEST_CASE("dangling-selector: text, JSON and SARIF carry the near-miss")
  {
    test::TempDir dir;
    dir.write("in.yaml", k_renamed);
    const std::string in = (dir / "in.yaml").string();
    test::CliResult text = test::run_cli({"lint", in, "--only", "dangling-selector"});
    CHECK(text.code == 0);  // a warning, below the default --fail-on error
    CHECK(text.out.find(in + ":16:") != std::string::npos);
    CHECK(text.out.find("note: nearest near-miss") != std::string::npos);

    test::CliResult json = test::run_cli({"lint", in, "-o", "json", "--only", "dangling-selector"});
    nlohmann::json j = nlohmann::json::parse(json.out);
    REQUIRE(j["findings"].size() == 1);
    REQUIRE(j["findings"][0]["related"].size() == 2);
    CHECK(j["findings"][0]["related"][0]["line"] == 16);

    test::CliResult sarif = test::run_cli({"lint", in, "-o", "sarif", "--only", "dangling-selector"});
    nlohmann::json s = nlohmann::json::parse(sarif.out);
    const nlohmann::json& related = s["runs"][0]["results"][0]["relatedLocations"];
    REQUIRE(related.size() == 2);
    CHECK(related[0]["physicalLocation"]["region"]["startLine"] == 16);
    CHECK(related[0]["message"]["text"].get<std::string>().find("nearest near-miss") != std::string::npos);
  }

  TEST_CASE("dangling-reference: judged only where the input holds that kind for the scope")
  {
    test::TempDir dir;
    const std::string pod = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: serving}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          env:
            - name: HF_TOKEN
              valueFrom: {secretKeyRef: {name: hf-token, key: token}}
)";
    CHECK(lint_file(dir, pod, "dangling-reference").findings.empty());  // no Secrets at all
    const std::string elsewhere = "---\napiVersion: v1\nkind: Secret\nmetadata: {name: hf-token, namespace: staging}\n";
    CHECK(lint_file(dir, pod + elsewhere, "dangling-reference").findings.empty());  // none of serving's
    const std::string beside = "---\napiVersion: v1\nkind: Secret\nmetadata: {name: other, namespace: serving}\n";
    LintReport report = lint_file(dir, pod + elsewhere + beside, "dangling-reference");
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].location.line == 14);
    CHECK(report.findings[0].severity == Severity::error);
    REQUIRE(report.findings[0].related.size() == 1);
    CHECK(report.findings[0].related[0].location.line == 18);  // the same name in staging
    CHECK(report.findings[0].related[0].message.find("namespace staging") != std::string::npos);
  }

  TEST_CASE("exposed-service: an allowed annotation from the config exempts the Service")
  {
    test::TempDir dir;
    const std::string text = R"(apiVersion: v1
kind: Service
metadata:
  name: vllm
  namespace: serving
  annotations: {acme.io/exposure-reviewed: "2026-11"}
spec:
  type: NodePort
  selector: {app: vllm}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: serving}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: vllm, image: ghcr.io/acme/llm:1.0.0, resources: {limits: {nvidia.com/gpu: 1}}}]
)";
    LintReport report = lint_file(dir, text, "exposed-service");
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].location.line == 8);
    CHECK(report.findings[0].message.find("a model server") != std::string::npos);
    CHECK(lint_with_params(dir, text, "exposed-service", "{allowedAnnotations: [acme.io/exposure-reviewed]}").findings.empty());
  }

  TEST_CASE("selector-match and env-duplicate name what differs, never an env value")
  {
    test::TempDir dir;
    const std::string text = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: serving}
spec:
  selector:
    matchLabels: {app: vllm-server}
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          env:
            - {name: OPENAI_API_KEY, value: sk-first-secret-value}
            - {name: OPENAI_API_KEY, value: sk-second-secret-value}
)";
    LintReport match = lint_file(dir, text, "selector-match");
    REQUIRE(match.findings.size() == 1);
    CHECK(match.findings[0].location.line == 5);
    CHECK(match.findings[0].message.find("app=vllm-server (the template has app=vllm)") != std::string::npos);
    REQUIRE(match.findings[0].related.size() == 1);
    CHECK(match.findings[0].related[0].location.line == 9);

    LintReport dup = lint_file(dir, text, "env-duplicate");
    REQUIRE(dup.findings.size() == 1);
    CHECK(dup.findings[0].location.line == 16);
    CHECK(dup.findings[0].message.find("another value") != std::string::npos);
    CHECK(dup.findings[0].message.find("secret-value") == std::string::npos);
    REQUIRE(dup.findings[0].related.size() == 1);
    CHECK(dup.findings[0].related[0].location.line == 15);
  }

  TEST_CASE("dangling-selector: pods that state no namespace may be the ones a namespaced selector means")
  {
    test::TempDir dir;
    dir.write("pool/pool.yaml", R"(apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata: {name: llama, namespace: default}
spec:
  selector: {matchLabels: {app: llama}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: llama-epp, namespace: default}
spec:
  selector: {matchLabels: {app: llama-epp}}
  template:
    metadata: {labels: {app: llama-epp}}
    spec: {containers: [{name: epp, image: ghcr.io/acme/epp:1.0.0}]}
)");
    dir.write("vllm/deploy.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: llama}
spec:
  selector: {matchLabels: {app: llama}}
  template:
    metadata: {labels: {app: llama}}
    spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.10.1}]}
)");
    lint::LintOptions options;
    options.paths = {(dir / "pool").string()};
    options.only = {"dangling-selector"};
    options.discover_config = false;
    options.kustomize = false;
    LintReport alone = lint::run_lint(options).report;
    REQUIRE(alone.findings.size() == 1);  // the pool's namespace holds the EPP's pods only
    REQUIRE(alone.findings[0].related.size() == 1);  // the EPP's labels extend the wanted value: the near-miss
    options.paths.push_back((dir / "vllm").string());
    CHECK(lint::run_lint(options).report.findings.empty());
  }

  TEST_CASE("dangling-reference: a kind the input lets a workload write there, or makes, is not judged")
  {
    test::TempDir dir;
    const std::string pod = R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: spire-agent, namespace: spire}
spec:
  selector: {matchLabels: {app: spire-agent}}
  template:
    metadata: {labels: {app: spire-agent}}
    spec:
      containers: [{name: agent, image: ghcr.io/spiffe/spire-agent:1.9.0}]
      volumes:
        - {name: bundle, configMap: {name: spire-bundle}}
        - {name: tls, secret: {secretName: agent-tls}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: spire-agent, namespace: spire}
---
apiVersion: v1
kind: Secret
metadata: {name: other, namespace: spire}
)";
    CHECK(lint_file(dir, pod, "dangling-reference").findings.size() == 2);
    const std::string writer = R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: bundle-writer, namespace: spire}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, patch]}]
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: agent, namespace: spire}
spec: {secretName: agent-tls, issuerRef: {name: ca}}
)";
    CHECK(lint_file(dir, pod + writer, "dangling-reference").findings.empty());
  }
}

namespace {

constexpr const char* k_spawner_chain = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  namespace: agents
spec:
  template:
    spec:
      serviceAccountName: agent
      containers:
        - {name: agent, image: "ghcr.io/acme/agent:1.0.0"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: spawner
  namespace: agents
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: agent-spawner
  namespace: agents
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: spawner}
subjects: [{kind: ServiceAccount, name: agent}]
)";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("workload-rbac: the finding sits on the pod's ServiceAccount, the role's rule and the binding related")
  {
    test::TempDir dir;
    LintReport report = lint_file(dir, k_spawner_chain, "workload-rbac");
    REQUIRE(report.findings.size() == 1);
    const Finding& f = report.findings[0];
    CHECK(f.location.line == 9);  // serviceAccountName
    CHECK(f.severity == Severity::warning);
    CHECK(f.message.find("creating pods or workloads in its namespace") != std::string::npos);
    REQUIRE(f.related.size() == 2);
    CHECK(f.related[0].location.line == 19);  // the Role's rule granting create on pods (its first line)
    CHECK(f.related[1].location.line == 28);  // the RoleBinding's roleRef
  }

  TEST_CASE("rbac-escalation and workload-rbac: a controller's role creating what it reconciles is silent, or a note")
  {
    test::TempDir dir;
    std::string controller = std::string(k_spawner_chain) + R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: spawner-status
  namespace: agents
rules:
  - apiGroups: ["acme.io"]
    resources: ["agents/status"]
    verbs: ["update"]
)";
    LintReport plain = lint_file(dir, k_spawner_chain, "rbac-escalation");
    REQUIRE(plain.findings.size() == 1);
    CHECK(plain.findings[0].severity == Severity::error);
    // The status rule lives in another Role: the spawner itself is still no controller's role.
    CHECK(lint_file(dir, controller, "rbac-escalation").findings[0].severity == Severity::error);
    std::string merged = std::string(k_spawner_chain);
    merged.insert(merged.find("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding"),
                  "  - apiGroups: [\"acme.io\"]\n    resources: [\"agents/status\"]\n    verbs: [\"patch\"]\n");
    CHECK(lint_file(dir, merged, "rbac-escalation").findings.empty());
    CHECK(lint_file(dir, merged, "workload-rbac").findings.empty());
    LintReport graded = lint_with_params(dir, merged, "rbac-escalation", "{controllerRoles: true}");
    REQUIRE(graded.findings.size() == 1);
    CHECK(graded.findings[0].severity == Severity::note);
    LintReport pods = lint_with_params(dir, merged, "workload-rbac", "{controllerRoles: true}");
    REQUIRE(pods.findings.size() == 1);
    CHECK(pods.findings[0].severity == Severity::note);
    // A pod whose account holds a controller's role through another binding is a controller too: its other grants
    // serve what it reconciles.
    std::string bound_status = controller + R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: agent-status, namespace: agents}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: spawner-status}
subjects: [{kind: ServiceAccount, name: agent}]
)";
    CHECK(lint_file(dir, controller, "workload-rbac").findings.size() == 1);  // the status Role is bound to nobody
    CHECK(lint_file(dir, bound_status, "workload-rbac").findings.empty());
    REQUIRE(lint_file(dir, k_spawner_chain, "workload-rbac").findings.size() == 1);
  }

  TEST_CASE("rollout-capacity: a surge beyond the GPU quota names the quota's hard limit as related location")
  {
    test::TempDir dir;
    LintReport report = lint_file(dir, R"(apiVersion: v1
kind: ResourceQuota
metadata: {name: gpus, namespace: ml}
spec:
  hard:
    requests.nvidia.com/gpu: "4"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  replicas: 2
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          resources: {limits: {nvidia.com/gpu: 2}}
)", "rollout-capacity");
    // 2 replicas x 2 GPUs use the whole quota of 4: a surge pod needs 2 more.
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].location.line == 14);
    CHECK(report.findings[0].message.find("leaves 0 of its 4") != std::string::npos);
    CHECK(report.findings[0].message.find("stalls") != std::string::npos);
    REQUIRE(report.findings[0].related.size() == 1);
    CHECK(report.findings[0].related[0].location.line == 6);
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("messages name an object the API server names from generateName by its prefix")
  {
    // Kueue's and KubeRay's samples are created with `kubectl create -f`: `generateName: sample-job-`.
    test::TempDir dir;
    const LintReport report = lint_file(dir, R"(apiVersion: v1
kind: Namespace
metadata: {name: batch}
---
apiVersion: batch/v1
kind: Job
metadata:
  generateName: sample-job-
  namespace: batch
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
)",
                                        "network-policy");
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message.starts_with("namespace batch (Job sample-job-*) has no default-deny"));
  }
}
