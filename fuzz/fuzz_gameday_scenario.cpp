// The game-day scenario loader and its validation, as `gameday validate` runs them: the bytes are one scenario.
#include "fuzz_input.hpp"
#include "readyctl/gameday/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  return readyctl::fuzz::expect_clean_errors([&] {
    readyctl::gameday::LoadResult r = readyctl::gameday::load_scenario_text("fuzz.yaml", readyctl::fuzz::as_text(data, size));
    for (const readyctl::gameday::Problem& p : r.problems) (void)p.str();
  });
}
