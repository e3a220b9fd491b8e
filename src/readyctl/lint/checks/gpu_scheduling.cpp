// gpu-limits and gpu-node-pool: GPU requests the API server accepts, on nodes that have GPUs.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/tenancy.hpp"
#include "readyctl/lint/checks/train_job.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// Extended resources cannot be overcommitted: a GPU request needs an equal limit (a limit alone sets the
// request), and the amount is a whole number.
void check_gpu_limits_container(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* requests = c.node->path({"resources", "requests"});
  const yaml::Node* limits = c.node->path({"resources", "limits"});
  for (const yaml::Node* block : {limits, requests}) {
    if (!block || !block->is_mapping()) continue;
    for (auto [key, value] : block->entries()) {
      if (!is_gpu_resource(key->str()) || is_unfilled_placeholder(value->str())) continue;
      std::optional<double> q = parse_quantity(value->str());
      if (!q || *q < 0 || *q != std::floor(*q))
        ctx.sink.report(o, value, fmt::format("{} asks for {} '{}': GPUs are counted in whole devices", c.label(),
                                              key->str(), value->str()));
    }
  }
  if (!requests || !requests->is_mapping()) return;
  for (auto [key, value] : requests->entries()) {
    if (!is_gpu_resource(key->str())) continue;
    const yaml::Node* limit = limits ? limits->get(key->str()) : nullptr;
    if (!limit) {
      ctx.sink.report(o, key, fmt::format("{} requests {} {} without a limit: the API server rejects extended-resource "
                                          "requests that have no equal limit",
                                          c.label(), value->str(), key->str()));
      continue;
    }
    std::optional<double> rq = parse_quantity(value->str()), lq = parse_quantity(limit->str());
    if (rq && lq && *rq != *lq)
      ctx.sink.report(o, value, fmt::format("{} requests {} {} but limits it to {}: GPU requests must equal limits",
                                            c.label(), value->str(), key->str(), limit->str()));
  }
}

struct PoolParams {
  std::vector<std::string> node_labels;
  std::vector<std::string> taint_keys;
  bool require_toleration;
};

// A node label key or a taint key or value that names GPUs: nvidia.com/gpu.present, cloud.google.com/gke-accelerator,
// a custom `dedicated=gpu` taint.
bool names_gpus(std::string_view text)
{
  std::string lower = to_lower(text);
  return lower.find("gpu") != std::string::npos || lower.find("accelerator") != std::string::npos;
}

bool is_gpu_pool_label(const PoolParams& p, std::string_view key)
{
  return names_gpus(key) || std::find(p.node_labels.begin(), p.node_labels.end(), key) != p.node_labels.end();
}

bool selects_gpu_pool(const PoolParams& p, const yaml::Node* spec)
{
  if (const yaml::Node* sel = spec->get("nodeSelector"); sel && sel->is_mapping())
    for (auto [key, value] : sel->entries())
      if (is_gpu_pool_label(p, key->str())) return true;
  const yaml::Node* terms =
      spec->path({"affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"});
  if (!terms || !terms->is_sequence() || terms->size() == 0) return false;
  // Terms are ORed: every term must pin a GPU pool for the pod to be sure to land on one.
  for (const yaml::Node* term : terms->children()) {
    bool pinned = false;
    if (const yaml::Node* exprs = term->get("matchExpressions"); exprs && exprs->is_sequence())
      for (const yaml::Node* e : exprs->children()) {
        const yaml::Node* key = e->get("key");
        const yaml::Node* op = e->get("operator");
        if (key && op && (op->str() == "In" || op->str() == "Exists" || op->str() == "Gt") && is_gpu_pool_label(p, key->str()))
          pinned = true;
      }
    if (!pinned) return false;
  }
  return true;
}

bool tolerates_gpu_taint(const PoolParams& p, const yaml::Node* spec)
{
  const yaml::Node* tolerations = spec->get("tolerations");
  if (!tolerations || !tolerations->is_sequence()) return false;
  for (const yaml::Node* t : tolerations->children()) {
    const yaml::Node* key = t->get("key");
    const yaml::Node* op = t->get("operator");
    if ((!key || key->str().empty()) && op && op->str() == "Exists") return true;  // tolerates every taint
    if (!key) continue;
    if (std::find(p.taint_keys.begin(), p.taint_keys.end(), key->str()) != p.taint_keys.end()) return true;
    // A custom GPU taint: the key names GPUs (gpu-node, example.com/accelerator), or the value does (dedicated=gpu).
    const yaml::Node* value = t->get("value");
    if (names_gpus(key->str()) || (value && names_gpus(value->str()))) return true;
  }
  return false;
}

// Whether the runtime's trainer pods, or one of the TrainJob's overrides of them, satisfy `test`.
template <typename Test>
bool trainer_pods_pass(const yaml::Node* runtime_spec, const std::vector<const yaml::Node*>& overrides, Test test)
{
  return (runtime_spec && test(runtime_spec)) || std::any_of(overrides.begin(), overrides.end(), test);
}

// Kubeflow Trainer v2: a TrainJob asks GPUs per node in spec.trainer.resourcesPerNode for pods its runtime writes,
// so the pool and the toleration come from the runtime's trainer job or from the TrainJob's overrides. Judged only
// when the runtime is in the input (the existence rule): a cluster-wide runtime installed elsewhere may set both.
void check_train_job_pool(const CheckContext& ctx, const PoolParams& p, const Object& job)
{
  if (!train_job_gpus(job) || train_job_queued(job)) return;  // Kueue places a queued one
  const Object* runtime = train_job_runtime(ctx.graph, job);
  if (!runtime) return;
  const yaml::Node* spec = trainer_pod_spec(*runtime);
  std::vector<const yaml::Node*> overrides = trainer_overrides(job, runtime);
  const yaml::Node* at = job.spec->get("trainer")->key_node("resourcesPerNode");
  if (!trainer_pods_pass(spec, overrides, [&](const yaml::Node* s) { return selects_gpu_pool(p, s); }))
    ctx.sink.report(job, at,
                    fmt::format("TrainJob requests GPUs per node, but neither its runtime {} nor its pod overrides "
                                "select a GPU node pool: its trainer pods can land on any GPU model",
                                runtime->display_name()),
                    {{runtime, spec, "the runtime's trainer pod spec"}});
  if (p.require_toleration &&
      !trainer_pods_pass(spec, overrides, [&](const yaml::Node* s) { return tolerates_gpu_taint(p, s); }))
    ctx.sink.report(job, at,
                    fmt::format("TrainJob requests GPUs per node, but neither its runtime {} nor its pod overrides "
                                "tolerate a GPU taint: where GPU nodes are tainted, its trainer pods stay Pending",
                                runtime->display_name()),
                    {{runtime, spec, "the runtime's trainer pod spec"}});
}

}  // namespace

void check_gpu_limits(const CheckContext& ctx)
{
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) check_gpu_limits_container(ctx, *pod.owner, c);
}

// The request itself fixes the GPU model: a MIG slice (`nvidia.com/mig-3g.20gb`) exists only on the GPUs that offer
// that profile, and HAMi's `nvidia.com/use-gputype` / `use-gpuuuid` annotations pin the card (its scheduler
// enforces them, pkg/device/nvidia/device.go).
bool request_fixes_gpu_model(const PodTemplate& pod)
{
  for (std::string_view key : {"nvidia.com/use-gputype", "nvidia.com/use-gpuuuid"})
    if (const yaml::Node* a = pod.annotation_node(key); a && !a->str().empty()) return true;
  for (const ContainerRef& c : all_containers(pod))
    for (std::string_view bound : {"limits", "requests"})
      if (const yaml::Node* r = c.node->path({"resources", bound}); r && r->is_mapping())
        for (auto [key, value] : r->entries())
          if (key->str().starts_with("nvidia.com/mig-")) return true;
  return false;
}

namespace {

// GKE taints its GPU and TPU node pools and runs the ExtendedResourceToleration admission plugin, which gives a pod
// requesting the accelerator the matching toleration (GKE docs, "Run GPUs in GKE Standard node pools"): a pod
// pinned to those pools by GKE's own labels gets its toleration on the only nodes it can land on.
bool pinned_to_gke_accelerators(const yaml::Node* spec)
{
  const yaml::Node* sel = spec->get("nodeSelector");
  return sel && sel->is_mapping() &&
         (sel->get("cloud.google.com/gke-accelerator") || sel->get("cloud.google.com/gke-tpu-accelerator"));
}

}  // namespace

void check_gpu_node_pool(const CheckContext& ctx)
{
  PoolParams p{ctx.rule.param_strings("nodePoolLabels"), ctx.rule.param_strings("taintKeys"),
               ctx.rule.param_bool("requireToleration")};
  for (const PodTemplate& pod : ctx.pods()) {
    // Kueue admits a queued workload onto a ResourceFlavor and injects that flavor's node labels and tolerations.
    if (!pod_uses_gpu(pod) || kueue_queue_label(pod)) continue;
    // The scheduler places a GPU pod only on nodes that advertise the GPU resource, so it never lands on a CPU
    // node; what a missing selector leaves open is which GPU nodes.
    if (!selects_gpu_pool(p, pod.spec) && !request_fixes_gpu_model(pod)) {
      const yaml::Node* at = pod.spec->get("nodeSelector")  ? pod.spec->key_node("nodeSelector")
                             : pod.spec->get("affinity") ? pod.spec->key_node("affinity")
                                                         : pod_spec_anchor(pod);
      ctx.sink.report(*pod.owner, at,
                      "pod requests GPUs but neither its nodeSelector nor a required nodeAffinity selects a GPU node "
                      "pool: any node with a free GPU will do, so it can land on the wrong GPU model (too little "
                      "memory for the model) or on a pool reserved for other work, and an autoscaler may add any "
                      "GPU node type for it");
    }
    if (p.require_toleration && !tolerates_gpu_taint(p, pod.spec) && !pinned_to_gke_accelerators(pod.spec)) {
      const yaml::Node* tol = pod.spec->get("tolerations");
      ctx.sink.report(*pod.owner, tol ? pod.spec->key_node("tolerations") : pod_spec_anchor(pod),
                      fmt::format("pod requests GPUs but tolerates no GPU taint (none of {}, and no toleration whose "
                                  "key or value names a GPU or accelerator): where GPU nodes are tainted to keep CPU "
                                  "pods off them, it stays Pending",
                                  join(p.taint_keys, ", ")));
    }
  }
  for (const Object* job : ctx.of_kind("TrainJob"))
    if (job->is("TrainJob", "trainer.kubeflow.org")) check_train_job_pool(ctx, p, *job);
}

}  // namespace readyctl::lint
