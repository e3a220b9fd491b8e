// Turns query results into figures: per tenant, and for the cluster (sums of every tenant group).
#pragma once
#include <map>
#include <string>

#include "readyctl/baseline/baseline.hpp"
#include "readyctl/baseline/detection.hpp"
#include "readyctl/baseline/query_result.hpp"

namespace readyctl::baseline {

using ResultsById = std::map<std::string, QueryResult>;

// Fills tenants, cluster (figures, series, costs) and the warnings about null figures.
void derive_baseline(const ResultsById& results, const Detection& detection, Baseline& out);

}  // namespace readyctl::baseline
