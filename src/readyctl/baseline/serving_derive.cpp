// From the "serving.*" answers to one ServingFigures per tenant and model: per-step series, then figures.
#include <cmath>
#include <map>

#include "readyctl/baseline/serving_queries.hpp"

namespace readyctl::baseline {
namespace {

using GroupKey = std::pair<std::string, std::string>;  // tenant, model

struct GroupSeries {
  std::map<std::string, std::vector<Figure>> series;  // query id -> one value per step
  std::map<std::string, Figure> instants;             // "preemptions", "ttft_p95", ...
};

std::string serving_label(const Series& s, const std::string& label, const char* fallback)
{
  auto it = s.labels.find(label);
  return it == s.labels.end() || it->second.empty() ? fallback : it->second;
}

GroupKey serving_key(const Series& s, const std::string& tenant_label)
{
  return {serving_label(s, tenant_label, "(no tenant label)"), serving_label(s, k_model_label, "")};
}

// One value per step in (start, end], scaled; non-finite samples are missing.
std::vector<Figure> serving_align(const Series& s, const Window& w, double scale)
{
  std::vector<Figure> out(w.points());
  for (const Sample& sample : s.samples) {
    long index = std::lround((sample.time - w.start) / w.step) - 1;
    if (index >= 0 && static_cast<size_t>(index) < out.size() && std::isfinite(sample.value))
      out[static_cast<size_t>(index)] = sample.value * scale;
  }
  return out;
}

double signal_scale(const Detection& d, const std::string& signal)
{
  auto it = d.signals.find(signal);
  return it == d.signals.end() ? 1.0 : it->second.scale;
}

std::map<GroupKey, GroupSeries> group_results(const ResultsById& results, const Detection& d, const Window& w,
                                              const std::string& tenant_label)
{
  static const std::map<std::string, std::string> k_scaled_by{{"serving.util", "gpu_utilization"}};
  std::map<GroupKey, GroupSeries> groups;
  for (const auto& [id, result] : results) {
    if (!id.starts_with("serving.")) continue;
    auto scaled = k_scaled_by.find(id);
    double scale = scaled == k_scaled_by.end() ? 1.0 : signal_scale(d, scaled->second);
    for (const Series& s : result.series) {
      GroupSeries& g = groups[serving_key(s, tenant_label)];
      if (id == "serving.preemptions" && !s.samples.empty()) g.instants["preemptions"] = s.samples.front().value;
      else if (id.starts_with("serving.latency") || id == "serving.peaks") {
        if (!s.samples.empty() && s.labels.contains("figure")) g.instants[s.labels.at("figure")] = s.samples.front().value;
      } else if (id != "serving.preemptions") g.series[id] = serving_align(s, w, scale);
    }
  }
  return groups;
}

const std::vector<Figure>& series_of(const GroupSeries& g, const std::string& id)
{
  static const std::vector<Figure> k_none;
  auto it = g.series.find(id);
  return it == g.series.end() ? k_none : it->second;
}

Figure finite_or_null(const GroupSeries& g, const std::string& name)
{
  auto it = g.instants.find(name);
  return it != g.instants.end() && it->second && std::isfinite(*it->second) ? it->second : std::nullopt;
}

// Mean over one quarter of the window's steps (0 = first, 3 = last).
Figure quarter_mean(const std::vector<Figure>& values, size_t quarter)
{
  size_t n = values.size(), from = n * quarter / 4, to = n * (quarter + 1) / 4;
  if (from >= to) return std::nullopt;
  return mean_of(std::span<const Figure>(values).subspan(from, to - from));
}

// Replicas at the last step that counted any, and the GPUs of the last step that had any: what runs now.
void current_size(const GroupSeries& g, ServingFigures& f)
{
  f.replicas = finite_or_null(g, "replicas");
  const std::vector<Figure>& gpus = series_of(g, "serving.gpus");
  for (size_t i = gpus.size(); i-- > 0 && !f.gpus;)
    if (gpus[i] && *gpus[i] > 0) f.gpus = gpus[i];
  if (f.replicas && f.gpus) f.gpus_per_replica = std::max(1.0, std::round(*f.gpus / *f.replicas));
}

void utilisation(const GroupSeries& g, ServingFigures& f)
{
  const std::vector<Figure>& util = series_of(g, "serving.util");
  const std::vector<Figure>& gpus = series_of(g, "serving.gpus");
  f.util_mean = mean_of(util);
  f.util_peak = max_of(util);
  std::vector<Figure> busy(util.size());
  for (size_t i = 0; i < util.size() && i < gpus.size(); ++i)
    if (util[i] && gpus[i]) busy[i] = *util[i] * *gpus[i];
  f.busy_gpus_peak = max_of(busy);
}

ServingFigures figures_of(const GroupKey& key, const GroupSeries& g)
{
  ServingFigures f;
  f.tenant = key.first;
  f.model = key.second;
  current_size(g, f);
  utilisation(g, f);
  const std::vector<Figure>& rate = series_of(g, "serving.rate");
  f.rate_mean = mean_of(rate);
  f.rate_peak = max_of(rate);
  f.running_peak = finite_or_null(g, "running_peak");
  const std::vector<Figure>& queue = series_of(g, "serving.queue");
  f.queue_p95 = quantile_of(queue, 0.95);
  f.queue_max = max_of(queue);
  f.queue_first = quarter_mean(queue, 0);
  f.queue_last = quarter_mean(queue, 3);
  f.kv_peak = finite_or_null(g, "kv_peak");
  f.kv_mean = finite_or_null(g, "kv_mean");
  f.preemptions = finite_or_null(g, "preemptions");
  f.ttft_p95 = finite_or_null(g, "ttft_p95");
  f.e2e_p95 = finite_or_null(g, "e2e_p95");
  f.e2e_mean = finite_or_null(g, "e2e_mean");
  return f;
}

std::map<std::string, int> models_per_tenant(const ResultsById& results, const std::string& tenant_label)
{
  std::map<std::string, int> out;
  if (auto it = results.find("serving.peaks"); it != results.end())
    for (const Series& s : it->second.series)
      if (auto figure = s.labels.find("figure"); figure != s.labels.end() && figure->second == "replicas")
        ++out[serving_key(s, tenant_label).first];
  return out;
}

// A tenant that serves one model: its own per-tenant series are that model's (rate, queue, GPUs, utilisation).
void fill_from_tenant(const TenantBaseline& t, GroupSeries& g)
{
  static const std::pair<const char*, const char*> k_series[] = {{"serving.rate", "request_rate"},
      {"serving.queue", "queue"}, {"serving.util", "gpu_utilization"}, {"serving.gpus", "gpus_allocated"}};
  for (auto [id, name] : k_series)
    if (!g.series.contains(id))
      if (auto it = t.series.find(name); it != t.series.end()) g.series[id] = it->second;
  for (auto [name, path] : {std::pair{"ttft_p95", "latency_seconds.ttft.p95"}, {"e2e_p95", "latency_seconds.e2e.p95"}})
    if (!g.instants.contains(name)) g.instants[name] = t.get(path);
}

}  // namespace

bool serving_needs_split(const ResultsById& results, const std::string& tenant_label)
{
  for (const auto& [tenant, models] : models_per_tenant(results, tenant_label))
    if (models > 1) return true;
  return false;
}

std::vector<ServingFigures> derive_serving(const ResultsById& results, const Detection& detection, const Baseline& b)
{
  std::map<std::string, int> models = models_per_tenant(results, b.tenant_label);
  std::vector<ServingFigures> out;
  for (auto& [key, group] : group_results(results, detection, b.window, b.tenant_label)) {
    if (!group.instants.contains("replicas")) continue;
    if (models[key.first] == 1)
      for (const TenantBaseline& t : b.tenants)
        if (t.name == key.first) fill_from_tenant(t, group);
    out.push_back(figures_of(key, group));
  }
  return out;
}

}  // namespace readyctl::baseline
