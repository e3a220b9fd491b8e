// What a Prometheus query returns, decoded: labelled series of (time, value) samples plus server warnings.
#pragma once
#include <map>
#include <optional>
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
// A well-formed success goes through parse_query_response_fast; anything else through the DOM decoder, whose
// messages explain what is wrong. Both give the same result for every body the fast one accepts.
QueryResult parse_query_response(std::string_view body, long http_status, std::string_view what);

// A streaming decoder of the usual answer (status success, a vector, matrix or scalar, string labels), ~10× the
// speed of the DOM one on a big matrix; nullopt for anything it does not expect, errors and odd shapes included.
std::optional<QueryResult> parse_query_response_fast(std::string_view body);
// The nlohmann DOM decoder: every shape, every error message.
QueryResult parse_query_response_dom(std::string_view body, long http_status, std::string_view what);

// Same series (labels, samples in order) and warnings; NaN samples equal each other. For checking one decoder
// against another.
bool same_result(const QueryResult& a, const QueryResult& b);

// A sample value as the API writes it: "0.5", "NaN", "+Inf", "-Inf"; std::invalid_argument for anything else.
double parse_sample_value(std::string_view text);

// The `data` array of a label-values response.
std::vector<std::string> parse_label_values(std::string_view body, long http_status, std::string_view what);

}  // namespace readyctl::baseline
