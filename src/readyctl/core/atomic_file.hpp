// Writes a whole file or nothing: a temp file beside the target, renamed into place.
#pragma once
#include <filesystem>
#include <string_view>

namespace readyctl {

enum class Overwrite { refuse, allow };

// Throws InputError when the target exists and overwrite is refused, EnvironmentError on I/O failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Overwrite overwrite = Overwrite::allow);

// Reads a whole file; InputError naming the path when it is missing, a directory or unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace readyctl
