#include "readyctl/lint/selector_index.hpp"

#include <algorithm>

#include "readyctl/lint/label_index.hpp"

namespace readyctl::lint {

void SelectorIndex::add(const yaml::Node* selector)
{
  size_t id = m_count++;
  const yaml::Node* ml = first_match_label(selector);
  if (!ml) {
    m_unkeyed.push_back(id);
    return;
  }
  auto [key, value] = *ml->entries().begin();
  m_by_pair[label_pair_key(key->str(), value->str())].push_back(id);
}

std::vector<size_t> SelectorIndex::candidates(const yaml::Node* labels) const
{
  std::vector<size_t> out = m_unkeyed;
  if (labels)
    for (auto [key, value] : labels->entries())
      if (auto it = m_by_pair.find(label_pair_key(key->str(), value->str())); it != m_by_pair.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace readyctl::lint
