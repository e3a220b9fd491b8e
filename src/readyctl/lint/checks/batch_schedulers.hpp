// Which batch scheduler holds a pod in a queue and owns its priority: Kueue (whatever scheduler binds the pod), the
// KAI Scheduler and Volcano (each when the pod names it in spec.schedulerName). The one place they are named.
#pragma once
#include <string_view>

#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

// The label Kueue admits a workload by, naming its LocalQueue.
inline constexpr std::string_view k_kueue_queue_label = "kueue.x-k8s.io/queue-name";

// Kueue queues the object by its label (a TrainJob, a RayJob, a Job).
bool kueue_queued(const Object& object);
// A batch scheduler queues the pods: Kueue's label (pod template, owner, owner annotation, CronJob jobTemplate), or
// the pod names a scheduler that queues every pod it binds (KAI, Volcano: a default queue when no key names one).
bool pod_queued(const PodTemplate& pod);
// The pod's scheduler gives its pods a priority class when spec.priorityClassName is unset (KAI: the
// priorityClassName label of the pod or an owner, else a default per workload kind), so an empty field is not
// priority 0.
bool scheduler_assigns_priority(const PodTemplate& pod);

}  // namespace readyctl::lint
