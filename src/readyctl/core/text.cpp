#include "readyctl/core/text.hpp"

#include <cctype>

namespace readyctl {

std::vector<std::string_view> split(std::string_view text, char sep)
{
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t pos = text.find(sep, start);
    parts.push_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

std::string_view trim(std::string_view text)
{
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep)
{
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view text)
{
  if (pattern.empty()) return text.empty();
  if (pattern.starts_with("**")) {
    std::string_view rest = pattern.substr(2);
    if (rest.starts_with('/')) rest.remove_prefix(1);
    for (size_t i = 0; i <= text.size(); ++i)
      if (glob_match(rest, text.substr(i))) return true;
    return false;
  }
  if (pattern.front() == '*') {
    for (size_t i = 0; i <= text.size(); ++i) {
      if (glob_match(pattern.substr(1), text.substr(i))) return true;
      if (i < text.size() && text[i] == '/') return false;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern.front() == '?' ? text.front() != '/' : pattern.front() == text.front())
    return glob_match(pattern.substr(1), text.substr(1));
  return false;
}

std::string to_lower(std::string_view text)
{
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string xml_escape(std::string_view text, bool attribute)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    case '\n': out += attribute ? "&#10;" : "\n"; break;
    case '\t': out += attribute ? "&#9;" : "\t"; break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

std::string html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

std::string scope_selectors(std::string_view selectors, std::string_view scope)
{
  std::vector<std::string> out;
  for (std::string_view sel : split(selectors, ',')) {
    sel = trim(sel);
    if (sel == "body" || sel == "html") out.emplace_back(scope);
    else out.push_back(std::string(scope) + " " + std::string(sel));
  }
  return join(out, ",");
}

}  // namespace

std::string scope_css(std::string_view css, std::string_view scope)
{
  std::string out;
  size_t i = 0;
  for (size_t open; (open = css.find('{', i)) != std::string_view::npos;) {
    std::string_view head = trim(css.substr(i, open - i));
    size_t end = open + 1;  // one past the block's closing brace
    for (int depth = 1; end < css.size() && depth > 0; ++end) depth += css[end] == '{' ? 1 : css[end] == '}' ? -1 : 0;
    std::string_view block = css.substr(open + 1, end - open - 2);
    if (head.starts_with('@')) out += std::string(head) + "{" + scope_css(block, scope) + "}";
    else out += scope_selectors(head, scope) + "{" + std::string(block) + "}";
    i = end;
  }
  return out;
}

bool is_unfilled_placeholder(std::string_view text)
{
  for (std::string_view opener : {"{{", "${", "$(", "$$"})
    if (text.find(opener) != std::string_view::npos) return true;
  return false;
}

}  // namespace readyctl
