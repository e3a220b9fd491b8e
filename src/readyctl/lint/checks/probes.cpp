// probes: long-running serving containers have readiness and liveness probes (unless their operator injects them);
// model-server HTTP/gRPC probes have timeouts a busy model server can meet; probes name declared ports; liveness
// differs from readiness.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/selector_targets.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_probe_names[] = {"readinessProbe", "livenessProbe", "startupProbe"};

struct Params {
  long long min_timeout;
  long long max_timeout;
  long long tolerated_miss_window;
  std::vector<std::string> model_server_images;
};

bool declares_ports(const yaml::Node* container)
{
  const yaml::Node* ports = container->get("ports");
  return ports && ports->is_sequence() && ports->size() > 0;
}

bool probe_is_set(const yaml::Node* probe) { return probe && !probe->is_null(); }

// The timeout reasoning holds for requests the server process itself answers (httpGet, grpc): a health endpoint
// sharing the event loop with a long prefill answers late. A tcpSocket probe is answered by the kernel once the
// socket listens, and an exec probe's time is the command's own, so neither is judged.
bool answered_by_server(const yaml::Node* probe) { return probe->get("httpGet") || probe->get("grpc"); }

// How long a probe may keep failing before the kubelet acts: failureThreshold (3) x periodSeconds (10). Over a
// long window (inference-perf's servers: 60 x 10s) one slow answer during a long prefill changes nothing.
long long misses_tolerated(const yaml::Node* probe)
{
  const yaml::Node* threshold = probe->get("failureThreshold");
  const yaml::Node* period = probe->get("periodSeconds");
  const long long failures = threshold && threshold->as_int() ? *threshold->as_int() : 3;
  const long long every = period && period->as_int() ? *period->as_int() : 10;
  return failures * every;
}

void check_timeout(const CheckContext& ctx, const Params& params, const Object& o, const ContainerRef& c, std::string_view probe_name,
                   const yaml::Node* probe)
{
  if (!probe || !probe->is_mapping() || !answered_by_server(probe)) return;
  long long min_s = params.min_timeout;
  long long max_s = params.max_timeout;
  const yaml::Node* t = probe->get("timeoutSeconds");
  std::optional<long long> seconds = t ? t->as_int() : std::optional<long long>(1);
  if (!seconds) {
    ctx.sink.report(o, t, fmt::format("{} {}.timeoutSeconds '{}' is not a whole number", c.label(), probe_name, t->str()));
    return;
  }
  std::string shown = t ? fmt::format("{}s", *seconds) : "1s (the default)";
  if (*seconds < min_s && misses_tolerated(probe) < params.tolerated_miss_window)
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

// Probes that are missing and that no controller fills in.
std::vector<std::string_view> missing_probes(const PodTemplate& pod, const ContainerRef& c)
{
  std::vector<std::string_view> missing;
  for (std::string_view name : {"readinessProbe", "livenessProbe"})
    if (!probe_is_set(c.node->get(name)) && !pod.injected(name, c.node)) missing.push_back(name);
  return missing;
}

// A plain workload's container taken for a model server only because it requests a GPU serves nothing when it
// declares no ports and no probes, and no Service or InferencePool of the input selects its pods (Kueue's sample-hami.yaml runs
// gpu-burn so): nothing routes to it, so no probe gates traffic. Operator kinds make their own Services.
bool unreached_gpu_container(const CheckContext& ctx, const Params& params, const PodTemplate& pod, const ContainerRef& c)
{
  const Object& o = *pod.owner;
  if (declares_ports(c.node) || !(o.group.empty() || o.group == "apps" || o.group == "batch")) return false;
  for (std::string_view name : k_probe_names)
    if (c.node->get(name)) return false;  // a probe on a port says it serves
  if (names_model_server_image(c.node, params.model_server_images)) return false;
  for (const Object* s : ctx.graph.of_kind_in("Service", o.scope))
    if (s->spec && SelectorRef{s->spec->get("selector"), true}.matches(pod.labels())) return false;
  for (const Object* p : ctx.graph.of_kind_in("InferencePool", o.scope))
    if (p->spec && inference_pool_selector(*p).matches(pod.labels())) return false;
  return true;
}

void check_serving_probes(const CheckContext& ctx, const Params& params, const PodTemplate& pod, const ContainerRef& c)
{
  bool model_server = is_model_server(pod, c.node, params.model_server_images);
  if (!model_server && !declares_ports(c.node)) return;  // not a server: nothing routes to it
  if (model_server && unreached_gpu_container(ctx, params, pod, c)) return;
  std::vector<std::string_view> missing = missing_probes(pod, c);
  if (!missing.empty())
    ctx.sink.report(*pod.owner, c.node,
                    fmt::format("{} {} but has no {}", c.label(),
                                model_server ? "is a long-running model server" : "serves on declared ports",
                                missing.size() == 2 ? "readinessProbe and no livenessProbe" : missing[0]));
  if (!model_server) return;
  check_timeout(ctx, params, *pod.owner, c, "readinessProbe", c.node->get("readinessProbe"));
  check_timeout(ctx, params, *pod.owner, c, "livenessProbe", c.node->get("livenessProbe"));
}

// The `port` of a probe's handler, with the handler's name.
std::pair<std::string_view, const yaml::Node*> probe_port(const yaml::Node* probe)
{
  for (std::string_view handler : {"httpGet", "tcpSocket", "grpc"})
    if (const yaml::Node* h = probe->get(handler); h && h->is_mapping() && !h->get("host"))
      return {handler, h->get("port")};
  return {"", nullptr};
}

// A named port must be one of the container's: the kubelet cannot resolve it otherwise and the probe fails. A number
// is never judged: `ports` is informational, and servers listen on ports they do not list (controller-runtime's
// health port :8081, a port set in a config file), so a number missing from the list proves nothing.
bool port_declared(const yaml::Node* container, const yaml::Node* port)
{
  if (port->as_int()) return true;
  const yaml::Node* ports = container->get("ports");
  if (!ports || !ports->is_sequence()) return false;
  for (const yaml::Node* p : ports->children())
    if (const yaml::Node* name = p->get("name"); name && name->str() == port->str()) return true;
  return false;
}

void check_probe_ports(const CheckContext& ctx, const PodTemplate& pod, const ContainerRef& c)
{
  for (std::string_view name : k_probe_names) {
    const yaml::Node* probe = c.node->get(name);
    if (!probe || !probe->is_mapping()) continue;
    auto [handler, port] = probe_port(probe);
    if (!port || !port->is_scalar() || port_declared(c.node, port)) continue;
    ctx.sink.report(*pod.owner, port,
                    fmt::format("{} {}.{}.port '{}' is not a port the container declares: the probe cannot be "
                                "resolved and fails", c.label(), name, handler, port->str()));
  }
}

bool same_yaml_value(const yaml::Node* a, const yaml::Node* b)
{
  if (a->kind() != b->kind()) return false;
  if (a->is_scalar()) return a->str() == b->str();
  if (a->size() != b->size()) return false;
  if (a->is_sequence())
    return std::equal(a->children().begin(), a->children().end(), b->children().begin(), same_yaml_value);
  for (auto [key, value] : a->entries()) {
    const yaml::Node* other = b->get(key->str());
    if (!other || !same_yaml_value(value, other)) return false;
  }
  return true;
}

void check_liveness_differs(const CheckContext& ctx, const PodTemplate& pod, const ContainerRef& c)
{
  const yaml::Node* readiness = c.node->get("readinessProbe");
  const yaml::Node* liveness = c.node->get("livenessProbe");
  if (!readiness || !liveness || !readiness->is_mapping() || !liveness->is_mapping() || !same_yaml_value(readiness, liveness))
    return;
  // The kernel answers a tcpSocket probe once the socket listens, however slow the server is: the two cannot fail
  // together for slowness (NVIDIA's DCGM DaemonSet probes port 5555 both ways).
  if (readiness->get("tcpSocket")) return;
  ctx.sink.report(*pod.owner, c.node->key_node("livenessProbe"),
                  fmt::format("{} livenessProbe is identical to its readinessProbe: when the server is slow both fail "
                              "together and the kubelet restarts a container that only needed to leave rotation",
                              c.label()));
}

}  // namespace

void check_probes(const CheckContext& ctx)
{
  Params params{ctx.rule.param_int("minTimeoutSeconds"), ctx.rule.param_int("maxTimeoutSeconds"),
                ctx.rule.param_int("toleratedMissWindowSeconds"), ctx.rule.param_strings("modelServerImages")};
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : regular_containers(pod)) {
      check_probe_ports(ctx, pod, c);
      check_liveness_differs(ctx, pod, c);
      if (pod.long_running && pod.serves_traffic) check_serving_probes(ctx, params, pod, c);
    }
}

}  // namespace readyctl::lint
