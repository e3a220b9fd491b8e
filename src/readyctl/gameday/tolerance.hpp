// Whether a probe's output meets its tolerance: exact, one-of, range, regex, contains, comparisons, JSON path.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

struct ToleranceResult {
  bool holds = false;
  nlohmann::ordered_json value;  // what was compared
  std::string detail;            // "status 503, expected 200"
};

// `default_target` is the output field a bare tolerance compares (status, exitCode, value, ...).
ToleranceResult evaluate_tolerance(const nlohmann::ordered_json& tolerance, const nlohmann::ordered_json& output,
                                   std::string_view default_target);

}  // namespace readyctl::gameday
