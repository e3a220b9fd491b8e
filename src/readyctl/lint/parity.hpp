// The parity map: every check of kube-linter, kube-score and Polaris (rules/parity/<tool>.yaml) and where readyctl
// stands on each, from the rules' anchors and the states the lists give.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/core/location.hpp"
#include "readyctl/lint/rule.hpp"

namespace readyctl::lint {

// covered: some rule anchors the check. The others are stated in the list; unstated is a gap the parity test rejects.
enum class ParityState { covered, partial, non_goal, planned, unstated };
std::string_view parity_state_name(ParityState state);

struct ForeignCheck {
  std::string tool;
  std::string id;
  bool on_by_default = false;
  std::string meaning;
  ParityState stated = ParityState::unstated;  // partial, non_goal, planned, or unstated when the list says nothing
  std::string rule;                            // partial: the rule that covers part; planned: the rule that will
  std::string note;                            // partial: what differs; non_goal: the reason
  Location where;                              // the entry in its list
};

struct ParityEntry {
  ForeignCheck check;
  ParityState state = ParityState::unstated;
  std::vector<std::string> rules;  // covered: the anchoring rules; partial, planned: the stated rule
};

struct ToolCoverage {
  std::string tool;
  size_t checks = 0;
  size_t covered = 0;
  size_t partial = 0;
  size_t non_goal = 0;
  size_t planned = 0;
  size_t unstated = 0;

  double covered_share() const { return checks ? double(covered) / double(checks) : 0.0; }
};

struct ParityMap {
  std::vector<ParityEntry> entries;     // one per check, in the lists' order
  std::vector<ToolCoverage> coverage;   // one per tool (k_anchor_tools order), then "all"
  std::vector<std::string> problems;    // "file:line:col: what is wrong": unstated, stale or unknown checks
};

// One tool's list; InputError "path:line:col: expected ..." on a malformed entry.
std::vector<ForeignCheck> parse_foreign_checks(const std::string& path, const std::string& text);
// Every list compiled into the binary (rules/parity/*.yaml), in k_anchor_tools order.
std::vector<ForeignCheck> builtin_foreign_checks();
// Joins the lists with the rules' anchors. Problems: a check anchored by no rule that states nothing; a check
// anchored by a rule that still states partial, non-goal or planned (stale once the rule landed); an anchor naming
// a check the list lacks; a partial naming a rule that is not in the catalogue.
ParityMap build_parity(const std::vector<ForeignCheck>& checks, const std::vector<Rule>& rules);

}  // namespace readyctl::lint
