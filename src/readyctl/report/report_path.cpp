#include "readyctl/report/report_path.hpp"

namespace readyctl {

std::string report_path(std::string_view file, const std::filesystem::path& base)
{
  std::string p(file);
  for (char& c : p)
    if (c == '\\') c = '/';
  std::filesystem::path path(p);
  if (path.is_absolute() && !base.empty()) {
    std::filesystem::path rel = path.lexically_normal().lexically_relative(base.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") p = rel.generic_string();
  }
  while (p.starts_with("./")) p.erase(0, 2);
  return p;
}

}  // namespace readyctl
