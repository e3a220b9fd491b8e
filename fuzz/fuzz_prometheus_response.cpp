// The Prometheus JSON response parser: the bytes are an HTTP body, decoded as a query and as a label-values answer.
#include "fuzz_input.hpp"
#include "readyctl/baseline/query_result.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  std::string body = readyctl::fuzz::as_text(data, size);
  readyctl::fuzz::expect_clean_errors([&] { (void)readyctl::baseline::parse_query_response(body, 200, "fuzz"); });
  return readyctl::fuzz::expect_clean_errors(
      [&] { (void)readyctl::baseline::parse_label_values(body, 200, "fuzz"); });
}
