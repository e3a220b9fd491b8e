// replica-floor (off by default): serving controllers and their autoscalers keep at least `minReplicas` pods, so one
// crash, rollout or node drain is not an outage.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/scalers.hpp"

namespace readyctl::lint {
namespace {

// An HPA's minimum, or a KEDA minimum of one or more; minReplicaCount 0 is scale-to-zero, a deliberate cost choice.
void check_scaler_floor(const CheckContext& ctx, const Scaler& s, long long floor)
{
  if (s.min_replicas >= floor || (is_scaled_object(*s.object) && s.min_replicas == 0)) return;
  const Object& o = *s.object;
  ctx.sink.report(o, s.min_node ? s.min_node : o.root->key_node("spec"),
                  fmt::format("{} keeps at least {} pod{} ({}param minReplicas: {}): at that floor one crash, rollout "
                              "or node drain leaves {} {} without a ready pod",
                              o.display_name(), s.min_replicas, s.min_replicas == 1 ? "" : "s",
                              s.min_node ? "" : "the default; ", floor, s.target_kind, s.target_name));
}

// A Deployment or StatefulSet no autoscaler scales; replicas 0 is a deliberate scale-down and not judged.
void check_workload_floor(const CheckContext& ctx, const Object& w, long long floor)
{
  const yaml::Node* replicas = w.spec->get("replicas");
  std::optional<long long> count = replicas ? replicas->as_int32() : std::optional<long long>(1);
  if (!count || *count == 0 || *count >= floor) return;
  ctx.sink.report(w, replicas ? replicas : w.root->key_node("spec"),
                  fmt::format("{} runs {} replica{} ({}param minReplicas: {}): one crash, rollout or node drain "
                              "leaves it without a ready pod",
                              w.display_name(), *count, *count == 1 ? "" : "s", replicas ? "" : "the default; ", floor));
}

}  // namespace

void check_replica_floor(const CheckContext& ctx)
{
  long long floor = ctx.rule.param_int("minReplicas");
  std::vector<Scaler> scalers = all_scalers(ctx.graph);
  FirstScalers first(scalers);
  for (const Scaler& s : scalers) check_scaler_floor(ctx, s, floor);
  for (std::string_view kind : {"Deployment", "StatefulSet"})
    for (const Object* w : ctx.graph.of_kind(kind))
      if (w->is(kind, "apps") && w->spec && w->spec->is_mapping() && !first.of(*w)) check_workload_floor(ctx, *w, floor);
}

}  // namespace readyctl::lint
