// kube-linter's and Polaris's own suppression annotations on an object, read as readyctl suppressions of the rules
// that anchor the check they name, so a team keeps its existing exceptions on day one.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "readyctl/lint/rule.hpp"
#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {

// One foreign annotation that names checks some rule anchors.
struct ForeignIgnore {
  std::vector<std::string> rules;  // the rules anchoring the check (every Polaris-anchored rule for `exempt`)
  std::string reason;              // empty: the annotation gives none, so it suppresses nothing and is reported
  std::string annotation;          // its key, for messages
  const yaml::Node* at = nullptr;  // its value
};

// "<tool>/<check>" -> the rules that anchor it, and "polaris/*" -> every rule anchoring a Polaris check.
using ForeignIndex = std::map<std::string, std::vector<std::string>, std::less<>>;
ForeignIndex index_foreign_checks(const std::vector<Rule>& rules);

// From an object's `metadata.annotations` mapping (null: none):
// - `ignore-check.kube-linter.io/<check>: "<reason>"`: the value is the reason;
// - `polaris.fairwinds.com/<check>-exempt: "true"` and `polaris.fairwinds.com/exempt: "true"` (every Polaris
//   check): Polaris exemptions carry no reason of their own, so the annotation itself is quoted as the reason;
//   any other value exempts nothing, as in Polaris.
// Annotations naming checks no rule anchors are skipped: there is nothing of readyctl's to suppress.
std::vector<ForeignIgnore> foreign_ignores(const ForeignIndex& index, const yaml::Node* annotations);

}  // namespace readyctl::lint
