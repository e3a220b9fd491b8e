// The rule-file loader: the bytes are one rules/<id>.yaml, as `lint --rules DIR` reads it.
#include "fuzz_input.hpp"
#include "readyctl/lint/rule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  return readyctl::fuzz::expect_clean_errors(
      [&] { (void)readyctl::lint::parse_rule("fuzz.yaml", readyctl::fuzz::as_text(data, size)); });
}
