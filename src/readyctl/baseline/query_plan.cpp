#include "readyctl/baseline/query_plan.hpp"

#include <cmath>

#include <fmt/format.h>

namespace readyctl::baseline {
namespace {

constexpr const char* k_quantiles[] = {"0.5", "0.95", "0.99"};

class Planner {
public:
  Planner(const Detection& d, const Window& w, const std::string& tenant) : m_d(d), m_w(w), m_by(tenant) {}

  bool has(const std::string& signal) const { return m_d.signals.contains(signal); }
  const ResolvedSignal& sig(const std::string& signal) const { return m_d.signals.at(signal); }

  // `name{selector,extra}`
  std::string series(const std::string& signal, const std::string& suffix = "", const std::string& extra = "") const
  {
    const ResolvedSignal& s = sig(signal);
    std::string matchers = s.selector;
    if (!extra.empty()) matchers += (matchers.empty() ? "" : ",") + extra;
    return s.metric + suffix + (matchers.empty() ? "" : "{" + matchers + "}");
  }

  void increase(const std::string& signal, const std::string& suffix = "")
  {
    if (!has(signal)) return;
    add(signal + ".increase", fmt::format("sum by ({})(increase({}[{}]))", m_by, series(signal, suffix), window()), false,
        signal);
  }

  void rate_series(const std::string& signal, const std::string& id)
  {
    if (!has(signal)) return;
    add(id, fmt::format("sum by ({})(rate({}[{}]))", m_by, series(signal), promql_range(m_w.rate_window)), true, signal);
  }

  void gauge_sum_series(const std::string& signal, const std::string& id)
  {
    if (!has(signal)) return;
    add(id, fmt::format("sum by ({})({})", m_by, series(signal)), true, signal);
  }

  // p50/p95/p99 over the whole window in one request, told apart by a `quantile` label.
  void quantiles(const std::string& signal, bool cluster)
  {
    if (!has(signal)) return;
    std::string by = cluster ? "le" : "le," + m_by;
    std::vector<std::string> parts;
    for (const char* q : k_quantiles)
      parts.push_back(fmt::format("label_replace(histogram_quantile({}, sum by ({})(increase({}[{}]))), "
                                  "\"quantile\", \"{}\", \"\", \"\")",
                                  q, by, series(signal, "_bucket"), window(), q));
    add(signal + ".quantiles" + (cluster ? ".cluster" : ""), fmt::format("{}", fmt::join(parts, " or ")), false, signal);
  }

  void p95_series(const std::string& signal)
  {
    if (!has(signal)) return;
    add(signal + ".p95", fmt::format("histogram_quantile(0.95, sum by (le,{})(rate({}[{}])))", m_by,
                                     series(signal, "_bucket"), promql_range(m_w.rate_window)), true, signal);
  }

  // Requests of running pods only: kube-state-metrics keeps emitting requests for finished pods.
  void requested(const std::string& resource, const std::string& id)
  {
    if (!has("resource_requests") || !has("pod_phase")) return;
    add(id, fmt::format("sum by ({})({} * on(namespace,pod) group_left() (max by (namespace,pod)({}) == 1))", m_by,
                        series("resource_requests", "", fmt::format("resource=\"{}\"", resource)),
                        series("pod_phase", "", "phase=\"Running\"")), true, "resource_requests");
  }

  // DCGM scraped by a ServiceMonitor with `honorLabels: false` carries the exporter's namespace in `namespace`
  // and the workload's in `exported_namespace`; where the exported label is set, it names the tenant.
  std::string owned_by_workload(const std::string& expr) const
  {
    return fmt::format("label_replace({}, \"{}\", \"$1\", \"exported_{}\", \"(.+)\")", expr, m_by, m_by);
  }

  void gpu_utilization()
  {
    if (!has("gpu_utilization")) return;
    std::string raw = series("gpu_utilization");
    std::string u = owned_by_workload(raw);
    add("gpu.util", fmt::format("avg by ({})({})", m_by, u), true, "gpu_utilization");
    // Unevenness across GPUs: the spread of each GPU's mean over the window.
    std::string per_gpu = owned_by_workload(fmt::format("avg_over_time({}[{}])", raw, window()));
    for (bool cluster : {false, true}) {
      std::string by = cluster ? "" : fmt::format(" by ({})", m_by);
      add(std::string("gpu.stats") + (cluster ? ".cluster" : ""),
          fmt::format("label_replace(avg{0}({1}), \"stat\", \"mean\", \"\", \"\") or "
                      "label_replace(stddev{0}({1}), \"stat\", \"stddev\", \"\", \"\")", by, per_gpu),
          false, "gpu_utilization");
    }
    if (!sig("gpu_utilization").model_label.empty())
      add("gpu.models", fmt::format("count by ({}, {})({})", m_by, sig("gpu_utilization").model_label,
                                    owned_by_workload(fmt::format("last_over_time({}[{}])", raw, window()))), false, "gpu_utilization");
  }

  void allocatable()
  {
    if (!has("node_allocatable")) return;
    add("gpu.allocatable", fmt::format("sum({})", series("node_allocatable", "", "resource=\"nvidia_com_gpu\"")), true,
        "node_allocatable");
  }

  std::vector<QueryJob> take() { return std::move(m_jobs); }

private:
  std::string window() const { return promql_range(m_w.seconds()); }
  void add(std::string id, std::string promql, bool range, const std::string& signal)
  {
    m_jobs.push_back({std::move(id), std::move(promql), range, sig(signal).metric});
  }

  const Detection& m_d;
  const Window& m_w;
  std::string m_by;
  std::vector<QueryJob> m_jobs;
};

}  // namespace

std::string promql_range(double seconds) { return fmt::format("{}s", static_cast<long long>(std::llround(seconds))); }

std::vector<QueryJob> plan_queries(const Detection& detection, const Window& window, const std::string& tenant_label)
{
  Planner p(detection, window, tenant_label);
  for (const char* counter : {"requests", "errors", "prompt_tokens", "generation_tokens", "prefix_cache_hits",
                              "prefix_cache_queries", "upstream_requests", "upstream_retries", "dapr_retries"}) {
    bool summed = p.has(counter) && p.sig(counter).kind == SignalKind::histogram_sum;
    p.increase(counter, summed ? "_sum" : "");
  }
  p.rate_series("requests", "requests.rate");
  for (const char* histogram : {"e2e_latency", "ttft", "itl"}) {
    p.quantiles(histogram, false);
    p.quantiles(histogram, true);
  }
  p.p95_series("e2e_latency");
  p.gauge_sum_series("queue", "queue.sum");
  p.requested("nvidia_com_gpu", "gpu.allocated");
  p.requested("cpu", "cpu.requested");
  p.requested("memory", "memory.requested");
  p.rate_series("cpu_usage", "cpu.used");
  p.gauge_sum_series("memory_usage", "memory.used");
  p.gpu_utilization();
  p.allocatable();
  return p.take();
}

}  // namespace readyctl::baseline
