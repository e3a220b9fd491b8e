#include "readyctl/core/terminal.hpp"

#include <cstdlib>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl {

ColorMode parse_color_mode(std::string_view text)
{
  if (text == "auto") return ColorMode::automatic;
  if (text == "always") return ColorMode::always;
  if (text == "never") return ColorMode::never;
  throw InputError(fmt::format("--color: expected auto, always or never, got '{}'", text));
}

bool use_color(ColorMode mode, bool stream_is_terminal)
{
  if (mode != ColorMode::automatic) return mode == ColorMode::always;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return stream_is_terminal;
}

bool fd_is_terminal(int fd) { return ::isatty(fd) == 1; }

}  // namespace readyctl
