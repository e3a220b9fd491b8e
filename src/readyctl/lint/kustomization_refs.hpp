// What a kustomization names on disk: the files it reads and the kustomizations it includes, so deployment units
// can tell kustomization roots from bases and components, and files a kustomization consumes from plain files.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace readyctl::lint {

// A patch file a kustomization applies to the objects its `target:` names (`patches:`, `patchesJson6902:`).
struct PatchTarget {
  std::filesystem::path file;  // weakly canonical
  std::string kind;            // empty: any kind
  std::string name;            // empty: any name
};

struct KustomizationRefs {
  std::vector<std::filesystem::path> files;  // resources, patches, generator inputs, … (weakly canonical)
  std::vector<std::filesystem::path> dirs;   // included kustomizations: resources, bases, components (weakly canonical)
  std::vector<PatchTarget> patch_targets;    // patch files with a target, in the order the kustomizations name them
  bool component = false;                    // `kind: Component`: patches for others to include, not renderable alone
};

// The largest kustomization file read (a kustomization is a few kilobytes; this bounds a hostile one).
inline constexpr size_t k_max_kustomization_bytes = 4 * 1024 * 1024;

// Whether a file is named as kustomize names a kustomization (kustomization.yaml, .yml or Kustomization).
bool is_kustomization_file(const std::filesystem::path& path);

// The kustomization file of `dir` (kustomization.yaml, .yml or Kustomization), or empty.
std::filesystem::path kustomization_file(const std::filesystem::path& dir);

// What `dir`'s kustomization names that exists on disk. Remote bases, inline patches and names that are not there
// are left out. A kustomization that cannot be read or parsed names nothing (kustomize reports it when rendering).
KustomizationRefs read_kustomization_refs(const std::filesystem::path& dir);

// What the kustomizations of `dirs` (weakly canonical) and every kustomization they include, bases outside `dirs`
// too, name: each file once, and each directory some kustomization includes once (a directory of `dirs` only when
// another includes it), sorted.
KustomizationRefs reachable_kustomization_refs(const std::vector<std::filesystem::path>& dirs);

}  // namespace readyctl::lint
