#include "readyctl/gameday/json_path.hpp"

#include <charconv>
#include <string>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl::gameday {

namespace {

using Json = nlohmann::ordered_json;
using Nodes = std::vector<const Json*>;

Nodes select_key(const Nodes& in, const std::string& key)
{
  Nodes out;
  for (const Json* n : in) {
    if (key == "*" && (n->is_object() || n->is_array())) {
      for (const Json& child : *n) out.push_back(&child);
    } else if (n->is_object() && n->contains(key)) {
      out.push_back(&(*n)[key]);
    }
  }
  return out;
}

Nodes select_index(const Nodes& in, std::string_view text, std::string_view path)
{
  long long index = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (ec != std::errc() || ptr != text.data() + text.size())
    throw InputError(fmt::format("JSON path '{}': expected an index, '*' or a quoted key in [...]", path));
  Nodes out;
  for (const Json* n : in) {
    if (!n->is_array()) continue;
    long long size = static_cast<long long>(n->size());
    long long i = index < 0 ? size + index : index;
    if (i >= 0 && i < size) out.push_back(&(*n)[static_cast<size_t>(i)]);
  }
  return out;
}

Nodes bracket(const Nodes& in, std::string_view inner, std::string_view path)
{
  if (inner == "*") return select_key(in, "*");
  if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"'))
    return select_key(in, std::string(inner.substr(1, inner.size() - 2)));
  return select_index(in, inner, path);
}

}  // namespace

std::vector<Json> json_path(const Json& root, std::string_view path)
{
  if (path.empty() || path[0] != '$') throw InputError(fmt::format("JSON path '{}': expected it to start with '$'", path));
  Nodes nodes{&root};
  size_t i = 1;
  while (i < path.size()) {
    if (path[i] == '.') {
      size_t end = path.find_first_of(".[", i + 1);
      if (end == std::string_view::npos) end = path.size();
      nodes = select_key(nodes, std::string(path.substr(i + 1, end - i - 1)));
      i = end;
    } else if (path[i] == '[') {
      size_t end = path.find(']', i);
      if (end == std::string_view::npos) throw InputError(fmt::format("JSON path '{}': unclosed '['", path));
      nodes = bracket(nodes, path.substr(i + 1, end - i - 1), path);
      i = end + 1;
    } else {
      throw InputError(fmt::format("JSON path '{}': expected '.' or '[' at offset {}", path, i));
    }
  }
  std::vector<Json> out;
  for (const Json* n : nodes) out.push_back(*n);
  return out;
}

}  // namespace readyctl::gameday
