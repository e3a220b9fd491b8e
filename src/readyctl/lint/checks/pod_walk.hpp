// Shared walking of pod templates for the workload rules: containers with their kind, effective
// securityContext values, GPU detection, and one finding per offending node.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

struct ContainerRef {
  const yaml::Node* node;
  bool init;
  std::string label() const;  // "container 'vllm'" / "init container 'pull-lora'"
  std::string_view name() const;
};

// Regular containers first, then init containers.
std::vector<ContainerRef> all_containers(const PodTemplate& pod);
std::vector<ContainerRef> regular_containers(const PodTemplate& pod);

// A scalar that reads as YAML true / false (plain or quoted).
bool is_true(const yaml::Node* node);
bool is_false(const yaml::Node* node);

// The container's securityContext field if set, else the pod's (Kubernetes inheritance for the fields both have).
const yaml::Node* effective_security_field(const PodTemplate& pod, const yaml::Node* container, std::string_view field);
// Where a missing container-level securityContext field belongs: its securityContext, else the container.
const yaml::Node* security_holder(const yaml::Node* container);

// Where a finding about a missing pod-level field points: the key that holds the pod spec (`spec:` of the
// template, `predictor:` of a KServe InferenceService), else the spec mapping itself.
const yaml::Node* pod_spec_anchor(const PodTemplate& pod);

// A pod that runs on Windows nodes: `spec.os.name: windows`, a nodeSelector on kubernetes.io/os: windows, or a
// HostProcess container (windowsOptions.hostProcess, pod- or container-level).
bool is_windows_pod(const PodTemplate& pod);
// A pod with a Windows HostProcess container, which has the node's access and must use the host network.
bool runs_host_process(const PodTemplate& pod);

// A container whose limits or requests name a GPU resource.
bool container_uses_gpu(const yaml::Node* container);
bool pod_uses_gpu(const PodTemplate& pod);

// A container that serves a model: every container of a KServe serving pod (an LLMInferenceService's endpoint picker
// excepted), a GPU container, or one whose image name holds one of `images` (the rules' modelServerImages).
bool is_model_server(const PodTemplate& pod, const yaml::Node* container, const std::vector<std::string>& images);
// The container's image names one of `images` below its registry host and organisation and names no controller
// (`*-operator`, `*-controller`, `*-manager`), and the container does not just sleep.
bool names_model_server_image(const yaml::Node* container, const std::vector<std::string>& images);
// The `modelServerImages` parameter as every family that calls is_model_server declares it in its contract.
inline constexpr ParamSpec k_model_server_images_param{
    "modelServerImages", ParamType::string_list,
    R"(["vllm", "text-generation-inference", "tritonserver", "sglang", "ollama", "llama.cpp", "lmdeploy", "tensorrt-llm", "localai"])",
    "fragments of the image name that mark a container as a model server, matched below the registry host and the "
    "first path component (vllm/vllm-openai matches vllm; ghcr.io/vllm-project/router does not); a container whose "
    "command is sleep, or whose image names a controller (*-operator, *-controller, *-manager), is none"};
// A container something sends requests to: a model server, or one that declares ports.
bool serves_requests(const PodTemplate& pod, const yaml::Node* container, const std::vector<std::string>& images);
// The pod's serviceAccountName, else the deprecated serviceAccount alias; null when neither names an account.
const yaml::Node* service_account_field(const PodTemplate& pod);
// The owner's `spec.replicas` as a 32-bit count; `fallback` when unset or not a count.
long long spec_replicas(const Object& owner, long long fallback = 1);

// Findings grouped by offending node, so a pod-level field inherited by three containers is reported once.
class GroupedFindings {
public:
  void add(const Object& object, const yaml::Node* at, std::string subject, std::string message);
  // "<subject> <message>", or for a node shared by several containers
  // "N containers inherit this pod-level setting (<subjects>); each <message>".
  void flush(FindingSink& sink);

private:
  struct Group {
    const Object* object;
    const yaml::Node* at;
    std::vector<std::string> subjects;
    std::string message;
  };
  std::vector<Group> m_groups;
};

// Lowercase words of an identifier: "VLLM_API_KEY" -> vllm api key, "redisPassword" -> redis password.
std::vector<std::string> identifier_words(std::string_view name);

}  // namespace readyctl::lint
