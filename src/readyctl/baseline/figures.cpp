#include "readyctl/baseline/figures.hpp"

#include <algorithm>

namespace readyctl::baseline {
namespace {

constexpr double k_gib = 1024.0 * 1024.0 * 1024.0;

Figure increase(const SignalInputs& in, const std::string& signal)
{
  auto it = in.increases.find(signal);
  return it == in.increases.end() ? std::nullopt : it->second;
}

const std::vector<Figure>& series(const SignalInputs& in, const std::string& id)
{
  static const std::vector<Figure> k_empty;
  auto it = in.series.find(id);
  return it == in.series.end() ? k_empty : it->second;
}

Figure sum(Figure a, Figure b)
{
  if (!a) return b;
  if (!b) return a;
  return *a + *b;
}

void request_figures(const SignalInputs& in, const Window& w, TenantBaseline& t)
{
  Figure total = increase(in, "requests");
  const std::vector<Figure>& rate = series(in, "requests.rate");
  Figure mean = total ? Figure(*total / w.seconds()) : std::nullopt;
  t.figures["requests.total"] = total;
  t.figures["requests.rate_mean"] = mean;
  t.figures["requests.rate_peak"] = max_of(rate);
  t.figures["requests.peak_to_mean"] = ratio(max_of(rate), mean);
  t.figures["requests.error_ratio"] = ratio(increase(in, "errors"), total);
}

void latency_figures(const SignalInputs& in, TenantBaseline& t)
{
  static const std::pair<const char*, const char*> k_names[] = {{"e2e_latency", "e2e"}, {"ttft", "ttft"}, {"itl", "itl"}};
  static const std::pair<const char*, const char*> k_q[] = {{"0.5", "p50"}, {"0.95", "p95"}, {"0.99", "p99"}};
  for (auto [signal, name] : k_names)
    for (auto [q, label] : k_q) {
      auto it = in.quantiles.find(std::string(signal) + "/" + q);
      t.figures[std::string("latency_seconds.") + name + "." + label] = it == in.quantiles.end() ? std::nullopt : it->second;
    }
}

void queue_figures(const SignalInputs& in, TenantBaseline& t)
{
  const std::vector<Figure>& q = series(in, "queue.sum");
  t.figures["queue.mean"] = mean_of(q);
  t.figures["queue.p95"] = quantile_of(q, 0.95);
  t.figures["queue.max"] = max_of(q);
  t.figures["queue.cv"] = cv_of(q);
}

void token_and_cache_figures(const SignalInputs& in, TenantBaseline& t)
{
  t.figures["tokens.prompt"] = increase(in, "prompt_tokens");
  t.figures["tokens.generation"] = increase(in, "generation_tokens");
  t.figures["prefix_cache_hit_ratio"] = ratio(increase(in, "prefix_cache_hits"), increase(in, "prefix_cache_queries"));
}

void gpu_and_resource_figures(const SignalInputs& in, const Window& w, TenantBaseline& t)
{
  t.figures["gpu.allocated_gpu_hours"] = integrate_hours(series(in, "gpu.allocated"), w.step);
  t.figures["gpu.utilization_mean"] = in.utilization_mean;
  t.figures["gpu.utilization_cv"] = ratio(in.utilization_stddev, in.utilization_mean);
  t.figures["resources.cpu_cores_used"] = mean_of(series(in, "cpu.used"));
  t.figures["resources.cpu_cores_requested"] = mean_of(series(in, "cpu.requested"));
  Figure mem_used = mean_of(series(in, "memory.used"));
  Figure mem_req = mean_of(series(in, "memory.requested"));
  t.figures["resources.memory_gib_used"] = mem_used ? Figure(*mem_used / k_gib) : std::nullopt;
  t.figures["resources.memory_gib_requested"] = mem_req ? Figure(*mem_req / k_gib) : std::nullopt;
}

// Envoy: all upstream attempts over first attempts. Dapr: (requests + retries) over requests.
void retry_figure(const SignalInputs& in, TenantBaseline& t)
{
  Figure attempts = increase(in, "upstream_requests");
  Figure retries = increase(in, "upstream_retries");
  if (attempts && retries) {
    t.figures["retry_amplification"] = ratio(attempts, Figure(*attempts - *retries));
    return;
  }
  Figure requests = increase(in, "requests");
  Figure dapr = increase(in, "dapr_retries");
  t.figures["retry_amplification"] = dapr ? ratio(sum(requests, dapr), requests) : std::nullopt;
}

// Per step: the larger of what was requested and what was used, integrated to unit-hours.
Figure billable_hours(const std::vector<Figure>& requested, const std::vector<Figure>& used, double step)
{
  if (requested.empty() && used.empty()) return std::nullopt;
  std::vector<Figure> billed(std::max(requested.size(), used.size()));
  for (size_t i = 0; i < billed.size(); ++i) {
    Figure r = i < requested.size() ? requested[i] : std::nullopt;
    Figure u = i < used.size() ? used[i] : std::nullopt;
    billed[i] = r && u ? Figure(std::max(*r, *u)) : (r ? r : u);
  }
  return integrate_hours(billed, step);
}

// GPU price per hour for this tenant: the mix of models its GPUs report, else the default model.
double gpu_hourly(const SignalInputs& in, const PriceCatalogue& prices)
{
  double gpus = 0, usd = 0;
  for (const auto& [model, count] : in.gpu_models) {
    gpus += count;
    usd += count * prices.gpu_price(model).usd;
  }
  return gpus > 0 ? usd / gpus : prices.gpu_price("").usd;
}

Figure times(Figure a, double b) { return a ? Figure(*a * b) : std::nullopt; }

}  // namespace

void compute_figures(const SignalInputs& in, const Window& window, TenantBaseline& out)
{
  request_figures(in, window, out);
  latency_figures(in, out);
  queue_figures(in, out);
  token_and_cache_figures(in, out);
  gpu_and_resource_figures(in, window, out);
  retry_figure(in, out);
  static const std::pair<const char*, const char*> k_kept[] = {{"requests.rate", "request_rate"}, {"queue.sum", "queue"},
      {"e2e_latency.p95", "e2e_p95"}, {"gpu.util", "gpu_utilization"}, {"gpu.allocated", "gpus_allocated"}};
  for (auto [id, name] : k_kept)
    if (in.series.contains(id)) out.series[name] = in.series.at(id);
}

void compute_costs(const SignalInputs& in, const PriceCatalogue& prices, const Window& window, TenantBaseline& out)
{
  double gpu_price = gpu_hourly(in, prices);
  Figure gpu_hours = out.get("gpu.allocated_gpu_hours");
  Figure gpu = times(gpu_hours, gpu_price);
  Figure cpu = times(billable_hours(series(in, "cpu.requested"), series(in, "cpu.used"), window.step),
                     prices.cpu_core_hour.usd);
  Figure memory = times(billable_hours(series(in, "memory.requested"), series(in, "memory.used"), window.step),
                        prices.memory_gib_hour.usd / k_gib);
  Figure total = sum(sum(gpu, cpu), memory);
  Figure tokens = sum(out.get("tokens.prompt"), out.get("tokens.generation"));
  Figure util = out.get("gpu.utilization_mean");
  out.figures["cost.gpu"] = gpu;
  out.figures["cost.cpu"] = cpu;
  out.figures["cost.memory"] = memory;
  out.figures["cost.total"] = total;
  out.figures["cost.per_million_tokens"] = times(ratio(total, tokens), 1e6);
  out.figures["cost.idle_gpu"] = gpu && util ? Figure(*gpu * (1 - std::clamp(*util, 0.0, 1.0))) : std::nullopt;
}

}  // namespace readyctl::baseline
