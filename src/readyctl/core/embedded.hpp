// Files compiled into the binary (rules, templates, completions), so readyctl works alone.
#pragma once
#include <span>
#include <string_view>

namespace readyctl {

struct EmbeddedFile {
  std::string_view path;     // relative to its tree, e.g. "image-pinned.yaml"
  std::string_view content;
};

// The files of one embedded tree: "rules", "templates", "completions" or "demo" (examples/demo).
std::span<const EmbeddedFile> embedded_files(std::string_view tree);

// One file of a tree, or an empty view when absent.
std::string_view embedded_file(std::string_view tree, std::string_view path);

}  // namespace readyctl
