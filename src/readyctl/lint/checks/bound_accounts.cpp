#include "readyctl/lint/checks/bound_accounts.hpp"

#include <algorithm>

namespace readyctl::lint {

BoundAccounts::BoundAccounts(const Graph& graph)
{
  for (std::string_view kind : {"RoleBinding", "ClusterRoleBinding"})
    for (const Object* b : graph.of_kind(kind)) {
      if (!b->is(kind, "rbac.authorization.k8s.io")) continue;
      const yaml::Node* subjects = b->root->get("subjects");
      if (!subjects || !subjects->is_sequence()) continue;
      for (const yaml::Node* s : subjects->children()) {
        if (!s->is_mapping() || s->str_at("kind") != "ServiceAccount" || s->str_at("name").empty()) continue;
        std::string_view ns = s->str_at("namespace");
        if (ns.empty() && kind == "RoleBinding") ns = b->ns;
        m_by_name.emplace(s->str_at("name"), Subject{ns, b});
      }
    }
}


namespace {

// Whether subject `name` of namespace `subject_ns` (empty: unstated) in `binding` is the account of `pod`'s
// namespace. A dedicated account's name says which it is. `default` is in every namespace, and among plain files a
// binding of it in another directory belongs to another application (a docs example granting `default/default`
// rights): it counts only from the pod's directory. A kustomization or a stream is applied together.
bool names_pod_account(std::string_view subject_ns, std::string_view name, const Object& binding, const Object& pod)
{
  const bool namespaces_agree = subject_ns.empty() || pod.ns.empty() || subject_ns == pod.ns;
  if (!namespaces_agree) return false;
  if (name != "default" || pod.origin || pod.file == binding.file) return true;
  return same_directory(binding, pod);
}

}  // namespace

int closeness(const Object& candidate, const Object* near)
{
  if (!near) return 0;
  if (candidate.file == near->file) return 2;
  return same_directory(candidate, *near);
}

std::vector<std::string_view> BoundAccounts::cluster_subject_namespaces() const
{
  std::vector<std::string_view> out;
  for (const auto& [name, subject] : m_by_name)
    if (subject.binding->kind == "ClusterRoleBinding" && !subject.ns.empty()) out.push_back(subject.ns);
  return out;
}

// The first binding in input order: the question is whether there is one, so copies are not told apart (which would
// cost a directory comparison per copy, per pod).
const Object* BoundAccounts::binding_for(const Object& pod, std::string_view name) const
{
  auto [lo, hi] = m_by_name.equal_range(name);
  for (auto it = lo; it != hi; ++it)
    if (names_pod_account(it->second.ns, name, *it->second.binding, pod)) return it->second.binding;
  return nullptr;
}

std::vector<const Object*> BoundAccounts::bindings_for(const Object& pod, std::string_view name) const
{
  std::vector<const Object*> out;
  auto [lo, hi] = m_by_name.equal_range(name);
  for (auto it = lo; it != hi; ++it) {
    const Object* b = it->second.binding;
    if (!names_pod_account(it->second.ns, name, *b, pod)) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const Object* o) { return same_identity(*o, *b); });
    if (same == out.end()) out.push_back(b);
    else if (closeness(*b, &pod) > closeness(**same, &pod)) *same = b;
  }
  return out;
}

}  // namespace readyctl::lint
