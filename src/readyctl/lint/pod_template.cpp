#include "readyctl/lint/pod_template.hpp"

#include "readyctl/lint/controller_defaults.hpp"

namespace readyctl::lint {
namespace {

using PodTemplates = std::vector<PodTemplate>;

void add_containers(PodTemplate& pod, const yaml::Node* list, bool init)
{
  if (!list || !list->is_sequence()) return;
  for (const yaml::Node* c : list->children())
    if (c->is_mapping()) (init ? pod.init_containers : pod.containers).push_back(c);
}

const yaml::Node* named_container(const PodTemplate& pod, std::string_view name)
{
  for (const yaml::Node* c : pod.containers)
    if (c->str_at("name") == name) return c;
  return nullptr;
}

PodTemplate make_template(const Object& owner, const yaml::Node* spec, const yaml::Node* metadata, std::string_view part)
{
  PodTemplate pod;
  pod.owner = &owner;
  pod.spec = spec;
  pod.metadata = metadata;
  pod.part = part;
  add_containers(pod, spec->get("containers"), false);
  add_containers(pod, spec->get("initContainers"), true);
  return pod;
}

// A PodTemplateSpec (`metadata` + `spec`); returns the added pod, or null when the node holds none.
PodTemplate* add_template(PodTemplates& out, const Object& owner, const yaml::Node* templ, std::string_view part)
{
  if (!templ || !templ->is_mapping()) return nullptr;
  const yaml::Node* spec = templ->get("spec");
  if (!spec || !spec->is_mapping()) return nullptr;
  out.push_back(make_template(owner, spec, templ->get("metadata"), part));
  return &out.back();
}

// A bare PodSpec whose pods take the owner's metadata (KServe, LLMInferenceService).
PodTemplate* add_spec(PodTemplates& out, const Object& owner, const yaml::Node* spec, const yaml::Node* metadata,
                      std::string_view part)
{
  if (!spec || !spec->is_mapping()) return nullptr;
  out.push_back(make_template(owner, spec, metadata, part));
  return &out.back();
}

void unpack_pod(PodTemplates& out, const Object& o) { add_spec(out, o, o.spec, o.metadata, "pod"); }
void unpack_template(PodTemplates& out, const Object& o) { add_template(out, o, o.spec->get("template"), "template"); }
void unpack_cron_job(PodTemplates& out, const Object& o)
{
  add_template(out, o, o.spec->path({"jobTemplate", "spec", "template"}), "template");
}

// KServe v0.20.0 pkg/apis/serving/v1beta1/predictor.go: where a predictor writes its model container.
constexpr std::string_view k_kserve_model_keys[] = {"model", "sklearn", "xgboost", "pytorch", "tensorflow", "onnx",
                                                    "triton", "huggingface", "lightgbm", "paddle", "pmml"};

// KServe v0.20.0 pkg/apis/serving/v1beta1/component.go: a transformer or explainer that names no container and no
// model (only `timeout`, `minReplicas`) is no component, and no pod of it runs.
bool names_kserve_container(const yaml::Node* component)
{
  if (!component || !component->is_mapping()) return false;
  if (const yaml::Node* c = component->get("containers"); c && c->is_sequence() && c->size() > 0) return true;
  for (std::string_view key : k_kserve_model_keys)
    if (const yaml::Node* m = component->get(key); m && m->is_mapping()) return true;
  for (std::string_view key : {"alibi", "art"})  // explainers
    if (const yaml::Node* m = component->get(key); m && m->is_mapping()) return true;
  return false;
}

// KServe v0.20.0 pkg/apis/serving/v1beta1/predictor.go, component.go: predictor, transformer and explainer are
// PodSpecs whose model server may sit under `model:` or a framework key. The model server is the container KServe
// names kserve-container: that key's container, else the only or unnamed first container (predictor_custom.go
// CustomPredictor.Default), else the one named so.
void add_kserve_component(PodTemplates& out, const Object& owner, std::string_view part)
{
  if (!names_kserve_container(owner.spec->get(part))) return;
  PodTemplate* pod = add_spec(out, owner, owner.spec->get(part), owner.metadata, part);
  if (!pod) return;
  for (std::string_view key : k_kserve_model_keys)
    if (const yaml::Node* c = pod->spec->get(key); c && c->is_mapping()) {
      pod->containers.push_back(c);
      pod->primary = c;
      pod->runtime_container = c;
      return;
    }
  if (!pod->containers.empty() && (pod->containers.size() == 1 || pod->containers[0]->str_at("name").empty()))
    pod->primary = pod->containers[0];
  else pod->primary = named_container(*pod, "kserve-container");
}

// An InferenceService in ModelMesh mode runs no pod of its own: its model is loaded into the pods of a shared
// multi-model ServingRuntime, and `predictor.model` names a model, not a container (kserve/modelmesh-serving
// docs/predictors/README.md; its controllers/modelmesh reads the annotation).
bool served_by_model_mesh(const Object& o) { return o.annotation("serving.kserve.io/deploymentMode") == "ModelMesh"; }

void unpack_inference_service(PodTemplates& out, const Object& o)
{
  if (served_by_model_mesh(o)) return;
  for (std::string_view part : {"predictor", "transformer", "explainer"}) add_kserve_component(out, o, part);
}

// KServe v0.20.0 pkg/apis/serving/v1alpha1/llm_inference_service_types.go: WorkloadSpec (inlined, and under
// `prefill`) holds `template` and `worker` PodSpecs, and SchedulerSpec (`router.scheduler`) the endpoint picker's;
// the presets merge into the container named `main` (config/llmisvcconfig/config-llm-template.yaml,
// config-llm-scheduler.yaml). A `worker` becomes the LeaderWorkerSet's workerTemplate, the `template` its leader:
// worker pods serve no traffic (config-llm-worker-data-parallel.yaml runs them `vllm serve --headless` and gives
// them no probes; the leader's API server takes the requests).
void unpack_llm_inference_service(PodTemplates& out, const Object& o)
{
  const yaml::Node* prefill = o.spec->get("prefill");
  const std::pair<std::string_view, const yaml::Node*> parts[] = {
      {"template", o.spec->get("template")},
      {"worker", o.spec->get("worker")},
      {"prefill.template", prefill ? prefill->get("template") : nullptr},
      {"prefill.worker", prefill ? prefill->get("worker") : nullptr},
      {"router.scheduler.template", o.spec->path({"router", "scheduler", "template"})},
  };
  for (auto [part, spec] : parts)
    if (PodTemplate* pod = add_spec(out, o, spec, o.metadata, part)) {
      pod->primary = named_container(*pod, "main");
      pod->serves_traffic = part != "worker" && part != "prefill.worker";
    }
}

// KServe v0.20.0 pkg/apis/serving/v1alpha1/servingruntime_types.go: ServingRuntimePodSpec is inlined in the spec
// (containers, volumes, labels, annotations, ...) and again under `workerSpec`; the runtime's model server is the
// container named kserve-container, which the InferenceService's model container is merged into. Multi-node workers
// serve no traffic: the predictor Service selects the head, the worker Service is headless with
// publishNotReadyAddresses (pkg/controller/v1beta1/inferenceservice/reconcilers/service/service_reconciler.go
// createService, createWorkerHeadlessSvc).
void unpack_serving_runtime(PodTemplates& out, const Object& o)
{
  for (auto [part, spec] : {std::pair<std::string_view, const yaml::Node*>{"runtime", o.spec},
                            {"worker", o.spec->get("workerSpec")}})
    if (PodTemplate* pod = add_spec(out, o, spec, spec, part)) {
      pod->primary = named_container(*pod, "kserve-container");
      pod->serves_traffic = part != "worker";
    }
}

// Knative Serving knative-v1.20.0 pkg/apis/serving/v1/service_types.go: the Service inlines ConfigurationSpec,
// whose `template` is a RevisionTemplateSpec (metadata + a RevisionSpec that inlines a PodSpec).
void unpack_knative_service(PodTemplates& out, const Object& o)
{
  add_template(out, o, o.spec->get("template"), "template");
}

// LeaderWorkerSet v0.10.0 api/leaderworkerset/v1/leaderworkerset_types.go. Without a leaderTemplate the leader is
// made from the workerTemplate (pkg/controllers/leaderworkerset_controller.go); with one, worker pods serve no
// traffic: the leader takes the requests.
void unpack_leader_worker_set(PodTemplates& out, const Object& o)
{
  const yaml::Node* templates = o.spec->get("leaderWorkerTemplate");
  if (!templates) return;
  bool has_leader = add_template(out, o, templates->get("leaderTemplate"), "leaderTemplate") != nullptr;
  if (PodTemplate* worker = add_template(out, o, templates->get("workerTemplate"), "workerTemplate"))
    worker->serves_traffic = !has_leader;
}

// KubeRay v1.6.2 ray-operator/apis/ray/v1/raycluster_types.go: headGroupSpec.template and
// workerGroupSpecs[].template; the Ray container is Containers[0] (utils.RayContainerIndex).
// With enableInTreeAutoscaling the head runs the autoscaler sidecar under the account the operator makes for it:
// ray-operator/controllers/ray/common/pod.go DefaultHeadPodTemplate sets serviceAccountName to
// GetHeadGroupServiceAccountName (the template's, else the cluster's name), and raycluster_controller.go
// reconcileAutoscalerServiceAccount, reconcileAutoscalerRole and reconcileAutoscalerRoleBinding create and bind it
// (kuberay feeaf72, v1.7.0-rc.0; the same since v0.3).
void add_ray_groups(PodTemplates& out, const Object& owner, const yaml::Node* cluster)
{
  if (!cluster || !cluster->is_mapping()) return;
  auto add = [&](const yaml::Node* group, std::string_view part) {
    PodTemplate* pod = group ? add_template(out, owner, group->get("template"), part) : nullptr;
    if (pod && !pod->containers.empty()) pod->primary = pod->containers[0];
    return pod;
  };
  if (PodTemplate* head = add(cluster->get("headGroupSpec"), "head"))
    head->account_from_operator = cluster->str_at("enableInTreeAutoscaling") == "true";
  if (const yaml::Node* workers = cluster->get("workerGroupSpecs"); workers && workers->is_sequence())
    for (const yaml::Node* w : workers->children()) add(w, "worker");
}

void unpack_ray_cluster(PodTemplates& out, const Object& o) { add_ray_groups(out, o, o.spec); }
void unpack_ray_service(PodTemplates& out, const Object& o) { add_ray_groups(out, o, o.spec->get("rayClusterConfig")); }

// KubeRay v1.6.2 ray-operator/apis/ray/v1/rayjob_types.go: rayClusterSpec, and submitterPodTemplate for the pod
// that runs `ray job submit`.
void unpack_ray_job(PodTemplates& out, const Object& o)
{
  add_ray_groups(out, o, o.spec->get("rayClusterSpec"));
  add_template(out, o, o.spec->get("submitterPodTemplate"), "submitter");
}

// JobSet v0.10.0 api/jobset/v1alpha2/jobset_types.go: replicatedJobs[].template is a batch/v1 JobTemplateSpec.
void add_replicated_jobs(PodTemplates& out, const Object& owner, const yaml::Node* jobset_spec)
{
  const yaml::Node* jobs = jobset_spec ? jobset_spec->get("replicatedJobs") : nullptr;
  if (!jobs || !jobs->is_sequence()) return;
  for (const yaml::Node* job : jobs->children())
    if (job->is_mapping()) add_template(out, owner, job->path({"template", "spec", "template"}), "replicatedJob");
}

void unpack_job_set(PodTemplates& out, const Object& o) { add_replicated_jobs(out, o, o.spec); }

// Kubeflow Trainer v2.3.0 pkg/apis/trainer/v1alpha1/trainingruntime_types.go: (Cluster)TrainingRuntime
// spec.template is a JobSetTemplateSpec, so its pods are spec.template.spec.replicatedJobs[].template.spec.template.
void unpack_training_runtime(PodTemplates& out, const Object& o)
{
  add_replicated_jobs(out, o, o.spec->path({"template", "spec"}));
}

// Kubeflow training-operator v1.9.2 pkg/apis/kubeflow.org/v1/*_types.go: a map from replica type (Master, Worker,
// Chief, PS, Launcher, ...) to a ReplicaSpec whose `template` is a PodTemplateSpec.
void add_replica_specs(PodTemplates& out, const Object& o, std::string_view key)
{
  const yaml::Node* specs = o.spec->get(key);
  if (!specs || !specs->is_mapping()) return;
  for (auto [type, replica] : specs->entries())
    if (replica->is_mapping()) add_template(out, o, replica->get("template"), type->str());
}

// Kubeflow Trainer v2.3.0 pkg/apis/trainer/v1alpha1/trainjob_types.go: a TrainJob holds no pod spec; its pods are
// its runtime's (unpacked above) and batch-isolation reads its spec.trainer itself (checks/priority.cpp).
void unpack_nothing(PodTemplates&, const Object&) {}

void unpack_pytorch_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "pytorchReplicaSpecs"); }
void unpack_tf_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "tfReplicaSpecs"); }
void unpack_mpi_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "mpiReplicaSpecs"); }
void unpack_xgboost_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "xgbReplicaSpecs"); }
void unpack_paddle_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "paddleReplicaSpecs"); }
void unpack_jax_job(PodTemplates& out, const Object& o) { add_replica_specs(out, o, "jaxReplicaSpecs"); }

using Unpack = void (*)(PodTemplates&, const Object&);

// kubernetes-sigs/agent-sandbox v0.5.6 api/v1beta1/sandbox_types.go SandboxBlueprint: a Sandbox (agents.x-k8s.io)
// runs one pod from `podTemplate` ({metadata, spec}); a SandboxTemplate (extensions.agents.x-k8s.io) holds the same
// blueprint for the sandboxes its SandboxClaims and SandboxWarmPools make, which own no pod spec of their own.
void unpack_sandbox(PodTemplates& out, const Object& o) { add_template(out, o, o.spec->get("podTemplate"), "podTemplate"); }

struct WorkloadKind {
  std::string_view kind;
  std::string_view group;  // canonical, after object.cpp's alias table
  Unpack unpack;
  bool run_to_completion;  // pods finish: not serving, batch work
};

constexpr WorkloadKind k_workload_kinds[] = {
    {"Pod", "", &unpack_pod, false},
    {"ReplicationController", "", &unpack_template, false},
    {"Deployment", "apps", &unpack_template, false},
    {"StatefulSet", "apps", &unpack_template, false},
    {"DaemonSet", "apps", &unpack_template, false},
    {"ReplicaSet", "apps", &unpack_template, false},
    {"Job", "batch", &unpack_template, true},
    {"CronJob", "batch", &unpack_cron_job, true},
    {"Rollout", "argoproj.io", &unpack_template, false},
    {"InferenceService", "serving.kserve.io", &unpack_inference_service, false},
    {"LLMInferenceService", "serving.kserve.io", &unpack_llm_inference_service, false},
    {"ServingRuntime", "serving.kserve.io", &unpack_serving_runtime, false},
    {"ClusterServingRuntime", "serving.kserve.io", &unpack_serving_runtime, false},
    {"Service", "serving.knative.dev", &unpack_knative_service, false},
    {"LeaderWorkerSet", "leaderworkerset.x-k8s.io", &unpack_leader_worker_set, false},
    {"RayService", "ray.io", &unpack_ray_service, false},
    {"RayCluster", "ray.io", &unpack_ray_cluster, false},
    {"RayJob", "ray.io", &unpack_ray_job, true},
    {"JobSet", "jobset.x-k8s.io", &unpack_job_set, true},
    {"TrainingRuntime", "trainer.kubeflow.org", &unpack_training_runtime, true},
    {"ClusterTrainingRuntime", "trainer.kubeflow.org", &unpack_training_runtime, true},
    {"TrainJob", "trainer.kubeflow.org", &unpack_nothing, true},
    {"PyTorchJob", "kubeflow.org", &unpack_pytorch_job, true},
    {"TFJob", "kubeflow.org", &unpack_tf_job, true},
    {"MPIJob", "kubeflow.org", &unpack_mpi_job, true},
    {"XGBoostJob", "kubeflow.org", &unpack_xgboost_job, true},
    {"PaddleJob", "kubeflow.org", &unpack_paddle_job, true},
    {"JAXJob", "kubeflow.org", &unpack_jax_job, true},
    // OpenKruise v1.8 apis/apps/v1alpha1 (CloneSet, BroadcastJob) and v1beta1 (Advanced StatefulSet and DaemonSet):
    // `spec.template` is a PodTemplateSpec, as in their apps and batch counterparts.
    {"CloneSet", "apps.kruise.io", &unpack_template, false},
    {"StatefulSet", "apps.kruise.io", &unpack_template, false},
    {"DaemonSet", "apps.kruise.io", &unpack_template, false},
    {"BroadcastJob", "apps.kruise.io", &unpack_template, true},
    {"Sandbox", "agents.x-k8s.io", &unpack_sandbox, false},
    {"SandboxTemplate", "extensions.agents.x-k8s.io", &unpack_sandbox, false},
};

const WorkloadKind* find_workload_kind(const Object& o)
{
  for (const WorkloadKind& k : k_workload_kinds)
    if (o.is(k.kind, k.group)) return &k;
  return nullptr;
}

bool label_is(const yaml::Node* labels, std::string_view key, std::string_view value)
{
  const yaml::Node* n = labels ? labels->get(key) : nullptr;
  return n && n->str() == value;
}

}  // namespace

bool is_workload(const Object& object) { return find_workload_kind(object) != nullptr; }

bool is_gpu_resource(std::string_view name)
{
  return name == "nvidia.com/gpu" || name == "amd.com/gpu" || name.starts_with("gpu.intel.com/") ||
         name.starts_with("nvidia.com/mig-");
}

std::vector<PodTemplate> extract_pod_templates(const Object& object)
{
  std::vector<PodTemplate> out;
  const WorkloadKind* kind = find_workload_kind(object);
  if (!kind || !object.spec || !object.spec->is_mapping()) return out;
  kind->unpack(out, object);
  for (PodTemplate& pod : out) {
    const yaml::Node* restart = pod.spec->get("restartPolicy");
    bool pod_completes = object.kind == "Pod" && restart && restart->str() != "Always";
    pod.long_running = !kind->run_to_completion && !pod_completes;
    pod.batch = kind->run_to_completion || label_is(pod.labels(), "readyctl.io/tier", "batch") ||
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
    for (std::string_view block : {"limits", "requests"})
      if (const yaml::Node* res = c->path({"resources", block}))
        for (auto [key, value] : res->entries())
          if (key->str().starts_with(prefix)) return true;
  return false;
}

const ControllerDefault* PodTemplate::injected(std::string_view field, const yaml::Node* container) const
{
  return find_controller_default(*this, field, container);
}

}  // namespace readyctl::lint
