#include "readyctl/lint/checks/batch_schedulers.hpp"

namespace readyctl::lint {
namespace {

enum class QueueKeyOn { pod_or_owner_label, pod_annotation };

// A scheduler that binds batch pods itself, chosen by spec.schedulerName, and the key that names the pod's queue.
struct BatchScheduler {
  std::string_view name;
  std::string_view queue_key;
  QueueKeyOn on;
  std::string_view hint;  // the key as messages name it
  bool assigns_priority;
};

// KAI Scheduler: pkg/common/constants/constants.go names the scheduler kai-scheduler and the queue label
// kai.scheduler/queue; pkg/podgrouper/podgrouper/plugins/defaultgrouper/default_grouper.go reads that label on the
// top owner, then on the pod (CalcPodGroupQueue), and resolves the priority class from a priorityClassName label on
// an owner or the pod, then spec.priorityClassName, then a per-kind default (calcPriorityClassWithDefaults;
// docs/priority/README.md: inference for Deployments, train otherwise).
// Volcano: pkg/controllers/podgroup/pg_controller_handler.go (buildPodGroupFromPod) takes the PodGroup's queue from
// the pod's scheduling.volcano.sh/queue-name annotation (QueueNameAnnotationKey in
// staging/src/volcano.sh/apis/pkg/apis/scheduling/v1beta1/labels.go) and its priority from spec.priorityClassName.
constexpr BatchScheduler k_batch_schedulers[] = {
    {"kai-scheduler", "kai.scheduler/queue", QueueKeyOn::pod_or_owner_label, "kai.scheduler/queue label", true},
    {"volcano", "scheduling.volcano.sh/queue-name", QueueKeyOn::pod_annotation,
     "scheduling.volcano.sh/queue-name annotation", false},
};

constexpr std::string_view k_kueue_queue_hint = "kueue.x-k8s.io/queue-name label";

const BatchScheduler* batch_scheduler_of(const PodTemplate& pod)
{
  const yaml::Node* name = pod.spec ? pod.spec->get("schedulerName") : nullptr;
  if (!name) return nullptr;
  for (const BatchScheduler& scheduler : k_batch_schedulers)
    if (name->str() == scheduler.name) return &scheduler;
  return nullptr;
}

bool has_key(const yaml::Node* map, std::string_view key) { return map && map->get(key); }

bool queued_by(const BatchScheduler& scheduler, const PodTemplate& pod)
{
  if (scheduler.on == QueueKeyOn::pod_annotation)
    return pod.metadata && pod.metadata->path({"annotations", scheduler.queue_key});
  return has_key(pod.labels(), scheduler.queue_key) || has_key(pod.owner->labels(), scheduler.queue_key);
}

bool queued_by_kueue(const PodTemplate& pod)
{
  const Object& owner = *pod.owner;
  if (has_key(pod.labels(), k_kueue_queue_label) || kueue_queued(owner)) return true;
  if (owner.annotation_node(k_kueue_queue_label)) return true;
  return owner.kind == "CronJob" && owner.spec &&
         owner.spec->path({"jobTemplate", "metadata", "labels", k_kueue_queue_label});
}

}  // namespace

bool kueue_queued(const Object& object) { return has_key(object.labels(), k_kueue_queue_label); }

bool pod_queued(const PodTemplate& pod)
{
  const BatchScheduler* scheduler = batch_scheduler_of(pod);
  return queued_by_kueue(pod) || (scheduler && queued_by(*scheduler, pod));
}

std::string_view queue_key_hint(const PodTemplate& pod)
{
  const BatchScheduler* scheduler = batch_scheduler_of(pod);
  return scheduler ? scheduler->hint : k_kueue_queue_hint;
}

bool scheduler_assigns_priority(const PodTemplate& pod)
{
  const BatchScheduler* scheduler = batch_scheduler_of(pod);
  return scheduler && scheduler->assigns_priority;
}

}  // namespace readyctl::lint
