// Converts a YAML node to JSON with YAML 1.2 core-schema typing (plain true/false/numbers/null).
#pragma once
#include <nlohmann/json.hpp>

#include "readyctl/yaml/node.hpp"

namespace readyctl::yaml {

nlohmann::json to_json(const Node* node);

}  // namespace readyctl::yaml
