// `scaffold update`: re-renders the template's current version from the recorded answers and merges it
// three ways with the project (base = the render kept in .readyctl/scaffold-base/).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "readyctl/scaffold/answers.hpp"
#include "readyctl/scaffold/template_store.hpp"

namespace readyctl::scaffold {

enum class UpdateAction {
  unchanged,      // nothing to do
  updated,        // only the template changed it: taken
  merged,         // both changed it: merged cleanly
  conflict,       // both changed the same lines: markers written
  added,          // new in the template
  removed,        // dropped by the template and unedited: deleted
  kept,           // dropped by the template but edited by you: left alone
  skipped,        // you deleted it and the template did not change it
};

std::string_view action_name(UpdateAction action);

struct FileUpdate {
  std::string path;
  UpdateAction action = UpdateAction::unchanged;
  int conflicts = 0;
};

struct UpdateOptions {
  std::filesystem::path dir;
  AnswerSources sources;  // recorded answers are filled in from the project
  bool dry_run = false;
};

struct UpdateResult {
  std::string template_name;
  int from_version = 0;
  int to_version = 0;
  std::vector<FileUpdate> files;  // every file that is not `unchanged`
  int conflicts = 0;
};

// InputError when DIR holds no .readyctl-answers.yaml or no base render.
UpdateResult update_project(const TemplateStore& store, const UpdateOptions& options);

}  // namespace readyctl::scaffold
