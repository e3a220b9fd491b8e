// Right-sizing from a baseline: pure computation from its figures (docs/recommend.md gives the method).
#pragma once
#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

// One recommendation per (tenant, model) that served traffic, one per tenant with GPUs but no engine metrics,
// and the cluster row. A baseline without serving figures gets no items and a note saying why.
Recommendations recommend(const Baseline& b, const RecommendOptions& options);

// Sizes one deployment; `usd_per_gpu_hour` prices its GPUs, `window_days` lowers confidence under 7.
Recommendation size_deployment(const ServingFigures& f, const RecommendOptions& options, double usd_per_gpu_hour,
                               double window_days);

// Last week's advice (recomputed from `before` with the same targets) against what runs in `after`.
std::vector<FollowUp> follow_up(const Baseline& before, const Baseline& after, const RecommendOptions& options);

}  // namespace readyctl::baseline
