#include "readyctl/baseline/derive.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "readyctl/baseline/figures.hpp"

namespace readyctl::baseline {
namespace {

constexpr const char* k_no_tenant = "(no tenant label)";

Figure finite(double v) { return std::isfinite(v) ? Figure(v) : std::nullopt; }

std::string tenant_of(const Series& s, const std::string& label)
{
  auto it = s.labels.find(label);
  return it == s.labels.end() || it->second.empty() ? k_no_tenant : it->second;
}

// One value per step in (start, end]; the point at `start` only anchors rates and is dropped.
std::vector<Figure> align(const Series& s, const Window& w, double scale)
{
  std::vector<Figure> out(w.points());
  for (const Sample& sample : s.samples) {
    long index = std::lround((sample.time - w.start) / w.step) - 1;
    if (index >= 0 && static_cast<size_t>(index) < out.size()) out[static_cast<size_t>(index)] = finite(sample.value * scale);
  }
  return out;
}

class Slicer {
public:
  Slicer(const ResultsById& r, const Detection& d, const Baseline& b) : m_r(r), m_d(d), m_b(b) {}

  const QueryResult* result(const std::string& id) const
  {
    auto it = m_r.find(id);
    return it == m_r.end() ? nullptr : &it->second;
  }

  double scale(const std::string& signal) const
  {
    auto it = m_d.signals.find(signal);
    return it == m_d.signals.end() ? 1.0 : it->second.scale;
  }

  // Tenants worth a row: those with inference traffic or GPUs.
  std::set<std::string> tenants() const
  {
    std::set<std::string> names;
    for (const char* id : {"requests.increase", "requests.rate", "queue.sum", "gpu.allocated", "gpu.util",
                           "prompt_tokens.increase", "e2e_latency.quantiles"})
      if (const QueryResult* r = result(id))
        for (const Series& s : r->series) names.insert(tenant_of(s, m_b.tenant_label));
    return names;
  }

  // Everything for one tenant; `cluster` sums every tenant group instead and reads the cluster queries.
  SignalInputs slice(const std::string& tenant, bool cluster) const
  {
    SignalInputs in;
    for (const auto& [id, result] : m_r) {
      if (id.ends_with(".increase")) add_increase(in, id.substr(0, id.size() - 9), result, tenant, cluster);
      else if (is_series(id)) add_series(in, id, result, tenant, cluster);
    }
    add_quantiles(in, tenant, cluster);
    add_gpu_stats(in, tenant, cluster);
    return in;
  }

private:
  bool matches(const Series& s, const std::string& tenant, bool cluster) const
  {
    return cluster || tenant_of(s, m_b.tenant_label) == tenant;
  }

  static bool is_series(const std::string& id)
  {
    static const std::set<std::string> k_ids{"requests.rate", "queue.sum", "e2e_latency.p95", "gpu.allocated",
                                             "gpu.util", "cpu.requested", "cpu.used", "memory.requested",
                                             "memory.used", "gpu.allocatable"};
    return k_ids.contains(id);
  }

  void add_increase(SignalInputs& in, const std::string& signal, const QueryResult& r, const std::string& tenant,
                    bool cluster) const
  {
    for (const Series& s : r.series)
      if (matches(s, tenant, cluster) && !s.samples.empty())
        if (Figure v = finite(s.samples.front().value)) in.increases[signal] = in.increases[signal].value_or(0) + *v;
  }

  void add_series(SignalInputs& in, const std::string& id, const QueryResult& r, const std::string& tenant,
                  bool cluster) const
  {
    if (id == "gpu.allocatable" && !cluster) return;
    if ((id == "e2e_latency.p95" || id == "gpu.util") && cluster) return;  // not additive
    double factor = id == "gpu.util" ? scale("gpu_utilization") : id == "e2e_latency.p95" ? scale("e2e_latency") : 1;
    std::vector<std::vector<Figure>> parts;
    for (const Series& s : r.series)
      if (matches(s, tenant, cluster)) parts.push_back(align(s, m_b.window, factor));
    if (!parts.empty()) in.series[id] = sum_series(parts);
  }

  void add_quantiles(SignalInputs& in, const std::string& tenant, bool cluster) const
  {
    for (const char* signal : {"e2e_latency", "ttft", "itl"}) {
      const QueryResult* r = result(std::string(signal) + ".quantiles" + (cluster ? ".cluster" : ""));
      if (!r) continue;
      for (const Series& s : r->series)
        if (matches(s, tenant, cluster) && !s.samples.empty() && s.labels.contains("quantile"))
          in.quantiles[std::string(signal) + "/" + s.labels.at("quantile")] = finite(s.samples.front().value * scale(signal));
    }
  }

  void add_gpu_stats(SignalInputs& in, const std::string& tenant, bool cluster) const
  {
    if (const QueryResult* r = result(cluster ? "gpu.stats.cluster" : "gpu.stats"))
      for (const Series& s : r->series) {
        if (!matches(s, tenant, cluster) || s.samples.empty()) continue;
        Figure v = finite(s.samples.front().value * scale("gpu_utilization"));
        (s.labels.at("stat") == "mean" ? in.utilization_mean : in.utilization_stddev) = v;
      }
    if (const QueryResult* r = result("gpu.models")) {
      const std::string& label = m_d.signals.at("gpu_utilization").model_label;
      for (const Series& s : r->series)
        if (matches(s, tenant, cluster) && !s.samples.empty() && s.labels.contains(label))
          in.gpu_models[s.labels.at(label)] += s.samples.front().value;
    }
  }

  const ResultsById& m_r;
  const Detection& m_d;
  const Baseline& m_b;
};

// Which signal feeds each group of figures, so a null figure can name the metric that was missing.
const std::vector<std::pair<std::string, std::string>>& figure_sources()
{
  static const std::vector<std::pair<std::string, std::string>> k_sources{
      {"requests.total", "requests"}, {"requests.error_ratio", "errors"},
      {"latency_seconds.e2e", "e2e_latency"}, {"latency_seconds.ttft", "ttft"}, {"latency_seconds.itl", "itl"},
      {"queue", "queue"}, {"tokens.prompt", "prompt_tokens"}, {"tokens.generation", "generation_tokens"},
      {"prefix_cache_hit_ratio", "prefix_cache_hits"}, {"gpu.allocated_gpu_hours", "resource_requests"},
      {"gpu.utilization_mean", "gpu_utilization"}, {"resources.cpu_cores_used", "cpu_usage"},
      {"resources.memory_gib_used", "memory_usage"}, {"retry_amplification", "upstream_requests"}};
  return k_sources;
}

bool figure_null(const TenantBaseline& t, const std::string& prefix)
{
  for (const auto& [path, value] : t.figures)
    if (path.starts_with(prefix) && value) return false;
  return true;
}

// Tenants with GPUs or pods but no engine metrics at all (batch jobs, training): one warning, not one per figure.
std::set<std::string> without_engine(const Baseline& b)
{
  std::set<std::string> names;
  for (const TenantBaseline& t : b.tenants)
    if (figure_null(t, "requests") && figure_null(t, "latency_seconds") && figure_null(t, "queue") &&
        figure_null(t, "tokens"))
      names.insert(t.name);
  return names;
}

void warn_missing(const Detection& d, Baseline& b)
{
  std::set<std::string> quiet = without_engine(b);
  if (!quiet.empty() && !d.engine.empty())
    b.warnings.push_back(fmt::format("no inference engine metrics for {}: only GPU, resource and cost figures",
                                     fmt::join(quiet, ", ")));
  for (const auto& [prefix, signal] : figure_sources()) {
    if (signal == "upstream_requests" && d.signals.contains("dapr_retries")) continue;
    if (auto it = d.missing.find(signal); it != d.missing.end() && !d.signals.contains(signal)) {
      b.warnings.push_back(fmt::format("{} is null: metric '{}' not found", prefix, it->second));
      continue;
    }
    std::vector<std::string> empty;
    for (const TenantBaseline& t : b.tenants)
      if (figure_null(t, prefix) && !quiet.contains(t.name)) empty.push_back(t.name);
    if (!empty.empty() && d.signals.contains(signal))
      b.warnings.push_back(fmt::format("{} is null for {}: no samples of '{}' in the window", prefix,
                                       fmt::join(empty, ", "), d.signals.at(signal).series()));
  }
}

// The cluster's bill is the sum of its tenants' bills (each priced by its own GPU models and its own
// max(request, usage)), so the cluster row adds up with the rows above it.
void sum_tenant_costs(const Baseline& b, TenantBaseline& cluster)
{
  for (const char* path : {"cost.gpu", "cost.cpu", "cost.memory", "cost.idle_gpu"}) {
    Figure total;
    for (const TenantBaseline& t : b.tenants)
      if (Figure v = t.get(path)) total = total.value_or(0) + *v;
    cluster.figures[path] = total;
  }
}

void finish_cluster_costs(TenantBaseline& cluster)
{
  Figure total;
  for (const char* path : {"cost.gpu", "cost.cpu", "cost.memory"})
    if (Figure v = cluster.get(path)) total = total.value_or(0) + *v;
  cluster.figures["cost.total"] = total;
  Figure tokens;
  for (const char* path : {"tokens.prompt", "tokens.generation"})
    if (Figure v = cluster.get(path)) tokens = tokens.value_or(0) + *v;
  Figure per_token = ratio(total, tokens);
  cluster.figures["cost.per_million_tokens"] = per_token ? Figure(*per_token * 1e6) : std::nullopt;
}

// The cluster's idle GPUs include allocatable GPUs no pod requested, priced at the default model.
void add_unallocated_idle(const SignalInputs& in, const Baseline& b, TenantBaseline& cluster)
{
  auto it = in.series.find("gpu.allocatable");
  Figure allocatable = it == in.series.end() ? std::nullopt : integrate_hours(it->second, b.window.step);
  Figure allocated = cluster.get("gpu.allocated_gpu_hours");
  if (!allocatable || !allocated) return;
  double spare = std::max(0.0, *allocatable - *allocated) * b.prices.gpu_price("").usd;
  cluster.figures["cost.idle_gpu"] = cluster.get("cost.idle_gpu").value_or(0) + spare;
  cluster.figures["gpu.allocatable_gpu_hours"] = allocatable;
}

}  // namespace

void derive_baseline(const ResultsById& results, const Detection& detection, Baseline& out)
{
  Slicer slicer(results, detection, out);
  for (const std::string& name : slicer.tenants()) {
    TenantBaseline t{name, {}, {}};
    SignalInputs in = slicer.slice(name, false);
    compute_figures(in, out.window, t);
    compute_costs(in, out.prices, out.window, t);
    out.tenants.push_back(std::move(t));
  }
  SignalInputs all = slicer.slice("", true);
  out.cluster = TenantBaseline{"cluster", {}, {}};
  compute_figures(all, out.window, out.cluster);
  sum_tenant_costs(out, out.cluster);
  add_unallocated_idle(all, out, out.cluster);
  finish_cluster_costs(out.cluster);
  warn_missing(detection, out);
  for (const auto& [id, r] : results)
    for (const std::string& w : r.warnings) out.warnings.push_back(fmt::format("server warning ({}): {}", id, w));
}

}  // namespace readyctl::baseline
