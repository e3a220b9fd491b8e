// probes: long-running serving containers have readiness and liveness probes; model-server probes have
// timeouts a busy model server can meet.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// KubeRay injects readiness and liveness probes into Ray containers that have none.
bool probes_injected(const Object& o) { return o.kind == "RayService" || o.kind == "RayCluster"; }

struct Params {
  long long min_timeout;
  long long max_timeout;
  std::vector<std::string> model_server_images;
};

bool is_model_server(const Params& params, const PodTemplate& pod, const ContainerRef& c)
{
  if (pod.owner->kind == "InferenceService" || pod.owner->kind == "LLMInferenceService") return true;
  if (container_uses_gpu(c.node)) return true;
  const yaml::Node* image = c.node->get("image");
  if (!image) return false;
  const std::vector<std::string>& needles = params.model_server_images;
  return std::any_of(needles.begin(), needles.end(),
                     [&](const std::string& n) { return image->str().find(n) != std::string_view::npos; });
}

bool declares_ports(const yaml::Node* container)
{
  const yaml::Node* ports = container->get("ports");
  return ports && ports->is_sequence() && ports->size() > 0;
}

void check_timeout(const CheckContext& ctx, const Params& params, const Object& o, const ContainerRef& c, std::string_view probe_name,
                   const yaml::Node* probe)
{
  if (!probe || !probe->is_mapping()) return;
  long long min_s = params.min_timeout;
  long long max_s = params.max_timeout;
  const yaml::Node* t = probe->get("timeoutSeconds");
  std::optional<long long> seconds = t ? t->as_int() : std::optional<long long>(1);
  if (!seconds) {
    ctx.sink.report(o, t, fmt::format("{} {}.timeoutSeconds '{}' is not a whole number", c.label(), probe_name, t->str()));
    return;
  }
  std::string shown = t ? fmt::format("{}s", *seconds) : "1s (the default)";
  if (*seconds < min_s)
    ctx.sink.report(o, t ? t : c.node->key_node(probe_name),
                    fmt::format("{} is a model server and its {} timeoutSeconds is {} < {}s: a server busy with a long "
                                "prefill misses it and is {}",
                                c.label(), probe_name, shown, min_s,
                                probe_name == "livenessProbe" ? "restarted (reloading the model)" : "taken out of rotation"));
  else if (*seconds > max_s)
    ctx.sink.report(o, t, fmt::format("{} is a model server and its {} timeoutSeconds is {} > {}s: a hung server is "
                                      "detected only after that long per attempt",
                                      c.label(), probe_name, shown, max_s));
}

void check_container_probes(const CheckContext& ctx, const Params& params, const PodTemplate& pod, const ContainerRef& c)
{
  bool model_server = is_model_server(params, pod, c);
  if (!model_server && !declares_ports(c.node)) return;  // not a server: nothing routes to it
  const yaml::Node* readiness = c.node->get("readinessProbe");
  const yaml::Node* liveness = c.node->get("livenessProbe");
  std::vector<std::string_view> missing;
  if (!readiness || readiness->is_null()) missing.push_back("readinessProbe");
  if (!liveness || liveness->is_null()) missing.push_back("livenessProbe");
  if (!missing.empty())
    ctx.sink.report(*pod.owner, c.node,
                    fmt::format("{} {} but has no {}", c.label(),
                                model_server ? "is a long-running model server" : "serves on declared ports",
                                missing.size() == 2 ? "readinessProbe and no livenessProbe" : missing[0]));
  if (!model_server) return;
  check_timeout(ctx, params, *pod.owner, c, "readinessProbe", readiness);
  check_timeout(ctx, params, *pod.owner, c, "livenessProbe", liveness);
}

}  // namespace

void check_probes(const CheckContext& ctx)
{
  Params params{ctx.rule.param_int("minTimeoutSeconds"), ctx.rule.param_int("maxTimeoutSeconds"),
                ctx.rule.param_strings("modelServerImages")};
  for (const PodTemplate& pod : ctx.pods()) {
    if (!pod.long_running || probes_injected(*pod.owner)) continue;
    for (const ContainerRef& c : regular_containers(pod)) check_container_probes(ctx, params, pod, c);
  }
}

}  // namespace readyctl::lint
