// Suppressions: object annotations, `# readyctl:ignore` comments and config ignores, each with a reason.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "readyctl/lint/config.hpp"
#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/rule.hpp"
#include "readyctl/lint/sink.hpp"

namespace readyctl::lint {

// "probes,resources -- batch job, no server": rule ids, then the reason after `--`.
struct Directive {
  std::vector<std::string> rules;
  std::string reason;
  int line = 0;
  int column = 0;
  bool applies_to_next_line = false;  // a comment alone on its line covers the line below
};

std::optional<Directive> parse_directive(std::string_view text);

class Suppressor {
public:
  Suppressor(const Graph& graph, const LintConfig& config, std::string today);

  // The reason a finding is suppressed, or nullopt.
  std::optional<std::string> reason_for(const RawFinding& raw);
  // Malformed or expired suppressions, reported under the `suppression` rule.
  void report_problems(const Rule& suppression_rule, const std::set<std::string>& known_rules,
                       std::vector<RawFinding>& out);

private:
  const std::map<int, Directive>& comments_of(const yaml::SourceFile* file);
  const std::vector<Directive>& annotations_of(const Object* object);
  const std::string& config_relative(const std::string& file);
  std::optional<std::string> from_annotations(const RawFinding& raw);
  std::optional<std::string> from_comments(const RawFinding& raw);
  std::optional<std::string> from_config(const RawFinding& raw);

  const Graph& m_graph;
  const LintConfig& m_config;
  std::string m_today;
  std::map<const yaml::SourceFile*, std::map<int, Directive>> m_comments;
  // Per object (graph order), the directives of its annotation and its own pod templates' annotations, parsed once:
  // a run with 100,000 findings asked each finding's object tree again, in memory far beyond the cache.
  std::vector<std::vector<Directive>> m_annotations;
  std::map<std::string, std::string, std::less<>> m_relative;  // finding file -> path relative to the config file
};

}  // namespace readyctl::lint
