#include "readyctl/baseline/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace readyctl::baseline {
namespace {

std::vector<double> present(std::span<const Figure> values)
{
  std::vector<double> out;
  for (const Figure& v : values)
    if (v && std::isfinite(*v)) out.push_back(*v);
  return out;
}

}  // namespace

Figure mean_of(std::span<const Figure> values)
{
  std::vector<double> v = present(values);
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

Figure max_of(std::span<const Figure> values)
{
  std::vector<double> v = present(values);
  if (v.empty()) return std::nullopt;
  return *std::max_element(v.begin(), v.end());
}

Figure quantile_of(std::span<const Figure> values, double q)
{
  std::vector<double> v = present(values);
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  double rank = q * static_cast<double>(v.size() - 1);
  auto lo = static_cast<size_t>(std::floor(rank));
  size_t hi = std::min(lo + 1, v.size() - 1);
  double weight = rank - static_cast<double>(lo);
  return v[lo] * (1 - weight) + v[hi] * weight;
}

Figure cv_of(std::span<const Figure> values)
{
  std::vector<double> v = present(values);
  Figure mean = mean_of(values);
  if (!mean) return std::nullopt;
  double squares = 0;
  for (double x : v) squares += (x - *mean) * (x - *mean);
  double stddev = std::sqrt(squares / static_cast<double>(v.size()));
  if (*mean == 0) return stddev == 0 ? Figure(0.0) : std::nullopt;
  return stddev / *mean;
}

Figure integrate_hours(std::span<const Figure> values, double step_seconds)
{
  std::vector<double> v = present(values);
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (double x : v) sum += x;
  return sum * step_seconds / 3600.0;
}

Figure ratio(Figure a, Figure b)
{
  if (!a || !b || *b == 0) return std::nullopt;
  return *a / *b;
}

std::vector<Figure> sum_series(const std::vector<std::vector<Figure>>& series)
{
  size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.size());
  std::vector<Figure> out(n);
  for (const auto& s : series)
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i]) out[i] = out[i].value_or(0) + *s[i];
  return out;
}

}  // namespace readyctl::baseline
