// What every harness shares: the fuzzer's bytes as text, and the one rule that bad input may only end in
// InputError or EnvironmentError (what the CLI's top-level catch turns into exit 2 or 3); anything else escapes
// and libFuzzer reports it as a crash.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "readyctl/core/error.hpp"

namespace readyctl::fuzz {

inline std::string as_text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

template <class Fn>
int expect_clean_errors(Fn&& fn)
{
  try {
    fn();
  } catch (const InputError&) {
  } catch (const EnvironmentError&) {
  }
  return 0;
}

}  // namespace readyctl::fuzz
