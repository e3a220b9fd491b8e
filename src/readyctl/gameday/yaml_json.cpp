#include "readyctl/gameday/yaml_json.hpp"

#include <string>

namespace readyctl::gameday {

namespace {

nlohmann::ordered_json scalar_to_json(const yaml::Node& node)
{
  std::string text(node.str());
  if (!node.plain()) return text;
  if (text.empty() || text == "~" || text == "null") return nullptr;
  if (auto b = node.as_bool()) return *b;
  if (auto i = node.as_int()) return *i;
  if (auto d = node.as_number()) return *d;
  return text;
}

}  // namespace

nlohmann::ordered_json yaml_to_json(const yaml::Node* node)
{
  if (node == nullptr || node->is_null()) return nullptr;
  if (node->is_scalar()) return scalar_to_json(*node);
  if (node->is_sequence()) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const yaml::Node* child : node->children()) array.push_back(yaml_to_json(child));
    return array;
  }
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (auto [key, value] : node->entries()) object[std::string(key->str())] = yaml_to_json(value);
  return object;
}

}  // namespace readyctl::gameday
