// autoscaling-bounds: autoscalers have a finite ceiling above their floor, a target that exists, and sole control of
// replicas.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/scalers.hpp"

namespace readyctl::lint {
namespace {

void check_ceiling(const CheckContext& ctx, const Scaler& s, long long limit)
{
  const Object& o = *s.object;
  bool hpa = is_hpa(o);
  std::string_view field = hpa ? "maxReplicas" : "maxReplicaCount";
  const yaml::Node* max = o.spec->get(field);
  if (!max) {
    ctx.sink.report(o, o.root->key_node("spec"),
                    hpa ? fmt::format("{} sets no maxReplicas (a required field)", o.display_name())
                        : fmt::format("{} sets no maxReplicaCount: KEDA defaults it to 100 replicas", o.display_name()));
    return;
  }
  std::optional<long long> v = max->as_int();
  if (!v) {
    ctx.sink.report(o, max, fmt::format("{} '{}' is not an integer", field, max->str()));
    return;
  }
  if (*v > limit)
    ctx.sink.report(o, max, fmt::format("{} {} {} > {} allowed (param maxReplicas): a traffic spike or a broken metric "
                                        "scales to {} pods", o.display_name(), field, *v, limit, *v));
  else if (s.min_node && s.min_replicas > *v)
    ctx.sink.report(o, s.min_node, fmt::format("{} minimum {} > {} {}", o.display_name(), s.min_replicas, field, *v));
  else if (s.min_replicas == *v)
    ctx.sink.report(o, max, fmt::format("{} {} {} equals its minimum{}: the autoscaler can never add a replica, so load "
                                        "above what {} pods serve queues or fails", o.display_name(), field, *v,
                                        s.min_node ? "" : " (the default)", *v));
}

// When kinds of the target are in the input, the target should be one of them (in any deployment unit of it).
// Judged only where the input holds objects of the target's kind in the scaler's scope (its namespace; for objects
// without one, their directory), as dangling-reference judges: Deployments elsewhere in a repository say nothing
// about a target that a chart or another install makes there.
void check_target(const CheckContext& ctx, const TargetIndex& index, const Scaler& s)
{
  const Object& o = *s.object;
  const std::vector<const Object*>& same_kind = ctx.graph.of_kind(s.target_kind);
  const auto in_scope = std::count_if(same_kind.begin(), same_kind.end(),
                                      [&](const Object* t) { return t->scope == o.scope; });
  if (in_scope == 0 || index.find(s) || ctx.graph.find_in_other_unit(s.target_kind, "*", o.scope, s.target_name)) return;
  ctx.sink.report(o, s.target_ref->get("name"),
                  fmt::format("{} scales {} {} in {}, which is not in the input ({} other {} objects there are)",
                              o.display_name(), s.target_kind, s.target_name, scope_label(o.scope), in_scope,
                              s.target_kind));
}

void check_pinned(const CheckContext& ctx, const TargetIndex& index, const Scaler& s)
{
  const Object* target = index.find(s);
  if (!target || !target->spec) return;
  const yaml::Node* replicas = target->spec->get("replicas");
  if (!replicas) return;
  ctx.sink.report(*target, replicas,
                  fmt::format("{} pins replicas: {} while {} scales it: every apply resets the replica count the "
                              "autoscaler chose", target->display_name(), replicas->str(), s.object->display_name()),
                  {{s.object, s.target_ref, "scales this workload"}});
}

// KEDA drives its target through an HPA of its own, so two autoscalers on one workload fight over replicas.
void report_second_scaler(const CheckContext& ctx, const Scaler& first, const Scaler& second)
{
  const Object& o = *second.object;
  ctx.sink.report(o, second.target_ref->get("name"),
                  fmt::format("{} and {} both scale {} {}: they overwrite each other's replica count", first.object->display_name(),
                              o.display_name(), second.target_kind, second.target_name),
                  {{first.object, first.target_ref, "also scales it"}});
}

}  // namespace

void check_autoscaling_bounds(const CheckContext& ctx)
{
  long long limit = ctx.rule.param_int("maxReplicas");
  std::vector<Scaler> scalers = all_scalers(ctx.graph);
  TargetIndex index(ctx.graph, scalers);
  std::unordered_map<std::string, const Scaler*> first_by_target;
  for (const Scaler& s : scalers) {
    check_ceiling(ctx, s, limit);
    check_target(ctx, index, s);
    auto [it, first] = first_by_target.emplace(TargetIndex::target_key(s), &s);
    if (first) check_pinned(ctx, index, s);
    else if (!same_identity(*it->second->object, *s.object)) report_second_scaler(ctx, *it->second, s);
  }
}

}  // namespace readyctl::lint
