#include "readyctl/scaffold/section_depth.hpp"

#include <algorithm>
#include <string>

#include "readyctl/core/text.hpp"

namespace readyctl::scaffold {
namespace {

struct Delimiters {
  std::string open = "{{";
  std::string close = "}}";
};

// `{{=<% %>=}}` names the new delimiters, separated by whitespace; a malformed one is left to the parser.
void set_delimiters(std::string_view tag, Delimiters& d)
{
  if (tag.size() < 2 || tag.back() != '=') return;
  std::string_view spec = trim(tag.substr(1, tag.size() - 2));
  size_t space = spec.find_first_of(" \t");
  if (space == std::string_view::npos) return;
  d.open = std::string(spec.substr(0, space));
  d.close = std::string(trim(spec.substr(space)));
}

}  // namespace

size_t section_depth(std::string_view text)
{
  Delimiters d;
  size_t depth = 0;
  size_t deepest = 0;
  for (size_t at = text.find(d.open); at != std::string_view::npos; at = text.find(d.open, at)) {
    size_t body = at + d.open.size();
    size_t end = d.close.empty() ? std::string_view::npos : text.find(d.close, body);
    if (end == std::string_view::npos) break;
    std::string_view tag = text.substr(body, end - body);
    at = end + d.close.size();
    if (tag.empty()) continue;
    if (tag.front() == '#' || tag.front() == '^') deepest = std::max(deepest, ++depth);
    else if (tag.front() == '/' && depth > 0) --depth;
    else if (tag.front() == '=') set_delimiters(tag, d);
  }
  return deepest;
}

}  // namespace readyctl::scaffold
