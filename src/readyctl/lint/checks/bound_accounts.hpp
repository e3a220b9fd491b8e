// ServiceAccounts that the input's RoleBindings and ClusterRoleBindings name as subjects: pods running under one of
// them were given API rights on purpose, so they need their token.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

class BoundAccounts {
public:
  explicit BoundAccounts(const Graph& graph);

  // The binding that names ServiceAccount `name` of `pod`'s namespace as a subject, or null. A subject's namespace
  // is its `namespace`, else the RoleBinding's own (as the authorizer reads it; a ClusterRoleBinding has none).
  // Namespaces compare exactly when both sides state one; an unstated side is wherever it is applied. A dedicated
  // account's name says which account it is; `default` is in every namespace, so among plain files its binding
  // counts only from the pod's directory: a docs example granting `default/default` rights no longer speaks for
  // every pod of a repository that runs as `default`.
  const Object* binding_for(const Object& pod, std::string_view name) const;
  // Every such binding, in input order of their subjects; one per binding identity (kind, scope, name): files that
  // are alternative installs of one application, linted together, each define the same binding, and a cluster
  // holds one. Of the copies, the one in the pod's file is kept, else one in its directory, else the first.
  std::vector<const Object*> bindings_for(const Object& pod, std::string_view name) const;
  // The namespaces that ClusterRoleBindings' ServiceAccount subjects state, with repeats.
  std::vector<std::string_view> cluster_subject_namespaces() const;

private:
  struct Subject {
    std::string_view ns;
    const Object* binding;
  };
  std::multimap<std::string_view, Subject, std::less<>> m_by_name;
};

// How close `candidate` sits to `near`: 2 in the same file, 1 in the same directory, 0 elsewhere (or no `near`).
int closeness(const Object& candidate, const Object* near);

}  // namespace readyctl::lint
