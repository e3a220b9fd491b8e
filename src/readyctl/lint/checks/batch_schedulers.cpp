#include "readyctl/lint/checks/batch_schedulers.hpp"

namespace readyctl::lint {
namespace {

// A scheduler that binds batch pods itself and queues every pod it binds, chosen by spec.schedulerName.
struct BatchScheduler {
  std::string_view name;
  bool assigns_priority;
};

// KAI Scheduler: pkg/common/constants/constants.go names the scheduler kai-scheduler;
// pkg/podgrouper/podgrouper/plugins/defaultgrouper/default_grouper.go CalcPodGroupQueue takes the queue from the
// kai.scheduler/queue label of the top owner, then of the pod, then from the project label, and otherwise puts the
// pod in constants.DefaultQueueName: every pod KAI binds is in a queue. It resolves the priority class from a
// priorityClassName label on an owner or the pod, then spec.priorityClassName, then a per-kind default
// (calcPriorityClassWithDefaults; docs/priority/README.md: inference for Deployments, train otherwise).
// Volcano: pkg/controllers/podgroup/pg_controller_handler.go (buildPodGroupFromPod) builds a PodGroup for each pod
// it binds, queued by the pod's scheduling.volcano.sh/queue-name annotation, and its admission webhooks give a
// PodGroup or vcjob without one the default queue (pkg/webhooks/admission/podgroups/mutate,
// jobs/mutate/mutate_job.go DefaultQueue); its priority is spec.priorityClassName.
constexpr BatchScheduler k_batch_schedulers[] = {
    {"kai-scheduler", true},
    {"volcano", false},
};

const BatchScheduler* batch_scheduler_of(const PodTemplate& pod)
{
  const yaml::Node* name = pod.spec ? pod.spec->get("schedulerName") : nullptr;
  if (!name) return nullptr;
  for (const BatchScheduler& scheduler : k_batch_schedulers)
    if (name->str() == scheduler.name) return &scheduler;
  return nullptr;
}

bool has_key(const yaml::Node* map, std::string_view key) { return map && map->get(key); }

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

bool pod_queued(const PodTemplate& pod) { return queued_by_kueue(pod) || batch_scheduler_of(pod); }

bool scheduler_assigns_priority(const PodTemplate& pod)
{
  const BatchScheduler* scheduler = batch_scheduler_of(pod);
  return scheduler && scheduler->assigns_priority;
}

}  // namespace readyctl::lint
