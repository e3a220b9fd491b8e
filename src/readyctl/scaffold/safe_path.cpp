#include "readyctl/scaffold/safe_path.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl::scaffold {
namespace fs = std::filesystem;

void check_relative_path(const std::string& relative, const std::string& origin)
{
  fs::path path(relative);
  bool bad = relative.empty() || path.is_absolute() || path.has_root_name() || relative.find('\\') != std::string::npos;
  for (const fs::path& part : path)
    if (part == ".." || part == ".") bad = true;
  if (bad) throw InputError(fmt::format("{}: generated path '{}' escapes the target directory", origin, relative));
}

fs::path safe_join(const fs::path& root, const std::string& relative)
{
  check_relative_path(relative, root.string());
  fs::path target = root / relative;
  std::error_code ec;
  fs::path real_root = fs::weakly_canonical(root, ec);
  fs::path real_target = fs::weakly_canonical(target, ec);
  fs::path rel = real_target.lexically_relative(real_root);
  if (ec || rel.empty() || *rel.begin() == "..")
    throw InputError(fmt::format("{}: generated path '{}' leads outside the target directory (symlink?)",
                                 root.string(), relative));
  return target;
}

}  // namespace readyctl::scaffold
