// priority-class and batch-isolation: workloads state their priority, and batch GPU work cannot preempt
// interactive serving.
#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/batch_schedulers.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/train_job.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

struct ClassInfo {
  const Object* object = nullptr;  // null for the built-in system classes
  long long value = 0;
  bool never_preempts = false;
};

// The PriorityClasses of the input plus the two every cluster has.
class Classes {
public:
  explicit Classes(const Graph& graph)
  {
    m_by_name.emplace("system-cluster-critical", ClassInfo{nullptr, 2000000000, false});
    m_by_name.emplace("system-node-critical", ClassInfo{nullptr, 2000001000, false});
    for (const Object* o : graph.of_kind("PriorityClass")) {
      if (o->group != "scheduling.k8s.io") continue;
      const yaml::Node* value = o->root->get("value");
      const yaml::Node* policy = o->root->get("preemptionPolicy");
      ClassInfo info{o, value && value->as_int() ? *value->as_int() : 0, policy && policy->str() == "Never"};
      m_by_name.emplace(std::string(o->name), info);
      m_names.emplace_back(o->name);
      if (is_true(o->root->get("globalDefault"))) m_default = info;
    }
  }
  bool any_in_input() const { return !m_names.empty(); }
  const ClassInfo* find(std::string_view name) const
  {
    auto it = m_by_name.find(name);
    return it == m_by_name.end() ? nullptr : &it->second;
  }
  const std::optional<ClassInfo>& global_default() const { return m_default; }
  std::string names() const { return join(m_names, ", "); }
  // A pod's priority: its class's value, the globalDefault's, or 0; nullopt when its class is unknown.
  std::optional<long long> priority_of(const PodTemplate& pod) const
  {
    const yaml::Node* name = pod.spec->get("priorityClassName");
    if (!name || name->str().empty()) return m_default ? m_default->value : 0;
    const ClassInfo* c = find(name->str());
    return c ? std::optional<long long>(c->value) : std::nullopt;
  }

private:
  std::map<std::string, ClassInfo, std::less<>> m_by_name;
  std::vector<std::string> m_names;
  std::optional<ClassInfo> m_default;
};

// Whether any pod of the workload requests GPUs: a RayJob's CPU head is preempted with its GPU workers.
bool workload_uses_gpu(const Graph& graph, const PodTemplate& pod)
{
  std::span<const PodTemplate> pods = graph.pods_of(pod.owner);
  return pod_uses_gpu(pod) || std::any_of(pods.begin(), pods.end(), [](const PodTemplate& p) { return pod_uses_gpu(p); });
}

void check_class(const CheckContext& ctx, const Classes& classes, const PodTemplate& pod, bool cpu_workloads)
{
  const yaml::Node* name = pod.spec->get("priorityClassName");
  if (!name || name->str().empty()) {
    if (classes.global_default()) return;  // admission assigns the globalDefault class
    if (scheduler_assigns_priority(pod)) return;  // KAI: the priorityClassName label, else its per-kind default
    if (!cpu_workloads && !workload_uses_gpu(ctx.graph, pod)) return;  // preemption for GPUs is what it guards
    ctx.sink.report(*pod.owner, pod_spec_anchor(pod),
                    "pod sets no priorityClassName: it runs at priority 0 and the scheduler cannot tell serving from "
                    "batch work when it must preempt");
    return;
  }
  if (classes.any_in_input() && !classes.find(name->str()) &&
      !ctx.graph.find_in_other_unit("PriorityClass", "scheduling.k8s.io", "", name->str(), true))
    ctx.sink.report(*pod.owner, name,
                    fmt::format("PriorityClass '{}' is not in the input, which defines {}: admission rejects the pods "
                                "until it exists",
                                name->str(), classes.names()),
                    {}, Severity::error);
}

// The lowest priority among interactive (long-running, non-batch) pods, and one such pod.
struct Interactive {
  long long priority;
  const PodTemplate* pod;  // null when there is none and the default priority stands in
};

Interactive lowest_interactive(const Graph& graph, const Classes& classes)
{
  Interactive out{classes.global_default() ? classes.global_default()->value : 0, nullptr};
  for (const PodTemplate& pod : graph.pods()) {
    if (pod.batch || !pod.long_running) continue;
    std::optional<long long> p = classes.priority_of(pod);
    if (p && (!out.pod || *p < out.priority)) out = {*p, &pod};
  }
  return out;
}

// Built once per run and shared by both rules and every window they run over.
struct PriorityIndex {
  explicit PriorityIndex(const Graph& graph) : classes(graph), interactive(lowest_interactive(graph, classes)) {}
  Classes classes;
  Interactive interactive;
};

void check_isolation(const CheckContext& ctx, const Classes& classes, const Interactive& interactive,
                     const PodTemplate& pod)
{
  if (!pod.batch || !pod_uses_gpu(pod) || pod_queued(pod)) return;
  const Object& o = *pod.owner;
  const yaml::Node* name = pod.spec->get("priorityClassName");
  if (!name || name->str().empty()) {
    ctx.sink.report(o, pod_spec_anchor(pod),
                    fmt::format("batch GPU pod is not queued ({} label) and sets no priorityClassName: it competes "
                                "with interactive serving at the same priority",
                                k_kueue_queue_label));
    return;
  }
  const ClassInfo* c = classes.find(name->str());
  if (!c) {
    ctx.sink.report(o, name,
                    fmt::format("batch GPU pod uses PriorityClass '{}', which is not in the input, so nothing shows it "
                                "cannot preempt interactive serving; queue it with the {} label or add the class",
                                name->str(), k_kueue_queue_label));
    return;
  }
  if (c->never_preempts || c->value < interactive.priority) return;
  std::vector<Related> related;
  if (c->object) related.push_back({c->object, nullptr, "the batch PriorityClass"});
  std::string against = "the default priority";
  if (interactive.pod) {
    related.push_back({interactive.pod->owner, nullptr, "the lowest-priority interactive workload"});
    against = interactive.pod->owner->display_name();
  }
  ctx.sink.report(o, name,
                  fmt::format("batch GPU pod uses PriorityClass '{}' (value {}, may preempt) which is not below the "
                              "interactive priority {} of {}: set preemptionPolicy: Never, a lower value, or queue it "
                              "with the {} label",
                              name->str(), c->value, interactive.priority, against, k_kueue_queue_label),
                  std::move(related));
}

bool isolated_by_class(const Classes& classes, const Interactive& interactive, const PodTemplate& pod)
{
  const yaml::Node* name = pod.spec->get("priorityClassName");
  const ClassInfo* c = name ? classes.find(name->str()) : nullptr;
  return c && (c->never_preempts || c->value < interactive.priority);
}

// Kubeflow Trainer v2.3.0 pkg/apis/trainer/v1alpha1/trainjob_types.go: a TrainJob holds no pod spec (its pods are
// its runtime's template, runtimeRef kind ClusterTrainingRuntime unless named) but states each node's GPUs in
// spec.trainer.resourcesPerNode, and Kueue queues it by the label on the TrainJob. It passes queued, or when its
// runtime is in the input and every pod of it runs under a class that cannot preempt serving.
void check_train_job(const CheckContext& ctx, const Classes& classes, const Interactive& interactive, const Object& job)
{
  if (!train_job_gpus(job)) return;
  if (train_job_queued(job)) return;
  const Object* runtime = train_job_runtime(ctx.graph, job);
  std::span<const PodTemplate> pods = runtime ? ctx.graph.pods_of(runtime) : std::span<const PodTemplate>();
  auto isolated = [&](const PodTemplate& pod) { return isolated_by_class(classes, interactive, pod); };
  if (!pods.empty() && std::all_of(pods.begin(), pods.end(), isolated)) return;
  ctx.sink.report(job, job.spec->get("trainer")->key_node("resourcesPerNode"),
                  fmt::format("TrainJob requests GPUs per node and is not queued ({} label){}: its pods compete with "
                              "interactive serving at the same priority",
                              k_kueue_queue_label,
                              runtime ? fmt::format(", and its runtime {} does not run them under a class below "
                                                    "serving", runtime->display_name())
                                      : ""));
}

}  // namespace

void check_priority(const CheckContext& ctx)
{
  const PriorityIndex& index = ctx.graph.cached<PriorityIndex>();
  if (ctx.rule.id == "batch-isolation") {
    for (const PodTemplate& pod : ctx.pods()) check_isolation(ctx, index.classes, index.interactive, pod);
    for (const Object* job : ctx.of_kind("TrainJob"))
      if (job->is("TrainJob", "trainer.kubeflow.org")) check_train_job(ctx, index.classes, index.interactive, *job);
    return;
  }
  bool cpu_workloads = ctx.rule.param_bool("cpuWorkloads");
  for (const PodTemplate& pod : ctx.pods()) check_class(ctx, index.classes, pod, cpu_workloads);
}

}  // namespace readyctl::lint
