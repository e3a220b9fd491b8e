// Lint history: one summary of the plan's manifests per `plan status` run whose result changed, so `plan report`
// can show the findings per category falling over the weeks.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace readyctl::plan {

inline constexpr const char* k_lint_history_file = ".readyctl/lint-history.json";

struct SeverityCounts {
  int errors = 0, warnings = 0, notes = 0;
  int total() const { return errors + warnings + notes; }
  bool operator==(const SeverityCounts&) const = default;
};

// One lint of the plan's manifest paths.
struct LintTally {
  std::string at;  // when it was measured, "2026-11-23T17:20:00Z"
  std::vector<std::string> paths;
  SeverityCounts total;
  std::map<std::string, SeverityCounts> categories;  // rule category -> counts; categories without findings absent
  // Same paths and counts: a re-run that changed nothing is not a new point of the trend.
  bool same_result(const LintTally& other) const
  {
    return paths == other.paths && total == other.total && categories == other.categories;
  }
};

// The entries of `root`/.readyctl/lint-history.json, oldest first; empty when there is none.
// InputError "file:line:col: ..." when the file is not a lint history.
std::vector<LintTally> load_lint_history(const std::filesystem::path& root);

// Appends `tally` unless it repeats the last entry's result; keeps the newest `k_lint_history_max` entries.
// Written atomically. Returns whether an entry was added.
inline constexpr size_t k_lint_history_max = 500;
bool record_lint_history(const std::filesystem::path& root, const LintTally& tally);

std::string utc_timestamp_now();

}  // namespace readyctl::plan
