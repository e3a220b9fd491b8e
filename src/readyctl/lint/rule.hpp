// A lint rule as data: identity, severity, scope, parameters and documentation, loaded from rules/<id>.yaml.
#pragma once
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/core/embedded.hpp"
#include "readyctl/lint/anchors.hpp"
#include "readyctl/report/finding.hpp"
#include "readyctl/report/lint_report.hpp"

namespace readyctl::lint {

struct Object;

struct RuleParam {
  std::string name;
  nlohmann::json default_value;
  std::string description;
};

struct Rule {
  std::string id;
  std::string check;     // the C++ check family that evaluates it
  std::string category;  // guardrails, scheduling, cost, isolation, durability, hygiene
  Severity severity = Severity::warning;
  bool enabled = true;
  bool sensitive = false;  // findings sit on secret values: formatters must not echo the source line
  std::vector<std::string> kinds;  // kinds it may fire on; "workloads" expands, "*" means any
  Anchors anchors;                 // the kube-linter, kube-score and Polaris checks it covers
  std::string summary;
  std::string rationale;
  std::string remediation;
  std::string example_bad;
  std::string example_good;
  std::vector<RuleParam> param_docs;
  nlohmann::json params = nlohmann::json::object();  // effective values (defaults, then config)
  std::string origin;                                 // "built-in" or the rule file's path

  // The object's kind is listed, or `workloads` is and the object is one (kind and API group, lint/pod_template.hpp).
  bool applies_to(const Object& object) const;
  bool param_bool(std::string_view name) const;
  long long param_int(std::string_view name) const;
  double param_number(std::string_view name) const;
  std::string param_string(std::string_view name) const;
  std::vector<std::string> param_strings(std::string_view name) const;
  RuleSummary summary_record() const;
};

// A kind list as rule files write `kinds:` (and kind-list parameters, such as required-metadata's): an object's kind,
// `workloads` (kind and API group, lint/pod_template.hpp) or "*".
bool kinds_include(std::span<const std::string> kinds, const Object& object);

constexpr std::string_view k_categories[] = {"guardrails", "scheduling", "cost", "isolation", "durability", "hygiene"};

// Parses one rule file; InputError "file:line:col: expected ..." on any problem.
Rule parse_rule(const std::string& path, const std::string& text);
// rules/*.yaml, compiled in by lint/sources.cmake: the built-in catalogue.
std::span<const EmbeddedFile> embedded_rules();
// rules/parity/*.yaml, paths relative to rules/ ("parity/polaris.yaml"): the anchor tools' check lists.
std::span<const EmbeddedFile> embedded_parity();
std::vector<Rule> load_builtin_rules();
// Every *.yaml in dir; a rule with an existing id replaces the built-in one.
std::vector<Rule> load_rule_dir(const std::filesystem::path& dir);

}  // namespace readyctl::lint
