#include "readyctl/core/printable.hpp"

namespace readyctl {

std::string printable(std::string_view text)
{
  std::string out;
  for (char c : text)
    if (c == '\t' || c == '\n' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) out += c;
  return out;
}

}  // namespace readyctl
