// env-duplicate: one environment variable name set twice in a container, where the later entry silently wins.
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// How an env entry sets its value, to say whether the two entries disagree.
std::string_view env_source(const yaml::Node* entry)
{
  if (const yaml::Node* v = entry->get("value")) return v->str();
  return entry->get("valueFrom") ? std::string_view("(valueFrom)") : std::string_view();
}

void check_env_names(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* env = c.node->get("env");
  if (!env || !env->is_sequence()) return;
  std::map<std::string_view, const yaml::Node*> first;  // name -> its first entry
  for (const yaml::Node* entry : env->children()) {
    const yaml::Node* name = entry->is_mapping() ? entry->get("name") : nullptr;
    if (!name || name->str().empty()) continue;
    auto [it, inserted] = first.emplace(name->str(), entry);
    if (inserted) continue;
    const yaml::Node* earlier = it->second;
    bool same = env_source(earlier) == env_source(entry) && !entry->get("valueFrom");
    ctx.sink.report(o, name,
                    fmt::format("{} sets env {} a second time{}: the later entry silently wins, and an override meant "
                                "for the earlier one is lost",
                                c.label(), name->str(), same ? " (with the same value)" : " with another value"),
                    {{&o, earlier->get("name"), fmt::format("{} first set here", name->str())}});
    it->second = entry;
  }
}

}  // namespace

void check_env_duplicate(const CheckContext& ctx)
{
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) check_env_names(ctx, *pod.owner, c);
}

}  // namespace readyctl::lint
