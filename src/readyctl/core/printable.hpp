// Makes text from users' files or a server's body fit for a terminal.
#pragma once
#include <string>
#include <string_view>

namespace readyctl {

// Control characters (ESC above all) are dropped so the input cannot drive the terminal; tabs and newlines stay.
std::string printable(std::string_view text);

}  // namespace readyctl
