#include "readyctl/lint/kustomization_refs.hpp"

#include <set>
#include <string_view>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view k_kustomization_names[] = {"kustomization.yaml", "kustomization.yml", "Kustomization"};

// Keys whose items are paths (strings), or mappings with a `path:`; inline patches are text with a newline.
constexpr std::string_view k_path_lists[] = {"resources",    "bases",      "components", "crds",
                                             "configurations", "transformers", "generators", "validators",
                                             "patchesStrategicMerge", "patches", "patchesJson6902", "replacements"};
constexpr std::string_view k_generators[] = {"configMapGenerator", "secretGenerator"};

bool is_remote(std::string_view ref)
{
  return ref.find("://") != std::string_view::npos || ref.starts_with("git@") || ref.starts_with("github.com/") ||
         ref.find("?ref=") != std::string_view::npos;
}

void add_path(KustomizationRefs& out, const fs::path& dir, std::string_view ref)
{
  if (ref.empty() || is_remote(ref) || ref.find('\n') != std::string_view::npos) return;
  std::error_code ec;
  fs::path p = fs::weakly_canonical(dir / fs::path(std::string(ref)), ec);
  if (ec) return;
  if (fs::is_directory(p, ec)) out.dirs.push_back(p);
  else if (fs::is_regular_file(p, ec)) out.files.push_back(p);
}

void add_path_list(KustomizationRefs& out, const fs::path& dir, const yaml::Node* list)
{
  if (!list || !list->is_sequence()) return;
  for (const yaml::Node* item : list->children()) {
    if (item->is_scalar()) add_path(out, dir, item->str());
    else if (item->is_mapping()) add_path(out, dir, item->str_at("path"));
  }
}

// `files: [key=path]`, `envs: [path]`, `env: path`.
void add_generator_inputs(KustomizationRefs& out, const fs::path& dir, const yaml::Node* list)
{
  if (!list || !list->is_sequence()) return;
  for (const yaml::Node* gen : list->children()) {
    if (!gen->is_mapping()) continue;
    if (const yaml::Node* files = gen->get("files"); files && files->is_sequence())
      for (const yaml::Node* f : files->children()) {
        std::string_view ref = f->str();
        if (size_t eq = ref.find('='); eq != std::string_view::npos) ref = ref.substr(eq + 1);
        add_path(out, dir, ref);
      }
    add_path_list(out, dir, gen->get("envs"));
    add_path(out, dir, gen->str_at("env"));
  }
}

// `patches: [{path, target: {kind, name}}]` and `patchesJson6902:` alike.
void add_patch_targets(KustomizationRefs& out, const fs::path& dir, const yaml::Node* list)
{
  if (!list || !list->is_sequence()) return;
  for (const yaml::Node* item : list->children()) {
    const yaml::Node* target = item->is_mapping() ? item->get("target") : nullptr;
    std::string_view ref = item->is_mapping() ? item->str_at("path") : std::string_view();
    if (!target || !target->is_mapping() || ref.empty() || is_remote(ref)) continue;
    std::error_code ec;
    fs::path p = fs::weakly_canonical(dir / fs::path(std::string(ref)), ec);
    if (!ec && fs::is_regular_file(p, ec))
      out.patch_targets.push_back({p, std::string(target->str_at("kind")), std::string(target->str_at("name"))});
  }
}

}  // namespace

bool is_kustomization_file(const fs::path& path)
{
  const std::string name = path.filename().string();
  for (std::string_view k : k_kustomization_names)
    if (k == name) return true;
  return false;
}

fs::path kustomization_file(const fs::path& dir)
{
  std::error_code ec;
  for (std::string_view name : k_kustomization_names)
    if (fs::is_regular_file(dir / name, ec)) return dir / name;
  return {};
}

KustomizationRefs read_kustomization_refs(const fs::path& dir)
{
  KustomizationRefs out;
  const fs::path file = kustomization_file(dir);
  if (file.empty()) return out;
  try {
    yaml::SourceFile source(file.string(), read_file(file, k_max_kustomization_bytes));
    yaml::ParsedFile parsed = yaml::parse_yaml(source);
    if (parsed.documents.empty() || !parsed.documents.front().root) return out;
    const yaml::Node* root = parsed.documents.front().root;
    if (!root->is_mapping()) return out;
    out.component = root->str_at("kind") == "Component";
    for (std::string_view key : k_path_lists) add_path_list(out, dir, root->get(key));
    for (std::string_view key : k_generators) add_generator_inputs(out, dir, root->get(key));
    for (std::string_view key : {"patches", "patchesJson6902"}) add_patch_targets(out, dir, root->get(key));
    if (const yaml::Node* openapi = root->get("openapi"); openapi && openapi->is_mapping())
      add_path(out, dir, openapi->str_at("path"));
  } catch (const InputError&) {
    // Unreadable: it names nothing here; rendering it reports the problem.
  }
  return out;
}

KustomizationRefs reachable_kustomization_refs(const std::vector<fs::path>& dirs)
{
  std::set<fs::path> files, included, visited;
  std::vector<PatchTarget> targets;
  std::vector<fs::path> todo(dirs.begin(), dirs.end());
  while (!todo.empty()) {
    fs::path dir = std::move(todo.back());
    todo.pop_back();
    if (!visited.insert(dir).second) continue;
    KustomizationRefs refs = read_kustomization_refs(dir);
    files.insert(refs.files.begin(), refs.files.end());
    targets.insert(targets.end(), refs.patch_targets.begin(), refs.patch_targets.end());
    for (fs::path& d : refs.dirs) {
      included.insert(d);
      todo.push_back(std::move(d));
    }
  }
  return {{files.begin(), files.end()}, {included.begin(), included.end()}, std::move(targets)};
}

}  // namespace readyctl::lint
