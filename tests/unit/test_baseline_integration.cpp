// Real Prometheus, real data: a synthetic cluster backfilled with promtool, every figure checked against
// the values tests/baseline/generate.py derived from how it built the data.
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "local_ports.hpp"
#include "readyctl/io/child_process.hpp"
#include "readyctl/io/process.hpp"
#include "test_support.hpp"

namespace readyctl::test {
namespace {

using nlohmann::json;

constexpr long k_main_minutes = 360;
constexpr long k_legacy_minutes = 120;

// Windows well behind "now": promtool's blocks must not collide with the head block.
long main_start()
{
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return (now / 86400 - 2) * 86400 + 6 * 3600;  // 06:00 UTC two days ago
}
long legacy_start() { return main_start() - 86400; }
// Right-sizing scenarios (generate.py --scenario recommend): 18:00-22:00 UTC the day before main's window.
constexpr long k_recommend_minutes = 240;
long recommend_start() { return main_start() - 43200; }

// Runs a shell command to completion; throws with its output when it fails.
void run_checked(const std::string& command)
{
  io::ProcessResult r = io::run_process({{"/bin/sh", "-c", command}, "", {}});
  if (!r.succeeded()) throw std::runtime_error(fmt::format("'{}' failed:\n{}{}", command, r.out, r.err));
}

// One Prometheus for the whole suite, holding both scenarios in separate windows.
class PrometheusFixture {
public:
  PrometheusFixture()
  {
    std::string gen = (source_dir() / "tests/baseline/generate.py").string();
    run_checked(fmt::format("python3 '{}' --out '{}' --start {} --minutes {}", gen, (m_dir / "main").string(),
                            main_start(), k_main_minutes));
    run_checked(fmt::format("python3 '{}' --out '{}' --start {} --minutes {} --scenario legacy", gen,
                            (m_dir / "legacy").string(), legacy_start(), k_legacy_minutes));
    run_checked(fmt::format("python3 '{}' --out '{}' --start {} --minutes {} --scenario recommend", gen,
                            (m_dir / "recommend").string(), recommend_start(), k_recommend_minutes));
    for (const char* scenario : {"main", "legacy", "recommend"})
      run_checked(fmt::format("promtool tsdb create-blocks-from openmetrics '{}' '{}'",
                              (m_dir / scenario / "data.om").string(), (m_dir / "tsdb").string()));
    m_dir.write("prometheus.yml", "global: {}\nscrape_configs: []\n");
    port = free_port();
    m_server = std::make_unique<io::ChildProcess>(
        io::ProcessSpec{{"prometheus", "--config.file=" + (m_dir / "prometheus.yml").string(),
                         "--storage.tsdb.path=" + (m_dir / "tsdb").string(), "--storage.tsdb.retention.time=100y",
                         "--log.level=error", fmt::format("--web.listen-address=127.0.0.1:{}", port)},
                        "",
                        {}},
        m_dir / "prometheus.log");
    wait_until_ready(port, "/-/ready", 60);
  }

  json expected(const char* scenario) const { return json::parse(slurp(m_dir / scenario / "expected.json")); }
  std::string url() const { return fmt::format("http://127.0.0.1:{}", port); }
  const TempDir& dir() const { return m_dir; }
  int port = 0;

private:
  TempDir m_dir;
  std::unique_ptr<io::ChildProcess> m_server;
};

PrometheusFixture& prometheus()
{
  static PrometheusFixture fixture;
  return fixture;
}

const json* at_path(const json& node, const std::string& path)
{
  const json* at = &node;
  size_t from = 0;
  while (from <= path.size()) {
    size_t dot = path.find('.', from);
    std::string part = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    if (!at->is_object() || !at->contains(part)) return nullptr;
    at = &(*at)[part];
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return at;
}

void check_figures(const std::string& who, const json& actual, const json& expected)
{
  for (const auto& [path, want] : expected.items()) {
    const json* got = at_path(actual, path);
    INFO(who << " " << path << ": expected " << want.dump() << ", got " << (got ? got->dump() : "(absent)"));
    REQUIRE(got != nullptr);
    if (want.is_null()) {
      CHECK(got->is_null());
      continue;
    }
    REQUIRE(got->is_number());
    double w = want.get<double>(), g = got->get<double>();
    CHECK(std::fabs(g - w) <= 1e-6 * std::max(1.0, std::fabs(w)));
  }
}

const json& tenant(const json& report, const std::string& name)
{
  for (const json& t : report.at("tenants"))
    if (t.at("name") == name) return t;
  FAIL("tenant " << name << " missing from the report");
  static json none;
  return none;
}

json run_json(const std::vector<std::string>& extra, const TempDir& tmp)
{
  std::vector<std::string> args{"baseline", "-o", "json=" + (tmp / "out.json").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  CliResult r = run_cli(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(slurp(tmp / "out.json"));
}

std::string window_arg(long start, long minutes, const char* flag)
{
  return std::to_string(std::string(flag) == "--start" ? start : start + minutes * 60);
}

}  // namespace

TEST_SUITE("integration-baseline")
{
  TEST_CASE("every figure of a synthetic cluster matches its construction")
  {
    PrometheusFixture& p = prometheus();
    TempDir tmp;
    json report = run_json({"--prometheus", p.url(), "--start", window_arg(main_start(), k_main_minutes, "--start"),
                            "--end", window_arg(main_start(), k_main_minutes, "--end")}, tmp);
    json expected = p.expected("main");
    CHECK(report.at("schemaVersion") == 1);
    CHECK(report.at("stack") == "vllm");
    CHECK(report.at("window").at("step_seconds") == 60);
    CHECK(report.at("tenants").size() == expected.at("tenants").size());
    for (const auto& [name, figures] : expected.at("tenants").items()) check_figures(name, tenant(report, name), figures);
    check_figures("cluster", report.at("cluster"), expected.at("cluster"));
    std::string warnings = report.at("warnings").dump();
    CHECK(warnings.find("batch-jobs") != std::string::npos);  // GPUs but no inference traffic: nulls, named
    CHECK(report.at("queries").at("count").get<int>() < 40);
  }

  TEST_CASE("old vLLM names, bare counters and missing exporters: figures plus warnings naming the metrics")
  {
    PrometheusFixture& p = prometheus();
    TempDir tmp;
    json report = run_json({"--prometheus", p.url(), "--start", window_arg(legacy_start(), k_legacy_minutes, "--start"),
                            "--end", window_arg(legacy_start(), k_legacy_minutes, "--end")}, tmp);
    json expected = p.expected("legacy");
    for (const auto& [name, figures] : expected.at("tenants").items()) check_figures(name, tenant(report, name), figures);
    std::string warnings = report.at("warnings").dump();
    CHECK(warnings.find("DCGM_FI_DEV_GPU_UTIL") != std::string::npos);
    CHECK(warnings.find("kube_pod_container_resource_requests") != std::string::npos);
    CHECK(tenant(report, "team-a").at("gpu").at("allocated_gpu_hours").is_null());
  }

  TEST_CASE("a saved snapshot reads back offline with the same figures, and compares against itself as unchanged")
  {
    PrometheusFixture& p = prometheus();
    TempDir tmp;
    std::string snap = (tmp / "snap.json").string();
    json live = run_json({"--prometheus", p.url(), "--start", window_arg(main_start(), k_main_minutes, "--start"),
                          "--end", window_arg(main_start(), k_main_minutes, "--end"), "--save", snap}, tmp);
    json offline = run_json({"--from", snap, "--compare", snap}, tmp);
    CHECK(offline.at("tenants") == live.at("tenants"));
    CHECK(offline.at("comparison").at("changes").empty());
    CliResult again = run_cli({"baseline", "--from", snap, "--save", snap});
    CHECK(again.code == 2);  // refuses to overwrite without --force
  }
}

TEST_SUITE("integration-baseline")
{
  // Each scenario's expected verdict, replicas and bounds come from how generate.py built it (see its comments).
  TEST_CASE("right-sizing: over-provisioned, saturated, right-sized, tensor-parallel, two-model and engine-less")
  {
    PrometheusFixture& p = prometheus();
    TempDir tmp;
    std::string snap = (tmp / "snap.json").string();
    json report = run_json({"--prometheus", p.url(), "--start", std::to_string(recommend_start()), "--end",
                            std::to_string(recommend_start() + k_recommend_minutes * 60), "--recommend", "--save", snap},
                           tmp);
    json expected = p.expected("recommend");
    REQUIRE(report.at("recommendations").size() == expected.at("deployments").size());
    for (const json& r : report.at("recommendations")) {
      const json& want = expected.at("deployments").at(r.at("tenant").get<std::string>() + "/" + r.at("model").get<std::string>());
      INFO(r.dump());
      CHECK(r.at("evidence").at("verdict") == want.at("verdict"));
      if (want.contains("gpus")) {  // no engine metrics: shown with its GPUs, not resized, low confidence
        CHECK(r.at("gpus").at("now") == want.at("gpus"));
        CHECK(r.at("gpus").at("recommended") == want.at("recommended_gpus"));
        CHECK(r.at("confidence") == "low");
        continue;
      }
      double now = want.at("replicas").get<double>(), k = want.at("gpus_per_replica").get<double>();
      double rec = r.at("replicas").at("recommended").get<double>();
      CHECK(r.at("replicas").at("now") == now);
      CHECK(r.at("gpus_per_replica") == k);
      CHECK(r.at("gpus").at("now") == now * k);
      CHECK(r.at("gpus").at("recommended") == rec * k);  // whole replicas: steps of k GPUs
      if (want.contains("recommended")) CHECK(rec == want.at("recommended").get<double>());
      if (want.contains("at_least")) CHECK(rec >= want.at("at_least").get<double>());
      if (want.contains("at_most")) CHECK(rec <= want.at("at_most").get<double>());
      double change = r.at("monthly_cost_change").get<double>();
      CHECK((rec < now ? change < 0 : rec > now ? change > 0 : change == 0));
      CHECK(r.at("evidence").at("missing").empty());  // every signal was built
      CHECK(r.at("confidence") == "medium");           // a 4-hour window: one level down, nothing else
    }
    CHECK(report.at("recommendation_cluster").at("unrequested_gpus") == expected.at("cluster").at("unrequested_gpus"));

    // The snapshot sizes the same offline, and compared with itself no advice was followed.
    json offline = run_json({"--from", snap, "--recommend", "--compare", snap}, tmp);
    CHECK(offline.at("recommendations") == report.at("recommendations"));
    for (const json& f : offline.at("recommendation_followup").at("deployments"))
      CHECK(f.at("followed") == (f.at("replicas").at("then") == f.at("replicas").at("recommended_then") ? "held" : "no"));
  }
}

}  // namespace readyctl::test
