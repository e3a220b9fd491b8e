// Suppressions: object annotations, `# readyctl:ignore` comments and config ignores, each with a reason.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "readyctl/lint/config.hpp"
#include "readyctl/lint/foreign_suppression.hpp"
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

// Every directive is parsed when the Suppressor is made (objects and files shared out over threads), so lookups
// are read-only and may run on several threads at once.
class Suppressor {
public:
  // `foreign`: the checks of kube-linter and Polaris the rules anchor, so that those tools' own annotations suppress
  // them (lint/foreign_suppression.hpp); empty: they are not read.
  Suppressor(const Graph& graph, const LintConfig& config, std::string today, ForeignIndex foreign = {});

  // The reason a finding is suppressed (held by the Suppressor or the config), or null.
  const std::string* reason_for(const RawFinding& raw) const;
  // Malformed or expired suppressions, reported under the `suppression` rule.
  void report_problems(const Rule& suppression_rule, const std::set<std::string>& known_rules,
                       std::vector<RawFinding>& out) const;

private:
  // An object's directives: its own annotation's first (when `own` is set and it parsed), then its pod templates'.
  struct Annotations {
    const yaml::Node* own = nullptr;
    bool own_parsed = false;
    std::vector<Directive> directives;
    std::vector<ForeignIgnore> foreign;  // kube-linter's and Polaris's annotations; those with a reason are directives too
  };

  void parse_annotations();
  void add_foreign(const Object& object, Annotations& out) const;
  void scan_files();
  const std::map<int, Directive>& comments_of(const yaml::SourceFile* file) const;
  const Annotations& annotations_of(const Object* object) const;
  const std::string& config_relative(const std::string& file) const;
  const std::string* from_annotations(const RawFinding& raw) const;
  const std::string* from_comments(const RawFinding& raw) const;
  const std::string* from_config(const RawFinding& raw) const;

  const Graph& m_graph;
  const LintConfig& m_config;
  std::string m_today;
  ForeignIndex m_foreign;
  // The objects' files (by address) and each one's comment directives by line.
  std::vector<const yaml::SourceFile*> m_files;
  std::unordered_map<const yaml::SourceFile*, std::map<int, Directive>> m_comments;
  // Per object (graph order): a run with 100,000 findings asked each finding's object tree again, in memory far
  // beyond the cache.
  std::vector<Annotations> m_annotations;
  mutable std::mutex m_relative_mutex;  // config ignores with a path, looked up from several threads
  mutable std::map<std::string, std::string, std::less<>> m_relative;  // finding file -> path relative to the config
};

}  // namespace readyctl::lint
