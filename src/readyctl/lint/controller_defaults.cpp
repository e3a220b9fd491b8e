#include "readyctl/lint/controller_defaults.hpp"

namespace readyctl::lint {
namespace {

// KServe reads the deployment mode from this annotation, else from the cluster's inferenceservice-config, whose
// `deploy.defaultDeploymentMode` ships as "Serverless" (kserve/kserve config/configmap/inferenceservice.yaml;
// pkg/apis/serving/v1beta1/configmap.go DeployConfig). Without the annotation the shipped default is what runs;
// a cluster that changed it states so on the InferenceService to be judged in that mode.
bool kserve_serverless(const PodTemplate& pod)
{
  std::string_view mode = pod.owner->annotation("serving.kserve.io/deploymentMode");
  return mode.empty() || mode == "Serverless" || mode == "Knative";
}

// config_merge.go adds the scheduler preset only when the scheduler's pool names no existing pool (`pool.ref`).
bool llmisvc_scheduler_preset(const PodTemplate& pod)
{
  return !pod.owner->spec->path({"router", "scheduler", "pool", "ref"});
}

// A multi-model runtime is run by ModelMesh (kserve/modelmesh-serving), not by KServe's single-model reconciler.
bool model_mesh_runtime(const PodTemplate& pod)
{
  const yaml::Node* multi = pod.owner->spec ? pod.owner->spec->get("multiModel") : nullptr;
  return multi && multi->str() == "true";
}

// ModelMesh gives drop ALL only to runtime containers that set no securityContext of their own; the row applies when
// none does (a table row sees the pod, not the container, so a mixed runtime is judged as written).
bool model_mesh_drops_all(const PodTemplate& pod)
{
  if (!model_mesh_runtime(pod)) return false;
  for (const yaml::Node* c : pod.containers)
    if (c->get("securityContext")) return false;
  return true;
}

// ModelSpec.Default (the `model:` key) sets no resources; framework keys and custom containers do.
bool kserve_defaults_resources(const PodTemplate& pod) { return pod.primary && pod.primary != pod.spec->get("model"); }

constexpr std::string_view k_kuberay_probes =
    "ray-project/kuberay v1.6.2 ray-operator/controllers/ray/common/pod.go initLivenessAndReadinessProbe (Ray "
    "container = Containers[0], values in controllers/ray/utils/constant.go; on unless the operator runs with "
    "ENABLE_PROBES_INJECTION=false)";
constexpr std::string_view k_knative_revision =
    "knative/serving knative-v1.20.0 pkg/apis/serving/v1/revision_defaults.go applyDefault, "
    "applyUserContainerDefaultReadinessProbe";
constexpr std::string_view k_knative_deploy =
    "knative/serving knative-v1.20.0 pkg/reconciler/revision/resources/deploy.go userLifecycle, set on every "
    "container by makeContainer";
constexpr std::string_view k_knative_grace =
    "knative/serving knative-v1.20.0 pkg/reconciler/revision/resources/deploy.go BuildPodSpec "
    "(TerminationGracePeriodSeconds = the revision's timeoutSeconds, default 300 from "
    "pkg/apis/config/defaults.go DefaultRevisionTimeoutSeconds)";
constexpr std::string_view k_kserve_knative_grace =
    "kserve/kserve v0.20.0 pkg/controller/v1beta1/inferenceservice/reconcilers/knative/ksvc_reconciler.go copies "
    "the component's `timeout` into the Knative Service's timeoutSeconds; knative/serving knative-v1.20.0 "
    "pkg/reconciler/revision/resources/deploy.go BuildPodSpec makes it the pods' TerminationGracePeriodSeconds "
    "(default 300, pkg/apis/config/defaults.go)";
constexpr std::string_view k_kserve_raw_probe =
    "kserve/kserve v0.20.0 pkg/controller/v1beta1/inferenceservice/reconcilers/deployment/deployment_reconciler.go "
    "setDefaultPodSpec (kserve-container, Standard mode); in Serverless mode Knative's default of "
    "pkg/apis/serving/v1/revision_defaults.go (knative-v1.20.0) gives the same tcpSocket probe";
constexpr std::string_view k_kserve_resources =
    "kserve/kserve v0.20.0 pkg/apis/serving/v1beta1/inference_service_defaults.go setResourceRequirementDefaults, "
    "called by every framework's and the custom containers[0]'s Default (ModelSpec.Default sets none); values "
    "from config/configmap/inferenceservice.yaml `inferenceService.resource`";
constexpr std::string_view k_llmisvc_preset =
    "kserve/kserve v0.20.0 config/llmisvcconfig/config-llm-template.yaml (and config-llm-decode-template.yaml, "
    "config-llm-prefill-template.yaml, config-llm-*-worker-data-parallel.yaml), container `main`, merged under the "
    "spec by pkg/controller/v1alpha2/llmisvc/config_merge.go";

constexpr std::string_view k_llmisvc_scheduler_preset =
    "kserve/kserve v0.20.0 config/llmisvcconfig/config-llm-scheduler.yaml, container `main` (the endpoint picker), "
    "merged by pkg/controller/v1alpha2/llmisvc/config_merge.go when router.scheduler names no pool ref";

constexpr std::string_view k_model_mesh_runtime =
    "kserve/modelmesh-serving v0.12.0 controllers/modelmesh/runtime.go addRuntimeToDeployment (every runtime "
    "container: securityContext drop ALL when it sets none, lifecycle preStop httpGet :8090 /prestop)";
constexpr std::string_view k_model_mesh_probes =
    "kserve/modelmesh-serving v0.12.0 config/internal/base/deployment.yaml.tmpl, the `mm` container ModelMesh runs "
    "beside every runtime container (readinessProbe httpGet /ready, livenessProbe httpGet /live; the model server "
    "is reached and judged through it)";

constexpr std::string_view k_agent_sandbox_defaults =
    "kubernetes-sigs/agent-sandbox v0.5.6 extensions/controllers/utils.go ApplySandboxSecureDefaults (pods of a "
    "SandboxTemplate's claims and warm pools: automountServiceAccountToken false when unset)";
constexpr std::string_view k_agent_sandbox_policy =
    "kubernetes-sigs/agent-sandbox v0.5.6 extensions/controllers/sandboxtemplate_controller.go "
    "buildDefaultNetworkPolicySpec (one NetworkPolicy per template selecting its sandboxes, unless "
    "networkPolicyManagement: Unmanaged: ingress from the sandbox router, egress to public addresses)";

// A SandboxTemplate whose NetworkPolicy the controller manages (the default).
bool sandbox_policy_managed(const PodTemplate& pod)
{
  return pod.owner->spec->str_at("networkPolicyManagement") != "Unmanaged";
}

constexpr std::string_view k_ray_kinds = "RayCluster|RayService|RayJob";
constexpr std::string_view k_llmisvc_serving = "template|prefill.template";
constexpr std::string_view k_llmisvc_workload = "template|worker|prefill.template|prefill.worker";
constexpr std::string_view k_llmisvc_scheduler = "router.scheduler.template";

// Only defaults that ship with the operator; cluster-configurable ones that ship off (Knative's
// secure-pod-defaults: Disabled in knative-v1.20.0 pkg/apis/config/features.go, revision-cpu-request unset in
// pkg/apis/config/defaults.go) are not rows.
constexpr ControllerDefault k_defaults[] = {
    {"extensions.agents.x-k8s.io", "SandboxTemplate", "podTemplate", InjectScope::pod, "automountServiceAccountToken",
     "false", "", nullptr, k_agent_sandbox_defaults},
    {"extensions.agents.x-k8s.io", "SandboxTemplate", "podTemplate", InjectScope::pod, "networkPolicy",
     "a NetworkPolicy selecting the template's sandboxes", "", &sandbox_policy_managed, k_agent_sandbox_policy},

    {"ray.io", k_ray_kinds, "head|worker", InjectScope::primary, "readinessProbe",
     "exec/httpGet Ray health check, timeoutSeconds 2 (head 5)", "", nullptr, k_kuberay_probes},
    {"ray.io", k_ray_kinds, "head|worker", InjectScope::primary, "livenessProbe",
     "exec/httpGet Ray health check, timeoutSeconds 2 (head 5)", "", nullptr, k_kuberay_probes},

    {"serving.knative.dev", "Service", "template", InjectScope::serving, "readinessProbe",
     "tcpSocket on the container port, run by queue-proxy", "", nullptr, k_knative_revision},
    {"serving.knative.dev", "Service", "template", InjectScope::every, "lifecycle.preStop",
     "httpGet queue-proxy :8022 /wait-for-drain", "", nullptr, k_knative_deploy},
    {"serving.knative.dev", "Service", "template", InjectScope::pod, "terminationGracePeriodSeconds", "300",
     "timeoutSeconds", nullptr, k_knative_grace},

    {"serving.kserve.io", "InferenceService", "predictor|transformer", InjectScope::primary, "readinessProbe",
     "tcpSocket on the first container port (8080 without ports), timeoutSeconds 1", "", nullptr, k_kserve_raw_probe},
    {"serving.kserve.io", "InferenceService", "predictor|transformer|explainer", InjectScope::primary, "resources",
     "requests cpu 1, memory 2Gi; limits cpu 1, memory 2Gi", "", &kserve_defaults_resources, k_kserve_resources},
    {"serving.kserve.io", "InferenceService", "*", InjectScope::every, "lifecycle.preStop",
     "httpGet queue-proxy :8022 /wait-for-drain (Serverless mode)", "", &kserve_serverless, k_knative_deploy},
    {"serving.kserve.io", "InferenceService", "predictor|transformer|explainer", InjectScope::pod,
     "terminationGracePeriodSeconds", "300", "timeout", &kserve_serverless, k_kserve_knative_grace},
    {"serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::primary, "readinessProbe",
     "tcpSocket on the first container port, timeoutSeconds 1", "", nullptr, k_kserve_raw_probe},
    {"serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::every, "readinessProbe",
     "httpGet /ready on ModelMesh's mm container (multi-model runtimes)", "", &model_mesh_runtime, k_model_mesh_probes},
    {"serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::every, "livenessProbe",
     "httpGet /live on ModelMesh's mm container (multi-model runtimes)", "", &model_mesh_runtime, k_model_mesh_probes},
    {"serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::every,
     "securityContext.capabilities.drop", "ALL", "", &model_mesh_drops_all, k_model_mesh_runtime},
    {"serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::every, "lifecycle.preStop",
     "httpGet :8090 /prestop (multi-model runtimes)", "", &model_mesh_runtime, k_model_mesh_runtime},

    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_serving, InjectScope::primary, "readinessProbe",
     "httpGet /health :8000, timeoutSeconds 1", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_serving, InjectScope::primary, "livenessProbe",
     "httpGet /health :8000, timeoutSeconds 1", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "securityContext.allowPrivilegeEscalation",
     "false", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "securityContext.runAsNonRoot", "true", "",
     nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "securityContext.capabilities.drop", "ALL",
     "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "securityContext.seccompProfile",
     "RuntimeDefault", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "securityContext.readOnlyRootFilesystem",
     "false", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::primary, "lifecycle.preStop",
     "exec /bin/sleep 15", "", nullptr, k_llmisvc_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_workload, InjectScope::pod, "terminationGracePeriodSeconds", "60", "",
     nullptr, k_llmisvc_preset},

    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary, "readinessProbe",
     "grpc :9003 service readiness, timeoutSeconds 1", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary, "livenessProbe",
     "grpc :9003 service liveness, timeoutSeconds 1", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary,
     "securityContext.allowPrivilegeEscalation", "false", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary,
     "securityContext.runAsNonRoot", "true", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary,
     "securityContext.capabilities.drop", "ALL", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary,
     "securityContext.seccompProfile", "RuntimeDefault", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary,
     "securityContext.readOnlyRootFilesystem", "true", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::primary, "lifecycle.preStop",
     "exec /bin/sleep 15", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
    {"serving.kserve.io", "LLMInferenceService", k_llmisvc_scheduler, InjectScope::pod, "terminationGracePeriodSeconds",
     "60", "", &llmisvc_scheduler_preset, k_llmisvc_scheduler_preset},
};

bool in_bar_list(std::string_view list, std::string_view item)
{
  if (list == "*") return true;
  while (!list.empty()) {
    size_t bar = list.find('|');
    if (list.substr(0, bar) == item) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

bool is_regular_container(const PodTemplate& pod, const yaml::Node* container)
{
  for (const yaml::Node* c : pod.containers)
    if (c == container) return true;
  return false;
}

bool declares_any_port(const yaml::Node* container)
{
  const yaml::Node* ports = container->get("ports");
  return ports && ports->is_sequence() && ports->size() > 0;
}

bool scope_covers(InjectScope scope, const PodTemplate& pod, const yaml::Node* container)
{
  switch (scope) {
  case InjectScope::pod: return container == nullptr;
  case InjectScope::primary: return container && container == pod.primary;
  case InjectScope::serving:
    return container && is_regular_container(pod, container) && (pod.containers.size() == 1 || declares_any_port(container));
  case InjectScope::every: return container && is_regular_container(pod, container);
  }
  return false;
}

}  // namespace

std::span<const ControllerDefault> controller_defaults() { return k_defaults; }

// A KServe model container (`model:` or a framework key) is merged into the container of the ServingRuntime that
// serves its model format, which supplies what the model container leaves unset. KServe's built-in runtimes
// (config/runtimes/kserve-*.yaml at aaac4e2: huggingfaceserver, sklearnserver, tritonserver, torchserve, …) all set
// this hardening; a runtime in the input is unpacked and linted on its own. Their resources (1 CPU, 2Gi, no GPU)
// are a placeholder no model server should run with, so `resources` still asks for the model's own.
constexpr std::string_view k_runtime_fields[] = {
    "securityContext.allowPrivilegeEscalation", "securityContext.runAsNonRoot", "securityContext.capabilities.drop"};
constexpr ControllerDefault k_serving_runtime_field{
    "serving.kserve.io", "InferenceService", "*", InjectScope::primary, "*", "the ServingRuntime's value", "", nullptr,
    "kserve/kserve pkg/controller/v1beta1/inferenceservice/utils/utils.go MergeRuntimeContainers (a strategic merge "
    "patch of the model container over the runtime's); config/runtimes/kserve-*.yaml securityContext"};

constexpr ControllerDefault k_input_runtime_field{
    "serving.kserve.io", "InferenceService", "*", InjectScope::primary, "*",
    "the value of the ServingRuntime in the input, linted there", "", nullptr,
    "kserve/kserve pkg/controller/v1beta1/inferenceservice/utils/utils.go MergeRuntimeContainers"};
constexpr ControllerDefault k_models_resources{
    "serving.kserve.io", "ServingRuntime|ClusterServingRuntime", "runtime", InjectScope::primary, "resources",
    "each InferenceService's own, set on its model", "", nullptr,
    "kserve/kserve pkg/controller/v1beta1/inferenceservice/utils/utils.go MergeRuntimeContainers"};

// Fields the runtime's own lint judges on its kserve-container, so the model container that inherits them leaves
// them to it (one finding, at the runtime every InferenceService using it shares).
constexpr std::string_view k_judged_on_runtime[] = {
    "readinessProbe", "livenessProbe", "startupProbe", "resources", "securityContext.runAsNonRoot",
    "securityContext.allowPrivilegeEscalation", "securityContext.readOnlyRootFilesystem",
    "securityContext.capabilities.drop", "securityContext.seccompProfile"};

const yaml::Node* kserve_container(const Object& runtime)
{
  const yaml::Node* containers = runtime.spec ? runtime.spec->get("containers") : nullptr;
  if (!containers || !containers->is_sequence()) return nullptr;
  for (const yaml::Node* c : containers->children())
    if (c->is_mapping() && c->str_at("name") == "kserve-container") return c;
  return nullptr;
}

// The input's runtime supplies the field: its lint judges it, or its kserve-container sets it (a preStop hook).
bool input_runtime_supplies(const PodTemplate& pod, std::string_view field, const yaml::Node* container)
{
  if (!container || container != pod.runtime_container || !pod.serving_runtime) return false;
  for (std::string_view f : k_judged_on_runtime)
    if (f == field) return true;
  const yaml::Node* n = kserve_container(*pod.serving_runtime);
  for (size_t start = 0; n && start <= field.size();) {
    const size_t dot = field.find('.', start);
    n = n->is_mapping() ? n->get(field.substr(start, dot == std::string_view::npos ? field.npos : dot - start)) : nullptr;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return n != nullptr;
}

bool runtime_supplies(const PodTemplate& pod, std::string_view field, const yaml::Node* container)
{
  if (!container || container != pod.runtime_container) return false;
  for (std::string_view f : k_runtime_fields)
    if (f == field) return true;
  return false;
}

const ControllerDefault* find_controller_default(const PodTemplate& pod, std::string_view field,
                                                 const yaml::Node* container)
{
  if (input_runtime_supplies(pod, field, container)) return &k_input_runtime_field;
  if (field == "resources" && pod.resources_from_models && container == pod.primary) return &k_models_resources;
  // A runtime of the input says itself what it sets: the built-in runtimes' hardening is not assumed for it.
  if (!pod.serving_runtime && runtime_supplies(pod, field, container)) return &k_serving_runtime_field;
  const Object& owner = *pod.owner;
  for (const ControllerDefault& row : k_defaults) {
    if (row.field != field || owner.group != row.group || !in_bar_list(row.kinds, owner.kind)) continue;
    if (!in_bar_list(row.parts, pod.part) || !scope_covers(row.scope, pod, container)) continue;
    if (row.applies && !row.applies(pod)) continue;
    return &row;
  }
  return nullptr;
}

bool injects_value(const PodTemplate& pod, const yaml::Node* container, std::string_view field, std::string_view value)
{
  const ControllerDefault* row = find_controller_default(pod, field, container);
  return row && (row == &k_serving_runtime_field || row == &k_input_runtime_field || row->value == value);
}

std::optional<long long> injected_int(const PodTemplate& pod, const ControllerDefault& row)
{
  if (!row.from_field.empty())
    if (const yaml::Node* n = pod.spec->get(row.from_field)) return n->as_int();
  return yaml::parse_int(row.value);
}

}  // namespace readyctl::lint
