#include "readyctl/scaffold/answers.hpp"

#include <charconv>
#include <climits>
#include <regex>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/regex.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/report/yaml_writer.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::scaffold {
namespace {

using yaml::Node;

// A value as given, with the place it came from for error messages.
struct Given {
  std::string value;
  std::string origin;
};
using GivenMap = std::map<std::string, Given>;

std::optional<std::string> canonical_bool(std::string text)
{
  text = to_lower(text);
  if (text == "true" || text == "yes" || text == "y" || text == "on" || text == "1") return "true";
  if (text == "false" || text == "no" || text == "n" || text == "off" || text == "0") return "false";
  return std::nullopt;
}

std::optional<std::string> validate_integer(const Variable& var, const std::string& text, std::string& problem)
{
  long long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    problem = fmt::format("expected an integer for '{}', got '{}'", var.name, text);
    return std::nullopt;
  }
  if ((var.min && value < *var.min) || (var.max && value > *var.max)) {
    problem = fmt::format("expected '{}' between {} and {}, got {}", var.name, var.min.value_or(LLONG_MIN),
                          var.max.value_or(LLONG_MAX), value);
    return std::nullopt;
  }
  return std::to_string(value);
}

std::optional<std::string> validate_string(const Variable& var, const std::string& text, std::string& problem)
{
  if (!var.pattern.empty() && !std::regex_match(text, compile_regex(var.pattern))) {
    problem = fmt::format("expected '{}' to match {}, got '{}'", var.name, var.pattern, text);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> validate_choice(const Variable& var, const std::string& text, std::string& problem)
{
  for (const std::string& choice : var.choices)
    if (choice == text) return text;
  problem = fmt::format("expected '{}' to be one of {}, got '{}'", var.name, join(var.choices, ", "), text);
  return std::nullopt;
}

void add_sets(GivenMap& out, const std::vector<std::string>& sets)
{
  for (const std::string& set : sets) {
    size_t eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError(fmt::format("--set {}: expected NAME=VALUE", set));
    out[set.substr(0, eq)] = {set.substr(eq + 1), "--set " + set};
  }
}

const Node& answers_mapping(const Node& root, const std::string& path)
{
  const Node* map = root.get("answers") ? root.get("answers") : &root;
  if (!map->is_mapping())
    throw InputError(fmt::format("{}:{}:{}: expected a mapping of variable names to values", path, map->line(),
                                 map->column()));
  return *map;
}

GivenMap read_answers_file(const std::filesystem::path& file)
{
  std::string path = file.string();
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(path, read_file(file)));
  GivenMap out;
  if (!doc.root) return out;
  if (!doc.root->is_mapping()) throw InputError(fmt::format("{}:1:1: expected a mapping of variable names to values", path));
  for (auto [key, value] : answers_mapping(*doc.root, path).entries()) {
    if (!value->is_scalar())
      throw InputError(fmt::format("{}:{}:{}: expected a scalar value for '{}'", path, value->line(), value->column(),
                                   key->str()));
    out[std::string(key->str())] = {std::string(value->str()), fmt::format("{}:{}:{}", path, value->line(), value->column())};
  }
  return out;
}

void check_known(const TemplateManifest& manifest, const GivenMap& given)
{
  for (const auto& [name, g] : given) {
    bool known = false;
    for (const Variable& var : manifest.variables) known = known || var.name == name;
    if (!known) {
      std::vector<std::string> names;
      for (const Variable& var : manifest.variables) names.push_back(var.name);
      throw InputError(fmt::format("{}: template '{}' has no variable '{}' (variables: {})", g.origin, manifest.name,
                                   name, join(names, ", ")));
    }
  }
}

std::optional<std::string> ask(const Variable& var, const Prompt& prompt)
{
  std::string problem;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::optional<std::string> text = prompt(var, var.default_value.value_or(""), problem);
    if (!text) return std::nullopt;
    if (text->empty() && var.default_value) text = var.default_value;
    if (std::optional<std::string> value = validate_answer(var, *text, problem)) return value;
  }
  throw InputError(fmt::format("{}: no valid answer after 5 attempts", problem));
}

std::optional<std::string> answer_for(const Variable& var, const GivenMap& given, const AnswerSources& sources)
{
  std::string problem;
  if (auto it = given.find(var.name); it != given.end()) {
    std::optional<std::string> value = validate_answer(var, it->second.value, problem);
    if (!value) throw InputError(fmt::format("{}: {}", it->second.origin, problem));
    return value;
  }
  if (auto it = sources.recorded.find(var.name); it != sources.recorded.end())
    if (std::optional<std::string> value = validate_answer(var, it->second, problem)) return value;
  if (sources.prompt) return ask(var, sources.prompt);
  if (!var.default_value) return std::nullopt;
  std::optional<std::string> value = validate_answer(var, *var.default_value, problem);
  if (!value) throw InputError(fmt::format("{}: invalid default: {}", var.location.str(), problem));
  return value;
}

// A variable without a default takes the caller's fallback when that is a valid answer; `rejected` collects why
// a fallback was not used, for the "needs an answer" error.
Variable with_fallback(const Variable& var, const AnswerSources& sources, std::vector<std::string>& rejected)
{
  auto it = sources.fallbacks.find(var.name);
  if (var.default_value || it == sources.fallbacks.end()) return var;
  std::string problem;
  if (!validate_answer(var, it->second.value, problem)) {
    rejected.push_back(fmt::format("{} is not a valid answer: {}", it->second.origin, problem));
    return var;
  }
  Variable out = var;
  out.default_value = it->second.value;
  return out;
}

}  // namespace

std::optional<std::string> validate_answer(const Variable& var, const std::string& text, std::string& problem)
{
  switch (var.type) {
  case VariableType::integer: return validate_integer(var, text, problem);
  case VariableType::choice: return validate_choice(var, text, problem);
  case VariableType::string: return validate_string(var, text, problem);
  case VariableType::boolean:
    if (std::optional<std::string> value = canonical_bool(text)) return value;
    problem = fmt::format("expected true or false for '{}', got '{}'", var.name, text);
    return std::nullopt;
  }
  return std::nullopt;
}

Answers resolve_answers(const TemplateManifest& manifest, const AnswerSources& sources)
{
  GivenMap given;
  if (sources.answers_file) given = read_answers_file(*sources.answers_file);
  add_sets(given, sources.sets);
  check_known(manifest, given);
  Answers answers;
  std::vector<std::string> missing, rejected;
  for (const Variable& var : manifest.variables) {
    if (!holds(var.when, answers)) continue;
    std::optional<std::string> value = answer_for(with_fallback(var, sources, rejected), given, sources);
    if (value) answers[var.name] = *value;
    else missing.push_back(var.name);
  }
  if (!missing.empty())
    throw InputError(fmt::format("template '{}' needs an answer for: {} (use --set NAME=VALUE or --answers FILE){}",
                                 manifest.name, join(missing, ", "), rejected.empty() ? "" : "; " + join(rejected, "; ")));
  return answers;
}

// Written by YamlWriter (yaml-cpp's emitter); every answer is a string and reads back as the same string (scalar()
// quotes `yes`, `1e3`, `null` and the like, which a YAML reader would otherwise take for something else).
std::string format_recorded_answers(const RecordedAnswers& recorded)
{
  YamlWriter out;
  out.begin_map().key("template").scalar(recorded.template_name);
  out.key("version").number(recorded.version);
  out.key("readyctl").scalar(READYCTL_VERSION);
  out.key("answers").begin_map(recorded.answers.empty());
  for (const auto& [name, value] : recorded.answers) out.scalar_key(name).scalar(value);
  out.end_map().end_map();
  return "# Recorded by readyctl scaffold. `readyctl scaffold update` re-renders the template from these\n"
         "# answers and merges it with your edits (base render: .readyctl/scaffold-base/).\n" +
         out.document();
}

RecordedAnswers parse_recorded_answers(const std::string& display_path, const std::string& text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(display_path, text));
  const Node* root = doc.root;
  if (!root || !root->is_mapping() || !root->get("template") || !root->get("answers"))
    throw InputError(fmt::format("{}:1:1: expected 'template', 'version' and 'answers'", display_path));
  RecordedAnswers out;
  out.template_name = std::string(root->get("template")->str());
  const Node* version = root->get("version");
  if (!version || !version->as_int())
    throw InputError(fmt::format("{}:{}:{}: expected an integer 'version'", display_path,
                                 version ? version->line() : 1, version ? version->column() : 1));
  out.version = static_cast<int>(*version->as_int());
  if (root->get("answers")->is_null()) return out;
  for (auto [key, value] : answers_mapping(*root, display_path).entries())
    out.answers[std::string(key->str())] = std::string(value->str());
  return out;
}

}  // namespace readyctl::scaffold
