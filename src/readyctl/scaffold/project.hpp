// Generating a project from a template (`scaffold new`) and the files that record how it was generated.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "readyctl/scaffold/answers.hpp"
#include "readyctl/scaffold/render.hpp"
#include "readyctl/scaffold/template_store.hpp"

namespace readyctl::scaffold {

inline constexpr std::string_view k_answers_file = ".readyctl-answers.yaml";
// The render the project was generated from, kept so `update` has a merge base even after the template changed.
// Files carry a ".base" suffix so linters, kustomize and test runners never pick them up.
inline constexpr std::string_view k_base_dir = ".readyctl/scaffold-base";
inline constexpr std::string_view k_base_suffix = ".base";

struct NewOptions {
  std::string template_name;
  std::filesystem::path dir;
  AnswerSources sources;
  bool dry_run = false;
  bool force = false;
};

struct PlannedFile {
  std::string path;  // relative to the project
  std::string content;
  bool exists = false;  // already present in the target directory
};

struct NewResult {
  TemplateManifest manifest;
  Answers answers;
  std::vector<PlannedFile> files;  // the project's files, then .readyctl-answers.yaml
  size_t base_files = 0;           // files kept under .readyctl/scaffold-base/
  bool written = false;            // false for --dry-run
};

// Resolves the answers (project_name defaults to DIR's base name when that is a valid answer), renders, checks every path and refuses (InputError listing them) to overwrite existing files without
// --force before writing anything; then writes each file atomically. --dry-run writes nothing.
NewResult new_project(const TemplateStore& store, const NewOptions& options);

// The base copy of a rendered tree, as (path under the project, content) pairs.
std::vector<RenderedFile> base_files(const std::vector<RenderedFile>& rendered);

// Writes files under dir atomically, each path checked against escapes.
void write_files(const std::filesystem::path& dir, const std::vector<RenderedFile>& files, bool force);

}  // namespace readyctl::scaffold
