// Converts a positioned YAML node into JSON: plain scalars become numbers, booleans or null; quoted stay text.
#pragma once
#include <nlohmann/json.hpp>

#include "readyctl/yaml/node.hpp"

namespace readyctl::gameday {

nlohmann::ordered_json yaml_to_json(const yaml::Node* node);

}  // namespace readyctl::gameday
