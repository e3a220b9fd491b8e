#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_workload_kinds[] = {
    "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Rollout",
    "InferenceService", "LLMInferenceService", "LeaderWorkerSet", "RayService", "RayCluster", "ReplicationController",
};

void add_containers(PodTemplate& pod, const yaml::Node* list, bool init)
{
  if (!list || !list->is_sequence()) return;
  for (const yaml::Node* c : list->children())
    if (c->is_mapping()) (init ? pod.init_containers : pod.containers).push_back(c);
}

PodTemplate make_template(const Object& owner, const yaml::Node* spec, const yaml::Node* metadata)
{
  PodTemplate pod;
  pod.owner = &owner;
  pod.spec = spec;
  pod.metadata = metadata;
  add_containers(pod, spec->get("containers"), false);
  add_containers(pod, spec->get("initContainers"), true);
  return pod;
}

void add_template(std::vector<PodTemplate>& out, const Object& owner, const yaml::Node* templ)
{
  if (!templ || !templ->is_mapping()) return;
  const yaml::Node* spec = templ->get("spec");
  if (spec && spec->is_mapping()) out.push_back(make_template(owner, spec, templ->get("metadata")));
}

// KServe predictors are PodSpecs whose model server may sit under `model:` (or a framework key).
void add_kserve_component(std::vector<PodTemplate>& out, const Object& owner, const yaml::Node* component)
{
  if (!component || !component->is_mapping()) return;
  PodTemplate pod = make_template(owner, component, owner.metadata);
  for (std::string_view key : {"model", "sklearn", "xgboost", "pytorch", "tensorflow", "onnx", "triton",
                               "huggingface", "lightgbm", "paddle", "pmml"})
    if (const yaml::Node* c = component->get(key); c && c->is_mapping()) pod.containers.push_back(c);
  out.push_back(std::move(pod));
}

void add_ray_groups(std::vector<PodTemplate>& out, const Object& owner, const yaml::Node* cluster)
{
  if (!cluster) return;
  if (const yaml::Node* head = cluster->get("headGroupSpec")) add_template(out, owner, head->get("template"));
  if (const yaml::Node* workers = cluster->get("workerGroupSpecs"); workers && workers->is_sequence())
    for (const yaml::Node* w : workers->children()) add_template(out, owner, w->get("template"));
}

void add_by_kind(std::vector<PodTemplate>& out, const Object& o)
{
  const yaml::Node* spec = o.spec;
  if (!spec || !spec->is_mapping()) return;
  if (o.kind == "Pod") out.push_back(make_template(o, spec, o.metadata));
  else if (o.kind == "CronJob") add_template(out, o, spec->path({"jobTemplate", "spec", "template"}));
  else if (o.kind == "InferenceService") {
    for (std::string_view part : {"predictor", "transformer", "explainer"}) add_kserve_component(out, o, spec->get(part));
  } else if (o.kind == "LLMInferenceService") {
    for (const yaml::Node* t : {spec->get("template"), spec->get("worker"), spec->path({"prefill", "template"}),
                                spec->path({"prefill", "worker"})})
      if (t && t->is_mapping()) out.push_back(make_template(o, t, o.metadata));
  } else if (o.kind == "LeaderWorkerSet") {
    add_template(out, o, spec->path({"leaderWorkerTemplate", "leaderTemplate"}));
    add_template(out, o, spec->path({"leaderWorkerTemplate", "workerTemplate"}));
  } else if (o.kind == "RayService") add_ray_groups(out, o, spec->get("rayClusterConfig"));
  else if (o.kind == "RayCluster") add_ray_groups(out, o, spec);
  else add_template(out, o, spec->get("template"));
}

bool label_is(const yaml::Node* labels, std::string_view key, std::string_view value)
{
  const yaml::Node* n = labels ? labels->get(key) : nullptr;
  return n && n->str() == value;
}

}  // namespace

bool is_workload_kind(std::string_view kind)
{
  for (std::string_view k : k_workload_kinds)
    if (k == kind) return true;
  return false;
}

bool is_gpu_resource(std::string_view name)
{
  return name == "nvidia.com/gpu" || name == "amd.com/gpu" || name.starts_with("gpu.intel.com/") ||
         name.starts_with("nvidia.com/mig-");
}

std::vector<PodTemplate> extract_pod_templates(const Object& object)
{
  std::vector<PodTemplate> out;
  if (!is_workload_kind(object.kind)) return out;
  add_by_kind(out, object);
  bool run_to_completion = object.kind == "Job" || object.kind == "CronJob";
  for (PodTemplate& pod : out) {
    const yaml::Node* restart = pod.spec->get("restartPolicy");
    bool pod_completes = object.kind == "Pod" && restart && restart->str() != "Always";
    pod.long_running = !run_to_completion && !pod_completes;
    pod.batch = run_to_completion || label_is(pod.labels(), "readyctl.io/tier", "batch") ||
                label_is(object.labels(), "readyctl.io/tier", "batch");
  }
  return out;
}

const yaml::Node* PodTemplate::labels() const { return metadata ? metadata->get("labels") : nullptr; }

const yaml::Node* PodTemplate::annotation_node(std::string_view key) const
{
  if (metadata)
    if (const yaml::Node* n = metadata->path({"annotations", key})) return n;
  return owner->annotation_node(key);
}

std::string_view PodTemplate::annotation(std::string_view key) const
{
  const yaml::Node* n = annotation_node(key);
  return n ? n->str() : std::string_view();
}

bool PodTemplate::requests_resource_prefix(std::string_view prefix) const
{
  for (const yaml::Node* c : containers)
    for (std::string_view part : {"limits", "requests"})
      if (const yaml::Node* res = c->path({"resources", part}))
        for (auto [key, value] : res->entries())
          if (key->str().starts_with(prefix)) return true;
  return false;
}

}  // namespace readyctl::lint
