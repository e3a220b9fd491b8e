#include "readyctl/lint/rule.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/embedded.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/pod_template.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/to_json.hpp"
#include "readyctl/yaml/input_error.hpp"

namespace readyctl::lint {
using yaml::fail_at;
namespace {

std::string required_string(const std::string& path, const yaml::Node* root, std::string_view key)
{
  const yaml::Node* n = root->get(key);
  if (!n) fail_at(path, root, fmt::format("expected a '{}' field", key));
  if (!n->is_scalar()) fail_at(path, n, fmt::format("expected a string for '{}'", key));
  return std::string(n->str());
}

std::string optional_string(const yaml::Node* root, std::string_view key)
{
  const yaml::Node* n = root->get(key);
  return n && n->is_scalar() ? std::string(n->str()) : std::string();
}

// A parameter as a rule file gives it: `name: value`, or `name: {default: value, description: ...}`.
const yaml::Node* param_value_node(const std::string& path, std::string_view name, const yaml::Node* value)
{
  if (!value->is_mapping()) return value;
  if (!value->get("default"))
    fail_at(path, value, fmt::format("expected a value, or 'default' and 'description', for parameter '{}'", name));
  return value->get("default");
}

RuleParam read_param(const std::string& path, const yaml::Node* key, const yaml::Node* value,
                     const FamilyContract* contract, const Rule& rule)
{
  const yaml::Node* v = param_value_node(path, key->str(), value);
  RuleParam p{std::string(key->str()), yaml::to_json(v), value->is_mapping() ? optional_string(value, "description") : ""};
  if (!contract) return p;  // a family with no declared contract: taken as written
  const ParamSpec* spec = contract->param(rule.id, p.name);
  if (!spec) fail_at(path, key, unknown_param_message(rule.check, *contract, rule.id, p.name));
  std::optional<nlohmann::json> typed = typed_value(*spec, p.default_value);
  if (!typed) fail_at(path, v, expected_type(*spec));
  p.default_value = std::move(*typed);
  if (p.description.empty()) p.description = spec->meaning;
  return p;
}

void read_params(const std::string& path, const yaml::Node* params, const FamilyContract* contract, Rule& rule)
{
  if (params && !params->is_mapping()) fail_at(path, params, "expected a mapping of parameter names for 'params'");
  if (params)
    for (auto [key, value] : params->entries()) rule.param_docs.push_back(read_param(path, key, value, contract, rule));
  if (contract) add_param_defaults(*contract, rule);
  for (const RuleParam& p : rule.param_docs) rule.params[p.name] = p.default_value;
}

std::vector<std::string_view> family_names()
{
  std::vector<std::string_view> names;
  for (const CheckFamily& f : check_families()) names.push_back(f.name);
  return names;
}

// The family must exist and tell this rule's id apart; a rule it does not implement would check nothing.
void check_variant(const std::string& path, const yaml::Node* root, const FamilyContract* contract, const Rule& rule)
{
  if (!find_check_family(rule.check))
    fail_at(path, root->get("check"), fmt::format("expected a check family for 'check', got '{}' (families: {})",
                                                  rule.check, fmt::join(family_names(), ", ")));
  if (!contract || contract->implements(rule.id)) return;
  fail_at(path, root->get("check"),
          fmt::format("rule '{}' is bound to family '{}', which implements only {}: a rule of another id would check "
                      "nothing (use one of those ids, or a family that checks any)",
                      rule.id, rule.check, fmt::join(contract->variants, ", ")));
}

void read_kinds(const std::string& path, const yaml::Node* kinds, Rule& rule)
{
  if (!kinds || !kinds->is_sequence()) fail_at(path, kinds, "expected a list of kinds for 'kinds' (or [\"*\"])");
  for (const yaml::Node* k : kinds->children()) rule.kinds.emplace_back(k->str());
}

void read_examples(const yaml::Node* examples, Rule& rule)
{
  if (!examples) return;
  rule.example_bad = optional_string(examples, "bad");
  rule.example_good = optional_string(examples, "good");
}

void validate(const std::string& path, const yaml::Node* root, const Rule& rule)
{
  if (std::find(std::begin(k_categories), std::end(k_categories), rule.category) == std::end(k_categories))
    fail_at(path, root->get("category"), "expected category guardrails, scheduling, cost, isolation, durability or hygiene");
  for (char c : rule.id)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      fail_at(path, root->get("id"), fmt::format("expected a kebab-case rule id, got '{}'", rule.id));
}

const nlohmann::json& param(const Rule& rule, std::string_view name)
{
  auto it = rule.params.find(std::string(name));
  if (it == rule.params.end())
    throw InputError(fmt::format("rule {}: parameter '{}' is not declared in its rule file", rule.id, name));
  return *it;
}

// A family reads a parameter through the accessor of the type its contract declares: reading it as another type
// is a bug in the family, not bad input.
const nlohmann::json& typed_param(const Rule& rule, std::string_view name, std::initializer_list<ParamType> readable)
{
  const FamilyContract* contract = find_family_contract(rule.check);
  const ParamSpec* spec = contract ? contract->param(rule.id, name) : nullptr;
  if (spec && std::find(readable.begin(), readable.end(), spec->type) == readable.end())
    throw std::logic_error(fmt::format("family {} reads parameter '{}' of rule {} as {}, but declares it {}",
                                       rule.check, name, rule.id, param_type_name(*readable.begin()),
                                       param_type_name(spec->type)));
  return param(rule, name);
}


}  // namespace

Rule parse_rule(const std::string& path, const std::string& text)
{
  yaml::SourceFile file(path, text);
  yaml::Document doc = yaml::parse_single_document(file);
  const yaml::Node* root = doc.root;
  if (!root || !root->is_mapping()) fail_at(path, root, "expected a mapping with id, severity, category, check, kinds");
  Rule rule;
  rule.id = required_string(path, root, "id");
  rule.check = required_string(path, root, "check");
  rule.category = required_string(path, root, "category");
  std::optional<Severity> severity = parse_severity(required_string(path, root, "severity"));
  if (!severity) fail_at(path, root->get("severity"), "expected severity error, warning or note");
  rule.severity = *severity;
  if (const yaml::Node* e = root->get("enabled"); e && e->as_bool() == false) rule.enabled = false;
  if (const yaml::Node* s = root->get("sensitive"); s && s->as_bool() == true) rule.sensitive = true;
  read_kinds(path, root->get("kinds"), rule);
  rule.anchors = read_anchors(path, root->get("anchors"));
  rule.summary = required_string(path, root, "summary");
  rule.rationale = required_string(path, root, "rationale");
  rule.remediation = required_string(path, root, "remediation");
  const FamilyContract* contract = find_family_contract(rule.check);
  check_variant(path, root, contract, rule);
  read_params(path, root->get("params"), contract, rule);
  read_examples(root->get("examples"), rule);
  rule.origin = path;
  validate(path, root, rule);
  return rule;
}

std::vector<Rule> load_builtin_rules()
{
  std::vector<Rule> rules;
  for (const EmbeddedFile& f : embedded_rules()) {
    if (f.path.find('/') != std::string_view::npos || !f.path.ends_with(".yaml")) continue;
    rules.push_back(parse_rule("rules/" + std::string(f.path), std::string(f.content)));
    rules.back().origin = "built-in";
  }
  return rules;
}

std::vector<Rule> load_rule_dir(const std::filesystem::path& dir)
{
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(fmt::format("--rules {}: expected a directory of rule files", dir.string()));
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Rule> rules;
  for (const auto& f : files) rules.push_back(parse_rule(f.string(), read_file(f)));
  return rules;
}

bool kinds_include(std::span<const std::string> kinds, const Object& object)
{
  for (const std::string& k : kinds)
    if (k == "*" || k == object.kind || (k == "workloads" && is_workload(object))) return true;
  return false;
}

bool Rule::applies_to(const Object& object) const { return kinds_include(kinds, object); }

bool Rule::param_bool(std::string_view name) const
{
  const nlohmann::json& v = typed_param(*this, name, {ParamType::boolean});
  return v.is_boolean() ? v.get<bool>() : v == "true";
}

long long Rule::param_int(std::string_view name) const
{
  const nlohmann::json& v = typed_param(*this, name, {ParamType::integer});
  return v.is_number() ? v.get<long long>() : std::stoll(v.get<std::string>());
}

double Rule::param_number(std::string_view name) const
{
  const nlohmann::json& v = typed_param(*this, name, {ParamType::number, ParamType::integer});
  return v.is_number() ? v.get<double>() : std::stod(v.get<std::string>());
}

std::string Rule::param_string(std::string_view name) const
{
  const nlohmann::json& v = typed_param(*this, name, {ParamType::string, ParamType::duration, ParamType::quantity});
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::vector<std::string> Rule::param_strings(std::string_view name) const
{
  const nlohmann::json& v = typed_param(*this, name, {ParamType::string_list});
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& item : v) out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

RuleSummary Rule::summary_record() const { return {id, severity, category, summary, rationale, remediation}; }

}  // namespace readyctl::lint
