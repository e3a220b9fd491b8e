#include "readyctl/core/embedded.hpp"

namespace readyctl {

std::span<const EmbeddedFile> embedded_rules();
std::span<const EmbeddedFile> embedded_templates();
std::span<const EmbeddedFile> embedded_completions();
std::span<const EmbeddedFile> embedded_demo();

std::span<const EmbeddedFile> embedded_files(std::string_view tree)
{
  if (tree == "rules") return embedded_rules();
  if (tree == "templates") return embedded_templates();
  if (tree == "completions") return embedded_completions();
  if (tree == "demo") return embedded_demo();
  return {};
}

std::string_view embedded_file(std::string_view tree, std::string_view path)
{
  for (const EmbeddedFile& f : embedded_files(tree))
    if (f.path == path) return f.content;
  return {};
}

}  // namespace readyctl
