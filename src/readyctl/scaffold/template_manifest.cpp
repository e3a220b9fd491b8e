#include "readyctl/scaffold/template_manifest.hpp"

#include <regex>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/regex.hpp"
#include "readyctl/scaffold/condition.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::scaffold {
namespace {

using yaml::Node;

struct Reader {
  const std::string& path;

  [[noreturn]] void fail(const Node& node, const std::string& what) const
  {
    throw InputError(fmt::format("{}:{}:{}: {}", path, node.line(), node.column(), what));
  }

  std::string scalar(const Node& map, std::string_view key, bool required) const
  {
    const Node* value = map.get(key);
    if (!value) {
      if (required) fail(map, fmt::format("expected a '{}' field", key));
      return {};
    }
    if (!value->is_scalar()) fail(*value, fmt::format("expected a scalar for '{}'", key));
    return std::string(value->str());
  }

  std::optional<long long> integer(const Node& map, std::string_view key) const
  {
    const Node* value = map.get(key);
    if (!value) return std::nullopt;
    std::optional<long long> number = value->as_int();
    if (!number) fail(*value, fmt::format("expected an integer for '{}'", key));
    return number;
  }

  std::vector<std::string> strings(const Node& map, std::string_view key) const
  {
    std::vector<std::string> out;
    const Node* list = map.get(key);
    if (!list) return out;
    if (!list->is_sequence()) fail(*list, fmt::format("expected a list of strings for '{}'", key));
    for (const Node* item : list->children()) {
      if (!item->is_scalar()) fail(*item, fmt::format("expected a string in '{}'", key));
      out.emplace_back(item->str());
    }
    return out;
  }

  std::map<std::string, std::string> string_map(const Node& root, std::string_view key) const
  {
    std::map<std::string, std::string> out;
    const Node* map = root.get(key);
    if (!map) return out;
    if (!map->is_mapping()) fail(*map, fmt::format("expected a mapping of names to strings for '{}'", key));
    for (auto [k, v] : map->entries()) {
      if (!v->is_scalar()) fail(*v, fmt::format("expected a string for '{}'", k->str()));
      out[std::string(k->str())] = std::string(v->str());
    }
    return out;
  }

  Location where(const Node& node) const { return {path, node.line(), node.column()}; }
};

VariableType parse_type(const Reader& reader, const Node& map)
{
  std::string text = reader.scalar(map, "type", false);
  if (text.empty() || text == "string") return VariableType::string;
  if (text == "int" || text == "integer") return VariableType::integer;
  if (text == "bool" || text == "boolean") return VariableType::boolean;
  if (text == "choice") return VariableType::choice;
  reader.fail(*map.get("type"), fmt::format("expected type string, int, bool or choice, got '{}'", text));
}

void check_condition(const Reader& reader, const Node& map, const std::string& text)
{
  if (text.empty()) return;
  try {
    parse_condition(text);
  } catch (const InputError& e) {
    reader.fail(*map.get("when"), e.what());
  }
}

void check_pattern(const Reader& reader, const Node& map, const std::string& pattern)
{
  if (pattern.empty()) return;
  if (auto why = regex_problem(pattern))
    reader.fail(*map.get("validation"), fmt::format("expected a valid regular expression, got '{}': {}", pattern, *why));
}

Variable parse_variable(const Reader& reader, const Node& map)
{
  if (!map.is_mapping()) reader.fail(map, "expected a mapping for a variable");
  Variable var;
  var.name = reader.scalar(map, "name", true);
  var.type = parse_type(reader, map);
  var.description = reader.scalar(map, "description", true);
  if (map.get("default")) var.default_value = reader.scalar(map, "default", true);
  var.pattern = reader.scalar(map, "validation", false);
  var.min = reader.integer(map, "min");
  var.max = reader.integer(map, "max");
  var.choices = reader.strings(map, "choices");
  var.when = reader.scalar(map, "when", false);
  var.location = reader.where(map);
  if (var.type == VariableType::choice && var.choices.empty())
    reader.fail(map, fmt::format("expected 'choices' for the choice variable '{}'", var.name));
  check_condition(reader, map, var.when);
  check_pattern(reader, map, var.pattern);
  return var;
}

FileRule parse_file_rule(const Reader& reader, const Node& map)
{
  if (!map.is_mapping()) reader.fail(map, "expected a mapping with 'path' and 'when'");
  FileRule rule{reader.scalar(map, "path", true), reader.scalar(map, "when", true), reader.where(map)};
  check_condition(reader, map, rule.when);
  return rule;
}

template <typename T, typename Parse>
std::vector<T> parse_list(const Reader& reader, const Node& root, std::string_view key, Parse parse)
{
  std::vector<T> out;
  const Node* list = root.get(key);
  if (!list) return out;
  if (!list->is_sequence()) reader.fail(*list, fmt::format("expected a list for '{}'", key));
  for (const Node* item : list->children()) out.push_back(parse(reader, *item));
  return out;
}

void check_unique_names(const std::vector<Variable>& variables)
{
  for (size_t i = 0; i < variables.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (variables[i].name == variables[j].name)
        throw InputError(fmt::format("{}: variable '{}' is declared twice", variables[i].location.str(),
                                     variables[i].name));
}

}  // namespace

TemplateManifest parse_manifest(const std::string& display_path, const std::string& text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(display_path, text));
  Reader reader{display_path};
  if (!doc.root || !doc.root->is_mapping())
    throw InputError(fmt::format("{}:1:1: expected a mapping with name, version and variables", display_path));
  const Node& root = *doc.root;
  TemplateManifest manifest;
  manifest.name = reader.scalar(root, "name", true);
  manifest.version = static_cast<int>(reader.integer(root, "version").value_or(1));
  manifest.description = reader.scalar(root, "description", true);
  manifest.includes = reader.strings(root, "include");
  manifest.constants = reader.string_map(root, "constants");
  manifest.variables = parse_list<Variable>(reader, root, "variables", parse_variable);
  manifest.files = parse_list<FileRule>(reader, root, "files", parse_file_rule);
  check_unique_names(manifest.variables);
  return manifest;
}

std::string_view type_name(VariableType type)
{
  switch (type) {
  case VariableType::string: return "string";
  case VariableType::integer: return "int";
  case VariableType::boolean: return "bool";
  case VariableType::choice: return "choice";
  }
  return "string";
}

}  // namespace readyctl::scaffold
