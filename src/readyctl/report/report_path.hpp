// The path a CI report names a file by: relative to the working directory (the checkout), forward slashes.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace readyctl {

// "./deploy\\a.yaml" -> "deploy/a.yaml"; an absolute path under `base` becomes relative to it, so code scanning
// alerts, annotations and test-case names do not change with the directory the repository was checked out in.
// Absolute paths outside `base` stay absolute.
std::string report_path(std::string_view file, const std::filesystem::path& base = std::filesystem::current_path());

}  // namespace readyctl
