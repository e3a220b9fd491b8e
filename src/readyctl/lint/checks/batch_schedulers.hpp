// Which batch scheduler holds a pod in a queue and owns its priority: Kueue (whatever scheduler binds the pod), the
// KAI Scheduler and Volcano (each when the pod names it in spec.schedulerName). The one place their keys are spelled.
#pragma once
#include <string_view>

#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

// The label Kueue admits a workload by, naming its LocalQueue.
inline constexpr std::string_view k_kueue_queue_label = "kueue.x-k8s.io/queue-name";

// Kueue queues the object by its label (a TrainJob, a RayJob, a Job).
bool kueue_queued(const Object& object);
// A batch scheduler queues the pods: Kueue's label (pod template, owner, owner annotation, CronJob jobTemplate), or
// the queue key of the scheduler the pod names (KAI: label on the pod or its owner; Volcano: pod annotation).
bool pod_queued(const PodTemplate& pod);
// The key that would queue the pod, for messages: its scheduler's ("kai.scheduler/queue label") or Kueue's.
std::string_view queue_key_hint(const PodTemplate& pod);
// The pod's scheduler gives its pods a priority class when spec.priorityClassName is unset (KAI: the
// priorityClassName label of the pod or an owner, else a default per workload kind), so an empty field is not
// priority 0.
bool scheduler_assigns_priority(const PodTemplate& pod);

}  // namespace readyctl::lint
