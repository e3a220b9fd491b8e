// Files compiled into the binary (cmake/embed.cmake), so readyctl works alone. Each table belongs to the library that
// reads it and is declared there: lint's rules, baseline's stacks and demo snapshots, scaffold's templates.
#pragma once
#include <span>
#include <string_view>

namespace readyctl {

struct EmbeddedFile {
  std::string_view path;     // relative to its tree, e.g. "image-pinned.yaml"
  std::string_view content;
};

// One file of a table, or an empty view when absent.
std::string_view find_embedded(std::span<const EmbeddedFile> files, std::string_view path);

}  // namespace readyctl
