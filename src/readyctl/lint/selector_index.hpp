// Label selectors indexed by their first matchLabels pair, so the selectors that may match one label set are found
// without trying every selector.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {

// Trying every NetworkPolicy of a namespace on every pod of it grew with the square of the input.
class SelectorIndex {
public:
  // Adds the next selector (a LabelSelector, or null); its id is the number of selectors added before it.
  void add(const yaml::Node* selector);
  // Ids of the selectors that may match the labels, ascending: a superset, to be tested with label_selector_matches.
  std::vector<size_t> candidates(const yaml::Node* labels) const;

private:
  size_t m_count = 0;
  std::vector<size_t> m_unkeyed;  // no matchLabels: may match any label set
  std::unordered_map<std::string, std::vector<size_t>> m_by_pair;
};

}  // namespace readyctl::lint
