#include "readyctl/yaml/node.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <new>

#include "readyctl/yaml/known_keys.hpp"

namespace readyctl::yaml {

void Node::set_data(const void* p)
{
  const uint64_t address = reinterpret_cast<uintptr_t>(p);
  if (address >> 32 > k_address_high_mask) throw std::bad_alloc();
  m_low = static_cast<uint32_t>(address);
  m_high = (m_high & ~k_address_high_mask) | static_cast<uint32_t>(address >> 32);
}

std::optional<bool> Node::as_bool() const
{
  if (!is_scalar()) return std::nullopt;
  std::string_view s = str();
  if (!plain()) return std::nullopt;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::optional<long long> parse_int(std::string_view text)
{
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  long long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<long long> Node::as_int() const
{
  if (!is_scalar()) return std::nullopt;
  return parse_int(str());
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

std::ptrdiff_t Node::find_key(std::string_view key) const
{
  if (!is_mapping()) return -1;
  const Node* entry = kids();
  const uint32_t* tags = key_tags();
  const uint32_t tag = key_tag(key);
  const size_t entries = m_size / 2;
  // A known key matches only marked tags, and a marked tag is that key: no key node is read. Any other key matches
  // only unmarked tags (a marked one is the known key, not this one), confirmed by its text.
  if (!key.empty() && known_key(tag) == key) {
    for (size_t i = 0; i < entries; ++i)
      if (tags[i] == (tag | k_known_key)) return static_cast<std::ptrdiff_t>(i);
    return -1;
  }
  for (size_t i = 0; i < entries; ++i)
    if (tags[i] == tag && entry[2 * i].is_scalar() && entry[2 * i].str() == key) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

const Node* Node::get(std::string_view key) const
{
  std::ptrdiff_t i = find_key(key);
  return i < 0 ? nullptr : kids() + 2 * i + 1;
}

const Node* Node::key_node(std::string_view key) const
{
  std::ptrdiff_t i = find_key(key);
  return i < 0 ? nullptr : kids() + 2 * i;
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
