// Runs a baseline against a live Prometheus-compatible API: probe, plan, query (a few in flight), derive.
#pragma once
#include <functional>
#include <string>

#include "readyctl/baseline/baseline.hpp"
#include "readyctl/baseline/prometheus_client.hpp"

namespace readyctl::baseline {

struct CollectOptions {
  ClientOptions client;
  WindowRequest window;
  std::string tenant_label = "namespace";
  std::string stack = "auto";
  PriceCatalogue prices = default_prices();
  int concurrency = 4;  // queries in flight; servers default to 20 for everyone
  bool serving = false;  // also the per-model figures --recommend sizes on (serving_queries.hpp)
  // Called after each query with (done, total); from worker threads, one call at a time.
  std::function<void(size_t done, size_t total)> progress;
};

Baseline collect_baseline(const CollectOptions& options, double now);

}  // namespace readyctl::baseline
