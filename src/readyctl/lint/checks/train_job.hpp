// A Kubeflow Trainer v2 TrainJob as its trainer pods will run: the GPUs it asks per node, the runtime it names, the
// runtime's trainer pod spec and the TrainJob's pod overrides of it. A TrainJob holds no pod spec of its own.
#pragma once
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

// spec.trainer.resourcesPerNode when it names a GPU resource (in limits or requests), else null.
const yaml::Node* train_job_gpus(const Object& job);
// Kueue queues a TrainJob by the kueue.x-k8s.io/queue-name label on the TrainJob itself.
bool train_job_queued(const Object& job);
// The (Cluster)TrainingRuntime of spec.runtimeRef in the input (kind ClusterTrainingRuntime unless named), or null.
const Object* train_job_runtime(const Graph& graph, const Object& job);
// The pod spec of the runtime's trainer job: the replicated job labelled
// trainer.kubeflow.org/trainjob-ancestor-step: trainer, else the one named `node`; null when there is none.
const yaml::Node* trainer_pod_spec(const Object& runtime);
// The pod-spec overrides the TrainJob applies to its trainer pods: spec.podTemplateOverrides[].spec (Trainer
// v2.1+) and spec.podSpecOverrides[] (v2.0) whose targetJobs name the trainer job, or name none.
std::vector<const yaml::Node*> trainer_overrides(const Object& job, const Object* runtime);

}  // namespace readyctl::lint
