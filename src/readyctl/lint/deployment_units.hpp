// Deployment units: what is applied together is linted together, and nothing else is. A kustomization that no other
// kustomization in the input includes is a root, rendered as one unit; files a kustomization consumes are linted
// through it, not again as plain files; the other files given together form one unit of plain files (a
// strategic-merge patch left unlisted beside a kustomization is not among them: manifest_loader.cpp). Dapr's local
// run resources (the directories a `dapr.yaml` names) are not cluster config and are not linted.
#pragma once
#include <filesystem>
#include <vector>

namespace readyctl::lint {

// What the directory walk met.
struct WalkedFile {
  std::filesystem::path path;
  bool explicit_path = false;  // named on the command line: always linted
};

struct Walk {
  std::vector<WalkedFile> files;                      // manifest files, in walk order
  std::vector<std::filesystem::path> kustomizations;  // directories holding a kustomization, in walk order
  std::vector<std::filesystem::path> dapr_run_files;  // `dapr.yaml` multi-app run files
  std::vector<std::filesystem::path> helm_charts;     // chart directories met by the walk: not read (lint/unrendered.hpp)
};

struct UnitPlan {
  std::vector<std::filesystem::path> kustomize_roots;  // as the walk named them, in walk order
  std::vector<std::filesystem::path> plain_files;      // in walk order
};

UnitPlan plan_units(const Walk& walk);

// A `dapr.yaml` multi-app run file (by name); its resource directories are read by plan_units.
bool is_dapr_run_file(const std::filesystem::path& path);

}  // namespace readyctl::lint
