// Right-sizing advice per tenant and model, the cluster's unrequested GPUs, and last week's advice followed up.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/baseline/statistics.hpp"

namespace readyctl::baseline {

// The targets a recommendation sizes for (flags of `baseline --recommend`).
struct RecommendOptions {
  double target_utilization = 0.7;    // GPU utilisation at the window's busiest step
  std::optional<double> slo_ttft_p95 = 2.0;  // seconds; nullopt: no TTFT objective
  std::optional<double> slo_e2e_p95;         // seconds; nullopt: no end-to-end objective
  double slo_queue_p95 = 1;           // waiting requests per replica at the 95th-percentile step
};

inline constexpr double k_hours_per_month = 730;  // 8,760 h / 12, as cloud price pages count a month
inline constexpr double k_hold_band = 0.1;        // peak utilisation within 0.1 of the target: hold, do not churn

struct Recommendation {
  std::string tenant;
  std::string model;
  std::string verdict;  // over-provisioned, right-sized, under-provisioned, saturated, latency over SLO,
                        // cannot size, no engine metrics
  Figure gpus_per_replica;
  Figure replicas_now, replicas_recommended;
  Figure gpus_now, gpus_recommended;
  Figure monthly_cost_change;  // USD per month; negative saves
  std::string reason;          // one sentence
  std::vector<std::pair<std::string, Figure>> evidence;  // figures it rests on, in display order
  std::vector<std::string> missing;                      // signals that had no data
  std::vector<std::string> confidence_notes;             // why the confidence is below high
  std::string confidence;                                // high, medium, low
};

// GPUs the node pools hold that no pod asked for, and what the whole advice adds up to.
struct ClusterRecommendation {
  Figure allocatable_gpus;      // mean over the window
  Figure peak_requested_gpus;   // the most GPUs running pods requested at any step
  Figure unrequested_gpus;      // allocatable - peak requested: never used by any pod in the window
  Figure node_pool_monthly_change;
  double tenants_monthly_change = 0;
  double total_monthly_change = 0;
};

// Whether an earlier snapshot's recommendation was followed, and what cost and latency did since.
struct FollowUp {
  std::string tenant;
  std::string model;
  Figure replicas_then, recommended_then, replicas_now;
  std::string followed;  // yes, partly, no, held (nothing was recommended), gone
  Figure monthly_gpu_cost_then, monthly_gpu_cost_now;
  Figure ttft_p95_then, ttft_p95_now;
};

struct Recommendations {
  RecommendOptions options;
  std::vector<Recommendation> items;
  ClusterRecommendation cluster;
  std::vector<std::string> notes;  // e.g. a snapshot without serving figures
  std::string followup_against;    // empty when not comparing
  std::vector<FollowUp> followup;
};

}  // namespace readyctl::baseline
