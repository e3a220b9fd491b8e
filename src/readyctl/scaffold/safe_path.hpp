// Keeps every generated path inside the target directory: no absolute paths, no '..', no symlink escapes.
#pragma once
#include <filesystem>
#include <string>

namespace readyctl::scaffold {

// Throws InputError ("<origin>: generated path 'x' escapes the target directory") for an unsafe relative path.
void check_relative_path(const std::string& relative, const std::string& origin);

// root / relative, after checking the path and that no existing parent is a symlink leading out of root.
std::filesystem::path safe_join(const std::filesystem::path& root, const std::string& relative);

}  // namespace readyctl::scaffold
