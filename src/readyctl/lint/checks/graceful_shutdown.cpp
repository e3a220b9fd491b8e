// graceful-shutdown: GPU and Dapr pods get time to drain in-flight requests before SIGKILL.
#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/controller_defaults.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

constexpr long long k_default_grace = 30;  // Kubernetes' terminationGracePeriodSeconds default
constexpr long long k_dapr_default_shutdown = 5;

// Set in the manifest, or injected by the owner's controller (Knative's drain hook, KServe's LLM presets).
bool has_pre_stop(const PodTemplate& pod, const yaml::Node* container)
{
  return container->path({"lifecycle", "preStop"}) != nullptr || pod.injected("lifecycle.preStop", container);
}

// The grace period that will run: the manifest's, else the controller's default, else Kubernetes'.
std::optional<long long> grace_period(const PodTemplate& pod, const yaml::Node* grace_node)
{
  if (grace_node) return grace_node->as_int();
  if (const ControllerDefault* row = pod.injected("terminationGracePeriodSeconds")) return injected_int(pod, *row);
  return k_default_grace;
}

void check_pod(const CheckContext& ctx, long long min_grace, const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  bool gpu = pod_uses_gpu(pod);
  bool dapr = pod.annotation("dapr.io/enabled") == "true";
  if (!gpu && !dapr) return;
  const yaml::Node* grace_node = pod.spec->get("terminationGracePeriodSeconds");
  std::optional<long long> grace = grace_period(pod, grace_node);
  if (!grace && grace_node) {
    ctx.sink.report(o, grace_node, fmt::format("terminationGracePeriodSeconds '{}' is not a whole number", grace_node->str()));
    return;
  }
  if (!grace) return;  // a controller copies a malformed field in: the API server rejects that field itself
  std::string shown = grace_node                                  ? fmt::format("{}s", *grace)
                      : pod.injected("terminationGracePeriodSeconds") ? fmt::format("{}s (set by the controller)", *grace)
                                                                      : fmt::format("{}s (the default)", *grace);
  // Which containers a preStop hook must sit on: the GPU-serving ones, or for Dapr pods any app container.
  bool pre_stop = false;
  for (const ContainerRef& c : regular_containers(pod)) {
    if (gpu && !container_uses_gpu(c.node)) continue;
    if (!has_pre_stop(pod, c.node)) continue;
    pre_stop = true;
    const yaml::Node* sleep = c.node->path({"lifecycle", "preStop", "sleep", "seconds"});
    std::optional<long long> s = sleep ? sleep->as_int() : std::nullopt;
    if (s && *s >= *grace)
      ctx.sink.report(o, sleep,
                      fmt::format("{} preStop sleeps {}s ≥ terminationGracePeriodSeconds {}: the process is killed "
                                  "before it receives SIGTERM",
                                  c.label(), *s, shown));
  }
  if (*grace < min_grace && !pre_stop)
    ctx.sink.report(o, grace_node ? grace_node : pod_spec_anchor(pod),
                    fmt::format("{} pod has terminationGracePeriodSeconds {} < {}s and no preStop hook on its {}: "
                                "in-flight {} are cut off on scale-down and rollout",
                                gpu ? "GPU" : "Dapr", shown, min_grace, gpu ? "GPU containers" : "containers",
                                gpu ? "generations" : "requests and workflow activities"));
  if (!dapr) return;
  const yaml::Node* dapr_node = pod.annotation_node("dapr.io/graceful-shutdown-seconds");
  if (!dapr_node) return;
  std::optional<long long> dapr_s = dapr_node->as_int();
  if (!dapr_s) {
    ctx.sink.report(o, dapr_node, fmt::format("dapr.io/graceful-shutdown-seconds '{}' is not a whole number", dapr_node->str()));
    return;
  }
  if (*dapr_s >= *grace)
    ctx.sink.report(o, dapr_node,
                    fmt::format("dapr.io/graceful-shutdown-seconds {} ≥ terminationGracePeriodSeconds {}: the kubelet "
                                "kills the Dapr sidecar before it finishes draining (default {}s)",
                                *dapr_s, shown, k_dapr_default_shutdown));
}

}  // namespace

void check_graceful_shutdown(const CheckContext& ctx)
{
  long long min_grace = ctx.rule.param_int("minGracePeriodSeconds");
  // Run-to-completion pods (Jobs, RayJobs, training jobs) are not scaled down or rolled mid-request.
  for (const PodTemplate& pod : ctx.pods())
    if (pod.long_running) check_pod(ctx, min_grace, pod);
}

}  // namespace readyctl::lint
