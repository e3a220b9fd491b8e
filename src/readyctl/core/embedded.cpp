#include "readyctl/core/embedded.hpp"

namespace readyctl {

std::string_view find_embedded(std::span<const EmbeddedFile> files, std::string_view path)
{
  for (const EmbeddedFile& f : files)
    if (f.path == path) return f.content;
  return {};
}

}  // namespace readyctl
