#include "readyctl/baseline/serving_queries.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace readyctl::baseline {
namespace {

class ServingPlanner {
public:
  ServingPlanner(const Detection& d, const Window& w, const std::string& tenant)
      : m_d(d), m_w(w), m_by(fmt::format("{},{}", tenant, k_model_label)),
        m_pod_by(tenant == "namespace" ? fmt::format("namespace,pod,{}", k_model_label)
                                       : fmt::format("{},namespace,pod,{}", tenant, k_model_label)),
        m_copy(tenant == "namespace" ? std::string(k_model_label) : fmt::format("{},{}", tenant, k_model_label))
  {
  }

  bool has(const std::string& signal) const { return m_d.signals.contains(signal); }

  std::string series(const std::string& signal, const std::string& suffix = "", const std::string& extra = "") const
  {
    const ResolvedSignal& s = m_d.signals.at(signal);
    std::string matchers = s.selector;
    if (!extra.empty()) matchers += (matchers.empty() ? "" : ",") + extra;
    return s.metric + suffix + (matchers.empty() ? "" : "{" + matchers + "}");
  }

  // Engine-only signals: what a tenant's own baseline series cannot tell (replicas, running, KV, preemptions).
  void plan_engine()
  {
    // Replicas are the pods that report `running`; without it nothing can be counted, so nothing is asked.
    if (!has("running")) return;
    // One request, one number back per deployment: replicas reporting at the window's end, the peak of requests
    // running at once (a subquery at the window's step, the points a range query would return), and KV-cache use
    // over raw samples (the fullest replica's peak, the mean over replicas): each a single evaluation, not one
    // per step, which is what keeps --recommend's cost small on a big fleet.
    std::string w = promql_range(m_w.seconds());
    std::vector<std::string> parts{
        figure("replicas", fmt::format("count by ({})(group by ({})(last_over_time({}[{}])))", m_by, m_pod_by,
                                       series("running"), promql_range(std::max(2 * m_w.step, 300.0)))),
        over_steps("max", "running_peak", fmt::format("sum by ({})({})", m_by, series("running")))};
    if (has("kv_cache")) {
      parts.push_back(figure("kv_peak", fmt::format("max by ({})(max_over_time({}[{}]))", m_by, series("kv_cache"), w)));
      parts.push_back(figure("kv_mean", fmt::format("avg by ({})(avg_over_time({}[{}]))", m_by, series("kv_cache"), w)));
    }
    instant("serving.peaks", fmt::format("{}", fmt::join(parts, " or ")), "running");
    if (has("preemptions"))
      instant("serving.preemptions", fmt::format("sum by ({})(increase({}[{}]))", m_by, series("preemptions"),
                                                 promql_range(m_w.seconds())), "preemptions");
    latency(false);
  }

  // The per-model split of what the baseline measures per tenant: only for tenants that serve several models.
  void plan_split()
  {
    if (!has("running")) return;
    std::string pods = this->pods();
    if (has("resource_requests"))
      range("serving.gpus", fmt::format("sum by ({})({} * on(namespace,pod) group_left() sum by (namespace,pod)({}))",
                                        m_by, pods, series("resource_requests", "", "resource=\"nvidia_com_gpu\"")),
            "resource_requests");
    if (has("gpu_utilization")) range("serving.util", utilization(pods), "gpu_utilization");
    if (has("requests"))
      range("serving.rate", fmt::format("sum by ({})(rate({}[{}]))", m_by, series("requests"),
                                        promql_range(m_w.rate_window)), "requests");
    if (has("queue")) range("serving.queue", fmt::format("sum by ({})({})", m_by, series("queue")), "queue");
    latency(true);
  }

  std::vector<QueryJob> take() { return std::move(m_jobs); }

private:
  static std::string figure(const char* name, const std::string& expr)
  {
    return fmt::format("label_replace({}, \"figure\", \"{}\", \"\", \"\")", expr, name);
  }
  std::string over_steps(const char* fn, const char* name, const std::string& expr) const
  {
    return figure(name, fmt::format("{}_over_time(({})[{}:{}])", fn, expr, promql_range(m_w.seconds()),
                                    promql_range(m_w.step)));
  }

  std::string pods() const { return fmt::format("group by ({})({})", m_pod_by, series("running")); }

  // DCGM's per-GPU utilisation of the pods that serve a model; a ServiceMonitor with `honorLabels: false` moves
  // the workload's namespace and pod to exported_*, so those win where they are set.
  std::string utilization(const std::string& pods) const
  {
    std::string u = fmt::format("label_replace(label_replace({}, \"namespace\", \"$1\", \"exported_namespace\", "
                                "\"(.+)\"), \"pod\", \"$1\", \"exported_pod\", \"(.+)\")",
                                series("gpu_utilization"));
    return fmt::format("avg by ({})({} * on(namespace,pod) group_left({}) {})", m_by, u, m_copy, pods);
  }

  // Mean e2e (for Little's law) or TTFT p95 and e2e p95 over the whole window, told apart by a `figure` label.
  void latency(bool quantiles)
  {
    std::vector<std::string> parts;
    std::string w = promql_range(m_w.seconds());
    for (auto [signal, name] : {std::pair{"ttft", "ttft_p95"}, std::pair{"e2e_latency", "e2e_p95"}})
      if (quantiles && has(signal) && m_d.signals.at(signal).kind == SignalKind::histogram)
        parts.push_back(fmt::format("label_replace(histogram_quantile(0.95, sum by (le,{})(increase({}[{}]))), "
                                    "\"figure\", \"{}\", \"\", \"\")", m_by, series(signal, "_bucket"), w, name));
    if (!quantiles && has("e2e_latency") && m_d.signals.at("e2e_latency").kind == SignalKind::histogram)
      parts.push_back(fmt::format("label_replace(sum by ({0})(increase({1}[{3}])) / sum by ({0})(increase({2}[{3}])), "
                                  "\"figure\", \"e2e_mean\", \"\", \"\")", m_by, series("e2e_latency", "_sum"),
                                  series("e2e_latency", "_count"), w));
    if (!parts.empty()) instant(quantiles ? "serving.latency_split" : "serving.latency", fmt::format("{}", fmt::join(parts, " or ")), "e2e_latency");
  }

  void range(std::string id, std::string promql, const std::string& signal)
  {
    m_jobs.push_back({std::move(id), std::move(promql), true, m_d.signals.at(signal).metric});
  }
  void instant(std::string id, std::string promql, const std::string& signal)
  {
    std::string metric = m_d.signals.contains(signal) ? m_d.signals.at(signal).metric : "";
    m_jobs.push_back({std::move(id), std::move(promql), false, metric});
  }

  const Detection& m_d;
  const Window& m_w;
  std::string m_by;      // tenant,model
  std::string m_pod_by;  // tenant,namespace,pod,model (namespace and pod for the joins)
  std::string m_copy;    // labels group_left copies onto DCGM series
  std::vector<QueryJob> m_jobs;
};

}  // namespace

std::vector<QueryJob> plan_serving_queries(const Detection& detection, const Window& window,
                                           const std::string& tenant_label, ServingQueries which)
{
  ServingPlanner p(detection, window, tenant_label);
  if (which == ServingQueries::engine) p.plan_engine();
  else p.plan_split();
  return p.take();
}

}  // namespace readyctl::baseline
