#include "readyctl/yaml/to_json.hpp"

namespace readyctl::yaml {

nlohmann::json to_json(const Node* node)
{
  if (!node || node->is_null()) return nullptr;
  if (node->is_scalar()) {
    if (node->plain()) {
      if (auto b = node->as_bool()) return *b;
      if (auto i = node->as_int()) return *i;
      if (auto d = node->as_number()) return *d;
    }
    return std::string(node->str());
  }
  if (node->is_sequence()) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Node* item : node->children()) arr.push_back(to_json(item));
    return arr;
  }
  nlohmann::json obj = nlohmann::json::object();
  for (auto [key, value] : node->entries()) obj[std::string(key->str())] = to_json(value);
  return obj;
}

}  // namespace readyctl::yaml
