#include "readyctl/lint/family_contract.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/location.hpp"
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/rule.hpp"

namespace readyctl::lint {
namespace {

bool all_strings(const nlohmann::json& value)
{
  return value.is_array() && std::all_of(value.begin(), value.end(), [](const nlohmann::json& v) { return v.is_string(); });
}

// A YAML number written 3.0 is an integer too; a quoted "3" is a string, not an integer.
std::optional<nlohmann::json> as_integer(const nlohmann::json& value)
{
  if (value.is_number_integer()) return value;
  if (value.is_number_float() && value.get<double>() == static_cast<double>(static_cast<long long>(value.get<double>())))
    return static_cast<long long>(value.get<double>());
  return std::nullopt;
}

std::vector<std::string_view> param_names(const FamilyContract& contract, std::string_view rule_id)
{
  std::vector<std::string_view> names;
  for (const ParamSpec& p : contract.params)
    if (p.variant.empty() || p.variant == rule_id) names.push_back(p.name);
  return names;
}

}  // namespace

std::string_view param_type_name(ParamType type)
{
  switch (type) {
  case ParamType::integer: return "int";
  case ParamType::number: return "number";
  case ParamType::boolean: return "bool";
  case ParamType::string: return "string";
  case ParamType::string_list: return "string-list";
  case ParamType::duration: return "duration";
  case ParamType::quantity: return "quantity";
  }
  return "string";
}

bool FamilyContract::implements(std::string_view rule_id) const
{
  return variants.empty() || std::find(variants.begin(), variants.end(), rule_id) != variants.end();
}

const ParamSpec* FamilyContract::param(std::string_view rule_id, std::string_view name) const
{
  for (const ParamSpec& p : params)
    if (p.name == name && (p.variant.empty() || p.variant == rule_id)) return &p;
  return nullptr;
}

const FamilyContract* find_family_contract(std::string_view family)
{
  const CheckFamily* f = find_check_family(family);
  return f ? &f->contract : nullptr;
}

std::optional<nlohmann::json> typed_value(const ParamSpec& spec, const nlohmann::json& value)
{
  switch (spec.type) {
  case ParamType::integer: return as_integer(value);
  case ParamType::number: return value.is_number() ? std::optional(value) : std::nullopt;
  case ParamType::boolean: return value.is_boolean() ? std::optional(value) : std::nullopt;
  case ParamType::string: return value.is_string() ? std::optional(value) : std::nullopt;
  case ParamType::string_list: return all_strings(value) ? std::optional(value) : std::nullopt;
  case ParamType::duration:
    if (value.is_string() && parse_duration_seconds(value.get<std::string>())) return value;
    return std::nullopt;
  case ParamType::quantity:
    if (value.is_number()) return value.dump();
    if (value.is_string() && parse_quantity(value.get<std::string>())) return value;
    return std::nullopt;
  }
  return std::nullopt;
}

std::string expected_type(const ParamSpec& spec)
{
  switch (spec.type) {
  case ParamType::integer: return fmt::format("expected an integer for '{}'", spec.name);
  case ParamType::number: return fmt::format("expected a number for '{}'", spec.name);
  case ParamType::boolean: return fmt::format("expected true or false for '{}'", spec.name);
  case ParamType::string: return fmt::format("expected a string for '{}'", spec.name);
  case ParamType::string_list: return fmt::format("expected a list of strings for '{}'", spec.name);
  case ParamType::duration: return fmt::format("expected a duration for '{}' (100ms, 5s, 1m)", spec.name);
  case ParamType::quantity: return fmt::format("expected a quantity for '{}' (500Mi, 2Gi, 0.5)", spec.name);
  }
  return fmt::format("expected a value for '{}'", spec.name);
}

std::string unknown_param_message(std::string_view family, const FamilyContract& contract, std::string_view rule_id,
                                  std::string_view name)
{
  std::vector<std::string_view> names = param_names(contract, rule_id);
  if (names.empty())
    return fmt::format("family {} has no parameter '{}' for rule {} (it reads none)", family, name, rule_id);
  return fmt::format("family {} has no parameter '{}' for rule {} (it reads {})", family, name, rule_id,
                     fmt::join(names, ", "));
}

void add_param_defaults(const FamilyContract& contract, Rule& rule)
{
  for (const ParamSpec& spec : contract.params) {
    if (!spec.variant.empty() && spec.variant != rule.id) continue;
    auto set = [&](const RuleParam& p) { return p.name == spec.name; };
    if (std::any_of(rule.param_docs.begin(), rule.param_docs.end(), set)) continue;
    nlohmann::json value = nlohmann::json::parse(spec.default_json.begin(), spec.default_json.end());
    rule.param_docs.push_back({std::string(spec.name), std::move(value), std::string(spec.meaning)});
  }
}

void set_rule_param(Rule& rule, const std::string& name, const nlohmann::json& value, const Location& key_at,
                    const Location& value_at)
{
  const FamilyContract* contract = find_family_contract(rule.check);
  const ParamSpec* spec = contract ? contract->param(rule.id, name) : nullptr;
  if (!spec && !rule.params.contains(name)) {
    std::string why = contract ? unknown_param_message(rule.check, *contract, rule.id, name)
                               : fmt::format("rule {} has no parameter '{}'", rule.id, name);
    throw InputError(fmt::format("{}: {}", key_at.str(), why));
  }
  std::optional<nlohmann::json> typed = spec ? typed_value(*spec, value) : std::optional(value);
  if (!typed) throw InputError(fmt::format("{}: {}", value_at.str(), expected_type(*spec)));
  rule.params[name] = *typed;
}

}  // namespace readyctl::lint
