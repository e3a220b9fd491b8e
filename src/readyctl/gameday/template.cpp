#include "readyctl/gameday/template.hpp"

#include <algorithm>
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

TemplateReader::TemplateReader(const Json& block) { number(block); }

void TemplateReader::number(const Json& node)
{
  m_order.emplace(&node, static_cast<int>(m_order.size()));
  if (node.is_structured())
    for (const Json& child : node) number(child);
}

Template TemplateReader::at(const Json& node) const
{
  auto it = m_order.find(&node);
  return {node, it == m_order.end() ? 0 : it->second};
}

Template TemplateReader::field(const Json& node, std::string_view key) const
{
  return optional(node, key).value_or(Template{});
}

std::optional<Template> TemplateReader::optional(const Json& node, std::string_view key) const
{
  if (!node.is_object()) return std::nullopt;
  auto it = node.find(std::string(key));
  if (it == node.end()) return std::nullopt;
  return at(*it);
}

std::map<std::string, Template> TemplateReader::entries(const Json& node, std::string_view key) const
{
  std::map<std::string, Template> out;
  auto it = node.is_object() ? node.find(std::string(key)) : node.end();
  if (it == node.end() || !it->is_object()) return out;
  for (auto entry = it->begin(); entry != it->end(); ++entry) out[entry.key()] = at(entry.value());
  return out;
}

void resolve_templates(std::vector<Template*> templates, const Resolver& resolve, const SubstituteOptions& options)
{
  auto written_first = [](const Template* a, const Template* b) { return a->order < b->order; };
  std::stable_sort(templates.begin(), templates.end(), written_first);
  for (Template* t : templates) t->value = substitute_json(t->value, resolve, options);
}

std::optional<std::string> optional_text(const std::optional<Template>& t)
{
  if (!t) return std::nullopt;
  return t->text();
}

}  // namespace readyctl::gameday
