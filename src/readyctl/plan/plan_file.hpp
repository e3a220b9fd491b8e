// The plan file: `.readyctl/plan.yaml`, what `plan init` writes and `plan status` reads back.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace readyctl::plan {

inline constexpr const char* k_plan_file = ".readyctl/plan.yaml";

// Days since 1970-01-01 (UTC), so due dates are plain arithmetic.
using Day = long;

// "2026-11-23" -> Day; InputError naming `what` when malformed.
Day parse_date(const std::string& text, const std::string& what);
std::string format_date(Day day);
Day utc_today_day();

struct PlanConfig {
  Day start = 0;
  std::vector<std::string> manifests;  // lint paths for weeks 7-9, relative to the repository
  std::string prometheus;              // empty: not configured
  std::string flow_dir = "flow";       // the durable-flow project, relative to the repository
};

// `plan init` on a terminal: which values the flags left for the user to give.
struct PlanQuestions {
  bool start = false, flow_dir = false, manifests = false, prometheus = false;
};
// Shows a question, returns the line typed; nullopt at end of input.
using PlanAsk = std::function<std::optional<std::string>(const std::string& question)>;
// Asks for each value in `questions`, in the order start, flow dir, manifests, Prometheus. An empty answer keeps
// the value in `config` (the default shown in brackets); a date that does not parse is asked again.
void ask_plan_config(PlanConfig& config, const PlanQuestions& questions, const PlanAsk& ask);

// The manifest paths when none are given: the flow project's base manifests.
std::vector<std::string> default_manifests(const std::string& flow_dir);

std::string render_plan_yaml(const PlanConfig& config);
// InputError "path:line:col: ..." when the file is not a plan.
PlanConfig parse_plan_yaml(const std::string& path, const std::string& text);

// The directory holding `.readyctl/plan.yaml`, searched from `from` upwards; nullopt when none.
std::optional<std::filesystem::path> find_plan_root(const std::filesystem::path& from);

}  // namespace readyctl::plan
