#include "readyctl/lint/checks/pod_walk.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"

namespace readyctl::lint {

std::string_view ContainerRef::name() const
{
  const yaml::Node* n = node->get("name");
  return n && !n->str().empty() ? n->str() : std::string_view("(unnamed)");
}

std::string ContainerRef::label() const { return fmt::format("{}container '{}'", init ? "init " : "", name()); }

std::vector<ContainerRef> regular_containers(const PodTemplate& pod)
{
  std::vector<ContainerRef> out;
  for (const yaml::Node* c : pod.containers) out.push_back({c, false});
  return out;
}

std::vector<ContainerRef> all_containers(const PodTemplate& pod)
{
  std::vector<ContainerRef> out = regular_containers(pod);
  for (const yaml::Node* c : pod.init_containers) out.push_back({c, true});
  return out;
}

bool is_true(const yaml::Node* node)
{
  if (!node) return false;
  std::optional<bool> b = node->as_bool();
  return b ? *b : node->str() == "true";
}

bool is_false(const yaml::Node* node)
{
  if (!node) return false;
  std::optional<bool> b = node->as_bool();
  return b ? !*b : node->str() == "false";
}

const yaml::Node* effective_security_field(const PodTemplate& pod, const yaml::Node* container, std::string_view field)
{
  if (const yaml::Node* n = container->path({"securityContext", field}); n && !n->is_null()) return n;
  if (const yaml::Node* n = pod.spec->path({"securityContext", field}); n && !n->is_null()) return n;
  return nullptr;
}

const yaml::Node* security_holder(const yaml::Node* container)
{
  const yaml::Node* sc = container->get("securityContext");
  return sc && sc->is_mapping() ? container->key_node("securityContext") : container;
}

namespace {

const yaml::Node* key_of(const yaml::Node* parent, const yaml::Node* target, int depth)
{
  if (!parent || depth > 8) return nullptr;
  if (parent->is_mapping()) {
    for (auto [key, value] : parent->entries())
      if (value == target) return key;
  }
  if (!parent->is_mapping() && !parent->is_sequence()) return nullptr;
  const auto kids = parent->children();
  for (size_t i = parent->is_mapping() ? 1 : 0; i < kids.size(); i += parent->is_mapping() ? 2 : 1)
    if (const yaml::Node* found = key_of(kids[i], target, depth + 1)) return found;
  return nullptr;
}

}  // namespace

const yaml::Node* pod_spec_anchor(const PodTemplate& pod)
{
  const yaml::Node* key = key_of(pod.owner->root, pod.spec, 0);
  return key ? key : pod.spec;
}

bool container_uses_gpu(const yaml::Node* container)
{
  for (std::string_view part : {"limits", "requests"})
    if (const yaml::Node* res = container->path({"resources", part}))
      for (auto [key, value] : res->entries())
        if (is_gpu_resource(key->str())) return true;
  return false;
}

bool pod_uses_gpu(const PodTemplate& pod)
{
  for (const ContainerRef& c : all_containers(pod))
    if (container_uses_gpu(c.node)) return true;
  return false;
}

namespace {

// Every container of these KServe kinds runs in a model-serving pod, except an LLMInferenceService's endpoint
// picker (router.scheduler.template), which routes requests and runs no model.
bool is_kserve_serving_pod(const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  if (o.group != "serving.kserve.io") return false;
  if (o.kind == "LLMInferenceService") return pod.part != "router.scheduler.template";
  return o.kind == "InferenceService" || o.kind == "ServingRuntime" || o.kind == "ClusterServingRuntime";
}

}  // namespace

// The part of an image reference that names the software: the path without its registry host
// (`ghcr.io/`, `localhost:5000/`), its first namespace component when it has more (`vllm-project/`, `nvidia/`),
// and its tag or digest. `vllm/vllm-openai:v0.10` → `vllm-openai`, `nvcr.io/nvidia/tensorrt-llm/release:0.x` →
// `tensorrt-llm/release`; `ghcr.io/vllm-project/semantic-router/extproc` → `semantic-router/extproc`, which no
// model-server fragment names, though its organisation does.
std::string_view image_software(std::string_view image)
{
  image = image.substr(0, image.find('@'));
  if (size_t slash = image.rfind('/'), colon = image.rfind(':'); colon != std::string_view::npos &&
                                                                    (slash == std::string_view::npos || colon > slash))
    image = image.substr(0, colon);
  size_t first = image.find('/');
  if (first == std::string_view::npos) return image;
  std::string_view head = image.substr(0, first);
  if (head.find('.') != std::string_view::npos || head.find(':') != std::string_view::npos || head == "localhost") {
    image = image.substr(first + 1);
    first = image.find('/');
  }
  return first == std::string_view::npos ? image : image.substr(first + 1);
}

// A container whose command is `sleep` (an e2e stand-in built from a model server's image) runs no server.
bool runs_sleep(const yaml::Node* container)
{
  const yaml::Node* command = container->get("command");
  if (!command || !command->is_sequence() || command->size() == 0) return false;
  std::string_view first = (*command->children().begin())->str();
  return first == "sleep" || first.ends_with("/sleep");
}

// The image names a controller (`ghcr.io/nekomeowww/ollama-operator`, `kserve/kserve-controller`): the software it
// manages may be a model server, it is none.
bool names_controller(std::string_view software)
{
  const size_t slash = software.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? software : software.substr(slash + 1);
  for (std::string_view suffix : {"-operator", "-controller", "-manager"})  // -controller-manager too
    if (last.ends_with(suffix)) return true;
  return false;
}

bool names_model_server_image(const yaml::Node* container, const std::vector<std::string>& images)
{
  const yaml::Node* image = container->get("image");
  if (!image || runs_sleep(container)) return false;
  const std::string_view software = image_software(image->str());
  if (names_controller(software)) return false;
  return std::any_of(images.begin(), images.end(),
                     [&](const std::string& n) { return software.find(n) != std::string_view::npos; });
}

bool is_model_server(const PodTemplate& pod, const yaml::Node* container, const std::vector<std::string>& images)
{
  return is_kserve_serving_pod(pod) || container_uses_gpu(container) || names_model_server_image(container, images);
}

bool serves_requests(const PodTemplate& pod, const yaml::Node* container, const std::vector<std::string>& images)
{
  const yaml::Node* ports = container->get("ports");
  return (ports && ports->is_sequence() && ports->size() > 0) || is_model_server(pod, container, images);
}

const yaml::Node* service_account_field(const PodTemplate& pod)
{
  for (std::string_view key : {"serviceAccountName", "serviceAccount"})
    if (const yaml::Node* n = pod.spec->get(key); n && !n->str().empty()) return n;
  return nullptr;
}

long long spec_replicas(const Object& owner, long long fallback)
{
  const yaml::Node* n = owner.spec ? owner.spec->get("replicas") : nullptr;
  std::optional<long long> v = n ? n->as_int32() : std::nullopt;
  return v ? *v : fallback;
}

void GroupedFindings::add(const Object& object, const yaml::Node* at, std::string subject, std::string message)
{
  for (Group& g : m_groups)
    if (g.object == &object && g.at == at && g.message == message) {
      g.subjects.push_back(std::move(subject));
      return;
    }
  m_groups.push_back({&object, at, {std::move(subject)}, std::move(message)});
}

void GroupedFindings::flush(FindingSink& sink)
{
  // Only a pod-level field is shared by several containers.
  for (Group& g : m_groups)
    sink.report(*g.object, g.at,
                g.subjects.size() == 1 ? fmt::format("{} {}", g.subjects[0], g.message)
                                       : fmt::format("{} containers inherit this pod-level setting ({}); each {}",
                                                     g.subjects.size(), join(g.subjects, ", "), g.message));
  m_groups.clear();
}

std::vector<std::string> identifier_words(std::string_view name)
{
  std::vector<std::string> words;
  std::string cur;
  auto push = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char ch = name[i];
    if (!std::isalnum(static_cast<unsigned char>(ch))) {
      push();
      continue;
    }
    bool upper = std::isupper(static_cast<unsigned char>(ch)) != 0;
    // camelCase boundary: lower->Upper, or the last capital of an acronym before a lowercase letter (APIKey).
    if (upper && !cur.empty()) {
      bool prev_lower = std::islower(static_cast<unsigned char>(name[i - 1])) != 0 ||
                        std::isdigit(static_cast<unsigned char>(name[i - 1])) != 0;
      bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])) != 0;
      if (prev_lower || (next_lower && std::isupper(static_cast<unsigned char>(name[i - 1])))) push();
    }
    cur += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  push();
  return words;
}

bool runs_host_process(const PodTemplate& pod)
{
  if (is_true(pod.spec->path({"securityContext", "windowsOptions", "hostProcess"}))) return true;
  for (const ContainerRef& c : all_containers(pod))
    if (is_true(c.node->path({"securityContext", "windowsOptions", "hostProcess"}))) return true;
  return false;
}

bool is_windows_pod(const PodTemplate& pod)
{
  if (pod.spec->path({"os", "name"}) && pod.spec->path({"os", "name"})->str() == "windows") return true;
  const yaml::Node* os = pod.spec->path({"nodeSelector", "kubernetes.io/os"});
  return (os && os->str() == "windows") || runs_host_process(pod);
}

}  // namespace readyctl::lint
