#include "readyctl/lint/patch_location.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/lint/kustomization_refs.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

constexpr size_t k_max_patch_bytes = 4 * 1024 * 1024;

// One step from a node to its child: a mapping key, or a list item by its `name` (else its index).
struct Step {
  std::string key;
  std::string item_name;
  size_t index = 0;
  bool item = false;
  bool key_node = false;  // the last step ends on the key itself (findings point at `securityContext:`)
};

bool steps_to(const yaml::Node* from, const yaml::Node* to, std::vector<Step>& path)
{
  if (from == to) return true;
  if (from->is_mapping()) {
    for (auto [k, v] : from->entries()) {
      path.push_back({std::string(k->str()), {}, 0, false, k == to});
      if (k == to || steps_to(v, to, path)) return true;
      path.pop_back();
    }
  } else if (from->is_sequence()) {
    size_t i = 0;
    for (const yaml::Node* c : from->children()) {
      path.push_back({{}, std::string(c->is_mapping() ? c->str_at("name") : std::string_view()), i++, true});
      if (steps_to(c, to, path)) return true;
      path.pop_back();
    }
  }
  return false;
}

const yaml::Node* follow(const yaml::Node* n, const std::vector<Step>& path)
{
  for (const Step& s : path) {
    if (!n) return nullptr;
    if (!s.item) {
      n = !n->is_mapping() ? nullptr : s.key_node ? n->key_node(s.key) : n->get(s.key);
      continue;
    }
    if (!n->is_sequence() || s.item_name.empty()) return nullptr;  // strategic merge matches items by name only
    const yaml::Node* found = nullptr;
    for (const yaml::Node* c : n->children())
      if (c->is_mapping() && c->str_at("name") == s.item_name) found = c;
    n = found;
  }
  return n;
}

struct PatchFile {
  std::string shown;  // as the user named the kustomization directory
  yaml::SourceFile source;
  yaml::ParsedFile parsed;
};

bool yaml_file(const fs::path& p)
{
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Every file the kustomizations reachable from `unit_dir` read (resources and patches), parsed once per unit.
class PatchFiles {
public:
  const std::vector<std::unique_ptr<PatchFile>>& of(const std::string& unit_dir)
  {
    std::lock_guard lock(m_mutex);
    auto [it, added] = m_units.try_emplace(unit_dir);
    if (added) it->second = read_unit(unit_dir);
    return it->second;
  }

private:
  static std::vector<std::unique_ptr<PatchFile>> read_unit(const std::string& unit_dir)
  {
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(unit_dir, ec);
    std::vector<std::unique_ptr<PatchFile>> out;
    for (const fs::path& f : reachable_kustomization_refs({root}).files)
      if (yaml_file(f) && !is_kustomization_file(f)) add(out, f, root, unit_dir);
    return out;
  }

  static void add(std::vector<std::unique_ptr<PatchFile>>& out, const fs::path& file, const fs::path& root,
                  const std::string& unit_dir)
  {
    try {
      const fs::path relative = file.lexically_relative(root);
      std::string shown = (fs::path(unit_dir) / relative).lexically_normal().string();
      auto p = std::make_unique<PatchFile>(PatchFile{shown, yaml::SourceFile(shown, read_file(file, k_max_patch_bytes)), {}});
      p->parsed = yaml::parse_yaml(p->source);
      out.push_back(std::move(p));
    } catch (const InputError&) {
      // Unreadable: kustomize reported it when rendering.
    }
  }

  std::mutex m_mutex;
  std::map<std::string, std::vector<std::unique_ptr<PatchFile>>> m_units;
};

PatchFiles& patch_files()
{
  static PatchFiles files;
  return files;
}

std::string_view source_name(const Origin& origin)
{
  const yaml::Node* name = origin.root->is_mapping() ? origin.root->path({"metadata", "name"}) : nullptr;
  return name ? name->str() : std::string_view();
}

}  // namespace

std::optional<PatchPosition> patch_location(const Object& object, const yaml::Node* node)
{
  if (!object.origin || object.origin->generated || object.origin->unit_dir.empty()) return std::nullopt;
  std::vector<Step> path;
  if (!steps_to(object.root, node, path) || path.empty()) return std::nullopt;
  const std::string_view name = source_name(*object.origin);
  for (const auto& file : patch_files().of(std::string(object.origin->unit_dir))) {
    if (file->shown == object.display_file) continue;
    for (const yaml::Document& doc : file->parsed.documents) {
      const yaml::Node* root = doc.root;
      if (!root || !root->is_mapping() || root->str_at("kind") != object.kind) continue;
      const yaml::Node* doc_name = root->path({"metadata", "name"});
      if (!doc_name || doc_name->str() != name) continue;
      if (const yaml::Node* found = follow(root, path)) return PatchPosition{&file->shown, found->line(), found->column()};
    }
  }
  return std::nullopt;
}

}  // namespace readyctl::lint
