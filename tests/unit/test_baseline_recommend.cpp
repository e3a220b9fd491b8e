// Right-sizing computed from constructed figures: every expected replica count follows from the figures given
// and the method in docs/recommend.md (target 0.7 at the peak, hold within 0.1 of it, whole replicas).
#include <cmath>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "readyctl/baseline/baseline_json.hpp"
#include "readyctl/baseline/recommend.hpp"
#include "readyctl/baseline/recommend_json.hpp"
#include "readyctl/baseline/render.hpp"
#include "test_support.hpp"

namespace readyctl::test {
namespace {

namespace bl = readyctl::baseline;
using nlohmann::json;

constexpr double k_price = 6.88;  // USD per GPU-hour given to size_deployment
constexpr double k_week = 7;

// A calm deployment: every signal present, nothing queued, nothing preempted, TTFT well under 2 s,
// `replicas` x `k` GPUs whose busiest step ran at `util_peak`.
bl::ServingFigures calm(double replicas, double k, double util_peak)
{
  bl::ServingFigures f;
  f.tenant = "t";
  f.model = "m";
  f.replicas = replicas;
  f.gpus = replicas * k;
  f.gpus_per_replica = k;
  f.util_peak = util_peak;
  f.util_mean = util_peak / 2;
  f.busy_gpus_peak = util_peak * replicas * k;
  f.rate_mean = 2;
  f.rate_peak = 4;
  f.running_peak = 8;
  f.queue_p95 = 0;
  f.queue_max = 0;
  f.queue_first = 0;
  f.queue_last = 0;
  f.kv_peak = 0.3;
  f.kv_mean = 0.2;
  f.preemptions = 0;
  f.ttft_p95 = 0.4;
  f.e2e_p95 = 3;
  f.e2e_mean = 1.5;
  return f;
}

bl::Recommendation size(const bl::ServingFigures& f, double days = k_week, bl::RecommendOptions o = {})
{
  return bl::size_deployment(f, o, k_price, days);
}

bool has_note(const bl::Recommendation& r, const std::string& text)
{
  for (const std::string& n : r.confidence_notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_SUITE("baseline")
{
  TEST_CASE("recommend: 4 replicas at 10% peak shrink to the one that holds 0.4 GPUs of work at 0.7")
  {
    bl::Recommendation r = size(calm(4, 1, 0.10));
    CHECK(r.verdict == "over-provisioned");
    CHECK(*r.replicas_recommended == 1);  // ceil(0.4 / 0.7)
    CHECK(*r.gpus_recommended == 1);
    CHECK(*r.monthly_cost_change == doctest::Approx(-3 * k_price * 730));
    CHECK(r.confidence == "high");
    CHECK(r.missing.empty());
    CHECK(r.reason.find("Over-provisioned") == 0);
  }

  TEST_CASE("recommend: a peak within 0.1 of the target holds, even where whole replicas would allow one fewer")
  {
    bl::Recommendation three = size(calm(3, 1, 0.65));
    CHECK(three.verdict == "right-sized");
    CHECK(*three.replicas_recommended == 3);
    CHECK(*three.monthly_cost_change == 0);
    bl::Recommendation ten = size(calm(10, 1, 0.62));  // 6.2 busy GPUs / 0.7 = 8.9 -> 9, but 0.62 is in the band
    CHECK(ten.verdict == "right-sized");
    CHECK(*ten.replicas_recommended == 10);
    bl::Recommendation below = size(calm(10, 1, 0.55));  // 5.5 / 0.7 = 7.9 -> 8, outside the band
    CHECK(below.verdict == "over-provisioned");
    CHECK(*below.replicas_recommended == 8);
  }

  TEST_CASE("recommend: a peak above the target without queue or latency pressure grows to the target")
  {
    bl::Recommendation r = size(calm(2, 1, 0.95));  // 1.9 / 0.7 = 2.7 -> 3
    CHECK(r.verdict == "under-provisioned");
    CHECK(*r.replicas_recommended == 3);
    CHECK(*r.monthly_cost_change == doctest::Approx(k_price * 730));
  }

  TEST_CASE("recommend: tensor-parallel replicas move in steps of their GPU count")
  {
    bl::Recommendation r = size(calm(3, 4, 0.30));  // 3.6 busy GPUs / (0.7 x 4) = 1.29 -> 2 replicas
    CHECK(*r.gpus_per_replica == 4);
    CHECK(*r.replicas_recommended == 2);
    CHECK(*r.gpus_recommended == 8);
    CHECK(*r.monthly_cost_change == doctest::Approx(-4 * k_price * 730));
  }

  TEST_CASE("recommend: a growing queue, a full KV cache and preemptions grow by what waiting requests need")
  {
    bl::ServingFigures f = calm(2, 1, 0.5);  // utilisation alone would say 2 is plenty
    f.queue_p95 = 38;
    f.queue_max = 40;
    f.queue_first = 3;
    f.queue_last = 35;
    f.kv_peak = 0.97;
    f.preemptions = 120;
    f.running_peak = 64;
    bl::Recommendation r = size(f);
    CHECK(r.verdict == "saturated");
    CHECK(*r.replicas_recommended == 4);  // ceil(2 x (64 + 38) / 64) = ceil(3.19)
    CHECK(r.reason.find("queue grew") != std::string::npos);
    CHECK(r.reason.find("KV cache") != std::string::npos);
    CHECK(r.reason.find("preemptions") != std::string::npos);
    f.queue_p95 = 0.5;  // under one waiting request per replica: not saturated by the queue, but still preempting
    CHECK(size(f).verdict == "saturated");
    CHECK(*size(f).replicas_recommended >= 3);
  }

  TEST_CASE("recommend: a queue objective breached without running figures uses Little's law for requests in flight")
  {
    bl::ServingFigures f = calm(2, 1, 0.5);
    f.running_peak = std::nullopt;
    f.queue_p95 = 10;
    f.rate_peak = 10;
    f.e2e_mean = 2;  // L = 10 r/s x 2 s = 20 in flight
    bl::Recommendation r = size(f);
    CHECK(r.verdict == "saturated");
    CHECK(*r.replicas_recommended == 3);  // ceil(2 x (20 + 10) / 20)
  }

  TEST_CASE("recommend: latency over its objective is never told to shrink")
  {
    bl::ServingFigures f = calm(4, 1, 0.10);
    f.ttft_p95 = 3.0;
    bl::Recommendation r = size(f);
    CHECK(r.verdict == "latency over SLO");
    CHECK(*r.replicas_recommended == 4);
    CHECK(*r.monthly_cost_change == 0);
    bl::RecommendOptions lax;
    lax.slo_ttft_p95 = 5.0;
    CHECK(size(f, k_week, lax).verdict == "over-provisioned");  // the same figures under a looser objective
    bl::RecommendOptions e2e;
    e2e.slo_ttft_p95 = std::nullopt;
    e2e.slo_e2e_p95 = 2.0;  // e2e p95 is 3 s in calm()
    CHECK(*size(calm(4, 1, 0.1), k_week, e2e).replicas_recommended == 4);
  }

  TEST_CASE("recommend: without GPU utilisation it sizes on KV-cache use and says utilisation was missing")
  {
    bl::ServingFigures f = calm(4, 1, 0.1);
    f.util_peak = f.util_mean = f.busy_gpus_peak = std::nullopt;
    f.kv_peak = 0.2;  // 4 x 0.2 / 0.7 = 1.14 -> 2
    bl::Recommendation r = size(f);
    CHECK(*r.replicas_recommended == 2);
    CHECK(r.confidence == "medium");
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing.front() == "GPU utilisation");
  }

  TEST_CASE("recommend: nothing to size on holds with low confidence")
  {
    bl::ServingFigures f = calm(3, 1, 0.1);
    f.util_peak = f.util_mean = f.busy_gpus_peak = f.kv_peak = f.kv_mean = std::nullopt;
    bl::Recommendation r = size(f);
    CHECK(r.verdict == "cannot size");
    CHECK(*r.replicas_recommended == 3);
    CHECK(r.confidence == "low");
  }

  TEST_CASE("recommend: confidence drops one level for a missing signal, a short window and bursty traffic")
  {
    CHECK(size(calm(4, 1, 0.1)).confidence == "high");
    bl::Recommendation short_window = size(calm(4, 1, 0.1), 2);
    CHECK(short_window.confidence == "medium");
    CHECK(has_note(short_window, "under a week"));
    bl::ServingFigures bursty = calm(4, 1, 0.1);
    bursty.rate_peak = 10;  // peak/mean 5
    CHECK(size(bursty).confidence == "medium");
    CHECK(has_note(size(bursty), "bursty"));
    bl::ServingFigures no_preempt = calm(4, 1, 0.1);
    no_preempt.preemptions = std::nullopt;
    CHECK(size(no_preempt).confidence == "medium");
    CHECK(size(no_preempt, 2).confidence == "low");
    bursty.preemptions = std::nullopt;
    CHECK(size(bursty, 2).confidence == "low");  // three drops stop at low
  }

  TEST_CASE("recommend: a baseline's tenants without engine metrics, its unrequested GPUs and the total")
  {
    bl::Baseline b;
    b.window = {0, 7 * 86400, 3600, 3600};
    b.prices = bl::default_prices();
    bl::TenantBaseline served{"served", {}, {}};
    served.figures["gpu.allocated_gpu_hours"] = 4.0 * 168;
    served.figures["cost.gpu"] = 4.0 * 168 * 2.0;  // $2 per GPU-hour
    served.figures["requests.total"] = 1000;
    bl::TenantBaseline batch{"batch", {}, {}};
    batch.figures["gpu.allocated_gpu_hours"] = 2.0 * 168;
    batch.series["gpus_allocated"] = std::vector<bl::Figure>(168, 2.0);
    b.tenants = {batch, served};
    b.cluster.figures["gpu.allocatable_gpu_hours"] = 16.0 * 168;
    std::vector<bl::Figure> allocated(168, 6.0);
    allocated[5] = 9.0;  // the busiest step: 9 GPUs requested
    b.cluster.series["gpus_allocated"] = allocated;
    bl::ServingFigures f = calm(4, 1, 0.1);
    f.tenant = "served";
    b.serving = std::vector<bl::ServingFigures>{f};

    bl::Recommendations r = bl::recommend(b, {});
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].tenant == "batch");
    CHECK(r.items[0].verdict == "no engine metrics");
    CHECK(r.items[0].confidence == "low");
    CHECK(*r.items[0].gpus_recommended == *r.items[0].gpus_now);
    CHECK(r.items[1].verdict == "over-provisioned");
    CHECK(*r.items[1].monthly_cost_change == doctest::Approx(-3 * 2.0 * 730));  // priced at the tenant's own rate
    CHECK(*r.cluster.unrequested_gpus == 7);  // 16 allocatable - 9 at the peak
    double node_pools = -7 * b.prices.gpu_price("").usd * 730;
    CHECK(*r.cluster.node_pool_monthly_change == doctest::Approx(node_pools));
    CHECK(r.cluster.total_monthly_change == doctest::Approx(node_pools - 3 * 2.0 * 730));

    b.serving = std::nullopt;  // a snapshot that never collected serving figures: nothing sized, and it says so
    bl::Recommendations none = bl::recommend(b, {});
    CHECK(none.items.empty());
    REQUIRE(none.notes.size() == 1);
    CHECK(none.notes.front().find("no serving figures") != std::string::npos);
  }

  TEST_CASE("recommend: last week's advice is followed, partly followed or not")
  {
    bl::Baseline before;
    before.window = {0, 7 * 86400, 3600, 3600};
    before.prices = bl::default_prices();
    bl::ServingFigures f = calm(4, 1, 0.1);  // advice: 4 -> 1
    before.serving = std::vector<bl::ServingFigures>{f};
    for (auto [now, verdict] : {std::pair{1.0, "yes"}, {2.0, "partly"}, {4.0, "no"}, {5.0, "no"}}) {
      CAPTURE(now);
      bl::Baseline after = before;
      (*after.serving)[0].replicas = now;
      std::vector<bl::FollowUp> up = bl::follow_up(before, after, {});
      REQUIRE(up.size() == 1);
      CHECK(up[0].followed == verdict);
      CHECK(*up[0].recommended_then == 1);
    }
    bl::Baseline gone = before;
    gone.serving = std::vector<bl::ServingFigures>{};
    CHECK(bl::follow_up(before, gone, {})[0].followed == "gone");
    bl::Baseline held = before;
    (*held.serving)[0] = calm(3, 1, 0.65);
    CHECK(bl::follow_up(held, held, {})[0].followed == "held");
  }

  TEST_CASE("recommend: the JSON shape is PRODUCT.md's, and serving figures survive a snapshot round trip")
  {
    bl::Baseline b;
    b.window = {0, 7 * 86400, 3600, 3600};
    b.prices = bl::default_prices();
    b.tenant_label = "namespace";
    b.serving = std::vector<bl::ServingFigures>{calm(3, 4, 0.3)};
    b.recommendations = bl::recommend(b, {});
    json doc = json::parse(bl::baseline_to_json(b, true).dump());
    REQUIRE(doc.at("recommendations").size() == 1);
    const json& r = doc["recommendations"][0];
    std::vector<std::string> keys;
    for (const auto& [key, value] : r.items()) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"confidence", "evidence", "gpus", "gpus_per_replica", "model",
                                           "monthly_cost_change", "reason", "replicas", "tenant"});
    CHECK(r["replicas"]["now"] == 3);
    CHECK(r["replicas"]["recommended"] == 2);
    CHECK(r["gpus"]["now"] == 12);
    CHECK(r["gpus"]["recommended"] == 8);
    CHECK(r["gpus_per_replica"] == 4);
    CHECK(r["evidence"]["gpu_utilization_peak"] == doctest::Approx(0.3));
    CHECK(r["evidence"]["queue_p95"] == 0);
    CHECK(doc.at("recommendation_targets").at("target_utilization") == 0.7);

    bl::Baseline back = bl::baseline_from_json("snap.json", bl::baseline_to_json(b, true).dump());
    REQUIRE(back.serving);
    REQUIRE(back.serving->size() == 1);
    CHECK(*back.serving->front().busy_gpus_peak == doctest::Approx(0.3 * 12));
    CHECK(*back.serving->front().gpus_per_replica == 4);
    CHECK_FALSE(bl::baseline_from_json("old.json", bl::baseline_to_json(bl::Baseline{}, true).dump()).serving);
  }

  TEST_CASE("recommend: text, markdown and html carry the table, the cluster row and the reasons")
  {
    bl::Baseline b;
    b.window = {0, 7 * 86400, 3600, 3600};
    b.prices = bl::default_prices();
    b.serving = std::vector<bl::ServingFigures>{calm(4, 1, 0.1)};
    b.recommendations = bl::recommend(b, {});
    std::string text = bl::render_text(b, {});
    CHECK(text.find("Right-sizing") != std::string::npos);
    CHECK(text.find("over-provisioned") != std::string::npos);
    CHECK(text.find("4 → 1") != std::string::npos);
    CHECK(text.find("Total monthly change") != std::string::npos);
    CHECK(bl::render_markdown(b).find("| t | m | over-provisioned | 4 → 1 |") != std::string::npos);
    CHECK(bl::render_html(b).find("Right-sizing: before → after per tenant") != std::string::npos);
    b.recommendations = std::nullopt;
    CHECK(bl::render_text(b, {}).find("Right-sizing") == std::string::npos);
  }

  // The demo cluster (generate.py demo_tenants): 2 nodes x 8 GPUs; at most 9 requested at once (team-a's first pod 2,
  // team-b 1, team-c 2, the batch job 4 on day one); team-c's 2 single-GPU replicas at 40% and 60% keep 1 GPU busy.
  TEST_CASE("recommend: --demo sizes its deployments and finds the 7 GPUs no pod requested")
  {
    CliResult text = run_cli({"baseline", "--demo", "--recommend"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Right-sizing") != std::string::npos);
    CHECK(text.out.find("7 GPUs no pod requested") != std::string::npos);
    CliResult out = run_cli({"baseline", "--demo", "--recommend", "-o", "json"});
    REQUIRE(out.code == 0);
    json doc = json::parse(out.out);
    CHECK(doc.at("recommendation_cluster").at("allocatable_gpus") == 16);
    CHECK(doc.at("recommendation_cluster").at("peak_requested_gpus") == 9);
    CHECK(doc.at("recommendations").size() == 4);  // three vLLM deployments and the batch job
    for (const json& r : doc.at("recommendations")) {
      if (r.at("tenant") == "team-c") {
        CHECK(r.at("replicas").at("now") == 2);
        CHECK(r.at("replicas").at("recommended") == 2);  // ceil(1.0 / 0.7)
      }
      if (r.at("tenant") == "batch-jobs") CHECK(r.at("evidence").at("verdict") == "no engine metrics");
    }
    CHECK(run_cli({"baseline", "--demo"}).out.find("Right-sizing") == std::string::npos);  // only when asked
  }

  TEST_CASE("recommend: bad targets are usage errors before anything is read")
  {
    CHECK(run_cli({"baseline", "--demo", "--recommend", "--target-utilization", "1.5"}).code == 2);
    CHECK(run_cli({"baseline", "--demo", "--recommend", "--target-utilization", "0"}).code == 2);
    CliResult bad = run_cli({"baseline", "--demo", "--recommend", "--slo-ttft-p95", "fast"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--slo-ttft-p95 'fast': expected a duration") != std::string::npos);
    CHECK(run_cli({"baseline", "--demo", "--recommend", "--slo-queue-p95", "-1"}).code == 2);
  }
}

}  // namespace readyctl::test
