// YAML output, written by yaml-cpp's emitter from the same JSON value a command prints with `-o json`.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace readyctl {

// The whole value as a block-style YAML document (keys in the JSON's order), ending with a newline.
std::string json_to_yaml(const nlohmann::ordered_json& value);
// The JSON text a command renders for `-o json`, as YAML: one source for both formats.
std::string json_text_to_yaml(std::string_view json_text);

}  // namespace readyctl
