// A scaffold template's manifest (template.yaml): its variables, its conditional files, its partial includes.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readyctl/core/location.hpp"

namespace readyctl::scaffold {

enum class VariableType { string, integer, boolean, choice };

struct Variable {
  std::string name;
  VariableType type = VariableType::string;
  std::string description;
  std::optional<std::string> default_value;  // absent: the answer is required
  std::string pattern;                       // strings: a regex the whole value must match
  std::optional<long long> min;              // integers
  std::optional<long long> max;
  std::vector<std::string> choices;          // choice
  std::string when;                          // asked only when this condition holds
  Location location;
};

// Files matching `path` (a glob over the rendered-tree path) exist only when `when` holds.
struct FileRule {
  std::string path;
  std::string when;
  Location location;
};

struct TemplateManifest {
  std::string name;
  int version = 1;
  std::string description;
  std::vector<std::string> includes;  // shared partial trees (e.g. "_shared") rendered under this one
  std::map<std::string, std::string> constants;  // fixed values shared files need (e.g. the Python package)
  std::vector<Variable> variables;
  std::vector<FileRule> files;
};

// Parses template.yaml; InputError "path:line:col: what was expected" on any defect.
TemplateManifest parse_manifest(const std::string& display_path, const std::string& text);

std::string_view type_name(VariableType type);

}  // namespace readyctl::scaffold
