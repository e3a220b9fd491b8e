// The pieces of YAML output that know yaml-cpp's emitter, shared by json_to_yaml and YamlWriter. Private to the
// report library (the only one that links yaml-cpp): other libraries write YAML through those two.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace YAML {
class Emitter;
}

namespace readyctl {

// Emits one value into an emitter the caller is filling (files with comments or a fixed key order).
void emit_json_value(YAML::Emitter& out, const nlohmann::ordered_json& value);
// The emitter's text, ending with one newline (a literal block at the end already brings its own).
std::string finished_document(const YAML::Emitter& out);
// A string scalar that reads back as exactly this string: double-quoted when a YAML 1.1 or 1.2 reader would take
// the plain form for a boolean, null, number or date, or when it has YAML syntax, edge spaces or control characters;
// a literal block for multi-line text that ends with one newline.
void emit_string(YAML::Emitter& out, std::string_view text);

}  // namespace readyctl
