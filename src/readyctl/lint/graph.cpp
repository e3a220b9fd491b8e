#include "readyctl/lint/graph.hpp"

#include <algorithm>

namespace readyctl::lint {

Graph::Graph(std::span<const Object> objects) : m_objects(objects)
{
  m_first_pod.reserve(objects.size() + 1);
  for (const Object& o : objects) {
    m_first_pod.push_back(m_pods.size());
    m_by_kind[std::string(o.kind)].push_back(&o);
    std::vector<PodTemplate> pods = extract_pod_templates(o);
    std::move(pods.begin(), pods.end(), std::back_inserter(m_pods));
  }
  m_first_pod.push_back(m_pods.size());
  if (m_by_kind.contains("ServingRuntime") || m_by_kind.contains("ClusterServingRuntime")) link_serving_runtimes();
}

// KServe v0.20.0 pkg/controller/v1beta1/inferenceservice/utils/utils.go MergeRuntimeContainers: an InferenceService's
// model container is strategic-merged over the kserve-container of the runtime its `runtime:` names (a
// ServingRuntime of its namespace, else a ClusterServingRuntime of that name).
void Graph::link_serving_runtimes()
{
  std::map<const Object*, bool> all_models_sized;  // runtime -> every model naming it sets resources
  for (PodTemplate& pod : m_pods) {
    if (!pod.runtime_container || !pod.owner->is("InferenceService", "serving.kserve.io")) continue;
    const std::string_view name = pod.runtime_container->str_at("runtime");
    if (name.empty()) continue;
    const Object* runtime = find("ServingRuntime", pod.owner->scope, name);
    if (!runtime || runtime->group != "serving.kserve.io")
      for (const Object* o : of_kind("ClusterServingRuntime"))
        if (o->name == name && o->group == "serving.kserve.io") runtime = o;
    if (!runtime || runtime->group != "serving.kserve.io") continue;
    pod.serving_runtime = runtime;
    const bool sized = pod.runtime_container->get("resources") != nullptr;
    auto [it, added] = all_models_sized.try_emplace(runtime, sized);
    if (!added) it->second = it->second && sized;
  }
  for (PodTemplate& pod : m_pods)
    if (auto it = all_models_sized.find(pod.owner); it != all_models_sized.end() && pod.part == "runtime")
      pod.resources_from_models = it->second;
}

std::span<const PodTemplate> Graph::pods_of(const Object* owner) const
{
  if (m_objects.empty() || owner < m_objects.data() || owner >= m_objects.data() + m_objects.size()) return {};
  auto i = static_cast<size_t>(owner - m_objects.data());
  return std::span<const PodTemplate>(m_pods).subspan(m_first_pod[i], m_first_pod[i + 1] - m_first_pod[i]);
}

std::span<const PodTemplate> Graph::pods_in(size_t first, size_t last) const
{
  return std::span<const PodTemplate>(m_pods).subspan(m_first_pod[first], m_first_pod[last] - m_first_pod[first]);
}

const std::vector<const Object*>& Graph::of_kind(std::string_view kind) const
{
  static const std::vector<const Object*> none;
  auto it = m_by_kind.find(kind);
  return it == m_by_kind.end() ? none : it->second;
}

std::vector<const Object*> Graph::of_kind_in(std::string_view kind, std::string_view scope) const
{
  std::vector<const Object*> out;
  for (const Object* o : of_kind(kind))
    if (o->scope == scope) out.push_back(o);
  return out;
}

const Object* Graph::find(std::string_view kind, std::string_view scope, std::string_view name) const
{
  for (const Object* o : of_kind(kind))
    if (o->scope == scope && o->name == name) return o;
  return nullptr;
}

const Object* Graph::find_in_other_unit(std::string_view kind, std::string_view group, std::string_view scope,
                                        std::string_view name, bool any_scope) const
{
  if (!m_input) return nullptr;
  for (const Object* o : m_input->of_kind(kind))
    if ((group == "*" || o->group == group) && o->name == name && (any_scope || o->scope == scope)) return o;
  return nullptr;
}

}  // namespace readyctl::lint
