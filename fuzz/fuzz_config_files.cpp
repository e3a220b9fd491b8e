// The small files readyctl reads besides manifests, rules and scenarios: the first byte picks which, the rest is its
// text. 0: `.readyctl.yaml` (lint section), 1: a baseline snapshot (`baseline --save`, read by `--compare`),
// 2: the plan file (`.readyctl/plan.yaml`).
#include "fuzz_input.hpp"
#include "readyctl/baseline/baseline_json.hpp"
#include "readyctl/lint/config.hpp"
#include "readyctl/plan/plan_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  if (size == 0) return 0;
  std::string text = readyctl::fuzz::as_text(data + 1, size - 1);
  return readyctl::fuzz::expect_clean_errors([&] {
    switch (data[0] % 3) {
    case 0: (void)readyctl::lint::parse_config(".readyctl.yaml", text); break;
    case 1: (void)readyctl::baseline::baseline_from_json("snapshot.json", text); break;
    default: (void)readyctl::plan::parse_plan_yaml(".readyctl/plan.yaml", text); break;
    }
  });
}
