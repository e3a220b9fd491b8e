// What a Prometheus query returns, decoded: labelled series of (time, value) samples plus server warnings.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace readyctl::baseline {

struct Sample {
  double time = 0;
  double value = 0;
};

struct Series {
  std::map<std::string, std::string> labels;
  std::vector<Sample> samples;  // one for an instant vector, many for a matrix
};

struct QueryResult {
  std::vector<Series> series;
  std::vector<std::string> warnings;
};

// Decodes the API envelope. Throws EnvironmentError naming errorType and error for status "error",
// and for bodies that are not the API's JSON (an HTML page from a proxy, say), quoting the HTTP status.
QueryResult parse_query_response(std::string_view body, long http_status, std::string_view what);

// The `data` array of a label-values response.
std::vector<std::string> parse_label_values(std::string_view body, long http_status, std::string_view what);

}  // namespace readyctl::baseline
