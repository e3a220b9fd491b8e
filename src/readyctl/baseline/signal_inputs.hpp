// The query results that concern one tenant (or the whole cluster), sliced out of the per-query answers.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "readyctl/baseline/statistics.hpp"

namespace readyctl::baseline {

struct SignalInputs {
  std::map<std::string, Figure> increases;                // "requests" -> increase over the window
  std::map<std::string, std::vector<Figure>> series;      // "requests.rate" -> one value per step
  std::map<std::string, Figure> quantiles;                // "ttft/0.95" -> seconds
  Figure utilization_mean;                                // mean over GPUs of each GPU's window mean (0..1)
  Figure utilization_stddev;
  std::map<std::string, double> gpu_models;               // modelName -> GPUs seen
};

}  // namespace readyctl::baseline
