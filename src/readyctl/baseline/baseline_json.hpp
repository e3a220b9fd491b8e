// The public JSON shape of a baseline (schemaVersion 1), and reading it back from a snapshot.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

// `with_series` adds the per-step series (snapshots keep them; reports stay small without).
nlohmann::ordered_json baseline_to_json(const Baseline& b, bool with_series);

// Reads a report or snapshot written by baseline_to_json; InputError "path:1:1: expected ..." on bad content.
Baseline baseline_from_json(const std::string& path, const std::string& text);

}  // namespace readyctl::baseline
