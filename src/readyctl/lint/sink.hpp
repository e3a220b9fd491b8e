// Where checks report: the sink stamps rule id, severity, location and remediation onto each finding.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "readyctl/lint/object.hpp"
#include "readyctl/lint/rule.hpp"

namespace readyctl::lint {

// A finding with the object it is about, kept for suppression lookups.
struct RawFinding {
  Finding finding;
  const Object* object = nullptr;
  int source_line = 0;  // line in the object's real file (before any Helm mapping), for comment suppressions
};

// A second object a cross-resource finding concerns.
struct Related {
  const Object* object;
  const yaml::Node* at;  // null: the object itself
  std::string message;
};

class FindingSink {
public:
  FindingSink(const Rule& rule, std::vector<RawFinding>& out) : m_rule(rule), m_remediation(rule.remediation), m_out(out) {}

  // `at` is the offending field, or the block that should hold a missing one (null: the object).
  // `severity` overrides the rule's for one finding, for rules whose catalogue entry names a graver case
  // (rbac-secrets granted cluster-wide, mtls-strict insecureSkipVerify); it replaces the configured severity too.
  void report(const Object& object, const yaml::Node* at, std::string message, std::vector<Related> related = {},
              std::optional<Severity> severity = std::nullopt);

private:
  const Rule& m_rule;
  SharedText m_remediation;  // one copy for all of this rule's findings
  std::vector<RawFinding>& m_out;
};

}  // namespace readyctl::lint
