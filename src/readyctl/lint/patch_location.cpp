#include "readyctl/lint/patch_location.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/lint/inline_patches.hpp"
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

// Follows `path` from `n`: list items by their `name`, as strategic merge matches containers, or (`by_index`, inside a
// JSON 6902 value, which is the list as written) by position.
const yaml::Node* follow(const yaml::Node* n, std::span<const Step> path, bool by_index = false)
{
  for (const Step& s : path) {
    if (!n) return nullptr;
    if (!s.item) {
      n = !n->is_mapping() ? nullptr : s.key_node ? n->key_node(s.key) : n->get(s.key);
      continue;
    }
    if (!n->is_sequence()) return nullptr;
    const yaml::Node* found = nullptr;
    size_t i = 0;
    for (const yaml::Node* c : n->children()) {
      if (by_index ? i == s.index : (!s.item_name.empty() && c->is_mapping() && c->str_at("name") == s.item_name))
        found = c;
      ++i;
    }
    n = found;
  }
  return n;
}

// A JSON pointer's segments (RFC 6901: `~1` stands for '/', `~0` for '~').
std::vector<std::string> pointer_segments(std::string_view pointer)
{
  std::vector<std::string> out;
  if (!pointer.starts_with('/')) return out;
  for (std::string_view rest = pointer.substr(1);;) {
    const size_t slash = rest.find('/');
    std::string segment;
    std::string_view raw = rest.substr(0, slash);
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        segment.push_back(raw[++i] == '1' ? '/' : '~');
        continue;
      }
      segment.push_back(raw[i]);
    }
    out.push_back(std::move(segment));
    if (slash == std::string_view::npos) return out;
    rest = rest.substr(slash + 1);
  }
}

// Whether the pointer's segments lead along `path`: keys by name, list items by index or `-` (appended). The item
// the pointer ends on may sit at another index once rendered (a later patch inserted before it): the operation's
// value is that item when it carries the item's `name`.
bool leads_along(const std::vector<std::string>& segments, const std::vector<Step>& path, const yaml::Node* value)
{
  if (segments.empty() || segments.size() > path.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Step& s = path[i];
    if (!s.item) {
      if (segments[i] != s.key) return false;
      continue;
    }
    if (segments[i] == "-" || segments[i] == std::to_string(s.index)) continue;
    const bool named_here = i + 1 == segments.size() && !s.item_name.empty() && value->is_mapping() &&
                            value->str_at("name") == s.item_name;
    if (!named_here) return false;
  }
  return true;
}

// In a JSON 6902 patch (a list of operations): the `add` or `replace` whose path leads to the field, and the field
// in its value, when it reads as the rendered one does (a scalar the same text, a key the same key).
const yaml::Node* json_patch_field(const yaml::Node* ops, const std::vector<Step>& path, const yaml::Node* rendered)
{
  for (const yaml::Node* op : ops->children()) {
    if (!op->is_mapping()) continue;
    const std::string_view verb = op->str_at("op");
    const yaml::Node* value = op->get("value");
    const std::vector<std::string> segments = pointer_segments(op->str_at("path"));
    if ((verb != "add" && verb != "replace") || !value || !leads_along(segments, path, value)) continue;
    const yaml::Node* found = segments.size() < path.size()
                                  ? follow(value, std::span(path).subspan(segments.size()), true)
                                  : path.back().key_node ? op->key_node("value") : value;
    if (!found) continue;
    if (rendered->is_scalar() && !path.back().key_node && (!found->is_scalar() || found->str() != rendered->str()))
      continue;
    return found;
  }
  return nullptr;
}

struct PatchFile {
  std::string shown;  // as the user named the kustomization directory
  yaml::SourceFile source;
  yaml::ParsedFile parsed;
  std::vector<PatchTarget> targets;  // the objects a kustomization applies this file to (JSON 6902 patches)
  int line_offset = 0;    // an inline patch: its text starts this many lines into the kustomization file
  int column_offset = 0;  // and is indented by this many columns there
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
    const KustomizationRefs refs = reachable_kustomization_refs({root});
    for (const fs::path& f : refs.files)
      if (yaml_file(f) && !is_kustomization_file(f)) add(out, f, root, unit_dir, refs.patch_targets);
    add_inline(out, root, root, unit_dir);
    for (const fs::path& dir : refs.dirs) add_inline(out, dir, root, unit_dir);
    return out;
  }

  static std::string shown_path(const fs::path& file, const fs::path& root, const std::string& unit_dir)
  {
    return (fs::path(unit_dir) / file.lexically_relative(root)).lexically_normal().string();
  }

  static void add_inline(std::vector<std::unique_ptr<PatchFile>>& out, const fs::path& dir, const fs::path& root,
                         const std::string& unit_dir)
  {
    const fs::path kustomization = kustomization_file(dir);
    if (kustomization.empty()) return;
    for (InlinePatch& patch : read_inline_patches(kustomization)) {
      const std::string shown = shown_path(kustomization, root, unit_dir);
      auto p = std::make_unique<PatchFile>(PatchFile{shown, yaml::SourceFile(shown, std::move(patch.text)), {}, {}});
      p->parsed = yaml::parse_yaml(p->source);
      p->targets.push_back({kustomization, std::move(patch.kind), std::move(patch.name)});
      p->line_offset = patch.first_line - 1;
      p->column_offset = patch.indent;
      out.push_back(std::move(p));
    }
  }

  static void add(std::vector<std::unique_ptr<PatchFile>>& out, const fs::path& file, const fs::path& root,
                  const std::string& unit_dir, const std::vector<PatchTarget>& targets)
  {
    try {
      std::string shown = shown_path(file, root, unit_dir);
      auto p = std::make_unique<PatchFile>(PatchFile{shown, yaml::SourceFile(shown, read_file(file, k_max_patch_bytes)), {}, {}});
      p->parsed = yaml::parse_yaml(p->source);
      for (const PatchTarget& t : targets)
        if (t.file == file) p->targets.push_back(t);
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

bool applies_to(const PatchFile& file, std::string_view kind, std::string_view name)
{
  for (const PatchTarget& t : file.targets)
    if ((t.kind.empty() || t.kind == kind) && target_name_takes(t.name, name)) return true;
  return false;
}

// The field in one document of a patch file: a strategic-merge patch or resource of the object's kind and name, or a
// JSON 6902 patch a kustomization applies to the object.
const yaml::Node* field_in(const PatchFile& file, const yaml::Node* root, const Object& object, std::string_view name,
                           const std::vector<Step>& path, const yaml::Node* node)
{
  if (root && root->is_sequence())
    return applies_to(file, object.kind, name) ? json_patch_field(root, path, node) : nullptr;
  if (!root || !root->is_mapping() || root->str_at("kind") != object.kind) return nullptr;
  const yaml::Node* doc_name = root->path({"metadata", "name"});
  return doc_name && doc_name->str() == name ? follow(root, path) : nullptr;
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
    for (const yaml::Document& doc : file->parsed.documents)
      if (const yaml::Node* found = field_in(*file, doc.root, object, name, path, node))
        return PatchPosition{&file->shown, found->line() + file->line_offset, found->column() + file->column_offset};
  }
  return std::nullopt;
}

}  // namespace readyctl::lint
