#include "readyctl/lint/config.hpp"

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/to_json.hpp"
#include "readyctl/yaml/input_error.hpp"

namespace readyctl::lint {
using yaml::fail_at;
namespace fs = std::filesystem;
namespace {

std::string config_text_field(const std::string& path, const yaml::Node* entry, std::string_view key)
{
  const yaml::Node* n = entry->get(key);
  if (!n) return {};
  if (!n->is_scalar()) fail_at(path, n, fmt::format("expected a string for '{}'", key));
  return std::string(n->str());
}

RuleOverride read_override(const std::string& path, const yaml::Node* value)
{
  RuleOverride o;
  o.where = {path, value->line(), value->column()};
  if (value->is_scalar()) {
    if (value->str() == "off" || value->as_bool() == false) o.enabled = false;
    else if (value->str() == "on" || value->as_bool() == true) o.enabled = true;
    else if (auto s = parse_severity(value->str())) o.severity = s;
    else fail_at(path, value, "expected on, off, a severity, or a mapping with enabled/severity/params");
    return o;
  }
  if (!value->is_mapping()) fail_at(path, value, "expected a mapping with enabled, severity, params");
  if (const yaml::Node* e = value->get("enabled")) {
    if (!e->as_bool()) fail_at(path, e, "expected true or false for 'enabled'");
    o.enabled = e->as_bool();
  }
  if (const yaml::Node* s = value->get("severity")) {
    o.severity = parse_severity(s->str());
    if (!o.severity) fail_at(path, s, "expected severity error, warning or note");
  }
  if (const yaml::Node* p = value->get("params")) {
    if (!p->is_mapping()) fail_at(path, p, "expected a mapping for 'params'");
    o.params = yaml::to_json(p);
    for (auto [key, v] : p->entries())
      o.param_where[std::string(key->str())] = {{path, key->line(), key->column()}, {path, v->line(), v->column()}};
  }
  return o;
}

bool valid_date(std::string_view d)
{
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  return true;
}

IgnoreEntry read_ignore(const std::string& path, const yaml::Node* entry)
{
  if (!entry->is_mapping()) fail_at(path, entry, "expected a mapping with rule, path, kind, namespace, name, reason, until");
  IgnoreEntry e;
  e.where = {path, entry->line(), entry->column()};
  e.rule = config_text_field(path, entry, "rule");
  e.path = config_text_field(path, entry, "path");
  e.kind = config_text_field(path, entry, "kind");
  e.ns = config_text_field(path, entry, "namespace");
  e.name = config_text_field(path, entry, "name");
  e.reason = config_text_field(path, entry, "reason");
  e.until = config_text_field(path, entry, "until");
  if (e.reason.empty()) fail_at(path, entry, "expected a 'reason' for this ignore entry (suppressions need one)");
  if (!e.until.empty() && !valid_date(e.until))
    fail_at(path, entry->get("until"), fmt::format("expected a date YYYY-MM-DD for 'until', got '{}'", e.until));
  return e;
}

void read_lint_section(const std::string& path, const yaml::Node* lint, LintConfig& config)
{
  if (!lint->is_mapping()) fail_at(path, lint, "expected a mapping for 'lint'");
  if (const yaml::Node* rules = lint->get("rules")) {
    if (!rules->is_mapping()) fail_at(path, rules, "expected a mapping of rule ids for 'rules'");
    for (auto [key, value] : rules->entries()) config.rules[std::string(key->str())] = read_override(path, value);
  }
  if (const yaml::Node* ignores = lint->get("ignore")) {
    if (!ignores->is_sequence()) fail_at(path, ignores, "expected a list for 'ignore'");
    for (const yaml::Node* entry : ignores->children()) config.ignores.push_back(read_ignore(path, entry));
  }
  if (const yaml::Node* paths = lint->get("paths")) {
    if (!paths->is_sequence()) fail_at(path, paths, "expected a list of paths for 'paths'");
    for (const yaml::Node* p : paths->children()) config.paths.emplace_back(p->str());
  }
  config.fail_on = config_text_field(path, lint, "failOn");
}

}  // namespace

std::optional<fs::path> discover_config(const fs::path& start)
{
  std::error_code ec;
  for (fs::path dir = fs::absolute(start, ec);; dir = dir.parent_path()) {
    fs::path candidate = dir / ".readyctl.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.parent_path()) return std::nullopt;
  }
}

LintConfig load_config(const fs::path& path) { return parse_config(path, read_file(path)); }

LintConfig parse_config(const fs::path& path, std::string text)
{
  LintConfig config;
  config.file = path;
  yaml::SourceFile file(path.string(), std::move(text));
  yaml::Document doc = yaml::parse_single_document(file);
  if (!doc.root) return config;
  if (!doc.root->is_mapping()) fail_at(file.path(), doc.root, "expected a mapping (lint:, baseline:, plan: ...)");
  if (const yaml::Node* lint = doc.root->get("lint")) read_lint_section(file.path(), lint, config);
  return config;
}

}  // namespace readyctl::lint
