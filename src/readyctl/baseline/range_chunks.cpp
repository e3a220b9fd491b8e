#include "readyctl/baseline/range_chunks.hpp"

#include <algorithm>
#include <cmath>

namespace readyctl::baseline {

std::vector<TimeRange> range_chunks(double start, double end, double step, double max_points)
{
  std::vector<TimeRange> chunks;
  double per_chunk = std::max(1.0, std::floor(max_points) - 1) * step;  // a chunk of n steps holds n + 1 points
  for (double from = start; from <= end; from += per_chunk + step)
    chunks.push_back({from, std::min(end, from + per_chunk)});
  return chunks;
}

}  // namespace readyctl::baseline
