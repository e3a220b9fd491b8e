#include "readyctl/lint/checks/train_job.hpp"

#include "readyctl/lint/checks/batch_schedulers.hpp"
#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_ancestor_label = "trainer.kubeflow.org/trainjob-ancestor-step";

// Kubeflow Trainer v2.3.0 pkg/apis/trainer/v1alpha1/trainingruntime_types.go: spec.template is a JobSet template,
// its jobs spec.template.spec.replicatedJobs[] with the pods at template.spec.template.
const yaml::Node* trainer_job(const Object& runtime)
{
  const yaml::Node* jobs = runtime.spec ? runtime.spec->path({"template", "spec", "replicatedJobs"}) : nullptr;
  if (!jobs || !jobs->is_sequence()) return nullptr;
  const yaml::Node* named_node = nullptr;
  for (const yaml::Node* job : jobs->children()) {
    if (!job->is_mapping()) continue;
    const yaml::Node* step = job->path({"template", "metadata", "labels", k_ancestor_label});
    if (step && step->str() == "trainer") return job;
    if (job->str_at("name") == "node" && !named_node) named_node = job;
  }
  return named_node;
}

// Whether an override entry's targetJobs name `job_name`, or name no job at all.
bool targets(const yaml::Node* entry, std::string_view job_name)
{
  const yaml::Node* jobs = entry->get("targetJobs");
  if (!jobs || !jobs->is_sequence() || jobs->size() == 0) return true;
  for (const yaml::Node* t : jobs->children())
    if (t->str_at("name") == job_name) return true;
  return false;
}

}  // namespace

const yaml::Node* train_job_gpus(const Object& job)
{
  const yaml::Node* resources = job.spec ? job.spec->path({"trainer", "resourcesPerNode"}) : nullptr;
  if (!resources || !resources->is_mapping()) return nullptr;
  for (std::string_view block : {"limits", "requests"})
    if (const yaml::Node* res = resources->get(block); res && res->is_mapping())
      for (auto [key, value] : res->entries())
        if (is_gpu_resource(key->str())) return resources;
  return nullptr;
}

bool train_job_queued(const Object& job) { return kueue_queued(job); }

const Object* train_job_runtime(const Graph& graph, const Object& job)
{
  const yaml::Node* ref = job.spec ? job.spec->get("runtimeRef") : nullptr;
  if (!ref) return nullptr;
  std::string_view kind = ref->str_at("kind").empty() ? "ClusterTrainingRuntime" : ref->str_at("kind");
  return graph.find(kind, kind == "TrainingRuntime" ? job.scope : "", ref->str_at("name"));
}

const yaml::Node* trainer_pod_spec(const Object& runtime)
{
  const yaml::Node* job = trainer_job(runtime);
  return job ? job->path({"template", "spec", "template", "spec"}) : nullptr;
}

std::vector<const yaml::Node*> trainer_overrides(const Object& job, const Object* runtime)
{
  const yaml::Node* trainer = runtime ? trainer_job(*runtime) : nullptr;
  std::string_view name = trainer ? trainer->str_at("name") : "node";
  std::vector<const yaml::Node*> out;
  for (std::string_view field : {"podTemplateOverrides", "podSpecOverrides"}) {
    const yaml::Node* list = job.spec ? job.spec->get(field) : nullptr;
    if (!list || !list->is_sequence()) continue;
    for (const yaml::Node* entry : list->children()) {
      if (!entry->is_mapping() || !targets(entry, name)) continue;
      const yaml::Node* spec = field == "podTemplateOverrides" ? entry->get("spec") : entry;
      if (spec && spec->is_mapping()) out.push_back(spec);
    }
  }
  return out;
}

}  // namespace readyctl::lint
