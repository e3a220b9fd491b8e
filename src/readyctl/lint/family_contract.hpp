// The rule<->family contract: the rule ids (variants) a check family tells apart and the parameters it reads, typed,
// so a rule bound to a family is validated when it is loaded rather than silently doing nothing.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace readyctl {
struct Location;
}

namespace readyctl::lint {

struct Rule;

enum class ParamType { integer, number, boolean, string, string_list, duration, quantity };
std::string_view param_type_name(ParamType type);

struct ParamSpec {
  std::string_view name;
  ParamType type;
  std::string_view default_json;  // the default as JSON text: "3", "true", "\"100ms\"", "[\"a\", \"b\"]"
  std::string_view meaning;       // one line
  std::string_view variant = {};  // read only by rules of this variant; empty: by every rule of the family
};

// A family's half of the rule<->family contract, a field of its CheckFamily (lint/check.hpp).
struct FamilyContract {
  // The rule ids the family branches on; a rule bound to it must carry one of them. Empty: the family checks the
  // same thing whatever the rule's id, so any id may bind to it.
  std::span<const std::string_view> variants;
  std::span<const ParamSpec> params;

  bool implements(std::string_view rule_id) const;
  // The parameter a rule of this id may set, or null.
  const ParamSpec* param(std::string_view rule_id, std::string_view name) const;
};

// The value in the parameter's canonical JSON form (an integer, a number, a bool, a string, a list of strings;
// durations and quantities stay strings that parse), or nullopt when it is not of that type.
std::optional<nlohmann::json> typed_value(const ParamSpec& spec, const nlohmann::json& value);
// "expected an integer for 'maxAttempts'", for a value typed_value refused.
std::string expected_type(const ParamSpec& spec);

// "family retry-policy has no parameter 'x' for rule retry-bounded (it reads maxAttempts, maxRetries)".
std::string unknown_param_message(std::string_view family, const FamilyContract& contract, std::string_view rule_id,
                                  std::string_view name);
// The contract of the family a rule binds to (`check:`), or null for an unknown family.
const FamilyContract* find_family_contract(std::string_view family);
// Gives the rule the family's default of every parameter its id may set and its file did not (params, param_docs).
void add_param_defaults(const FamilyContract& contract, Rule& rule);
// Sets a parameter from .readyctl.yaml: InputError at `key_at` for a parameter the rule does not have, at
// `value_at` for a value of the wrong type.
void set_rule_param(Rule& rule, const std::string& name, const nlohmann::json& value, const Location& key_at,
                    const Location& value_at);

}  // namespace readyctl::lint
