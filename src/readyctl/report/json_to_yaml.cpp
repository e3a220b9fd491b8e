#include "readyctl/report/json_to_yaml.hpp"
#include "readyctl/report/yaml_emit.hpp"

#include <regex>

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>
#include <yaml-cpp/null.h>

#include "readyctl/core/error.hpp"

namespace readyctl {
namespace {

// Plain scalars a YAML 1.1 or 1.2 (core schema) reader resolves to something other than a string. yaml-cpp's
// emitter quotes the null words and YAML syntax, but writes `yes`, `1e3`, `0x10` or a date plain.
bool resolves_to_non_string(const std::string& s)
{
  static const std::regex k_typed(
      R"re(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)re"
      R"re(|[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)re"
      R"re(|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0o[0-7_]+|[-+]?0b[01_]+)re"
      R"re(|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)re"
      R"re(|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))re"
      R"re(|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)re");
  return std::regex_match(s, k_typed);
}

bool has_control(std::string_view s, bool allow_newline)
{
  for (unsigned char c : s)
    if ((c < 0x20 && !(allow_newline && c == '\n') && c != '\t') || c == 0x7f) return true;
  return false;
}

// yaml-cpp 0.7 writes `|` without a chomping or indentation indicator: that reads back exactly only for text that
// ends with one newline and whose first line does not start with a space.
bool fits_literal_block(std::string_view s)
{
  return s.size() > 1 && s.back() == '\n' && s[s.size() - 2] != '\n' && s.front() != ' ' && s.front() != '\t' &&
         !has_control(s, true) && s.find("\t") == std::string_view::npos;
}

}  // namespace

std::string finished_document(const YAML::Emitter& out)
{
  std::string text = out.c_str();
  if (!out.good()) throw std::logic_error("YAML emitter: " + out.GetLastError());
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

void emit_string(YAML::Emitter& out, std::string_view text)
{
  std::string s(text);
  if (s.find('\n') != std::string::npos && fits_literal_block(s))
    out << YAML::Literal << s;
  else if (s.empty() || has_control(s, false) || s.find('\n') != std::string::npos || s.front() == ' ' ||
           s.back() == ' ' || resolves_to_non_string(s))
    out << YAML::DoubleQuoted << s;
  else
    out << s;  // yaml-cpp still quotes what its own rules call unsafe (": ", " #", leading indicators)
}

void emit_json_value(YAML::Emitter& out, const nlohmann::ordered_json& value)
{
  using Kind = nlohmann::ordered_json::value_t;
  switch (value.type()) {
  case Kind::object:
    if (value.empty()) return void(out << YAML::Flow << YAML::BeginMap << YAML::EndMap);
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key;
      if (key.find('\n') != std::string::npos) out << YAML::DoubleQuoted << key;  // a key is one line
      else emit_string(out, key);
      out << YAML::Value;
      emit_json_value(out, item);
    }
    out << YAML::EndMap;
    return;
  case Kind::array:
    if (value.empty()) return void(out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq);
    out << YAML::BeginSeq;
    for (const auto& item : value) emit_json_value(out, item);
    out << YAML::EndSeq;
    return;
  case Kind::string: return emit_string(out, value.get_ref<const std::string&>());
  case Kind::boolean: out << value.get<bool>(); return;
  case Kind::null:
  case Kind::discarded: out << YAML::Null; return;
  default: out << value.dump(); return;  // numbers: JSON's shortest form is also a YAML number
  }
}

std::string json_to_yaml(const nlohmann::ordered_json& value)
{
  YAML::Emitter out;
  emit_json_value(out, value);
  return finished_document(out);
}

std::string json_text_to_yaml(std::string_view json_text)
{
  return json_to_yaml(nlohmann::ordered_json::parse(json_text));
}

}  // namespace readyctl
