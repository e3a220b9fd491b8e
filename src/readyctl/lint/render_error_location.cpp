#include "readyctl/lint/render_error_location.hpp"

#include <optional>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/lint/kustomization_refs.hpp"
#include "readyctl/yaml/source_file.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

// The quoted text after the last `marker` before `end` (kustomize quotes paths and references in single quotes).
std::optional<std::pair<std::string_view, size_t>> last_quoted(std::string_view text, std::string_view marker, size_t end)
{
  size_t at = text.rfind(marker, end);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t start = at + marker.size();
  const size_t close = text.find('\'', start);
  if (close == std::string_view::npos) return std::nullopt;
  return std::pair{text.substr(start, close - start), at};
}

// The kustomization directory the error ends in (the innermost recursion, `path`), as the user named it.
fs::path innermost_dir(const fs::path& root_dir, std::optional<std::string_view> path)
{
  if (!path) return root_dir;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(root_dir, ec);
  const fs::path inner = fs::weakly_canonical(fs::path(std::string(*path)), ec);
  const fs::path relative = inner.lexically_relative(root);
  if (ec || relative.empty()) return inner;
  return (root_dir / relative).lexically_normal();  // config/default/../crd: config/crd
}

}  // namespace

RenderErrorLocation render_error_location(const fs::path& root_dir, std::string_view error)
{
  const auto recursion = last_quoted(error, "recursed accumulation of path '", error.size());
  fs::path file = kustomization_file(innermost_dir(root_dir, recursion ? std::optional(recursion->first) : std::nullopt));
  if (file.empty()) file = kustomization_file(root_dir);
  RenderErrorLocation out{file.string(), 0, 0};
  // The reference that failed: the first one accumulated after the innermost recursion.
  const size_t from = recursion ? recursion->second : 0;
  const size_t at = error.find("accumulating resources from '", from);
  if (at == std::string_view::npos || file.empty()) return out;
  const size_t start = at + std::string_view("accumulating resources from '").size();
  const size_t close = error.find('\'', start);
  if (close == std::string_view::npos) return out;
  const std::string_view reference = error.substr(start, close - start);
  try {
    yaml::SourceFile source(file.string(), read_file(file, k_max_kustomization_bytes));
    for (int n = 1; n <= source.line_count(); ++n) {
      const std::string_view line = source.line(n);
      const size_t col = line.find(reference);
      if (col == std::string_view::npos || line.find_first_not_of(" -\"'") != col) continue;
      out.line = n;
      out.column = static_cast<int>(col) + 1;
      break;
    }
  } catch (const InputError&) {
    // Unreadable: the error stays at the kustomization.
  }
  return out;
}

}  // namespace readyctl::lint
