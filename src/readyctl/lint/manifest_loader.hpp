// Turns the paths a user gives (files, directories, `-`, kustomizations) into positioned objects.
#pragma once
#include <cstddef>
#include <deque>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "readyctl/core/block_pool.hpp"
#include "readyctl/lint/object.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {

// Hashes std::string and std::string_view alike, for lookups by view.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

enum class UnitKind { plain_files, stdin_stream, kustomization };

// A deployment unit (lint/deployment_units.hpp): objects [first, last) of the set, applied together and linted
// together.
struct Unit {
  std::string name;  // the kustomization directory as the user named it; "<stdin>"; "" for the plain files
  UnitKind kind = UnitKind::plain_files;
  size_t first = 0;
  size_t last = 0;
};

// A kustomize object's source file, read and parsed once, with the object roots of its documents (List items
// included); `file` is null when it could not be read.
struct OriginSource {
  const yaml::SourceFile* file = nullptr;
  std::vector<const yaml::Node*> roots;
};

struct ManifestSet {
  // The nodes of every document (first member: it outlives the documents).
  std::shared_ptr<BlockPool> pool = std::make_shared<BlockPool>();
  std::deque<yaml::SourceFile> files;  // stable addresses: objects point into them
  std::vector<yaml::Document> documents;
  std::vector<Object> objects;
  std::vector<Finding> parse_errors;  // rule parse-error, each with its location
  std::vector<Finding> unrendered;    // rule unrendered-template: charts and template files not linted
  std::vector<Unit> units;            // together they hold every object
  // Objects copied into the units of alternative files (lint/alternative_files.hpp): not counted as input objects.
  size_t copied_objects = 0;
  // Source files of kustomize objects (read for positions and carets, not linted) and the objects' origins.
  std::deque<yaml::SourceFile> origin_files;
  std::deque<Origin> origins;
  // origin_files by the path findings show: a base that 20 overlays include is read and parsed once per lint run,
  // not once per overlay.
  std::map<std::string, OriginSource, std::less<>> origin_sources;
  // Each distinct kind, apiVersion and namespace once: objects' views of them point here rather than into the file
  // text, so the comparisons every rule makes (Object::is, of_kind_in) read a few strings that stay in the cache
  // instead of a cache line of each object's file. Node-based: the strings keep their addresses as the set grows.
  std::unordered_set<std::string, TextHash, std::equal_to<>> identity_text;
};

// The most read from one manifest file, also from a kustomize object's source file. Far above any real manifest
// stream (the API server takes objects up to 1.5 MiB), far below what would exhaust memory: parsing holds about
// 3.5 bytes per input byte.
inline constexpr size_t k_max_manifest_bytes = 64 * 1024 * 1024;

struct LoadOptions {
  std::istream* in = nullptr;  // for the path "-"
  bool kustomize = true;       // render kustomization directories with `kubectl kustomize` when present
};

// The items of a `List` kind (`kind: List`, `DeploymentList`, …) holding objects; null for any other object.
const yaml::Node* list_items(const yaml::Node* root);

// InputError when a path does not exist; unreadable or broken files become parse-error findings.
ManifestSet load_manifests(const std::vector<std::string>& paths, const LoadOptions& options);

// Adds one in-memory file (already read) to the set: parses it and collects its objects.
void add_manifest_text(ManifestSet& set, std::string path, std::string text);

}  // namespace readyctl::lint
