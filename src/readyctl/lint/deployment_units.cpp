#include "readyctl/lint/deployment_units.hpp"

#include <set>
#include <string_view>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/lint/kustomization_refs.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

constexpr size_t k_max_run_file_bytes = 1024 * 1024;

fs::path canonical_or_self(const fs::path& p)
{
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : c;
}

// Every kustomization reachable from the walked ones (bases outside the walked tree too), with what each names.
struct KustomizationGraph {
  std::set<fs::path> included;  // directories some kustomization includes
  std::set<fs::path> consumed;  // files some kustomization reads
};

KustomizationGraph follow_kustomizations(const std::vector<fs::path>& walked)
{
  std::vector<fs::path> roots;
  for (const fs::path& dir : walked) roots.push_back(canonical_or_self(dir));
  KustomizationRefs all = reachable_kustomization_refs(roots);
  return {{all.dirs.begin(), all.dirs.end()}, {all.files.begin(), all.files.end()}};
}

void add_run_paths(std::set<fs::path>& out, const fs::path& base, const yaml::Node* map)
{
  if (!map || !map->is_mapping()) return;
  for (std::string_view key : {"resourcesPath", "componentsPath"})
    if (std::string_view p = map->str_at(key); !p.empty()) out.insert(canonical_or_self(base / std::string(p)));
  if (const yaml::Node* list = map->get("resourcesPaths"); list && list->is_sequence())
    for (const yaml::Node* p : list->children())
      if (!p->str().empty()) out.insert(canonical_or_self(base / std::string(p->str())));
}

// The directories a Dapr multi-app run file loads as local resources (`common:` and each app's, relative to the
// run file and to the app's directory).
void add_dapr_local_dirs(std::set<fs::path>& out, const fs::path& run_file)
{
  try {
    yaml::SourceFile source(run_file.string(), read_file(run_file, k_max_run_file_bytes));
    yaml::ParsedFile parsed = yaml::parse_yaml(source);
    if (parsed.documents.empty() || !parsed.documents.front().root) return;
    const yaml::Node* root = parsed.documents.front().root;
    if (!root->is_mapping() || !root->get("apps")) return;
    const fs::path base = run_file.parent_path();
    add_run_paths(out, base, root->get("common"));
    if (const yaml::Node* apps = root->get("apps"); apps && apps->is_sequence())
      for (const yaml::Node* app : apps->children()) {
        add_run_paths(out, base, app);
        if (app->is_mapping() && !app->str_at("appDirPath").empty())
          add_run_paths(out, base / std::string(app->str_at("appDirPath")), app);
      }
  } catch (const InputError&) {
    // Not readable as a run file: it names no local resources.
  }
}

bool under_any(const fs::path& file, const std::set<fs::path>& dirs)
{
  for (fs::path p = file.parent_path(); !p.empty(); p = p.parent_path()) {
    if (dirs.contains(p)) return true;
    if (p == p.root_path()) break;
  }
  return false;
}

}  // namespace

bool is_dapr_run_file(const fs::path& path)
{
  const std::string name = path.filename().string();
  return name == "dapr.yaml" || name == "dapr.yml";
}

UnitPlan plan_units(const Walk& walk)
{
  UnitPlan plan;
  const KustomizationGraph g = follow_kustomizations(walk.kustomizations);
  std::set<fs::path> rendered;  // the kustomization files themselves: kustomize reads them, they are not linted again
  for (const fs::path& dir : walk.kustomizations) {
    if (!g.included.contains(canonical_or_self(dir))) plan.kustomize_roots.push_back(dir);
    rendered.insert(canonical_or_self(kustomization_file(dir)));
  }
  std::set<fs::path> local_dirs;
  for (const fs::path& f : walk.dapr_run_files) add_dapr_local_dirs(local_dirs, canonical_or_self(f));
  // Nothing to leave out (no kustomization, no Dapr run file; the common case): no path is resolved on disk.
  const bool excludes = !g.consumed.empty() || !rendered.empty() || !local_dirs.empty();
  for (const WalkedFile& f : walk.files) {
    if (f.explicit_path || !excludes) {
      plan.plain_files.push_back(f.path);
      continue;
    }
    const fs::path c = canonical_or_self(f.path);
    if (!g.consumed.contains(c) && !rendered.contains(c) && !under_any(c, local_dirs)) plan.plain_files.push_back(f.path);
  }
  return plan;
}

}  // namespace readyctl::lint
