// Reads a whole input file, bounded in size and in how long a FIFO may keep us waiting.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include "readyctl/core/atomic_file.hpp"  // read_file(path): the same without a size bound

namespace readyctl {

// How long a named FIFO may stay silent before we decide nobody will write to it.
constexpr int k_fifo_wait_ms = 10'000;

// Reads a regular file, a device, a pipe (`<(helm template .)`) or a named FIFO. InputError naming the path when
// it is missing, a directory, a socket, unreadable, larger than max_bytes, or a FIFO with no writer.
std::string read_file(const std::filesystem::path& path, size_t max_bytes);

}  // namespace readyctl
