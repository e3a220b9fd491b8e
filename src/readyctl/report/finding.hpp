// The one findings model: what every check reports and every formatter renders.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/core/location.hpp"
#include "readyctl/core/shared_text.hpp"

namespace readyctl {

enum class Severity { note, warning, error };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string ns;
  std::string name;
  friend bool operator==(const ObjectRef&, const ObjectRef&) = default;
};

// A second place a cross-resource finding concerns (SARIF relatedLocations).
struct RelatedLocation {
  Location location;
  std::string message;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  Location location;
  std::optional<ObjectRef> object;
  SharedText remediation;  // the rule's, shared by its findings
  std::vector<RelatedLocation> related;
  std::string suppression_reason;  // set only for suppressed findings
  bool redact_source = false;      // the offending line holds a secret: never echo it (text carets)
  // Lint's own: the source document a kustomize-rendered object came from ("file:line:column"), so that one position
  // of a patch applied to several objects keeps a finding per object when units are merged. Never rendered.
  std::string source_object = {};
};

}  // namespace readyctl
