// Where checks report: the sink stamps rule id, severity, location and remediation onto each finding.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "readyctl/lint/object.hpp"
#include "readyctl/lint/rule.hpp"

namespace readyctl::lint {

// A finding as a check reports it, until suppressions are applied: the report's Finding is made from it then
// (make_finding). It holds what the rule and the object do not already say, a third of a Finding's size: a run's
// findings are all held at once, and at 100,000 of them the full records were 44 MB of fresh memory.
struct RawFinding {
  const Rule* rule = nullptr;
  const Object* object = nullptr;     // null for a finding about a file or the config (suppression problems)
  // Where a finding without an object is, or one on what a kustomize patch added (the patch file); it outlives the
  // run (file, config or patch).
  const std::string* file = nullptr;
  int line = 0;                       // the location, after any Helm mapping
  int column = 0;
  int source_line = 0;  // line in the object's shown_file() (before any Helm mapping), for comment suppressions
  Severity severity = Severity::warning;
  bool redact_source = false;
  std::string message;
  std::vector<RelatedLocation> related;

  const std::string& location_file() const { return file ? *file : object->display_file; }
};

// The report's record of a finding; `remediation` is the rule's, shared by all of its findings.
Finding make_finding(RawFinding&& raw, const SharedText& remediation);

// A second object a cross-resource finding concerns.
struct Related {
  const Object* object;
  const yaml::Node* at;  // null: the object itself
  std::string message;
};

class FindingSink {
public:
  FindingSink(const Rule& rule, std::vector<RawFinding>& out) : m_rule(rule), m_out(out) {}

  // `at` is the offending field, or the block that should hold a missing one (null: the object).
  // `severity` overrides the rule's for one finding, for rules whose catalogue entry names a graver case
  // (rbac-secrets granted cluster-wide, mtls-strict insecureSkipVerify); it replaces the configured severity too.
  void report(const Object& object, const yaml::Node* at, std::string message, std::vector<Related> related = {},
              std::optional<Severity> severity = std::nullopt);

private:
  const Rule& m_rule;
  std::vector<RawFinding>& m_out;
};

}  // namespace readyctl::lint
