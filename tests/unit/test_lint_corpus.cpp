// Real-world manifests (../shared/corpus): lint never crashes on them, every finding points into its file, and
// the guardrail and Dapr findings are exactly the ones a reader of each file expects.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

// One expected finding: corpus-relative file, rule id, 1-based line.
struct Expected {
  std::string_view file;
  std::string_view rule;
  int line;
};

// Rules whose findings are compared exactly. A rule not listed here is only checked for valid locations; to pin
// a rule (e.g. the workload or cluster rules once they land) add its id here and its rows to k_expected.
const std::set<std::string, std::less<>> k_pinned_rules = {
    "route-timeout",       "retry-bounded",        "retry-backoff",        "retry-within-timeout",
    "circuit-breaker",     "backpressure",         "token-rate-limit",     "model-fallback",
    "workflow-state-store", "pubsub-dead-letter",  "resiliency-coverage",  "resiliency-reference",
    "workflow-concurrency", "dapr-scopes",         "dapr-access-control",  "tool-call-audit",
};

// Files not listed have no finding of a pinned rule: no routes, gateway policies, Istio traffic objects, Dapr
// apps or Dapr resources (guestbook, bookinfo, argo-cd, cert-manager, kube-prometheus, kueue, kserve
// InferenceService/LLMInferenceService, vLLM production-stack, kagent), or ones that are fine for these rules:
// - dapr-agents 01-llm-call resiliency.yaml: 1s timeout and 3 constant 1s retries on a component that is not in
//   the input, so nothing to cover and nothing unbounded.
// - gateway-api-inference-extension inferenceobjective.yaml: all three objectives set a priority.
// - gateway-api-inference-extension inferencepool-resources.yaml, vllm gpu-deployment.yaml: no route, no Dapr.
const std::vector<Expected> k_expected = {
    // dapr/quickstarts service_invocation resiliency.yaml: retryForever has maxRetries -1 (line 14); the
    // order-processor target (line 24) names a retry and a circuit breaker but no timeout. The app itself is not
    // in the input, so resiliency-reference and -coverage have nothing to say.
    {"dapr__quickstarts/service_invocation__resources__resiliency.yaml", "retry-bounded", 14},
    {"dapr__quickstarts/service_invocation__resources__resiliency.yaml", "route-timeout", 24},
    // dapr/quickstarts workflows state_redis.yaml: the actor state store has no scopes (object, line 1) and no
    // Resiliency targets it (its type, line 6). The empty redisPassword is no secret; no workflow app is in the
    // input, so workflow-state-store does not apply.
    {"dapr__quickstarts/workflows__components__state_redis.yaml", "dapr-scopes", 1},
    {"dapr__quickstarts/workflows__components__state_redis.yaml", "resiliency-coverage", 6},
    // dapr-agents 04 multi-agent deployments: each is Dapr-enabled (dapr.io/enabled on line 28) without
    // app-max-concurrency, and no Resiliency covers its app-id (line 27). None is labelled an agent, so
    // tool-call-audit does not apply; no dapr.io/config, so no workflow-concurrency.
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__frodo-deployment.yaml", "backpressure", 28},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__frodo-deployment.yaml", "resiliency-coverage", 27},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__gandalf-deployment.yaml", "backpressure", 28},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__gandalf-deployment.yaml", "resiliency-coverage", 27},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__legolas-deployment.yaml", "backpressure", 28},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__legolas-deployment.yaml", "resiliency-coverage", 27},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__sam-deployment.yaml", "backpressure", 28},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__sam-deployment.yaml", "resiliency-coverage", 27},
    // workflow-agent: same, one line lower (app-id 28, enabled 30) because of dapr.io/app-port.
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__workflow-agent-deployment.yaml", "backpressure", 30},
    {"dapr__dapr-agents/examples__04-multi-agent-workflow-k8s__manifests__workflow-agent-deployment.yaml", "resiliency-coverage", 28},
    // envoyproxy/ai-gateway basic openai.yaml: the AIGatewayRoute (spec, line 11) has no llmRequestCosts and no
    // rate limit; its only rule (line 17) has no timeouts.request and no policy; one backendRef (line 22), no
    // fallback.
    {"envoyproxy__ai-gateway/examples__basic__openai.yaml", "token-rate-limit", 11},
    {"envoyproxy__ai-gateway/examples__basic__openai.yaml", "route-timeout", 17},
    {"envoyproxy__ai-gateway/examples__basic__openai.yaml", "model-fallback", 22},
    // aws-irsa.yaml: the same route shape for Bedrock (spec 98, rule 104, backendRefs 109).
    {"envoyproxy__ai-gateway/examples__basic__aws-irsa.yaml", "token-rate-limit", 98},
    {"envoyproxy__ai-gateway/examples__basic__aws-irsa.yaml", "route-timeout", 104},
    {"envoyproxy__ai-gateway/examples__basic__aws-irsa.yaml", "model-fallback", 109},
    // provider_fallback fallback.yaml: the BackendTrafficPolicy (spec, line 11) retries without a circuitBreaker.
    // numRetries 5 is within the default bound, backOff is set, and its HTTPRoute is not in the input and it sets
    // no requestTimeout, so there is no budget to compare the 6 x 30s against.
    {"envoyproxy__ai-gateway/examples__provider_fallback__fallback.yaml", "circuit-breaker", 11},
    // token_ratelimit.yaml: the Gateway-attached BackendTrafficPolicy rateLimit and the route's llmRequestCosts
    // satisfy token-rate-limit; the rule (line 41) still has no timeout, and one backendRef (line 46).
    {"envoyproxy__ai-gateway/examples__token_ratelimit__token_ratelimit.yaml", "route-timeout", 41},
    {"envoyproxy__ai-gateway/examples__token_ratelimit__token_ratelimit.yaml", "model-fallback", 46},
    // kserve ai-gateway-route.yaml: timeouts.request 60s and an InferencePool backend are fine, but the
    // llmRequestCosts (line 23) are charged by no rate limit.
    {"kserve__kserve/docs__samples__llmisvc__e2e-gpt-oss__ai-gateway-route.yaml", "token-rate-limit", 23},
    // gateway-api-inference-extension istio destination-rule.yaml: trafficPolicy (line 7) has no
    // outlierDetection. (insecureSkipVerify is mtls-strict's, not pinned yet.)
    {"kubernetes-sigs__gateway-api-inference-extension/config__manifests__gateway__istio__destination-rule.yaml",
     "circuit-breaker", 7},
    // istio httproute.yaml: timeouts.request 300s is set, but nothing rate limits the InferencePool route (spec,
    // line 5).
    {"kubernetes-sigs__gateway-api-inference-extension/config__manifests__gateway__istio__httproute.yaml",
     "token-rate-limit", 5},
};

std::vector<std::string> lines_of(const fs::path& path)
{
  std::vector<std::string> lines;
  std::istringstream in(test::slurp(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<fs::path> corpus_files()
{
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(test::shared_dir() / "corpus")) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace


// Some `# Source: FILE` comment of the rendered file is followed, `line` lines later, by a line long enough for `column`.
bool helm_line_exists(const std::vector<std::string>& lines, const std::string& chart_file, int line, int column)
{
  for (size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].find("# Source: " + chart_file) == std::string::npos) continue;
    size_t target = n + static_cast<size_t>(line);
    if (target < lines.size() && column <= static_cast<int>(lines[target].size()) + 1) return true;
  }
  return false;
}

TEST_SUITE("lint")
{
  TEST_CASE("corpus: every finding points into its file, and pinned rules find exactly what a reader expects")
  {
    const fs::path corpus = test::shared_dir() / "corpus";
    std::vector<fs::path> files = corpus_files();
    REQUIRE(files.size() >= 30);
    std::set<std::string> seen;
    for (const fs::path& file : files) {
      const std::string rel = fs::relative(file, corpus).generic_string();
      seen.insert(rel);
      INFO(rel);
      lint::LintOptions options;
      options.paths = {file.string()};
      options.discover_config = false;
      options.kustomize = false;
      lint::LintRun run;
      REQUIRE_NOTHROW(run = lint::run_lint(options));

      const std::vector<std::string> lines = lines_of(file);
      std::map<std::pair<std::string, int>, int> actual;
      for (const Finding& f : run.report.findings) {
        INFO(f.location.str(), " [", f.rule, "] ", f.message);
        REQUIRE(f.location.line >= 1);
        CHECK(f.location.column >= 1);
        if (f.location.file == file.string()) {
          REQUIRE(f.location.line <= static_cast<int>(lines.size()));
          CHECK(f.location.column <= static_cast<int>(lines[f.location.line - 1].size()) + 1);
        } else {
          // Helm output: the finding names the chart file and counts lines from its `# Source:` comment.
          CHECK(helm_line_exists(lines, f.location.file, f.location.line, f.location.column));
        }
        if (k_pinned_rules.contains(f.rule)) ++actual[{f.rule, f.location.line}];
      }
      std::map<std::pair<std::string, int>, int> expected;
      for (const Expected& e : k_expected)
        if (e.file == rel) ++expected[{std::string(e.rule), e.line}];
      for (const auto& entry : expected) {
        INFO("expected ", entry.first.first, " on line ", entry.first.second);
        CHECK(actual[entry.first] == entry.second);
      }
      for (const auto& entry : actual) {
        INFO("unexpected ", entry.first.first, " on line ", entry.first.second);
        CHECK(expected.contains(entry.first));
      }
    }
    // A row for a file that is no longer in the corpus would never be checked.
    for (const Expected& e : k_expected) {
      INFO(e.file);
      CHECK(seen.contains(std::string(e.file)));
    }
  }
}
