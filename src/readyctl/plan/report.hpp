// Plan report: the page a team reviews each week — phases with their evidence, the newest baseline's charts,
// the lint trend of the planned manifests and the timelines of the drills that count.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/baseline/baseline.hpp"
#include "readyctl/plan/lint_history.hpp"
#include "readyctl/plan/status.hpp"

namespace readyctl::plan {

struct PlanReport {
  PlanStatus status;
  std::string baseline_file;                   // the snapshot with the latest window end; empty when none
  std::optional<baseline::Baseline> baseline;  // with its comparison when it was saved with --compare
  std::vector<LintTally> lint_history;
  // The journals cited as game-day evidence, each once: repository-relative file and its JSON.
  std::vector<std::pair<std::string, nlohmann::ordered_json>> journals;
};

// Reads the evidence `status` cites from `root`.
PlanReport gather_plan_report(const std::filesystem::path& root, PlanStatus status);

// One self-contained page: inline CSS and SVG, no scripts, no external resources.
std::string render_report_html(const PlanReport& r);
std::string render_report_markdown(const PlanReport& r);
// The status JSON plus "baseline", "lintHistory" and "gamedays".
std::string render_report_json(const PlanReport& r);
// `plan report -o`: html (default), markdown, json, yaml.
std::span<const OutputFormat<PlanReport>> report_formats();

}  // namespace readyctl::plan
