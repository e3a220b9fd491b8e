#include "readyctl/yaml/node.hpp"

#include <charconv>
#include <cstdint>
#include <limits>

namespace readyctl::yaml {

std::optional<bool> Node::as_bool() const
{
  if (!is_scalar()) return std::nullopt;
  std::string_view s = str();
  if (!m_plain) return std::nullopt;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::optional<long long> Node::as_int() const
{
  if (!is_scalar()) return std::nullopt;
  std::string_view s = str();
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  long long value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

std::optional<long long> Node::as_int32() const
{
  std::optional<long long> value = as_int();
  if (!value || *value < std::numeric_limits<int32_t>::min() || *value > std::numeric_limits<int32_t>::max())
    return std::nullopt;
  return value;
}

std::optional<double> Node::as_number() const
{
  if (!is_scalar()) return std::nullopt;
  std::string_view s = str();
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

const Node* Node::get(std::string_view key) const
{
  if (m_kind != NodeKind::mapping) return nullptr;
  auto kids = children();
  for (size_t i = 0; i + 1 < kids.size(); i += 2)
    if (kids[i]->is_scalar() && kids[i]->str() == key) return kids[i + 1];
  return nullptr;
}

const Node* Node::key_node(std::string_view key) const
{
  if (m_kind != NodeKind::mapping) return nullptr;
  auto kids = children();
  for (size_t i = 0; i + 1 < kids.size(); i += 2)
    if (kids[i]->is_scalar() && kids[i]->str() == key) return kids[i];
  return nullptr;
}

const Node* Node::path(std::initializer_list<std::string_view> keys) const
{
  const Node* node = this;
  for (std::string_view key : keys) {
    node = node->get(key);
    if (!node) return nullptr;
  }
  return node;
}

}  // namespace readyctl::yaml
