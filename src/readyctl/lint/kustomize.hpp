// Kustomization directories rendered with `kubectl kustomize`, and each rendered object traced back to the file and
// line it came from. kustomize drops comments and positions; with `buildMetadata: [originAnnotations]` it records
// each object's source file in a `config.kubernetes.io/origin` annotation. readyctl asks for that annotation through
// a throwaway kustomization that only includes the user's (theirs is never edited), then follows each finding's
// path in the rendered object to the same field of the object in its source file.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

struct ManifestSet;

struct KustomizeRender {
  bool ok = false;
  std::string text;   // the rendered stream
  std::string error;  // kubectl's message when !ok
  // Origin paths are relative to `wrapper`; empty when the render had to go without origins.
  std::filesystem::path wrapper;
  std::filesystem::path dir;            // the kustomization directory as the user named it
  std::filesystem::path dir_canonical;  // and where it really is
};

// Renders `dir` with origin annotations, or without them when kustomize refuses the wrapper.
KustomizeRender render_kustomization(const std::filesystem::path& dir);

// Gives each object of set.objects[first...] its Origin where its annotation names a local file and the object is
// found in it; the others keep the rendered stream as their file.
void map_origins(ManifestSet& set, size_t first, const KustomizeRender& render);

// The node of `origin` that stands where `node` stands in the rendered object `rendered_root`: the same path of
// keys and list items (matched by `name` where they have one), as deep as the source has it (kustomize adds,
// patches and drops fields). The origin's root for generated objects and for nodes outside `rendered_root`.
const yaml::Node* origin_node(const Origin& origin, const yaml::Node* rendered_root, const yaml::Node* node);

// How a node of a traced object differs from its source file, found by one trace: `added` when the source does not
// have it (a patch added the field or list item, or replaced the list holding it), so the line shown is only the
// nearest the source has; else, for a scalar the kustomization changed (an overlay's patch, `images:`,
// `replicas:`), `was`: the short one-line text the source has there. Neither for generated or untraced objects.
struct SourceDifference {
  bool added = false;
  std::optional<std::string_view> was;
};
SourceDifference source_difference(const Object& object, const yaml::Node* rendered);

}  // namespace readyctl::lint
