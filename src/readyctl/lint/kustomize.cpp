#include "readyctl/lint/kustomize.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/io/process.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/lint/manifest_loader.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view k_origin_annotation = "config.kubernetes.io/origin";

// A directory of our own under the system's temporary directory, removed with its contents when done.
class TempDir {
public:
  TempDir()
  {
    std::string pattern = (fs::temp_directory_path() / "readyctl-kustomize.XXXXXX").string();
    if (mkdtemp(pattern.data())) m_path = pattern;
  }
  ~TempDir()
  {
    std::error_code ec;
    if (!m_path.empty()) fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }

private:
  fs::path m_path;
};

// kustomize refuses files outside a kustomization's directory unless told not to; projects that keep shared
// transformers beside their kustomizations build with that switch (kserve/modelmesh-serving's release process runs
// `kustomize build --load-restrictor LoadRestrictionsNone`), so a render refused for that alone is retried with it.
io::ProcessResult kustomize(const fs::path& dir)
{
  io::ProcessResult r = io::run_process({{"kubectl", "kustomize", dir.string()}, "", {}});
  if (r.exit_code == 0 || r.err.find("is not in or below") == std::string::npos) return r;
  return io::run_process(
      {{"kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", dir.string()}, "", {}});
}

// The throwaway kustomization: the user's as its one resource, with origin annotations asked for. kustomize takes
// only relative paths to other kustomizations. The path is written as a JSON string, which YAML reads as it is.
bool write_wrapper(const fs::path& wrapper, const fs::path& target)
{
  std::string text = fmt::format("resources:\n  - {}\nbuildMetadata: [originAnnotations]\n",
                                 nlohmann::json(target.lexically_relative(wrapper).string()).dump());
  try {
    write_file_atomically(wrapper / "kustomization.yaml", text);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

// Null-safe: kustomize may leave out any of these mappings.
std::string_view text_at(const yaml::Node* map, std::string_view key) { return map ? map->str_at(key) : std::string_view(); }

// What an origin annotation says: a source file, or the kustomization and generator that made the object.
struct OriginRef {
  std::string path;
  std::string configured_in;
  std::string generator;  // configuredBy.kind, e.g. "SecretGenerator"
};

std::optional<OriginRef> read_origin(const Object& object)
{
  std::string_view text = object.annotation(k_origin_annotation);
  if (text.empty()) return std::nullopt;
  yaml::SourceFile file{std::string(k_origin_annotation), std::string(text)};
  yaml::ParsedFile parsed = yaml::parse_yaml(file);
  if (!parsed.errors.empty() || parsed.documents.empty()) return std::nullopt;
  const yaml::Node* root = parsed.documents.front().root;
  if (!root || !root->is_mapping() || root->get("repo")) return std::nullopt;  // a remote base: no local file
  OriginRef ref{std::string(text_at(root, "path")), std::string(text_at(root, "configuredIn")),
                std::string(text_at(root->get("configuredBy"), "kind"))};
  if (ref.path.empty() && ref.configured_in.empty()) return std::nullopt;
  return ref;
}

// Of the candidates, the one whose name is the rendered name, else the one with the longest name inside it
// (namePrefix, nameSuffix and generators' hash suffixes only add to a name), else the only one there is.
const yaml::Node* pick_by_name(const std::vector<std::pair<std::string_view, const yaml::Node*>>& candidates,
                               std::string_view rendered_name)
{
  const yaml::Node* best = nullptr;
  size_t best_length = 0;
  for (const auto& [name, node] : candidates) {
    if (name == rendered_name) return node;
    if (!name.empty() && name.size() > best_length && rendered_name.find(name) != std::string_view::npos) {
      best = node;
      best_length = name.size();
    }
  }
  if (best) return best;
  return candidates.size() == 1 ? candidates.front().second : nullptr;
}

void add_roots(const yaml::Node* root, std::vector<const yaml::Node*>& out)
{
  if (!root || !root->is_mapping()) return;
  if (const yaml::Node* items = list_items(root)) {
    for (const yaml::Node* item : items->children()) add_roots(item, out);
    return;
  }
  out.push_back(root);
}

class OriginMapper {
public:
  OriginMapper(ManifestSet& set, const KustomizeRender& render) : m_set(set), m_render(render) {}

  void map(Object& object)
  {
    std::optional<OriginRef> ref = read_origin(object);
    if (!ref) return;
    const bool generated = ref->path.empty();
    const fs::path shown = shown_path(generated ? ref->configured_in : ref->path);
    const OriginSource& slot = source(shown);
    if (!slot.file) return;
    const yaml::Node* root = generated ? generator_entry(slot, ref->generator, object.name) : source_object(slot, object);
    if (!root) return;
    const std::string_view unit_dir = *m_set.identity_text.emplace(m_render.dir.string()).first;
    object.origin = &m_set.origins.emplace_back(Origin{slot.file, root, generated, unit_dir});
    object.display_file = shown.string();
    object.line_delta = 0;
  }

private:
  // The path findings name: as the user named the kustomization directory, so `deploy/overlay` shows its base as
  // `deploy/base/x.yaml`.
  fs::path shown_path(const std::string& origin_path) const
  {
    fs::path real = (m_render.wrapper / origin_path).lexically_normal();
    fs::path relative = real.lexically_relative(m_render.dir_canonical);
    return relative.empty() ? real : (m_render.dir / relative).lexically_normal();
  }

  const OriginSource& source(const fs::path& shown)
  {
    auto [it, added] = m_set.origin_sources.try_emplace(shown.string());
    if (!added) return it->second;
    try {
      const yaml::SourceFile& file = m_set.origin_files.emplace_back(shown.string(), read_file(shown, k_max_manifest_bytes));
      for (const yaml::Document& doc : yaml::parse_yaml(file, {}, m_set.pool.get()).documents) add_roots(doc.root, it->second.roots);
      it->second.file = &file;
    } catch (const InputError&) {
      // Unreadable now: the object keeps the rendered stream as its file.
    }
    return it->second;
  }

  static const yaml::Node* source_object(const OriginSource& slot, const Object& object)
  {
    std::vector<std::pair<std::string_view, const yaml::Node*>> candidates;
    for (const yaml::Node* root : slot.roots)
      if (text_at(root, "kind") == object.kind) candidates.emplace_back(text_at(root->get("metadata"), "name"), root);
    return pick_by_name(candidates, object.name);
  }

  // The generator's entry in the kustomization (`secretGenerator:` for SecretGenerator), else its list, else the
  // kustomization.
  static const yaml::Node* generator_entry(const OriginSource& slot, std::string generator, std::string_view name)
  {
    if (slot.roots.empty()) return nullptr;
    const yaml::Node* kustomization = slot.roots.front();
    if (generator.empty()) return kustomization;
    generator[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(generator[0])));
    const yaml::Node* list = kustomization->get(generator);
    if (!list || !list->is_sequence()) return kustomization;
    std::vector<std::pair<std::string_view, const yaml::Node*>> candidates;
    for (const yaml::Node* item : list->children()) candidates.emplace_back(text_at(item, "name"), item);
    const yaml::Node* entry = pick_by_name(candidates, name);
    return entry ? entry : list;
  }

  ManifestSet& m_set;
  const KustomizeRender& m_render;
};

// The item of the source sequence that stands for `item`: the one with the same `name`, else the one at its index.
const yaml::Node* same_item(const yaml::Node* source, const yaml::Node* item, size_t index)
{
  if (!source || !source->is_sequence()) return nullptr;
  std::string_view name = text_at(item, "name");
  size_t i = 0;
  for (const yaml::Node* candidate : source->children()) {
    if (name.empty() ? i == index : text_at(candidate, "name") == name) return candidate;
    ++i;
  }
  return nullptr;
}

// Where a rendered node leads in the source: the deepest source node on its path, and whether that is the node's
// own path (the source has the field itself, not only an ancestor of it).
struct Traced {
  const yaml::Node* node = nullptr;
  bool exact = false;
};

// Looks for `target` under `rendered`; `source` is the node at the same path in the source object, null once the
// path has left it. When found, `mapped` is the deepest source node on the path.
bool trace(const yaml::Node* rendered, const yaml::Node* target, const yaml::Node* source, Traced& mapped)
{
  if (rendered == target) {
    mapped = {source, source != nullptr};
    return true;
  }
  bool found = false;
  if (rendered->is_mapping()) {
    for (const yaml::Node::Entry e : rendered->entries()) {
      const yaml::Node* step = source && source->is_mapping() ? source->get(e.key->str()) : nullptr;
      if (e.key == target) {
        mapped = {step ? source->key_node(e.key->str()) : nullptr, step != nullptr};
        found = true;
      } else if ((found = trace(e.value, target, step, mapped)) && mapped.node == step && step && step->is_sequence() &&
                 e.value != target) {
        mapped.node = source->key_node(e.key->str());  // an item the source lacks (added by a patch): its list's key
      }
      if (found) break;
    }
  } else if (rendered->is_sequence()) {
    size_t i = 0;
    for (const yaml::Node* item : rendered->children()) {
      if ((found = trace(item, target, same_item(source, item, i), mapped))) break;
      ++i;
    }
  }
  if (found && !mapped.node) mapped.node = source;
  return found;
}

Traced trace_from_root(const Origin& origin, const yaml::Node* rendered_root, const yaml::Node* node)
{
  Traced mapped;
  if (origin.generated || !trace(rendered_root, node, origin.root, mapped)) return {origin.root, false};
  return mapped;
}

// kubectl's message without what is not the failure: its deprecation warnings (`# Warning: 'bases' is
// deprecated…`, printed before every error of an older kustomization) and klog's prefix around the error
// (`E1207 14:03:06.791452 8171 run.go:72] "command failed" err="…"`, or `err=<` and `>` around a long one).
std::string failure_text(std::string_view err)
{
  std::string out;
  for (std::string_view line : split(err, '\n')) {
    line = trim(line);
    if (line.empty() || line.starts_with("# Warning:") || line.ends_with(" err=<") || line == ">") continue;
    if (size_t at = line.find(" err=\""); at != std::string_view::npos && line.ends_with('"'))
      line = line.substr(at + 6, line.size() - at - 7);
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out.empty() ? std::string(trim(err)) : out;
}

}  // namespace

KustomizeRender render_kustomization(const fs::path& dir)
{
  KustomizeRender out;
  out.dir = dir;
  std::error_code ec;
  out.dir_canonical = fs::canonical(dir, ec);
  if (!ec) {
    TempDir temp;
    fs::path wrapper = temp.path().empty() ? fs::path() : fs::canonical(temp.path(), ec);
    if (!wrapper.empty() && !ec && write_wrapper(wrapper, out.dir_canonical)) {
      io::ProcessResult r = kustomize(wrapper);
      if (r.exit_code == 0) {
        out.ok = true;
        out.text = std::move(r.out);
        out.wrapper = wrapper;
        return out;
      }
    }
  }
  // Without origins: kustomize refused the wrapper (a Component, say), and its own message is the one to show.
  io::ProcessResult r = kustomize(dir);
  out.ok = r.exit_code == 0;
  out.text = std::move(r.out);
  out.error = failure_text(r.err);
  return out;
}

void map_origins(ManifestSet& set, size_t first, const KustomizeRender& render)
{
  if (render.wrapper.empty()) return;
  OriginMapper mapper(set, render);
  for (size_t i = first; i < set.objects.size(); ++i) mapper.map(set.objects[i]);
}

const yaml::Node* origin_node(const Origin& origin, const yaml::Node* rendered_root, const yaml::Node* node)
{
  return trace_from_root(origin, rendered_root, node).node;
}

SourceDifference source_difference(const Object& object, const yaml::Node* rendered)
{
  constexpr size_t k_max_shown = 80;
  if (!object.origin || object.origin->generated || !rendered) return {};
  const Traced source = trace_from_root(*object.origin, object.root, rendered);
  if (!source.exact) return {true, std::nullopt};
  if (!rendered->is_scalar() || !source.node->is_scalar() || source.node->str() == rendered->str()) return {};
  std::string_view text = source.node->str();
  if (text.size() > k_max_shown || text.find_first_of("\r\n") != std::string_view::npos) return {};
  return {false, text};
}

}  // namespace readyctl::lint
