// Where pods come from: the pod specs inside every workload-like kind, Deployments to KServe, Ray and Kubeflow.
#pragma once
#include <string_view>
#include <vector>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

struct ControllerDefault;

struct PodTemplate {
  const Object* owner = nullptr;
  const yaml::Node* spec = nullptr;      // a PodSpec-shaped mapping
  const yaml::Node* metadata = nullptr;  // the pods' metadata (labels, annotations); may be null
  std::vector<const yaml::Node*> containers;
  std::vector<const yaml::Node*> init_containers;
  // Which pods of the owner these are ("template", "leaderTemplate", "head", "worker", "Master", ...), as the
  // controller-defaults table names them (lint/controller_defaults.hpp).
  std::string_view part;
  // The container an operator treats as its own (KubeRay's Ray container, KServe's kserve-container,
  // LLMInferenceService's `main`): where it injects probes and the like. Null when there is none.
  const yaml::Node* primary = nullptr;
  // A KServe model container (`model:` or a framework key): its unset fields come from its ServingRuntime.
  const yaml::Node* runtime_container = nullptr;
  // The ServingRuntime or ClusterServingRuntime of the input that model container names (`runtime:`), set by the
  // graph: its kserve-container supplies every field the model leaves unset, and is linted as the runtime itself.
  const Object* serving_runtime = nullptr;
  // A runtime's pods whose resources every InferenceService of the input that uses it sets on its model (set by the
  // graph): the runtime's own resources never run.
  bool resources_from_models = false;
  bool long_running = true;    // false for Jobs, CronJobs, run-to-completion kinds and Pods
  bool batch = false;          // run-to-completion kinds, or labelled readyctl.io/tier: batch
  bool serves_traffic = true;  // false for LeaderWorkerSet workers beside a leader template: the leader serves
  // The operator runs these pods under a ServiceAccount it creates and binds itself (KubeRay's autoscaling head):
  // neither the shared-account nor the token findings apply.
  bool account_from_operator = false;

  const yaml::Node* labels() const;
  // The pods' annotation, falling back to the owner's (KServe puts pod annotations on the object).
  std::string_view annotation(std::string_view key) const;
  const yaml::Node* annotation_node(std::string_view key) const;
  // Requested or limited amount of an extended resource across all containers ("nvidia.com/gpu").
  bool requests_resource_prefix(std::string_view prefix) const;
  // The default the owner's controller fills into `field` ("readinessProbe", "securityContext.runAsNonRoot",
  // "terminationGracePeriodSeconds" with container null, ...) of this pod or of `container` when the manifest leaves
  // it unset; null when no controller does (lint/controller_defaults.cpp).
  const ControllerDefault* injected(std::string_view field, const yaml::Node* container = nullptr) const;
};

// The object is a workload: its kind and its canonical API group are in the workload table, so a same-named kind
// of another group (a core Service, another project's Rollout) is not unpacked.
bool is_workload(const Object& object);
std::vector<PodTemplate> extract_pod_templates(const Object& object);

// The GPU resource names of a container's limits and requests: nvidia.com/gpu, amd.com/gpu, gpu.intel.com/*,
// nvidia.com/mig-*.
bool is_gpu_resource(std::string_view name);

}  // namespace readyctl::lint
