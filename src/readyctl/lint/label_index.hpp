// Label sets indexed by their key=value pairs, so a selector is tried only on the sets that carry one of its pairs.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {

// Index key of one label pair.
std::string label_pair_key(std::string_view key, std::string_view value);
// The first matchLabels entry of a LabelSelector: every set it matches carries it. Null when there is none.
const yaml::Node* first_match_label(const yaml::Node* selector);

// Testing every selector of a namespace against every workload of it grew with the square of the input.
class LabelIndex {
public:
  // Adds the next label set (a labels mapping, or null); its id is the number of sets added before it.
  void add(const yaml::Node* labels);
  // Ids of the sets the selector may match, ascending: a superset, to be tested with label_selector_matches.
  std::vector<size_t> candidates(const yaml::Node* selector) const;

private:
  size_t m_count = 0;
  std::unordered_map<std::string, std::vector<size_t>> m_by_pair;
};

}  // namespace readyctl::lint
