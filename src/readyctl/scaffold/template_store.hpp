// The templates readyctl knows: the embedded tree, or a directory of the same layout (--templates DIR).
// Layout: <name>/template.yaml, <name>/files/** (the project tree), <name>/partials/*.mustache;
// directories starting with '_' (e.g. _shared) hold files and partials that templates include.
#pragma once
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "readyctl/core/embedded.hpp"
#include "readyctl/scaffold/template_manifest.hpp"

namespace readyctl::scaffold {

// templates/**, compiled in by scaffold/sources.cmake.
std::span<const EmbeddedFile> embedded_templates();

struct LoadedTemplate {
  TemplateManifest manifest;
  std::map<std::string, std::string> files;     // project path (may hold {{tags}}) -> template text
  std::map<std::string, std::string> partials;  // partial name -> template text
  std::map<std::string, std::string> origins;   // project path -> where it came from, for error messages
};

class TemplateStore {
public:
  static TemplateStore embedded();
  // InputError when the directory does not exist.
  static TemplateStore from_directory(const std::filesystem::path& dir);

  std::vector<TemplateManifest> list() const;  // sorted by name
  // InputError naming the available templates when `name` is unknown.
  LoadedTemplate load(const std::string& name) const;

private:
  void add_tree(LoadedTemplate& out, const std::string& tree) const;

  std::string m_origin;                         // "templates" or the directory, for messages
  std::map<std::string, std::string> m_files;  // path relative to the templates root -> content
};

}  // namespace readyctl::scaffold
