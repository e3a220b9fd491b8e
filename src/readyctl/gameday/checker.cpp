#include "readyctl/gameday/checker.hpp"

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"

namespace readyctl::gameday {

namespace {

std::string_view kind_name(const yaml::Node* node)
{
  if (node == nullptr || node->is_null()) return "nothing";
  if (node->is_scalar()) return "a scalar";
  if (node->is_sequence()) return "a sequence";
  return "a mapping";
}

}  // namespace

bool has_reference(std::string_view text) { return text.find("${") != std::string_view::npos; }

Location Checker::where(const yaml::Node* node) const
{
  if (node == nullptr) return {m_file, 1, 1};
  return {m_file, node->line(), node->column()};
}

void Checker::problem(const yaml::Node* node, std::string message)
{
  m_problems.push_back({where(node), std::move(message)});
}

bool Checker::mapping(const yaml::Node* node, std::string_view what)
{
  if (node != nullptr && node->is_mapping()) return true;
  problem(node, fmt::format("expected a mapping for '{}', got {}", what, kind_name(node)));
  return false;
}

bool Checker::sequence(const yaml::Node* node, std::string_view what)
{
  if (node != nullptr && node->is_sequence()) return true;
  problem(node, fmt::format("expected a sequence for '{}', got {}", what, kind_name(node)));
  return false;
}

bool Checker::scalar(const yaml::Node* node, std::string_view what)
{
  if (node != nullptr && node->is_scalar()) return true;
  problem(node, fmt::format("expected a scalar for '{}', got {}", what, kind_name(node)));
  return false;
}

void Checker::known_keys(const yaml::Node* map, std::initializer_list<std::string_view> allowed, std::string_view what)
{
  known_keys(map, std::span<const std::string_view>(allowed.begin(), allowed.size()), what);
}

void Checker::known_keys(const yaml::Node* map, std::span<const std::string_view> allowed, std::string_view what)
{
  for (auto [key, value] : map->entries()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key->str() == a;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", a);
      problem(key, fmt::format("unknown key '{}' in {} (expected one of {})", key->str(), what, list));
    }
  }
}

const yaml::Node* Checker::required(const yaml::Node* map, std::string_view key, std::string_view what)
{
  const yaml::Node* child = map->get(key);
  if (child == nullptr) problem(map, fmt::format("missing '{}' in {}", key, what));
  return child;
}

void Checker::duration(const yaml::Node* node, std::string_view what)
{
  if (!scalar(node, what)) return;
  if (has_reference(node->str())) return;
  if (!parse_duration_seconds(node->str()))
    problem(node, fmt::format("expected a duration for '{}' like 500ms, 5s or 1m30s, got '{}'", what, node->str()));
}

std::optional<long long> Checker::integer(const yaml::Node* node, std::string_view what, long long min, long long max)
{
  if (!scalar(node, what)) return std::nullopt;
  if (has_reference(node->str())) return std::nullopt;
  auto value = node->as_int();
  if (!value || *value < min || *value > max) {
    problem(node, fmt::format("expected an integer from {} to {} for '{}', got '{}'", min, max, what, node->str()));
    return std::nullopt;
  }
  return value;
}

std::string Checker::text(const yaml::Node* node) const { return node && node->is_scalar() ? std::string(node->str()) : ""; }

}  // namespace readyctl::gameday
