// Where pods come from: the pod specs inside every workload-like kind, Deployments to KServe and Ray.
#pragma once
#include <string_view>
#include <vector>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

struct PodTemplate {
  const Object* owner = nullptr;
  const yaml::Node* spec = nullptr;      // a PodSpec-shaped mapping
  const yaml::Node* metadata = nullptr;  // the pods' metadata (labels, annotations); may be null
  std::vector<const yaml::Node*> containers;
  std::vector<const yaml::Node*> init_containers;
  bool long_running = true;  // false for Jobs, CronJobs and run-to-completion Pods
  bool batch = false;        // Job, CronJob, or labelled readyctl.io/tier: batch

  const yaml::Node* labels() const;
  // The pods' annotation, falling back to the owner's (KServe puts pod annotations on the object).
  std::string_view annotation(std::string_view key) const;
  const yaml::Node* annotation_node(std::string_view key) const;
  // Requested or limited amount of an extended resource across all containers ("nvidia.com/gpu").
  bool requests_resource_prefix(std::string_view prefix) const;
};

bool is_workload_kind(std::string_view kind);
std::vector<PodTemplate> extract_pod_templates(const Object& object);

// The GPU resource names of a container's limits and requests: nvidia.com/gpu, amd.com/gpu, gpu.intel.com/*,
// nvidia.com/mig-*.
bool is_gpu_resource(std::string_view name);

}  // namespace readyctl::lint
