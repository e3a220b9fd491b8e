// Pure statistics over per-step samples; missing steps (nullopt) are skipped, an empty input gives nullopt.
#pragma once
#include <optional>
#include <span>
#include <vector>

namespace readyctl::baseline {

using Figure = std::optional<double>;

Figure mean_of(std::span<const Figure> values);
Figure max_of(std::span<const Figure> values);
// Linear interpolation between closest ranks (rank = q * (n - 1)), as Prometheus' quantile_over_time.
Figure quantile_of(std::span<const Figure> values, double q);
// Population standard deviation over the mean (stddev_over_time / avg_over_time); 0 when every value is 0.
Figure cv_of(std::span<const Figure> values);
// Sum of value x step, in hours: a per-step gauge of GPUs becomes GPU-hours.
Figure integrate_hours(std::span<const Figure> values, double step_seconds);
// a / b, nullopt when either is missing or b is 0.
Figure ratio(Figure a, Figure b);
// Element-wise sum; a step is missing only when it is missing everywhere.
std::vector<Figure> sum_series(const std::vector<std::vector<Figure>>& series);

}  // namespace readyctl::baseline
