#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

const std::vector<FieldSpec>& baseline_fields()
{
  static const std::vector<FieldSpec> k_fields{
      {"requests.total", "requests", "", Worse::neither},
      {"requests.rate_mean", "mean rate", "r/s", Worse::neither},
      {"requests.rate_peak", "peak rate", "r/s", Worse::neither},
      {"requests.peak_to_mean", "peak/mean", "x", Worse::higher},
      {"requests.error_ratio", "error ratio", "%", Worse::higher},
      {"latency_seconds.e2e.p50", "e2e p50", "s", Worse::higher},
      {"latency_seconds.e2e.p95", "e2e p95", "s", Worse::higher},
      {"latency_seconds.e2e.p99", "e2e p99", "s", Worse::higher},
      {"latency_seconds.ttft.p50", "TTFT p50", "s", Worse::higher},
      {"latency_seconds.ttft.p95", "TTFT p95", "s", Worse::higher},
      {"latency_seconds.ttft.p99", "TTFT p99", "s", Worse::higher},
      {"latency_seconds.itl.p50", "ITL p50", "s", Worse::higher},
      {"latency_seconds.itl.p95", "ITL p95", "s", Worse::higher},
      {"latency_seconds.itl.p99", "ITL p99", "s", Worse::higher},
      {"queue.mean", "queue mean", "", Worse::higher},
      {"queue.p95", "queue p95", "", Worse::higher},
      {"queue.max", "queue max", "", Worse::higher},
      {"queue.cv", "queue CV", "", Worse::higher},
      {"tokens.prompt", "prompt tokens", "", Worse::neither},
      {"tokens.generation", "gen. tokens", "", Worse::neither},
      {"prefix_cache_hit_ratio", "prefix hit", "%", Worse::lower},
      {"gpu.allocated_gpu_hours", "GPU-hours", "h", Worse::neither},
      {"gpu.utilization_mean", "GPU util", "%", Worse::lower},
      {"gpu.utilization_cv", "GPU util CV", "", Worse::higher},
      {"resources.cpu_cores_used", "CPU used", "cores", Worse::neither},
      {"resources.cpu_cores_requested", "CPU requested", "cores", Worse::neither},
      {"resources.memory_gib_used", "mem used", "GiB", Worse::neither},
      {"resources.memory_gib_requested", "mem requested", "GiB", Worse::neither},
      {"cost.gpu", "GPU cost", "usd", Worse::higher},
      {"cost.cpu", "CPU cost", "usd", Worse::higher},
      {"cost.memory", "mem cost", "usd", Worse::higher},
      {"cost.total", "total cost", "usd", Worse::higher},
      {"cost.per_million_tokens", "$/1M tokens", "usd", Worse::higher},
      {"cost.idle_gpu", "idle GPU cost", "usd", Worse::higher},
      {"retry_amplification", "retry amp.", "x", Worse::higher},
  };
  return k_fields;
}

Figure TenantBaseline::get(std::string_view path) const
{
  auto it = figures.find(path);
  return it == figures.end() ? std::nullopt : it->second;
}

}  // namespace readyctl::baseline
