// Where a kustomize patch wrote what a finding is about, when the object's source file does not have it (kubebuilder's
// manager_auth_proxy_patch.yaml adds the kube-rbac-proxy container to config/manager/manager.yaml's Deployment).
// The strategic-merge patches and resources of the unit's kustomizations are searched for a document of the same
// kind and source name that holds the same field, list items matched by their `name` as strategic merge matches
// containers; a JSON 6902 patch a kustomization applies to the object (its `target:`) is searched for the add or
// replace operation whose path leads to the field, its value confirmed by the text.
#pragma once
#include <optional>
#include <string>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

struct PatchPosition {
  const std::string* file;  // as the user named the kustomization directory; lives as long as the process
  int line;
  int column;
};

// The patch file and the field's line and column there, or nullopt. Safe to call from checks on several threads.
std::optional<PatchPosition> patch_location(const Object& object, const yaml::Node* node);

}  // namespace readyctl::lint
