#include "readyctl/lint/label_index.hpp"

#include <numeric>

namespace readyctl::lint {

std::string label_pair_key(std::string_view key, std::string_view value)
{
  std::string k;
  k.reserve(key.size() + value.size() + 1);
  k.append(key).push_back('\0');
  k.append(value);
  return k;
}

const yaml::Node* first_match_label(const yaml::Node* selector)
{
  const yaml::Node* ml = selector && selector->is_mapping() ? selector->get("matchLabels") : nullptr;
  return ml && ml->is_mapping() && ml->size() > 0 ? ml : nullptr;
}

void LabelIndex::add(const yaml::Node* labels)
{
  size_t id = m_count++;
  if (!labels) return;
  for (auto [key, value] : labels->entries()) {
    std::vector<size_t>& ids = m_by_pair[label_pair_key(key->str(), value->str())];
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
}

std::vector<size_t> LabelIndex::candidates(const yaml::Node* selector) const
{
  if (const yaml::Node* ml = first_match_label(selector)) {
    auto [key, value] = *ml->entries().begin();
    auto it = m_by_pair.find(label_pair_key(key->str(), value->str()));
    return it == m_by_pair.end() ? std::vector<size_t>() : it->second;
  }
  std::vector<size_t> all(m_count);
  std::iota(all.begin(), all.end(), size_t{0});
  return all;
}

}  // namespace readyctl::lint
