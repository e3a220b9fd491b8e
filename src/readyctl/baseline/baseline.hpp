// A baseline: per-tenant and cluster figures over one window, the per-step series behind them, and warnings.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "readyctl/baseline/prices.hpp"
#include "readyctl/baseline/recommendation.hpp"
#include "readyctl/baseline/serving.hpp"
#include "readyctl/baseline/statistics.hpp"
#include "readyctl/baseline/window.hpp"

namespace readyctl::baseline {

// Which way a figure moving is bad news, for --compare.
enum class Worse { higher, lower, neither };

// One figure of the public JSON shape, addressed by its dotted path ("latency_seconds.e2e.p95").
struct FieldSpec {
  std::string_view path;
  std::string_view label;  // short human name for tables
  std::string_view unit;   // "", "s", "r/s", "usd", "h", "cores", "GiB"
  Worse worse;
};

// Every figure, in the order the JSON contract lists them.
const std::vector<FieldSpec>& baseline_fields();

// Per-step series a baseline keeps (for burstiness, charts and later comparisons).
inline constexpr std::string_view k_series_names[] = {"request_rate", "queue", "e2e_p95", "gpu_utilization",
                                                      "gpus_allocated"};

struct TenantBaseline {
  std::string name;
  std::map<std::string, Figure, std::less<>> figures;               // path -> value; nullopt is "no data"
  std::map<std::string, std::vector<Figure>, std::less<>> series;   // name -> one value per step in (start, end]
  Figure get(std::string_view path) const;
};

// One figure that moved between two baselines.
struct Change {
  std::string tenant;  // "cluster" for the cluster row
  std::string path;
  Figure before;
  Figure after;
  Figure relative;     // (after - before) / |before|
  bool worse = false;    // moved in the direction that hurts
  bool neutral = false;  // a figure with no good direction (traffic, tokens, GPU-hours)
};

struct Comparison {
  std::string against;  // the snapshot compared to
  Window before_window;
  std::vector<Change> changes;  // figures that moved by at least the threshold, worst first
};

struct QueryStats {
  size_t queries = 0;
  size_t bytes_received = 0;
  double wall_seconds = 0;
};

struct Baseline {
  Window window;
  std::string source;          // the Prometheus URL, a snapshot path, or "demo"
  std::string server_version;  // from buildinfo, when offered
  std::string stack;           // the engine stack; empty when none was found
  std::string tenant_label;
  std::vector<std::string> exporters;
  std::vector<TenantBaseline> tenants;
  TenantBaseline cluster;
  std::vector<std::string> warnings;
  PriceCatalogue prices;
  std::optional<Comparison> comparison;
  std::optional<std::vector<ServingFigures>> serving;  // per tenant and model; nullopt when not collected
  std::optional<Recommendations> recommendations;      // --recommend
  QueryStats stats;
};

}  // namespace readyctl::baseline
