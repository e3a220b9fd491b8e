#include "readyctl/scaffold/template_store.hpp"

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/embedded.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::scaffold {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_manifest = "/template.yaml";
constexpr std::string_view k_files = "files/";
constexpr std::string_view k_partials = "partials/";
constexpr std::string_view k_partial_suffix = ".mustache";

std::vector<std::string> template_names(const std::map<std::string, std::string>& files)
{
  std::vector<std::string> names;
  for (const auto& [path, content] : files)
    if (path.ends_with(k_manifest) && path.find('/') == path.size() - k_manifest.size() && !path.starts_with("_"))
      names.push_back(path.substr(0, path.size() - k_manifest.size()));
  return names;
}

}  // namespace

TemplateStore TemplateStore::embedded()
{
  TemplateStore store;
  store.m_origin = "templates";
  for (const EmbeddedFile& file : embedded_templates())
    if (!file.path.empty()) store.m_files.emplace(std::string(file.path), std::string(file.content));
  return store;
}

TemplateStore TemplateStore::from_directory(const fs::path& dir)
{
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(fmt::format("{}: expected a directory of templates", dir.string()));
  TemplateStore store;
  store.m_origin = dir.string();
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      store.m_files.emplace(fs::relative(entry.path(), dir).generic_string(), read_file(entry.path()));
  return store;
}

std::vector<TemplateManifest> TemplateStore::list() const
{
  std::vector<TemplateManifest> out;
  for (const std::string& name : template_names(m_files))
    out.push_back(parse_manifest(fmt::format("{}/{}{}", m_origin, name, k_manifest),
                                 m_files.at(name + std::string(k_manifest))));
  return out;
}

void TemplateStore::add_tree(LoadedTemplate& out, const std::string& tree) const
{
  std::string prefix = tree + "/";
  bool found = false;
  for (const auto& [path, content] : m_files) {
    if (!path.starts_with(prefix)) continue;
    found = true;
    std::string rel = path.substr(prefix.size());
    if (rel.starts_with(k_files)) {
      std::string target = rel.substr(k_files.size());
      out.files[target] = content;
      out.origins[target] = fmt::format("{}/{}", m_origin, path);
    } else if (rel.starts_with(k_partials) && rel.ends_with(k_partial_suffix)) {
      std::string name = rel.substr(k_partials.size(), rel.size() - k_partials.size() - k_partial_suffix.size());
      out.partials[name] = content;
    }
  }
  if (!found) throw InputError(fmt::format("{}/{}: the included template tree does not exist", m_origin, tree));
}

LoadedTemplate TemplateStore::load(const std::string& name) const
{
  auto manifest = m_files.find(name + std::string(k_manifest));
  if (manifest == m_files.end() || name.starts_with("_") || name.find('/') != std::string::npos)
    throw InputError(fmt::format("unknown template '{}' (available: {})", name, join(template_names(m_files), ", ")));
  LoadedTemplate out;
  out.manifest = parse_manifest(fmt::format("{}/{}", m_origin, manifest->first), manifest->second);
  // Included trees first, so the template's own files and partials override shared ones.
  for (const std::string& include : out.manifest.includes) add_tree(out, include);
  add_tree(out, name);
  return out;
}

}  // namespace readyctl::scaffold
