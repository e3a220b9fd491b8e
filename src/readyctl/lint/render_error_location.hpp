// Where a failed `kubectl kustomize` went wrong: kustomize's error names the chain of kustomizations it recursed
// into and the reference it could not accumulate (`accumulating resources from 'bases/x.yaml': … no such file`);
// the parse error then points at that reference in the kustomization that names it, not at the root's line 0.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace readyctl::lint {

struct RenderErrorLocation {
  std::string file;  // the kustomization file, as the user named the root
  int line = 0;      // 0 when the reference was not found in it
  int column = 0;
};

RenderErrorLocation render_error_location(const std::filesystem::path& root_dir, std::string_view error);

}  // namespace readyctl::lint
