// The shipped examples: examples/ready lints clean, examples/unready shows the findings it was written to show.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

lint::LintRun lint_examples(const std::string& dir)
{
  lint::LintOptions options;
  options.paths = {(test::source_dir() / "examples" / dir).string()};
  options.discover_config = false;
  options.kustomize = false;
  return lint::run_lint(options);
}

// "unready/gateway/ai-route.yaml" from an absolute finding path.
std::string examples_relative(const std::string& file)
{
  const std::string marker = "/examples/";
  size_t at = file.rfind(marker);
  return at == std::string::npos ? file : file.substr(at + marker.size());
}

// The rules in the catalogue today whose findings on examples/unready are pinned below. Workload and cluster
// rules (probes, image-pinned, network-policy, tenant-quota, ...) are compared once they land: add their ids
// here and their rows to k_unready.
const std::set<std::string> k_pinned_rules = {
    "parse-error",       "suppression",         "deprecated-api",     "route-timeout",
    "retry-bounded",     "retry-backoff",       "retry-within-timeout", "circuit-breaker",
    "backpressure",      "token-rate-limit",    "model-fallback",     "workflow-state-store",
    "pubsub-dead-letter", "resiliency-coverage", "resiliency-reference", "workflow-concurrency",
    "dapr-scopes",       "dapr-access-control", "tool-call-audit",
};

using FileRule = std::pair<std::string, std::string>;

// What each unready file was written to show (one row per expected finding).
const std::vector<FileRule> k_unready = {
    // No costs, no rate limit, no timeout on the AI gateway route.
    {"unready/gateway/ai-route.yaml", "route-timeout"},
    {"unready/gateway/ai-route.yaml", "token-rate-limit"},
    // numRetries 10, no backOff, 11 x 60s per try against the implicit 60s route timeout, no circuitBreaker.
    {"unready/gateway/ai-traffic-policy.yaml", "retry-bounded"},
    {"unready/gateway/ai-traffic-policy.yaml", "retry-backoff"},
    {"unready/gateway/ai-traffic-policy.yaml", "retry-within-timeout"},
    {"unready/gateway/ai-traffic-policy.yaml", "circuit-breaker"},
    // The internal HTTPRoute to the InferencePool: no timeouts.request, no policy at all.
    {"unready/serving/internal-route.yaml", "route-timeout"},
    {"unready/serving/internal-route.yaml", "token-rate-limit"},
    // The InferenceObjective has no priority.
    {"unready/serving/objectives.yaml", "model-fallback"},
    // Quickstart resiliency: maxRetries -1, and the tool target has neither timeout nor circuit breaker.
    {"unready/flow/resiliency.yaml", "retry-bounded"},
    {"unready/flow/resiliency.yaml", "route-timeout"},
    {"unready/flow/resiliency.yaml", "circuit-breaker"},
    // The worker: no app-max-concurrency, no Resiliency targets its app-id, an agent without API logging whose
    // Configuration samples 10% of traces.
    {"unready/flow/worker.yaml", "backpressure"},
    {"unready/flow/worker.yaml", "resiliency-coverage"},
    {"unready/flow/worker.yaml", "tool-call-audit"},
    // Both Components: unscoped, and no Resiliency targets them.
    {"unready/flow/components.yaml", "dapr-scopes"},
    {"unready/flow/components.yaml", "dapr-scopes"},
    {"unready/flow/components.yaml", "resiliency-coverage"},
    {"unready/flow/components.yaml", "resiliency-coverage"},
    // Unscoped tool endpoint, covered only by the unbounded retry and no timeout.
    {"unready/flow/tool-endpoint.yaml", "dapr-scopes"},
    {"unready/flow/tool-endpoint.yaml", "resiliency-coverage"},
    // No dead-letter topic.
    {"unready/flow/subscription.yaml", "pubsub-dead-letter"},
    // No accessControl and no secret scopes.
    {"unready/flow/configuration.yaml", "dapr-access-control"},
    {"unready/flow/configuration.yaml", "dapr-access-control"},
};

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("examples/ready lints clean, with nothing suppressed")
  {
    lint::LintRun run = lint_examples("ready");
    CHECK_FALSE(run.input_errors);
    for (const Finding& f : run.report.findings)
      FAIL_CHECK(f.location.str() << ": " << f.message << " [" << f.rule << "]");
    CHECK(run.report.findings.empty());
    CHECK(run.report.suppressed.empty());
    CHECK(run.report.files.size() == 20);
  }

  TEST_CASE("examples/unready shows what each file was written to show")
  {
    lint::LintRun run = lint_examples("unready");
    CHECK_FALSE(run.input_errors);
    std::map<FileRule, int> expected;
    for (const FileRule& row : k_unready) ++expected[row];
    std::map<FileRule, int> actual;
    for (const Finding& f : run.report.findings)
      if (k_pinned_rules.contains(f.rule)) ++actual[{examples_relative(f.location.file), f.rule}];
    for (const auto& entry : expected) {
      INFO(entry.first.first, " ", entry.first.second);
      CHECK(actual[entry.first] == entry.second);
    }
    for (const auto& entry : actual) {
      INFO("unexpected: ", entry.first.first, " ", entry.first.second);
      CHECK(expected.contains(entry.first));
    }
  }

  TEST_CASE("examples/unready fails the default gate; examples/ready passes the strictest")
  {
    CHECK(test::run_binary("lint examples/unready --fail-on error", test::source_dir()).code == 1);
    test::CliResult ready = test::run_binary("lint examples/ready --fail-on warning", test::source_dir());
    INFO(ready.out);
    CHECK(ready.code == 0);
  }
}
