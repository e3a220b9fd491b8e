#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/gameday/schema.hpp"

namespace readyctl::gameday {

namespace {

// The problem with one reference, or an empty string when it is fine.
std::string reference_problem(std::string_view ref, const ReferenceScope& scope)
{
  std::vector<std::string_view> parts = split(ref, '.');
  std::string_view root = parts[0];
  if (root == "run" && parts.size() == 2 && (parts[1] == "id" || parts[1] == "journalDir")) return {};
  if (root == "scenario" && parts.size() == 2 && parts[1] == "dir") return {};
  if (root == "env" && parts.size() == 2 && !parts[1].empty()) return {};
  if (root == "vars" && parts.size() == 2) {
    if (scope.vars->count(std::string(parts[1]))) return {};
    return fmt::format("undefined variable '{}': declare it under 'vars'", parts[1]);
  }
  if (root == "steps" && parts.size() >= 3 && parts[2] == "output") {
    if (scope.steps.count(std::string(parts[1]))) return {};
    return fmt::format("'${{{}}}' refers to step '{}', which does not run before this point", ref, parts[1]);
  }
  return fmt::format("unknown reference '${{{}}}' (expected vars.NAME, env.NAME, steps.NAME.output.FIELD, run.id, "
                     "run.journalDir or scenario.dir)", ref);
}

void check_text(Checker& c, const yaml::Node* node, const ReferenceScope& scope)
{
  std::string_view s = node->str();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$' || i + 1 >= s.size()) continue;
    if (s[i + 1] == '$') {
      ++i;
      continue;
    }
    if (s[i + 1] != '{') continue;
    size_t close = s.find('}', i);
    if (close == std::string_view::npos) {
      c.problem(node, "unterminated '${' (write '$$' for a literal '$')");
      return;
    }
    std::string message = reference_problem(s.substr(i + 2, close - i - 2), scope);
    if (!message.empty()) c.problem(node, message);
    i = close;
  }
}

}  // namespace

void check_references(Checker& c, const yaml::Node* node, const ReferenceScope& scope)
{
  if (node == nullptr) return;
  if (node->is_scalar()) {
    check_text(c, node, scope);
    return;
  }
  if (node->is_sequence()) {
    for (const yaml::Node* child : node->children()) check_references(c, child, scope);
    return;
  }
  for (auto [key, value] : node->entries()) check_references(c, value, scope);
}

}  // namespace readyctl::gameday
