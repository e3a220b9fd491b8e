// The Prometheus JSON response parser: the bytes are an HTTP body, decoded as a query and as a label-values answer.
// Differential too: whatever the streaming decoder accepts, the DOM decoder must read to the same result.
#include <cstdlib>
#include <optional>

#include "fuzz_input.hpp"
#include "readyctl/baseline/query_result.hpp"

namespace {

using namespace readyctl::baseline;

void check_fast_agrees(const std::string& body)
{
  std::optional<QueryResult> fast = parse_query_response_fast(body);
  if (!fast) return;
  // The DOM decoder throwing here is a disagreement too: it escapes and libFuzzer reports it.
  if (!same_result(*fast, parse_query_response_dom(body, 200, "fuzz"))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  std::string body = readyctl::fuzz::as_text(data, size);
  check_fast_agrees(body);
  readyctl::fuzz::expect_clean_errors([&] { (void)parse_query_response(body, 200, "fuzz"); });
  return readyctl::fuzz::expect_clean_errors([&] { (void)parse_label_values(body, 200, "fuzz"); });
}
