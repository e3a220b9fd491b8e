// Plan status: the four phases of the 90-day plan, each exit criterion checked from evidence in the repository.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "readyctl/plan/lint_history.hpp"
#include "readyctl/plan/plan_file.hpp"
#include "readyctl/report/output_format.hpp"

namespace readyctl::plan {

struct Criterion {
  std::string id;           // "baseline-7d", "flow-scaffolded", ... (stable: CI parses them)
  std::string description;  // what must hold
  bool met = false;
  std::string evidence;     // the file that shows it, relative to the repository; empty when none
  std::string detail;       // why it is met or not, in one line
  std::string command;      // what to run to meet it
};

struct Phase {
  int number = 0;  // 1..4
  std::string name;
  int first_week = 0, last_week = 0;
  Day starts = 0, due = 0;  // due: the last day of its last week
  std::vector<Criterion> criteria;
  bool met() const;
  bool late(Day today) const { return !met() && today > due; }
};

struct PlanStatus {
  std::string root;  // the repository
  Day start = 0;
  Day today = 0;
  std::vector<Phase> phases;
  std::string next_command;  // the first unmet criterion's command; empty when all are met
  std::vector<std::string> baselines;   // readable snapshots in .readyctl/baselines/, oldest name first
  std::optional<LintTally> manifests_lint;  // the lint of the planned manifests, when it ran
  bool any_late() const;
};

struct StatusOptions {
  std::filesystem::path root;  // the directory holding .readyctl/plan.yaml
  PlanConfig config;
  Day today = 0;
};

PlanStatus evaluate_plan(const StatusOptions& options);

// "met", "late", "upcoming" or "in progress".
std::string phase_state(const Phase& p, Day today);
// The plan week today falls in, 1-based; 0 before the start.
long current_week(const PlanStatus& s);

std::string render_status_text(const PlanStatus& s);
std::string render_status_json(const PlanStatus& s);
std::string render_status_markdown(const PlanStatus& s);
// A suite per phase, a case per criterion: met passes, unmet in a late phase fails, unmet otherwise is skipped.
std::string render_status_junit(const PlanStatus& s);
// `plan status -o`: text (default), json, yaml, markdown, junit.
std::span<const OutputFormat<PlanStatus>> status_formats();

}  // namespace readyctl::plan
