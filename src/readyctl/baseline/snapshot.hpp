// Snapshots: a baseline with its per-step series, saved to a file and read back offline (--from, --compare, --demo).
#pragma once
#include <span>
#include <string>

#include "readyctl/baseline/baseline.hpp"
#include "readyctl/core/embedded.hpp"

namespace readyctl::baseline {

// Refuses to replace an existing file unless `force`.
void save_snapshot(const Baseline& b, const std::string& path, bool force);
Baseline load_snapshot(const std::string& path);

// examples/demo/*.json, compiled in by baseline/sources.cmake.
std::span<const EmbeddedFile> embedded_demo();
// The bundled demo: this week's snapshot, and last week's for a comparison.
Baseline demo_baseline();
Baseline demo_previous_baseline();

}  // namespace readyctl::baseline
