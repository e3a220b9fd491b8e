#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::test::gameday::PathPrefix;

namespace {

// Three worker pods, two nodes, one deployment with 3 replicas: the world the recording kubectl reports.
struct KubeWorld {
  TempDir dir;
  PathPrefix path{readyctl::test::source_dir() / "tests/gameday/bin"};

  explicit KubeWorld(int pods = 3)
  {
    std::string items;
    for (int i = 0; i < pods; ++i)
      items += std::string(i ? "," : "") + R"({"metadata":{"name":"worker-)" + std::string(1, char('a' + i)) + R"("}})";
    dir.write("pods.json", R"({"kind":"List","items":[)" + items + "]}");
    dir.write("nodes.json", R"({"items":[{"metadata":{"name":"node-b"}},{"metadata":{"name":"node-a"}}]})");
    dir.write("deployment-api.json", R"({"metadata":{"name":"api"},"spec":{"replicas":3}})");
    dir.write("kubectl.log", "");
    setenv("KUBECTL_LOG", (dir / "kubectl.log").c_str(), 1);
    setenv("KUBECTL_FIXTURES", dir.path().c_str(), 1);
  }
  ~KubeWorld()
  {
    unsetenv("KUBECTL_LOG");
    unsetenv("KUBECTL_FIXTURES");
  }

  readyctl::test::CliResult run(const std::string& step, const std::string& flags, const std::string& safety = "maxTargets: 1")
  {
    dir.write("drill.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: kube-drill}\n"
                            "vars: {ctx: kind-gd}\n"
                            "safety: {allowedContexts: [kind-gd], " + safety + "}\n"
                            "steps:\n  - name: fault\n    action:\n      kubernetes: " + step + "\n");
    return readyctl::test::gameday::run_drill("drill.yaml " + flags, dir.path(), "j.json");
  }
  std::string log() const { return readyctl::test::slurp(dir / "kubectl.log"); }
  nlohmann::json journal() const { return nlohmann::json::parse(readyctl::test::slurp(dir / "j.json")); }
};

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("kubernetes delete-pods resolves targets, then deletes exactly the chosen pods")
  {
    KubeWorld w;
    auto r = w.run("{op: delete-pods, namespace: shop, selector: app=worker, count: 1}", "--yes");
    CHECK(r.code == 0);
    CHECK(w.log() == "--context kind-gd --namespace shop get pods --selector app=worker --output json\n"
                     "--context kind-gd --namespace shop delete pod worker-a --wait=false\n");
    auto j = w.journal();
    CHECK(j["events"][0]["targets"] == nlohmann::json::array({"worker-a"}));
    CHECK(j["verdict"] == "held");
  }

  TEST_CASE("a cluster action without --yes is refused before kubectl is called")
  {
    KubeWorld w;
    auto r = w.run("{op: delete-pods, namespace: shop, selector: app=worker, count: 1}", "");
    CHECK(r.code == 2);
    CHECK(r.err.find("pass --yes") != std::string::npos);
    CHECK(w.log().empty());
  }

  TEST_CASE("a context outside the allowlist is refused, also when it comes from a variable")
  {
    KubeWorld w;
    auto r = w.run("{op: delete-pods, context: \"${vars.ctx}\", selector: app=worker, count: 1}", "--yes --var ctx=prod");
    CHECK(r.code == 2);
    CHECK(w.log().empty());
    CHECK(w.journal()["verdict"] == "invalid");
  }

  TEST_CASE("blast radius caps refuse before anything is deleted")
  {
    KubeWorld w;
    auto over_count = w.run("{op: delete-pods, namespace: shop, selector: app=worker, count: 2}", "--yes");
    CHECK(over_count.code == 2);
    CHECK(w.journal()["reason"].get<std::string>().find("exceed maxTargets 1") != std::string::npos);
    CHECK(w.log().find("delete") == std::string::npos);
    // 2 of 3 pods is 67%, over a 50% cap even with enough maxTargets.
    auto over_percent = w.run("{op: delete-pods, namespace: shop, selector: app=worker, count: 2}", "--yes",
                              "maxTargets: 5, maxPercent: 50");
    CHECK(over_percent.code == 2);
    CHECK(w.journal()["reason"].get<std::string>().find("exceed maxPercent 50") != std::string::npos);
    CHECK(w.log().find("delete") == std::string::npos);
  }

  TEST_CASE("zero resolved targets fails the run")
  {
    KubeWorld w(0);
    auto r = w.run("{op: delete-pods, namespace: shop, selector: app=worker}", "--yes");
    CHECK(r.code == 3);
    CHECK(w.journal()["reason"].get<std::string>().find("zero targets") != std::string::npos);
    CHECK(w.log().find("delete") == std::string::npos);
  }

  TEST_CASE("scale registers its undo before acting and the rollback restores the replicas")
  {
    KubeWorld w;
    auto r = w.run("{op: scale, namespace: shop, name: api, replicas: 0}", "--yes");
    CHECK(r.code == 0);
    CHECK(w.log() == "--context kind-gd --namespace shop get deployment api --output json\n"
                     "--context kind-gd --namespace shop scale deployment/api --replicas=0\n"
                     "--context kind-gd --namespace shop get deployment api --output json\n"
                     "--context kind-gd --namespace shop scale deployment/api --replicas=3\n");
    auto j = w.journal();
    CHECK(j["undos"][0]["action"]["replicas"] == 3);
    CHECK(j["undos"][0]["status"] == "done");
  }

  TEST_CASE("drain picks nodes in name order and uncordons them on rollback")
  {
    KubeWorld w;
    auto r = w.run("{op: drain, selector: pool=gpu, count: 1}", "--yes", "maxTargets: 1");
    CHECK(r.code == 0);
    CHECK(w.log() == "--context kind-gd get nodes --selector pool=gpu --output json\n"
                     "--context kind-gd drain node-a --ignore-daemonsets --delete-emptydir-data --timeout=60s\n"
                     "--context kind-gd uncordon node-a\n");
  }

  TEST_CASE("dry run resolves targets and changes nothing")
  {
    KubeWorld w;
    auto r = w.run("{op: delete-pods, namespace: shop, selector: app=worker, count: 1}", "--dry-run");
    CHECK(r.code == 0);
    CHECK(w.log() == "--context kind-gd --namespace shop get pods --selector app=worker --output json\n");
    auto j = w.journal();
    CHECK(j["dryRun"] == true);
    CHECK(j["events"][0]["output"]["commands"][0] == "kubectl --context kind-gd --namespace shop delete pod worker-a --wait=false");
  }

  TEST_CASE("a failing kubectl ends the run as environment, and the undo still runs")
  {
    KubeWorld w;
    setenv("KUBECTL_FAIL", "--replicas=0", 1);
    auto r = w.run("{op: scale, namespace: shop, name: api, replicas: 0}", "--yes");
    unsetenv("KUBECTL_FAIL");
    CHECK(r.code == 3);
    CHECK(w.log().find("scale deployment/api --replicas=3") != std::string::npos);
  }
}
