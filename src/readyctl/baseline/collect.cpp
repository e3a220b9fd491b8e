#include "readyctl/baseline/collect.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "readyctl/baseline/derive.hpp"
#include "readyctl/baseline/query_plan.hpp"
#include "readyctl/baseline/serving_queries.hpp"

namespace readyctl::baseline {
namespace {

// Workers pull jobs from a shared index; the first failure wins and stops the others from starting more.
ResultsById run_queries(PrometheusClient& client, const std::vector<QueryJob>& jobs, const Window& w,
                        const CollectOptions& options)
{
  ResultsById results;
  std::mutex lock;
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  size_t done = 0;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      {
        std::lock_guard guard(lock);
        if (failure) return;
      }
      try {
        const QueryJob& job = jobs[i];
        QueryResult r = job.range ? client.range(job.promql, w.start, w.end, w.step) : client.instant(job.promql, w.end);
        std::lock_guard guard(lock);
        results[job.id] = std::move(r);
        if (options.progress) options.progress(++done, jobs.size());
      } catch (...) {
        std::lock_guard guard(lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, options.concurrency); ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

// Per-model figures for --recommend; the split queries run only when some tenant serves several models.
void add_serving(PrometheusClient& client, const Detection& detection, const CollectOptions& options,
                 ResultsById& results, Baseline& b)
{
  if (serving_needs_split(results, options.tenant_label))
    results.merge(run_queries(client, plan_serving_queries(detection, b.window, options.tenant_label,
                                                           ServingQueries::split), b.window, options));
  b.serving = derive_serving(results, detection, b);
}

}  // namespace

Baseline collect_baseline(const CollectOptions& options, double now)
{
  auto started = std::chrono::steady_clock::now();
  Baseline b;
  b.window = resolve_window(options.window, now);
  b.source = options.client.url;
  b.tenant_label = options.tenant_label;
  b.prices = options.prices;
  PrometheusClient client(options.client);
  // Probe first: the version tells us the server answers at all, the names which queries make sense.
  b.server_version = client.build_version();
  std::vector<Stack> stacks = builtin_stacks();
  std::vector<std::string> found = client.existing_names(all_probe_names(stacks), b.window.start, b.window.end);
  Detection detection = detect_stack(stacks, std::set<std::string>(found.begin(), found.end()), options.stack);
  b.stack = detection.engine;
  b.exporters = detection.exporters;
  if (detection.engine.empty())
    b.warnings.push_back("no inference engine metrics found (looked for vLLM, SGLang, TGI and Triton names)");
  std::vector<QueryJob> jobs = plan_queries(detection, b.window, options.tenant_label);
  if (options.serving)
    for (QueryJob& job : plan_serving_queries(detection, b.window, options.tenant_label, ServingQueries::engine))
      jobs.push_back(std::move(job));
  ResultsById results = run_queries(client, jobs, b.window, options);
  derive_baseline(results, detection, b);
  if (options.serving) add_serving(client, detection, options, results, b);
  b.stats.queries = client.stats().requests;
  b.stats.bytes_received = client.stats().bytes_received;
  b.stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return b;
}

}  // namespace readyctl::baseline
