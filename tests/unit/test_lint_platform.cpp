#include <doctest/doctest.h>

#include "readyctl/lint/checks/platform_dapr.hpp"
#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;

using readyctl::lint::dapr::is_credential_name;

namespace {

std::vector<std::string> messages(const std::string& path, const std::string& rule)
{
  lint::LintOptions options;
  options.paths = {path};
  options.only = {rule};
  options.discover_config = false;
  options.kustomize = false;
  std::vector<std::string> out;
  for (const Finding& f : lint::run_lint(options).report.findings) out.push_back(f.message);
  return out;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("dapr credential names: the last word names a credential, not a key prefix or partition key")
  {
    for (const char* name : {"redisPassword", "password", "saslPassword", "accessKey", "secretKey", "apiKey",
                             "APIKey", "X-API-Key", "api_key", "masterKey", "clientSecret", "authToken", "sasToken",
                             "Authorization", "connectionString", "key", "credentials"}) {
      CAPTURE(name);
      CHECK(is_credential_name(name));
    }
    for (const char* name : {"redisHost", "keyPrefix", "partitionKey", "routingKey", "tokenURL", "actorStateStore",
                             "enableTLS", "consumerID", "passwordFile", "", "Content-Type"}) {
      CAPTURE(name);
      CHECK_FALSE(is_credential_name(name));
    }
  }
}

TEST_SUITE("lint")
{
  // The other side of workflow-state-store's "missing store" decision, which a single fixture file cannot show:
  // with no Dapr Component in the input at all, the stores are managed elsewhere and a workflow app is not judged.
  TEST_CASE("workflow-state-store: a workflow app is not judged when the input holds no Dapr Component")
  {
    const std::string app = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: flow, namespace: flows}
spec:
  selector: {matchLabels: {app: flow}}
  template:
    metadata:
      labels: {app: flow, readyctl.io/workflow: "true"}
      annotations: {dapr.io/enabled: "true", dapr.io/app-id: flow}
    spec:
      containers: [{name: app, image: "registry.example.com/flow:1"}]
)";
    test::TempDir dir;
    dir.write("app.yaml", app);
    CHECK(messages((dir / "app.yaml").string(), "workflow-state-store").empty());

    dir.write("store.yaml", R"(apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: cache, namespace: flows}
spec:
  type: state.redis
  metadata: [{name: redisHost, value: "redis:6379"}]
scopes: [flow]
)");
    const std::vector<std::string> with_store = messages(dir.path().string(), "workflow-state-store");
    REQUIRE(with_store.size() == 1);
    CHECK(with_store[0].find("'flow' has no actor state store") != std::string::npos);
  }
}
