// Patches written inline in a kustomization (`patches: [{patch: |, target: …}]`, `patchesJson6902:`, and the
// strings of `patchesStrategicMerge:`): their text and where that text sits in the kustomization file, so a finding
// on what such a patch added points into the kustomization (llm-d's simulator Component adds its tokenizer sidecar
// this way).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "readyctl/lint/kustomization_refs.hpp"

namespace readyctl::lint {

struct InlinePatch {
  std::string text;     // the block scalar's content, as a patch file would hold it
  int first_line = 0;   // the kustomization line of the text's first line
  int indent = 0;       // columns the block is indented by in the kustomization
  std::string kind;     // the `target:` (empty: any); a strategic-merge patch names its object itself
  std::string name;
};

// The literal block scalars (`patch: |`) of the kustomization file `file`; other scalar styles are left out, since
// their lines do not map one to one onto the file's. Nothing when the file cannot be read or parsed.
std::vector<InlinePatch> read_inline_patches(const std::filesystem::path& file);

// Whether a kustomize target's name (an anchored regular expression, kustomize api/types/selector.go) takes `name`.
bool target_name_takes(std::string_view pattern, std::string_view name);

}  // namespace readyctl::lint
