// What moved between two baselines: every figure present in both, by how much, and whether that hurts.
#pragma once
#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

inline constexpr double k_change_threshold = 0.05;  // moves smaller than 5 % are noise for a weekly baseline

// Tenants are matched by name; the cluster row is named "cluster". Sorted worst first, then by size.
Comparison compare_baselines(const Baseline& before, const Baseline& after, const std::string& before_name,
                             double threshold = k_change_threshold);

}  // namespace readyctl::baseline
