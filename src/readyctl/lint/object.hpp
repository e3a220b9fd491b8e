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
  std::string_view unit_dir;         // the kustomization rendered, as the user named it (its patches: patch_location)
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
  // What cross-resource rules group by and look up in: the namespace, or for a namespace-less object of a
  // namespaced kind among plain files its directory (k_directory_scope_mark + "dir/"); never shown to users.
  std::string_view scope;
  // A Helm render's `# Source:` chart file for the object (empty otherwise), and the line it was on.
  std::string_view helm_source;
  int helm_line_delta = 0;
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
  // The name, or for an object the API server names from metadata.generateName, that prefix and '*'.
  std::string shown_name() const;
};

// Starts the scope of namespace-less objects grouped by directory; no namespace name can hold it.
inline constexpr std::string_view k_directory_scope_mark = "\x01dir:";

// How a scope reads in a message: "namespace team-a", "namespace (unstated)", or for namespace-less files grouped by
// directory "namespace (unstated) of deploy/app/".
std::string scope_label(std::string_view scope);

// The directory of the file an object was read from ("" for a file named without one).
std::string directory_of(const Object& object);
// Whether two objects were read from the same file or from files side by side in one directory.
bool same_directory(const Object& a, const Object& b);

// Kinds that live outside namespaces (ClusterRole, Namespace, PriorityClass, ClusterQueue, …).
bool is_cluster_scoped_kind(std::string_view kind);

// Splits "group/version" (or "version" for core) and resolves the group through the alias table.
void set_api_identity(Object& object);

// Whether two objects are one object once applied: same kind, API group, scope and name. Test suites keep
// alternative copies of one object in several files (golden outputs); they are one object, not several.
bool same_identity(const Object& a, const Object& b);

// API groups that moved: the old group and the kinds it covers map onto the current group.
std::string canonical_group(std::string_view group, std::string_view kind);

}  // namespace readyctl::lint
