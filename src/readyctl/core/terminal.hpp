// Whether to colour output: --color auto|always|never, NO_COLOR, and whether the stream is a terminal.
#pragma once
#include <string_view>

namespace readyctl {

enum class ColorMode { automatic, always, never };

ColorMode parse_color_mode(std::string_view text);  // InputError on anything else
bool use_color(ColorMode mode, bool stream_is_terminal);
bool fd_is_terminal(int fd);

}  // namespace readyctl
