// model-cache-storage: a model server that downloads weights writes them somewhere bounded: an emptyDir with a
// sizeLimit, a persistent or read-only volume, or a container filesystem with an ephemeral-storage request and limit.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// Where a container says it keeps downloaded weights: the setting's node, and the path.
struct CacheDir {
  const yaml::Node* at;
  std::string_view path;
  std::string source;  // "env HF_HOME", "--download-dir"
};

void env_cache_dirs(const yaml::Node* container, const std::vector<std::string>& names, std::vector<CacheDir>& out)
{
  const yaml::Node* env = container->get("env");
  if (!env || !env->is_sequence()) return;
  for (const yaml::Node* e : env->children()) {
    const yaml::Node* value = e->get("value");
    std::string_view name = e->str_at("name");
    if (value && value->str().starts_with('/') && std::find(names.begin(), names.end(), name) != names.end())
      out.push_back({value, value->str(), fmt::format("env {}", name)});
  }
}

// `--flag /path`, `--flag=/path`, as separate items of command/args or inside one shell command line.
void flag_cache_dirs(const yaml::Node* container, const std::vector<std::string>& flags, std::vector<CacheDir>& out)
{
  for (std::string_view field : {"command", "args"}) {
    const yaml::Node* list = container->get(field);
    if (!list || !list->is_sequence()) continue;
    const yaml::Node* pending = nullptr;  // an item that ended with a flag whose value is the next item
    std::string_view pending_flag;
    for (const yaml::Node* item : list->children()) {
      std::string_view text = item->str();
      size_t pos = 0;
      while (pos < text.size()) {
        size_t start = text.find_first_not_of(" \t\n", pos);
        if (start == std::string_view::npos) break;
        size_t end = text.find_first_of(" \t\n", start);
        std::string_view word = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        pos = end == std::string_view::npos ? text.size() : end;
        if (pending) {
          if (word.starts_with('/')) out.push_back({item, word, std::string(pending_flag)});
          pending = nullptr;
          continue;
        }
        for (const std::string& f : flags) {
          if (word == f) {
            pending = item;
            pending_flag = f;
          } else if (word.starts_with(f + "=") && word.substr(f.size() + 1).starts_with('/')) {
            out.push_back({item, word.substr(f.size() + 1), f});
          }
        }
      }
    }
  }
}

// The volume mounted at the longest mountPath that holds `path`, or null for the container filesystem.
const yaml::Node* volume_for(const PodTemplate& pod, const yaml::Node* container, std::string_view path)
{
  const yaml::Node* mounts = container->get("volumeMounts");
  std::string_view best_name;
  size_t best = 0;
  if (mounts && mounts->is_sequence())
    for (const yaml::Node* m : mounts->children()) {
      std::string_view mp = m->str_at("mountPath");
      while (mp.size() > 1 && mp.ends_with('/')) mp.remove_suffix(1);
      if (mp.empty()) continue;  // not a valid mountPath: it holds nothing
      bool holds = path == mp || (path.starts_with(mp) && (mp == "/" || path[mp.size()] == '/'));
      if (holds && mp.size() >= best) {
        best = mp.size();
        best_name = m->str_at("name");
      }
    }
  const yaml::Node* volumes = pod.spec->get("volumes");
  if (best_name.empty() || !volumes || !volumes->is_sequence()) return nullptr;
  for (const yaml::Node* v : volumes->children())
    if (v->str_at("name") == best_name) return v;
  return nullptr;
}

// A server started on a local directory (`--model=/mnt/models`, KServe's storage-initializer volume) downloads
// nothing: its cache variables are there for a non-root image's config, not for weights.
bool loads_local_model(const yaml::Node* container)
{
  static const std::vector<std::string> k_model_flags = {"--model", "--model_dir", "--model-dir", "--model-path",
                                                         "--model_path"};
  std::vector<CacheDir> local;
  flag_cache_dirs(container, k_model_flags, local);
  return !local.empty();
}

bool bounds_ephemeral_storage(const yaml::Node* container)
{
  return container->path({"resources", "requests", "ephemeral-storage"}) &&
         container->path({"resources", "limits", "ephemeral-storage"});
}

void check_cache_dir(const CheckContext& ctx, const PodTemplate& pod, const ContainerRef& c, const CacheDir& dir,
                     std::vector<const yaml::Node*>& reported_volumes)
{
  const Object& o = *pod.owner;
  if (const yaml::Node* volume = volume_for(pod, c.node, dir.path)) {
    const yaml::Node* empty_dir = volume->get("emptyDir");
    if (!empty_dir || (empty_dir->is_mapping() && empty_dir->get("sizeLimit"))) return;
    if (std::find(reported_volumes.begin(), reported_volumes.end(), volume) != reported_volumes.end()) return;
    reported_volumes.push_back(volume);
    ctx.sink.report(o, volume->key_node("emptyDir"),
                    fmt::format("{} downloads model weights to {} ({}) on emptyDir volume '{}' without a sizeLimit: a "
                                "large download fills the node's disk and the kubelet evicts pods under disk pressure",
                                c.label(), dir.path, dir.source, volume->str_at("name")));
    return;
  }
  if (bounds_ephemeral_storage(c.node)) return;
  ctx.sink.report(o, dir.at,
                  fmt::format("{} downloads model weights to {} ({}) in its container filesystem without an "
                              "ephemeral-storage request and limit: the scheduler does not reserve the disk and a "
                              "large download triggers disk-pressure evictions on the node",
                              c.label(), dir.path, dir.source));
}

}  // namespace

void check_model_cache_storage(const CheckContext& ctx)
{
  std::vector<std::string> images = ctx.rule.param_strings("modelServerImages");
  std::vector<std::string> env_names = ctx.rule.param_strings("cacheEnv");
  std::vector<std::string> flags = ctx.rule.param_strings("cacheFlags");
  for (const PodTemplate& pod : ctx.pods()) {
    std::vector<const yaml::Node*> reported_volumes;
    for (const ContainerRef& c : regular_containers(pod)) {
      if (!is_model_server(pod, c.node, images) || loads_local_model(c.node)) continue;
      std::vector<CacheDir> dirs;
      env_cache_dirs(c.node, env_names, dirs);
      flag_cache_dirs(c.node, flags, dirs);
      for (const CacheDir& dir : dirs) check_cache_dir(ctx, pod, c, dir, reported_volumes);
    }
  }
}

}  // namespace readyctl::lint
