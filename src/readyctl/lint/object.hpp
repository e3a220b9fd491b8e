// One Kubernetes object from the inputs, with quick access to its identity and its source position.
#pragma once
#include <string>
#include <string_view>

#include "readyctl/core/location.hpp"
#include "readyctl/report/finding.hpp"
#include "readyctl/yaml/node.hpp"
#include "readyctl/yaml/source_file.hpp"

namespace readyctl::lint {

// Where an object rendered by kustomize came from (lint/kustomize.hpp).
struct Origin {
  const yaml::SourceFile* file = nullptr;
  const yaml::Node* root = nullptr;  // the object in `file`, or the generator entry of the kustomization that made it
  bool generated = false;            // made by a generator: every finding sits on `root`
};

// A finding's line and column as shown, after any Helm or kustomize mapping.
struct DisplayPosition {
  int line = 0;
  int column = 0;
};

struct Object {
  const yaml::Node* root = nullptr;
  const yaml::SourceFile* file = nullptr;
  // What findings name: the file, a Helm chart path from `# Source:`, or a kustomize object's source file.
  std::string display_file;
  int line_delta = 0;              // subtracted from node lines when mapped to a Helm chart file
  const Origin* origin = nullptr;  // set for kustomize objects traced to their source
  std::string_view api_version;
  std::string_view kind;
  std::string_view name;
  std::string_view ns;  // empty when the manifest does not say
  std::string group;    // canonical API group after the alias table ("" for core)
  std::string version;
  const yaml::Node* metadata = nullptr;
  const yaml::Node* spec = nullptr;

  // Kind and canonical group both match; group "*" matches any.
  bool is(std::string_view kind_name, std::string_view group_name) const;
  const yaml::Node* annotation_node(std::string_view key) const;
  std::string_view annotation(std::string_view key) const;  // "" when absent
  const yaml::Node* labels() const;
  Location location(const yaml::Node* node) const;  // the node, or the object when null
  // Where findings about the node (the object when null) are shown.
  DisplayPosition display_position(const yaml::Node* node) const;
  // The text those positions are in (with line_delta added back): the source file of a kustomize object, else the
  // file read. Comment suppressions are read there too.
  const yaml::SourceFile* shown_file() const { return origin ? origin->file : file; }
  ObjectRef ref() const;
  std::string display_name() const;  // "Deployment team-a/vllm"
};

// Splits "group/version" (or "version" for core) and resolves the group through the alias table.
void set_api_identity(Object& object);

// API groups that moved: the old group and the kinds it covers map onto the current group.
std::string canonical_group(std::string_view group, std::string_view kind);

}  // namespace readyctl::lint
