// YAML output, written by yaml-cpp's emitter from the same JSON value a command prints with `-o json`.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace YAML {
class Emitter;
}

namespace readyctl {

// The whole value as a block-style YAML document (keys in the JSON's order), ending with a newline.
std::string json_to_yaml(const nlohmann::ordered_json& value);
// The JSON text a command renders for `-o json`, as YAML: one source for both formats.
std::string json_text_to_yaml(std::string_view json_text);

// Emits one value into an emitter the caller is filling (files with comments or a fixed key order).
void emit_json_value(YAML::Emitter& out, const nlohmann::ordered_json& value);
// The emitter's text, ending with one newline (a literal block at the end already brings its own).
std::string finished_document(const YAML::Emitter& out);
// A string scalar that reads back as exactly this string: double-quoted when a YAML 1.1 or 1.2 reader would take
// the plain form for a boolean, null, number or date, or when it has YAML syntax, edge spaces or control characters;
// a literal block for multi-line text that ends with one newline.
void emit_string(YAML::Emitter& out, std::string_view text);

}  // namespace readyctl
