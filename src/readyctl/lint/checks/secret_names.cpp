#include "readyctl/lint/checks/secret_names.hpp"

#include "readyctl/lint/checks/pod_walk.hpp"

namespace readyctl::lint {
namespace {

void add(std::set<std::string, std::less<>>& names, const yaml::Node* name)
{
  if (name && name->is_scalar() && !name->str().empty()) names.emplace(name->str());
}

void add_container_refs(std::set<std::string, std::less<>>& names, const yaml::Node* container)
{
  if (const yaml::Node* env = container->get("env"); env && env->is_sequence())
    for (const yaml::Node* e : env->children()) add(names, e->path({"valueFrom", "secretKeyRef", "name"}));
  if (const yaml::Node* from = container->get("envFrom"); from && from->is_sequence())
    for (const yaml::Node* f : from->children()) add(names, f->path({"secretRef", "name"}));
}

}  // namespace

SecretNames::SecretNames(const Graph& graph)
{
  for (const Object* o : graph.of_kind("Secret"))
    if (o->group.empty()) m_names.emplace(o->name);
  for (const PodTemplate& pod : graph.pods()) {
    if (const yaml::Node* volumes = pod.spec->get("volumes"); volumes && volumes->is_sequence())
      for (const yaml::Node* v : volumes->children()) add(m_names, v->path({"secret", "secretName"}));
    for (const ContainerRef& c : all_containers(pod)) add_container_refs(m_names, c.node);
  }
}

}  // namespace readyctl::lint
