// Splits a range query into step-aligned pieces that each stay under the server's points-per-series cap.
#pragma once
#include <vector>

namespace readyctl::baseline {

inline constexpr double k_max_points_per_query = 10'000;  // Prometheus refuses > 11,000; keep a margin

struct TimeRange {
  double start = 0;
  double end = 0;
};

// Chunks cover [start, end] at `step` without overlap: each chunk starts one step after the previous end,
// every boundary is a multiple of `step` from `start`, and no chunk holds more than `max_points` points.
std::vector<TimeRange> range_chunks(double start, double end, double step, double max_points = k_max_points_per_query);

}  // namespace readyctl::baseline
