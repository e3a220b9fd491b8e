// The PromQL a baseline runs: one query per signal, aggregated by tenant on the server, whatever the fleet size.
#pragma once
#include <string>
#include <vector>

#include "readyctl/baseline/detection.hpp"
#include "readyctl/baseline/window.hpp"

namespace readyctl::baseline {

struct QueryJob {
  std::string id;      // "requests.increase", "e2e.quantiles.cluster", ...
  std::string promql;
  bool range = false;  // query_range over the window at its step, else an instant query at its end
  std::string metric;  // the series it reads, for warnings
};

// Only signals the detection resolved get a query; the others become warnings later.
std::vector<QueryJob> plan_queries(const Detection& detection, const Window& window, const std::string& tenant_label);

// "2h" style range for PromQL: whole seconds.
std::string promql_range(double seconds);

}  // namespace readyctl::baseline
