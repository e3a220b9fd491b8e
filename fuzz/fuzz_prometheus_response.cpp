// The Prometheus JSON response parser: the bytes are an HTTP body, decoded as a query and as a label-values answer.
// Differential too: whatever the streaming decoder accepts, the DOM decoder must read to the same result.
#include <cmath>
#include <cstdlib>
#include <optional>

#include "fuzz_input.hpp"
#include "readyctl/baseline/query_result.hpp"

namespace {

using namespace readyctl::baseline;

bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

bool same_series(const Series& x, const Series& y)
{
  if (x.labels != y.labels || x.samples.size() != y.samples.size()) return false;
  for (size_t j = 0; j < x.samples.size(); ++j)
    if (!same_number(x.samples[j].time, y.samples[j].time) || !same_number(x.samples[j].value, y.samples[j].value))
      return false;
  return true;
}

void check_fast_agrees(const std::string& body)
{
  std::optional<QueryResult> fast = parse_query_response_fast(body);
  if (!fast) return;
  QueryResult dom = parse_query_response_dom(body, 200, "fuzz");  // throwing here is a disagreement too
  bool same = fast->warnings == dom.warnings && fast->series.size() == dom.series.size();
  for (size_t i = 0; same && i < dom.series.size(); ++i) same = same_series(fast->series[i], dom.series[i]);
  if (!same) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  std::string body = readyctl::fuzz::as_text(data, size);
  check_fast_agrees(body);
  readyctl::fuzz::expect_clean_errors([&] { (void)parse_query_response(body, 200, "fuzz"); });
  return readyctl::fuzz::expect_clean_errors([&] { (void)parse_label_values(body, 200, "fuzz"); });
}
