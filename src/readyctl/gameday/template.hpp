// `${...}` substitution in scenario values: vars, env, captured step outputs, run and scenario facts.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

// Looks a reference up ("vars.port", "steps.x.output.pid"); nullopt when it cannot be resolved.
using Resolver = std::function<std::optional<std::string>(std::string_view reference)>;

struct SubstituteOptions {
  bool keep_env = false;  // leave `${env.X}` in place, so secrets never reach the journal
};

// Substitutes every reference in the text; throws InputError naming the first unresolved one.
std::string substitute(std::string_view text, const Resolver& resolve, const SubstituteOptions& options = {});
// Substitutes every string inside a JSON value.
Json substitute_json(const Json& value, const Resolver& resolve, const SubstituteOptions& options = {});

// A value found by a dotted path ("json.items.0.name") inside a JSON value, rendered as text.
std::optional<std::string> lookup_text(const Json& root, std::string_view dotted);
std::optional<Json> lookup_json(const Json& root, std::string_view dotted);
std::string json_text(const Json& value);  // strings without quotes, everything else as JSON
// The text of spec[key] when the spec has that key, as json_text renders it.
std::optional<std::string> optional_text(const Json& spec, const char* key);

}  // namespace readyctl::gameday
