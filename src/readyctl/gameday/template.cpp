#include "readyctl/gameday/template.hpp"

#include <charconv>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::gameday {

namespace {

const Json* step_into(const Json* node, std::string_view part)
{
  if (node->is_object()) {
    auto it = node->find(std::string(part));
    return it == node->end() ? nullptr : &*it;
  }
  if (!node->is_array()) return nullptr;
  size_t index = 0;
  auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
  if (ec != std::errc() || ptr != part.data() + part.size() || index >= node->size()) return nullptr;
  return &(*node)[index];
}

}  // namespace

std::string json_text(const Json& value)
{
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d == static_cast<double>(static_cast<long long>(d)) && d < 1e15 && d > -1e15)
      return std::to_string(static_cast<long long>(d));
  }
  return value.dump();
}

std::optional<std::string> optional_text(const Json& spec, const char* key)
{
  if (!spec.is_object() || !spec.contains(key)) return std::nullopt;
  return json_text(spec[key]);
}

std::optional<Json> lookup_json(const Json& root, std::string_view dotted)
{
  const Json* node = &root;
  if (dotted.empty()) return root;
  for (std::string_view part : split(dotted, '.')) {
    node = step_into(node, part);
    if (node == nullptr) return std::nullopt;
  }
  return *node;
}

std::optional<std::string> lookup_text(const Json& root, std::string_view dotted)
{
  auto found = lookup_json(root, dotted);
  if (!found) return std::nullopt;
  return json_text(*found);
}

std::string substitute(std::string_view text, const Resolver& resolve, const SubstituteOptions& options)
{
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dollar = text[i] == '$' && i + 1 < text.size();
    if (dollar && text[i + 1] == '$') {
      out += options.keep_env ? "$$" : "$";
      ++i;
      continue;
    }
    size_t close = dollar && text[i + 1] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    std::string_view ref = text.substr(i + 2, close - i - 2);
    if (options.keep_env && ref.starts_with("env.")) {
      out += text.substr(i, close - i + 1);
    } else {
      std::optional<std::string> value = resolve(ref);
      if (!value) throw InputError(fmt::format("cannot resolve '${{{}}}'", ref));
      out += *value;
    }
    i = close;
  }
  return out;
}

Json substitute_json(const Json& value, const Resolver& resolve, const SubstituteOptions& options)
{
  if (value.is_string()) return substitute(value.get<std::string>(), resolve, options);
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& item : value) out.push_back(substitute_json(item, resolve, options));
    return out;
  }
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) out[it.key()] = substitute_json(it.value(), resolve, options);
    return out;
  }
  return value;
}

}  // namespace readyctl::gameday
