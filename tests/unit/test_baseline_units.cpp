#include <algorithm>
#include <set>

#include <doctest/doctest.h>

#include "readyctl/baseline/baseline_json.hpp"
#include "readyctl/baseline/compare.hpp"
#include "readyctl/baseline/detection.hpp"
#include "readyctl/baseline/display.hpp"
#include "readyctl/baseline/prices.hpp"
#include "readyctl/baseline/query_plan.hpp"
#include "readyctl/baseline/query_result.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/serving_queries.hpp"
#include "readyctl/baseline/snapshot.hpp"
#include "readyctl/baseline/window.hpp"
#include "readyctl/core/error.hpp"
#include "test_support.hpp"

using namespace readyctl::baseline;
using readyctl::EnvironmentError;
using readyctl::InputError;

TEST_SUITE("baseline")
{
  TEST_CASE("windows: RFC 3339 or Unix seconds, aligned to the step, default step under 2,500 points")
  {
    CHECK(parse_time("2026-11-16T00:00:00Z", "--start") == 1'794'787'200);
    CHECK(parse_time("2026-11-16T01:00:00+01:00", "--start") == 1'794'787'200);
    CHECK(parse_time("1794787200", "--start") == 1'794'787'200);
    CHECK_THROWS_WITH_AS(parse_time("yesterday", "--start"),
                         "--start 'yesterday': expected RFC 3339 (2026-11-16T00:00:00Z) or Unix seconds", InputError);
    Window w = resolve_window({"7d", "", "", ""}, 1'794'787'230);
    CHECK(w.step == 300);
    CHECK(w.end == 1'794'787'200);
    CHECK(w.seconds() == 7 * 86400);
    CHECK(w.rate_window == 300);
    CHECK(resolve_window({"6h", "", "", ""}, 1'794'787'200).rate_window == 120);
    CHECK_THROWS_AS(resolve_window({"7x", "", "", ""}, 0), InputError);
    CHECK(format_time(1'794'787'200) == "2026-11-16T00:00:00Z");
  }

  TEST_CASE("the API envelope: values, NaN, warnings, errors and proxy pages")
  {
    QueryResult r = parse_query_response(
        R"({"status":"success","warnings":["w1"],"data":{"resultType":"vector","result":[{"metric":{"namespace":"a"},"value":[10,"NaN"]}]}})",
        200, "q");
    REQUIRE(r.series.size() == 1);
    CHECK(std::isnan(r.series[0].samples[0].value));
    CHECK(r.warnings == std::vector<std::string>{"w1"});
    CHECK_THROWS_WITH_AS(parse_query_response(R"({"status":"error","errorType":"execution","error":"too many samples"})",
                                              422, "query 'x'"),
                         "query 'x': HTTP 422: execution: too many samples", EnvironmentError);
    CHECK_THROWS_WITH_AS(parse_query_response("<html>\n<body>bad gateway</body>", 502, "q"),
                         "q: HTTP 502 and a body that is not the Prometheus API's JSON: '<html>'", EnvironmentError);
  }

  TEST_CASE("an envelope of the wrong shape is the server's error (exit 3), never an escaping JSON exception")
  {
    // Each body once ended readyctl in std::terminate (json out_of_range / type_error, std::stod, UB on const []).
    const char* bodies[] = {
        R"({"status":"success"})",
        R"({"status":"success","data":["vllm:request_success_total","up"]})",  // fuzz_prometheus_response's crash
        R"({"status":"success","data":{"resultType":"scalar"}})",
        R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1abc"]}]}})",
        R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1e999"]}]}})",
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":1},"values":[]}]}})",
        R"({"status":"success","data":{"resultType":7,"result":[]}})",
        R"({"status":"success","warnings":[3],"data":{"result":[]}})",
    };
    for (const char* body : bodies) {
      CAPTURE(body);
      CHECK_THROWS_WITH_AS(parse_query_response(body, 200, "q"),
                           doctest::Contains("q: HTTP 200: the answer does not have the Prometheus API's shape"),
                           EnvironmentError);
    }
    CHECK_THROWS_WITH_AS(parse_label_values(R"({"status":"success","data":[1]})", 200, "probe"),
                         doctest::Contains("probe: HTTP 200: the answer does not have"), EnvironmentError);
    CHECK_THROWS_WITH_AS(parse_query_response(R"({"status":"error","errorType":5,"error":{"x":1}})", 400, "q"),
                         R"(q: HTTP 400: 5: {"x":1})", EnvironmentError);
  }

  TEST_CASE("stack detection: exact names, `_total` or bare, old vLLM names, the engine with most signals")
  {
    std::vector<Stack> stacks = builtin_stacks();
    std::vector<std::string> probes = all_probe_names(stacks);
    CHECK(std::find(probes.begin(), probes.end(), "vllm:request_success_total") != probes.end());
    CHECK(std::find(probes.begin(), probes.end(), "vllm:request_success") != probes.end());
    std::set<std::string> present{"vllm:request_success", "vllm:time_per_output_token_seconds_bucket",
                                  "DCGM_FI_PROF_GR_ENGINE_ACTIVE", "tgi_queue_size"};
    Detection d = detect_stack(stacks, present, "auto");
    CHECK(d.engine == "vllm");
    CHECK(d.signals.at("requests").metric == "vllm:request_success");
    CHECK(d.signals.at("itl").metric == "vllm:time_per_output_token_seconds");
    CHECK(d.signals.at("gpu_utilization").scale == 1.0);  // the ratio, not the percentage
    CHECK(d.missing.at("ttft") == "vllm:time_to_first_token_seconds_bucket");
    CHECK(detect_stack(stacks, present, "tgi").engine == "tgi");
    CHECK_THROWS_AS(detect_stack(stacks, present, "llamacpp"), InputError);
  }

  TEST_CASE("right-sizing queries: SGLang's running, KV-cache and retraction counter stand in for vLLM's")
  {
    std::vector<Stack> stacks = builtin_stacks();
    Detection d = detect_stack(stacks, {"sglang:num_requests_total", "sglang:num_running_reqs", "sglang:token_usage",
                                        "sglang:num_retracted_requests_total"}, "auto");
    REQUIRE(d.engine == "sglang");
    CHECK(d.signals.at("preemptions").metric == "sglang:num_retracted_requests_total");
    std::vector<QueryJob> jobs = plan_serving_queries(d, Window{0, 86400, 300, 600}, "namespace", ServingQueries::engine);
    auto job = [&](const std::string& id) {
      auto it = std::find_if(jobs.begin(), jobs.end(), [&](const QueryJob& j) { return j.id == id; });
      REQUIRE(it != jobs.end());
      return it->promql;
    };
    CHECK(job("serving.peaks").find("sglang:num_running_reqs") != std::string::npos);
    CHECK(job("serving.peaks").find("max_over_time(sglang:token_usage[86400s])") != std::string::npos);
    CHECK(job("serving.preemptions") ==
          "sum by (namespace,model_name)(increase(sglang:num_retracted_requests_total[86400s]))");
    // Without a preemption counter (an SGLang before the counter), no preemption query is sent.
    Detection old = detect_stack(stacks, {"sglang:num_requests_total", "sglang:num_running_reqs"}, "auto");
    std::vector<QueryJob> old_jobs = plan_serving_queries(old, Window{0, 86400, 300, 600}, "namespace",
                                                          ServingQueries::engine);
    CHECK(std::none_of(old_jobs.begin(), old_jobs.end(), [](const QueryJob& j) { return j.id == "serving.preemptions"; }));
  }

  TEST_CASE("queries aggregate on the server by the tenant label, whatever the fleet size")
  {
    std::vector<Stack> stacks = builtin_stacks();
    Detection d = detect_stack(stacks, {"vllm:request_success_total", "vllm:e2e_request_latency_seconds_bucket"}, "auto");
    Window w{0, 3600, 60, 120};
    std::vector<QueryJob> jobs = plan_queries(d, w, "team");
    REQUIRE(jobs.size() == 6);  // requests, errors, rate series, quantiles (tenants, cluster), p95 series
    CHECK(jobs[0].promql == "sum by (team)(increase(vllm:request_success_total[3600s]))");
    CHECK(jobs[1].promql == "sum by (team)(increase(vllm:request_success_total{finished_reason=\"abort\"}[3600s]))");
    CHECK(jobs[2].promql == "sum by (team)(rate(vllm:request_success_total[120s]))");
    CHECK(jobs[3].promql.find("histogram_quantile(0.95, sum by (le,team)(increase(vllm:e2e_request_latency_seconds_bucket[3600s])))") !=
          std::string::npos);
  }

  TEST_CASE("prices: model names matched word by word, the most specific row wins, user files override")
  {
    PriceCatalogue p = default_prices();
    CHECK(p.gpu_price("NVIDIA H100 80GB HBM3").usd == 6.88);
    CHECK(p.gpu_price("NVIDIA A100-SXM4-80GB").item == "A100 80GB");
    CHECK(p.gpu_price("NVIDIA A100-SXM4-40GB").item == "A100");
    CHECK(p.gpu_price("NVIDIA L40S").item == "H100");  // not L4: unknown models take the default
    PriceCatalogue mine = load_prices("prices.yaml", "gpu:\n  L40S: 1.86\ndefault_gpu: L40S\ncpu_core_hour: 0.04\n");
    CHECK(mine.gpu_price("NVIDIA L40S").usd == 1.86);
    CHECK(mine.gpu_price("mystery").usd == 1.86);
    CHECK(mine.cpu_core_hour.usd == 0.04);
    CHECK_THROWS_WITH_AS(load_prices("prices.yaml", "gpu:\n  H100: cheap\n"),
                         "prices.yaml:2:9: expected a price in USD per hour (a number >= 0)", InputError);
  }

  TEST_CASE("compare: direction by figure, threshold, worst first")
  {
    Baseline before, after;
    before.tenants.push_back({"a", {{"latency_seconds.ttft.p95", 0.4}, {"gpu.utilization_mean", 0.5},
                                    {"requests.total", 100.0}}, {}});
    after.tenants.push_back({"a", {{"latency_seconds.ttft.p95", 0.6}, {"gpu.utilization_mean", 0.7},
                                   {"requests.total", 102.0}}, {}});
    Comparison c = compare_baselines(before, after, "last.json");
    REQUIRE(c.changes.size() == 2);  // +2 % requests is noise
    CHECK(c.changes[0].path == "latency_seconds.ttft.p95");
    CHECK(c.changes[0].worse);
    CHECK(*c.changes[0].relative == doctest::Approx(0.5));
    CHECK_FALSE(c.changes[1].worse);  // higher utilisation is good
    CHECK(format_change(c.changes[0]) == "+50%");
  }

  TEST_CASE("display: units, nulls and sparklines")
  {
    CHECK(format_figure(std::nullopt, "s") == "—");
    CHECK(format_figure(0.0123, "s") == "12.3ms");
    CHECK(format_figure(0.42, "%") == "42.0%");
    CHECK(format_figure(12345.6, "usd") == "$12,346");
    CHECK(format_figure(1.5e6, "") == "1.5M");
    // Where three digits round up into the next unit, the next unit is used; never an exponent.
    CHECK(format_figure(0.9996, "s") == "1s");
    CHECK(format_figure(0.9994, "s") == "999ms");
    CHECK(format_figure(0.0009996, "s") == "1ms");
    CHECK(format_figure(999600, "") == "1M");
    CHECK(format_figure(999.6e6, "") == "1G");
    CHECK(format_figure(2.5e12, "") == "2500G");
    CHECK(format_figure(1234.5, "r/s") == "1234");
    CHECK(format_figure(0.00005, "r/s") == "0.00005");
    CHECK(format_figure(0.0123, "cores") == "0.0123");
    CHECK(three_digits(2500) == "2500");
    CHECK(three_digits(-0.000123456) == "-0.000123");
    CHECK(sparkline(std::vector<Figure>{0.0, 1.0, 2.0, 4.0}, 4) == "▁▂▄█");
  }

  TEST_CASE("the bundled demo renders in every format and carries the public JSON fields")
  {
    readyctl::test::CliResult r = readyctl::test::run_cli({"baseline", "--demo", "-o", "json"});
    REQUIRE(r.code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j.at("schemaVersion") == 1);
    for (const char* key : {"requests", "latency_seconds", "queue", "tokens", "prefix_cache_hit_ratio", "gpu", "cost",
                            "retry_amplification"})
      CHECK(j.at("tenants").at(0).contains(key));
    CHECK(j.at("comparison").at("changes").size() > 0);
    for (const char* format : {"text", "markdown", "html"})
      CHECK(readyctl::test::run_cli({"baseline", "--demo", "-o", format}).code == 0);
    CHECK(readyctl::test::run_cli({"baseline", "--demo", "-o", "sarif"}).code == 2);
  }
}

TEST_SUITE("baseline")
{
  TEST_CASE("a missing or empty series is named with its label matchers (rules/stacks/vllm.yaml: errors)")
  {
    std::vector<Stack> stacks = builtin_stacks();
    std::set<std::string> existing;
    for (const std::string& name : all_probe_names(stacks))
      if (name.starts_with("vllm:") && !name.starts_with("vllm:request_success")) existing.insert(name);
    Detection without = detect_stack(stacks, existing, "vllm");
    CHECK(without.missing.at("errors") == "vllm:request_success_total{finished_reason=\"abort\"}");
    existing.insert("vllm:request_success_total");
    Detection with = detect_stack(stacks, existing, "vllm");
    CHECK(with.signals.at("errors").series() == "vllm:request_success_total{finished_reason=\"abort\"}");
    CHECK(with.signals.at("e2e_latency").series() == "vllm:e2e_request_latency_seconds");  // no matchers, no braces
  }

  TEST_CASE("a price file without region or date prints only what it says")
  {
    Baseline b = demo_baseline();
    b.comparison.reset();
    CHECK(render_text(b, {}).find("by default (aws/") != std::string::npos);  // the built-in row has all three
    b.prices = load_prices("prices.yaml", "gpu:\n  H100: 5\n");
    std::string text = render_text(b, {});
    CHECK(text.find("Prices: H100 $5/GPU-h by default (file prices.yaml)\n") != std::string::npos);
    CHECK(text.find(", , as of") == std::string::npos);
    CHECK(render_html(b).find("Prices: H100 $5/GPU-hour by default (file prices.yaml).") != std::string::npos);
    PriceRow bare{"H100", 1, "", "", ""};
    CHECK(bare.provenance().empty());
  }

  TEST_CASE("the demo's previous week is another week of the same cluster, not a counter artefact")
  {
    // tests/baseline/generate.py draws each week's base rates within 0.85-1.15x and burst heights within
    // 0.7-1.2x of the same shapes: two weeks' peaks differ by less than 1.2/0.7 ~ 1.7x, and a day's peak is a
    // burst a few times the diurnal mean, never hundreds of times.
    Baseline now = demo_baseline();
    Baseline before = demo_previous_baseline();
    for (const TenantBaseline& t : before.tenants) {
      CAPTURE(t.name);
      const TenantBaseline* same = nullptr;
      for (const TenantBaseline& n : now.tenants)
        if (n.name == t.name) same = &n;
      REQUIRE(same != nullptr);
      Figure peak = t.get("requests.rate_peak"), peak_now = same->get("requests.rate_peak");
      if (!peak || !peak_now) continue;
      CHECK(*peak / *peak_now < 1.7);
      CHECK(*peak_now / *peak < 1.7);
      CHECK(*t.get("requests.peak_to_mean") < 10);
    }
    CHECK(*before.cluster.get("requests.peak_to_mean") < 10);
    CHECK(*before.cluster.get("requests.rate_peak") / *now.cluster.get("requests.rate_peak") < 1.7);
  }
}
