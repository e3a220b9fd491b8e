// The fast path of parse_query_response: one pass of JsonPull over the body, samples straight into vectors, no DOM.
// It accepts exactly the bodies the DOM decoder turns into a result without help (same series, labels, samples and
// warnings, in the same order) and gives up on everything else, which the DOM decoder then explains.
#include <optional>
#include <stdexcept>
#include <string>

#include "readyctl/baseline/query_result.hpp"
#include "readyctl/core/json_pull.hpp"

namespace readyctl::baseline {

namespace {

using Mismatch = JsonPull::Mismatch;

// [time, "value"], exactly two items (the DOM decoder would ignore a third; leave such bodies to it).
Sample read_pair(JsonPull& in, std::string& scratch)
{
  in.begin_array();
  bool first = true;
  if (!in.more(']', first)) throw Mismatch{};
  Sample s;
  s.time = in.number();
  if (!in.more(']', first)) throw Mismatch{};
  try {
    s.value = parse_sample_value(in.string(scratch));
  } catch (const std::invalid_argument&) {
    throw Mismatch{};
  }
  if (in.more(']', first)) throw Mismatch{};
  return s;
}

void read_labels(JsonPull& in, Series& s, std::string& scratch)
{
  in.begin_object();
  std::string name;
  for (bool first = true; in.more('}', first);) {
    name = in.key(scratch);
    s.labels[name] = std::string(in.string(scratch));  // a repeated label keeps the last value, as in the DOM
  }
}

// One item of data.result. The DOM decoder reads `value` before `values` whatever their order in the text.
Series read_series(JsonPull& in, std::string& scratch)
{
  Series s;
  std::optional<Sample> instant;
  bool seen_metric = false, seen_values = false;
  in.begin_object();
  for (bool first = true; in.more('}', first);) {
    std::string_view k = in.key(scratch);
    if (k == "metric" && !seen_metric) {
      seen_metric = true;
      read_labels(in, s, scratch);
    } else if (k == "value" && !instant) {
      instant = read_pair(in, scratch);
    } else if (k == "values" && !seen_values) {
      seen_values = true;
      in.begin_array();
      for (bool f = true; in.more(']', f);) s.samples.push_back(read_pair(in, scratch));
    } else if (k == "metric" || k == "value" || k == "values") {
      throw Mismatch{};  // repeated: the DOM keeps the last one; not worth mimicking here
    } else {
      in.skip_value();
    }
  }
  if (instant) s.samples.insert(s.samples.begin(), *instant);
  return s;
}

void read_data(JsonPull& in, QueryResult& result, std::string& scratch)
{
  std::string type;
  bool seen_result = false;
  in.begin_object();
  for (bool first = true; in.more('}', first);) {
    std::string_view k = in.key(scratch);
    if (k == "resultType" && type.empty()) {
      type = in.string(scratch);
      if (type != "matrix" && type != "vector" && type != "scalar") throw Mismatch{};
    } else if (k == "result" && !type.empty() && !seen_result) {
      seen_result = true;
      if (type == "scalar") {
        result.series.push_back({{}, {read_pair(in, scratch)}});
        continue;
      }
      in.begin_array();
      for (bool f = true; in.more(']', f);) result.series.push_back(read_series(in, scratch));
    } else if (k == "resultType" || k == "result") {
      throw Mismatch{};  // out of order or repeated
    } else {
      in.skip_value();
    }
  }
  if (!seen_result) throw Mismatch{};
}

void read_warnings(JsonPull& in, QueryResult& result, std::string& scratch)
{
  in.begin_array();
  for (bool first = true; in.more(']', first);) result.warnings.emplace_back(in.string(scratch));
}

QueryResult read_envelope(JsonPull& in)
{
  QueryResult result;
  std::string scratch;
  bool success = false, seen_status = false, seen_data = false, seen_warnings = false;
  in.begin_object();
  for (bool first = true; in.more('}', first);) {
    std::string_view k = in.key(scratch);
    if (k == "status" && !seen_status) {
      seen_status = true;
      success = in.string(scratch) == "success";
    } else if (k == "data" && !seen_data) {
      seen_data = true;
      read_data(in, result, scratch);
    } else if (k == "warnings" && !seen_warnings) {
      seen_warnings = true;
      read_warnings(in, result, scratch);
    } else if (k == "status" || k == "data" || k == "warnings") {
      throw Mismatch{};
    } else {
      in.skip_value();
    }
  }
  in.end();
  if (!success || !seen_data) throw Mismatch{};
  return result;
}

}  // namespace

std::optional<QueryResult> parse_query_response_fast(std::string_view body)
{
  try {
    JsonPull in(body);
    return read_envelope(in);
  } catch (const Mismatch&) {
    return std::nullopt;
  }
}

}  // namespace readyctl::baseline
