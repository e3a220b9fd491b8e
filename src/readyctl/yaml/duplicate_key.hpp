// Finds keys repeated within one mapping: YAML forbids them and kubectl refuses them, while a reader that kept
// one of the values would lint something other than what the cluster is sent.
#pragma once
#include <span>
#include <vector>

#include "readyctl/yaml/node.hpp"

namespace readyctl::yaml {

struct DuplicateKey {
  const Node* first;
  const Node* repeat;  // where the error points: the second occurrence
};

// Scalar keys of a mapping's alternating key/value children; the merge key `<<` may repeat.
std::vector<DuplicateKey> find_duplicate_keys(Node::Children entries);

}  // namespace readyctl::yaml
