#include "readyctl/report/markdown.hpp"

namespace readyctl {

std::string markdown_cell(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '|': out += "\\|"; break;
    case '`': out += "\\`"; break;
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '\n': out += "<br>"; break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

std::string markdown_code_cell(std::string_view text)
{
  std::string out = "`";
  for (char c : text) {
    if (c == '`' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
    if (c == '|') out += '\\';
    out += c;
  }
  return out + "`";
}

}  // namespace readyctl
