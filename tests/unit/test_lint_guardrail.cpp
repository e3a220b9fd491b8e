// Guardrail checks: the messages' arithmetic and the finding's related object, which fixtures (lines only)
// cannot show.
#include <doctest/doctest.h>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

std::vector<Finding> lint_text(const std::string& rule, const std::string& yaml)
{
  test::TempDir dir;
  dir.write("in.yaml", yaml);
  lint::LintOptions options;
  options.paths = {(dir / "in.yaml").string()};
  options.only = {rule};
  options.discover_config = false;
  options.kustomize = false;
  return lint::run_lint(options).report.findings;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("retry-within-timeout: Istio attempts are retries, so 2 attempts are 3 tries")
  {
    auto findings = lint_text("retry-within-timeout", R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vllm}
spec:
  http:
    - timeout: 30s
      retries: {attempts: 2, perTryTimeout: 20s}
)");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.find("3 attempts (1 + 2 retries) × 20s per try = 1m > route timeout 30s") !=
          std::string::npos);
  }

  TEST_CASE("retry-within-timeout: a BackendTrafficPolicy finding names the route it governs")
  {
    auto findings = lint_text("retry-within-timeout", R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: chat, namespace: ai}
spec:
  rules:
    - backendRefs: [{name: vllm}]
      timeouts: {request: 45s}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: retries, namespace: ai}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: chat}]
  retry:
    perRetry: {timeout: 20s}
)");
    REQUIRE(findings.size() == 1);
    // numRetries defaults to 2 in Envoy Gateway.
    CHECK(findings[0].message.find("3 attempts (1 + 2 retries) × 20s per try = 1m > route timeout 45s") !=
          std::string::npos);
    REQUIRE(findings[0].related.size() == 1);
    CHECK(findings[0].related[0].location.line == 7);
    CHECK(findings[0].related[0].message.find("HTTPRoute ai/chat") != std::string::npos);
  }

  TEST_CASE("route-timeout: an Istio destination resolves to the model-server Service across namespaces")
  {
    std::string model = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: serving}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: vllm, image: vllm:1, resources: {limits: {nvidia.com/gpu: 1}}}]
---
apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: serving}
spec: {selector: {app: vllm}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: edge, namespace: gateway}
spec:
  http:
)";
    CHECK(lint_text("route-timeout", model + "    - route: [{destination: {host: vllm.serving}}]\n").size() == 1);
    CHECK(lint_text("route-timeout", model + "    - route: [{destination: {host: vllm.serving.svc.cluster.local}}]\n").size() == 1);
    // A short name resolves in the VirtualService's own namespace, where no model server runs.
    CHECK(lint_text("route-timeout", model + "    - route: [{destination: {host: vllm}}]\n").empty());
  }
}
