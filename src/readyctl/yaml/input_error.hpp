// The one way a YAML input file (rules, config, plan, stacks) reports a bad value: `path:line:col: what`, exit 2.
#pragma once
#include <string>

#include "readyctl/yaml/node.hpp"

namespace readyctl::yaml {

// Throws InputError located at the node (1:1 when there is none).
[[noreturn]] void fail_at(const std::string& path, const Node* at, const std::string& what);

}  // namespace readyctl::yaml
